// The browser and bundler entry of cognito-signup: the wasm is fetched from
// next to this file (bundlers copy it) on the first call or `init()`. No
// top-level await, so it builds for older targets and survives tree-shaking.
import { loadAsync } from "./load.js";

/**
 * Fetches and compiles the wasm module off the main thread, so that
 * `initSync` only instantiates it. (wasm-bindgen's own async loader would
 * ship half a kilobyte more.)
 */
async function compile() {
  const url = new URL("./cognito_signup_bg.wasm", import.meta.url);
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

export const { init, signUp, confirmSignUp, resendConfirmationCode, checkPassword } = loadAsync(compile);
