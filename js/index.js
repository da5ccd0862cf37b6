// The browser and bundler entry of cognito-signup: the wasm loads on the
// first call (no top-level await, so it builds for older targets, survives
// tree-shaking, and a load failure is a rejected promise, not a dead page).
import load, { checkPassword as checkNow } from "./cognito_signup.js";
import { operations } from "./call.js";

let ready;
let loaded = false;

/** Loads the wasm module; the calls do it themselves, `checkPassword` needs it done. */
export function init() {
  ready ??= load({ module_or_path: new URL("./cognito_signup_bg.wasm", import.meta.url) }).then(() => {
    loaded = true;
  });
  return ready;
}

export const { signUp, confirmSignUp, resendConfirmationCode } = operations(init, () => loaded);

/** Every rule of `policy` that `password` does not meet. Needs `await init()` first in a browser. */
export function checkPassword(password, policy) {
  if (!loaded) {
    const error = new Error("checkPassword needs the module loaded: await init() first");
    error.name = "NotLoadedError";
    throw error;
  }
  return checkNow(password, policy);
}
