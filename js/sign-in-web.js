// The sign-in calls for browsers and bundlers (index.js loads this on the
// first one): the sign-in module fetched from next to this file.
import { signInCalls } from "./sign-in-calls.js";

export const { signIn, respondToAuthChallenge, associateSoftwareToken, verifySoftwareToken, startWebAuthnRegistration, completeWebAuthnRegistration } = signInCalls(
  () => new URL("./cognito_signup_signin_bg.wasm", import.meta.url),
);
