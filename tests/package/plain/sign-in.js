// A plain page (no bundler) that signs in through the installed package with
// the query's endpoint, pool, client, user and password: the ID token's sub,
// or the failure.
import { signIn } from "./node_modules/cognito-signup/index.js";
import { failure } from "./steps.mjs";

const query = new URLSearchParams(location.search);
const show = (text) => (document.getElementById("result").textContent = text);
signIn({ ClientId: query.get("client"), Username: query.get("username"), Password: query.get("password") }, { endpoint: query.get("endpoint"), userPoolId: query.get("pool") }).then(
  (out) => show(`sub ${JSON.parse(atob(out.AuthenticationResult.IdToken.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))).sub}`),
  (error) => show(failure(error)),
);
