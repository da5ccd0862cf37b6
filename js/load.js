// How an entry loads the wasm module: once, when first needed. A failed load
// is forgotten, so the next call or `init()` tries again (a flaky network, a
// deploy in progress) instead of failing until the page reloads.
import { initSync, checkPassword as check } from "cognito-signup-glue";
import { operations, warmUp } from "./call.js";
import { compile } from "./compile.js";

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
