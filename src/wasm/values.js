// Property access for the wasm shell, cheaper than Reflect through
// wasm-bindgen's exception wrapper, and safe with getters that throw.

/** `target[key]`, or `undefined` if reading it throws. */
export function get(target, key) {
  try {
    return target[key];
  } catch {}
}

/** `target[key] = value`, on an object the module created. */
export function put(target, key, value) {
  target[key] = value;
}

/** The own enumerable keys of `target` that are not in `allowed`. */
export function unknownKeys(target, allowed) {
  try {
    return Object.keys(target).filter((key) => !allowed.includes(key));
  } catch {
    return [];
  }
}

