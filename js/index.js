// The browser and bundler entry of cognito-signup: the wasm loads on the
// first call (no top-level await, so it builds for older targets, survives
// tree-shaking, and a load failure is a rejected promise, not a dead page).
import { initSync, checkPassword as checkNow } from "./cognito_signup.js";
import { operations } from "./call.js";

let ready;
let loaded = false;

/**
 * Fetches and compiles the wasm module off the main thread, so that
 * `initSync` only instantiates it. (wasm-bindgen's own async loader would
 * ship half a kilobyte more.)
 */
async function compile(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cognito-signup: fetching ${url} gave HTTP ${response.status}`);
  try {
    return await WebAssembly.compileStreaming(response);
  } catch (error) {
    // Streaming needs the type application/wasm, which not every server
    // sends, and refuses the body unread; any other error has read it.
    if (response.bodyUsed) throw error;
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

/** Loads the wasm module; the calls do it themselves, `checkPassword` needs it done. */
export function init() {
  ready ??= compile(new URL("./cognito_signup_bg.wasm", import.meta.url)).then((module) => {
    initSync({ module });
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
