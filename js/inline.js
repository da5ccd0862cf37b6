// The entry that needs no asset (`cognito-signup/inline`): the wasm travels
// inside this JS module as Base64, for bundlers that do not copy a `.wasm`
// (Rollup) and for pages that want one request fewer. Compiled on the first
// call or `init()`.
import { loadAsync } from "./load.js";
import { wasmBytes } from "./wasm_inline.js";

export const { init, signUp, confirmSignUp, resendConfirmationCode, initiateAuth, checkPassword } = loadAsync(wasmBytes);
