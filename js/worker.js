// The Cloudflare Workers entry (the `workerd` condition): Workers refuse to
// compile wasm from bytes, so the `.wasm` is imported as a module, which
// wrangler bundles by default. Instantiated synchronously on first use.
import wasm from "./cognito_signup_bg.wasm";
import { loadSync } from "./load.js";

export const { init, signUp, confirmSignUp, resendConfirmationCode, initiateAuth, checkPassword } = loadSync(() => wasm);
