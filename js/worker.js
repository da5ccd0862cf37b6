// The Cloudflare Workers entry (the `workerd` condition): Workers refuse to
// compile wasm from bytes, so the `.wasm` is imported as a module, which
// wrangler bundles by default. Instantiated synchronously on first use.
import wasm from "./cognito_signup_bg.wasm";
import { loadSync } from "./load.js";

export const { init, signUp, confirmSignUp, resendConfirmationCode, initiateAuth, checkPassword } = loadSync(() => wasm);

/** A sign-in call, loaded (with the sign-in module) the first time one is called. */
const later = (name) => (input, config) => import("./sign-in-worker.js").then((m) => m[name](input, config));
export const signIn = later("signIn");
export const respondToAuthChallenge = later("respondToAuthChallenge");
export const associateSoftwareToken = later("associateSoftwareToken");
export const verifySoftwareToken = later("verifySoftwareToken");
export const startWebAuthnRegistration = later("startWebAuthnRegistration");
export const completeWebAuthnRegistration = later("completeWebAuthnRegistration");
