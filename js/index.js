// The browser and bundler entry of cognito-signup: the wasm is fetched from
// next to this file (bundlers copy it), or from where `init(where)` says, on
// the first call or `init()`. No top-level await, so it builds for older
// targets and survives tree-shaking.
import { loadAsync } from "./load.js";

export const { init, signUp, confirmSignUp, resendConfirmationCode, initiateAuth, checkPassword } = loadAsync(
  () => new URL("./cognito_signup_bg.wasm", import.meta.url),
);
