// The plain page's own script: the element's config from the query, and its
// signup-confirmed event shown.
const query = new URLSearchParams(location.search);
const element = document.querySelector("cognito-sign-up");
element.config = { clientId: query.get("client"), endpoint: query.get("endpoint"), attributes: ["email"] };
element.addEventListener("signup-confirmed", (event) => (document.getElementById("confirmed").textContent = event.detail.username));
