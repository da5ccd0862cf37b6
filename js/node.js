// The Node entry of cognito-signup: the wasm is read and instantiated at
// import, synchronously, so `import` and `require()` both work.
import { readFileSync } from "node:fs";
import { initSync } from "./cognito_signup.js";
import { operations } from "./call.js";

initSync({ module: readFileSync(new URL("./cognito_signup_bg.wasm", import.meta.url)) });

/** Already loaded in Node: resolves at once. */
export function init() {
  return Promise.resolve();
}

export const { signUp, confirmSignUp, resendConfirmationCode } = operations(init, () => true);
export { checkPassword } from "./cognito_signup.js";
