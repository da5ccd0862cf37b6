// The sign-in calls for Cloudflare Workers (worker.js loads this on the first
// one): the sign-in module imported as a module, which Workers require.
import wasm from "./cognito_signup_signin_bg.wasm";
import { signInCalls } from "./sign-in-calls.js";

export const { signIn, respondToAuthChallenge, associateSoftwareToken, verifySoftwareToken, startWebAuthnRegistration, completeWebAuthnRegistration } = signInCalls(() => wasm);
