// Not a library: the floor (a hand-written fetch) that waits for an empty
// wasm module (8 bytes), fetched and compiled as cognito-signup's browser
// entry fetches and compiles its own. What a separately fetched module costs
// a tap at ready, whatever is inside it.
import { createSignUp as floor } from "../entries/fetch.mjs";

let loading;

/** Starts loading the module (once). */
export const ready = () =>
  (loading ??= fetch(new URL("./gate.wasm", import.meta.url))
    .then((response) => WebAssembly.compileStreaming(response))
    .then((module) => new WebAssembly.Instance(module)));

export function createSignUp(endpoint) {
  const signUp = floor(endpoint);
  return async (username) => {
    await ready();
    return signUp(username);
  };
}
