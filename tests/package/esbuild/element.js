// <cognito-sign-up> in an esbuild bundle: esbuild copies no .wasm, so the
// app imports the element that carries it inside.
import "cognito-signup/element/inline";

const query = new URLSearchParams(location.search);
const element = document.querySelector("cognito-sign-up");
element.config = { clientId: query.get("client"), endpoint: query.get("endpoint"), attributes: ["email"] };
element.addEventListener("signup-confirmed", (event) => (document.getElementById("confirmed").textContent = event.detail.username));
