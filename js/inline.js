// The entry that needs no asset (`cognito-signup/inline`): the wasm travels
// inside this JS module as Base64, for bundlers that do not copy a `.wasm`
// (Rollup) and for pages that want one request fewer. Compiled on the first
// call or `init()`.
import { loadAsync } from "./load.js";
import { wasmBytes } from "./wasm_inline.js";

export const { init, signUp, confirmSignUp, resendConfirmationCode, initiateAuth, checkPassword } = loadAsync(wasmBytes);

/** A sign-in call, loaded (with the sign-in module) the first time one is called. */
const later = (name) => (input, config) => import("./sign-in-inline.js").then((m) => m[name](input, config));
export const signIn = later("signIn");
export const respondToAuthChallenge = later("respondToAuthChallenge");
export const associateSoftwareToken = later("associateSoftwareToken");
export const verifySoftwareToken = later("verifySoftwareToken");
export const startWebAuthnRegistration = later("startWebAuthnRegistration");
export const completeWebAuthnRegistration = later("completeWebAuthnRegistration");
