// The server entry (Node, Deno, Bun, Next.js server code): the wasm is inside
// the module, so importing reads no file and needs no permission, and a
// server bundler has no asset to copy. It is instantiated synchronously on
// first use, so `checkPassword` needs no `init()`. Also bundled as CommonJS, so
// `require()` works on every supported Node.
import { loadSync } from "./load.js";
import { wasmBytes } from "./wasm_inline.js";

export const { init, signUp, confirmSignUp, resendConfirmationCode, initiateAuth, checkPassword } = loadSync(wasmBytes);

/** A sign-in call, loaded (with the sign-in module) the first time one is called. */
const later = (name) => (input, config) => import("./sign-in-inline.js").then((m) => m[name](input, config));
export const signIn = later("signIn");
export const respondToAuthChallenge = later("respondToAuthChallenge");
export const associateSoftwareToken = later("associateSoftwareToken");
export const verifySoftwareToken = later("verifySoftwareToken");
export const startWebAuthnRegistration = later("startWebAuthnRegistration");
export const completeWebAuthnRegistration = later("completeWebAuthnRegistration");
