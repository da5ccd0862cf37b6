// A plain page (no bundler) that signs a user up through the installed package: no wasm
// plugin, no init call. The test passes the emulator in the query string.
import { signUp } from "./node_modules/cognito-signup/index.js";

const query = new URLSearchParams(location.search);
const Username = `plain${Date.now()}`;
signUp(
  { ClientId: query.get("client"), Username, Password: "Corr3ct-Horse!", UserAttributes: { email: `${Username}@example.com` } },
  { endpoint: query.get("endpoint") },
).then(
  (out) => (document.getElementById("result").textContent = JSON.stringify(out)),
  (error) => (document.getElementById("result").textContent = `error ${error.name}: ${error.message}`),
);
