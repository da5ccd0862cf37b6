// The element's configuration for every framework app here: the pool's
// client and endpoint from the page's query (the test's recording proxy in
// front of cognito-local), asking for an email.
const query = new URLSearchParams(location.search);
export const config = { clientId: query.get("client"), endpoint: query.get("endpoint"), attributes: ["email"] };
