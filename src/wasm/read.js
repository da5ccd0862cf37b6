// Reading the caller's objects for the shell (src/wasm/read.rs): safe with
// getters and Proxy traps that throw, which read as absent.

/** `target[key]`, or `undefined` if it is `null` or reading it throws. */
export function get(target, key) {
  try {
    return target[key] ?? undefined;
  } catch {}
}

/** `Object.keys(target)`, or none if listing them throws. */
export function keys(target) {
  try {
    return Object.keys(target);
  } catch {
    return [];
  }
}

/** `get(target, key)`, and `key` leaves `unread`, the keys not read yet. */
export function take(target, key, unread) {
  const at = unread.indexOf(key);
  if (at >= 0) unread.splice(at, 1);
  return get(target, key);
}
