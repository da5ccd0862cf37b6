// How an entry loads the wasm module: once, when first needed. A failed load
// is forgotten, so the next call or `init()` tries again (a flaky network, a
// deploy in progress) instead of failing until the page reloads.
import { initSync, checkPassword as check } from "./cognito_signup.js";
import { operations, warmUp } from "./call.js";

/**
 * The module from `source`: a `WebAssembly.Module`, its bytes, or a
 * `Response`, URL or string to fetch it from. Compiled off the main thread,
 * so that `initSync` only instantiates it (wasm-bindgen's own async loader
 * would ship half a kilobyte more). Nothing is awaited before the fetch: it
 * must start now, not after the rest of the caller's task (the element
 * renders its form right after).
 */
async function compile(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source.byteLength >= 0) return WebAssembly.compile(source); // an ArrayBuffer or a view of one
  if (!(source instanceof Response)) source = await fetch(source);
  if (!source.ok) throw new Error(`${source.url}: HTTP ${source.status}; use "cognito-signup/inline" or init(url)`);
  try {
    return await WebAssembly.compileStreaming(source);
  } catch (error) {
    // Streaming needs the type application/wasm, which not every server
    // sends, and refuses the body unread; any other error has read it.
    if (source.bodyUsed) throw error;
    return WebAssembly.compile(await source.arrayBuffer());
  }
}

/**
 * An entry's exports when its module is compiled asynchronously (browsers),
 * from `init(where)`'s source or else from the entry's own, `own()`.
 */
export function loadAsync(own) {
  let ready;
  let loaded = false;
  const init = (where) =>
    (ready ??= compile(where ?? own()).then(
      (module) => {
        initSync({ module });
        loaded = true;
        // In a task of its own: a call waiting for the module goes first.
        setTimeout(warmUp);
      },
      (error) => {
        ready = undefined;
        throw error;
      },
    ));
  return entry(init, () => loaded, () => {
    if (!loaded) {
      const error = new Error("checkPassword needs the module loaded: await init() first");
      error.name = "NotLoadedError";
      throw error;
    }
  });
}

/** An entry's exports when `module()` can be instantiated synchronously on first use (servers, Workers). */
export function loadSync(module) {
  let loaded = false;
  const load = () => {
    if (!loaded) initSync({ module: module() });
    loaded = true;
  };
  // The first call goes through `init`, so a failure is a rejection, not a throw.
  return entry(async () => load(), () => loaded, load);
}

function entry(init, loaded, beforeCheck) {
  return {
    init,
    ...operations(init, loaded),
    /** Every rule of `policy` that `password` does not meet. */
    checkPassword(password, policy) {
      beforeCheck();
      return check(password, policy);
    },
  };
}
