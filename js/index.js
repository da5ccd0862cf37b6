// The browser and bundler entry of cognito-signup: the wasm is fetched from
// next to this file (bundlers copy it), or from where `init(where)` says, on
// the first call or `init()`. No top-level await, so it builds for older
// targets and survives tree-shaking.
import { loadAsync } from "./load.js";

export const { init, signUp, confirmSignUp, resendConfirmationCode, initiateAuth, checkPassword } = loadAsync(
  () => new URL("./cognito_signup_bg.wasm", import.meta.url),
);

/** A sign-in call, loaded (with the sign-in module) the first time one is called. */
const later = (name) => (input, config) => import("./sign-in.js").then((m) => m[name](input, config));
export const signIn = later("signIn");
export const respondToAuthChallenge = later("respondToAuthChallenge");
export const associateSoftwareToken = later("associateSoftwareToken");
export const verifySoftwareToken = later("verifySoftwareToken");
export const startWebAuthnRegistration = later("startWebAuthnRegistration");
export const completeWebAuthnRegistration = later("completeWebAuthnRegistration");
