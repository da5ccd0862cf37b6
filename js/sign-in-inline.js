// The sign-in calls with the sign-in module inside, as Base64 (node.js,
// node.cjs and inline.js load this on the first one): for servers, and for
// bundlers that copy no .wasm.
import { signInCalls } from "./sign-in-calls.js";
import { signInWasmBytes } from "./signin_inline.js";

export const { signIn, respondToAuthChallenge, associateSoftwareToken, verifySoftwareToken, startWebAuthnRegistration, completeWebAuthnRegistration } = signInCalls(signInWasmBytes);
