// The element's configuration for the query's client and endpoint (the test's proxy in front of cognito-local).
export const configOf = (query) => ({ clientId: query.get("client"), endpoint: query.get("endpoint"), attributes: ["email"] });

export function GET(request) {
  return Response.json(configOf(new URL(request.url).searchParams));
}
