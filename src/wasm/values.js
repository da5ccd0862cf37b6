// The wasm shell's JavaScript side, for speed: property access (cheaper
// than Reflect through wasm-bindgen's exception wrapper, and safe with
// getters that throw), and the objects the steps return.

/** `target[key]`, or `undefined` if it is `null` or reading it throws. */
export function get(target, key) {
  try {
    return target[key] ?? undefined;
  } catch {}
}

/** Whether `value` is an object but not an array (nor `null`). */
export function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `target[key] = value`, on an object the module created. */
export function put(target, key, value) {
  target[key] = value;
}

/** `Object.keys(target)`, or none if listing them throws (a Proxy's trap). */
function ownKeys(target) {
  try {
    return Object.keys(target);
  } catch {
    return [];
  }
}

/** The own enumerable keys of `target` that are not in `allowed`. */
export function unknownKeys(target, allowed) {
  return ownKeys(target).filter((key) => !allowed.includes(key));
}

// The slots that the shell reads an object's members into, one call per
// object (see read.rs); the shell takes each value out once.
const slots = [];

/**
 * Reads `target[keys[i]]` (as `get` does) into slot `base + i`; returns the
 * bitmask of the members that hold a value, with bit 31 set when `target`
 * has an own enumerable key that is not in `keys`. The shell reserved these
 * slots: a getter that calls the module again reads into slots above them.
 */
export function load(target, keys, base) {
  let present = 0;
  for (let i = 0; i < keys.length; i++) {
    const value = get(target, keys[i]);
    slots[base + i] = value;
    if (value !== undefined) present |= 1 << i;
  }
  return unknownKeys(target, keys).length > 0 ? present | (1 << 31) : present;
}

/**
 * Reads `target`'s own enumerable keys and their values, as pairs of slots
 * from `base` on, leaving out `undefined` values; returns how many pairs.
 * All are read before any slot is written: a getter may call the module
 * again, whose reading then uses (and gives back) the slots from `base` on.
 */
export function loadOwn(target, base) {
  const pairs = [];
  for (const key of ownKeys(target)) {
    const value = get(target, key);
    if (value !== undefined) pairs.push(key, value);
  }
  for (let i = 0; i < pairs.length; i++) slots[base + i] = pairs[i];
  return pairs.length / 2;
}

/** Slot `i`'s value, which the slot gives up. */
export function take(i) {
  const value = slots[i];
  slots[i] = undefined;
  return value;
}

/** Slot `i`'s value if it is a string, else `undefined`; the slot gives it up. */
export function takeString(i) {
  const value = take(i);
  return typeof value === "string" ? value : undefined;
}

// The objects the steps return, built here as literals: a few fixed shapes
// are far cheaper for the engine than properties added one by one from wasm.

/** `prepare`'s plan of a call. */
export function plan(url, headers, body, timeoutMs, signal, state) {
  return { url, headers, body, timeoutMs, signal, state };
}

/** The verdict on a failed attempt: an `error`, or a `wait` before retrying. */
export function verdict(error, wait, state) {
  return { value: undefined, error, wait, state };
}

/** The verdict on a successful attempt: `value`, given its `$metadata`. */
export function succeed(value, httpStatusCode, requestId, attempts, totalRetryDelay, state) {
  value.$metadata = metadata(httpStatusCode, requestId, attempts, totalRetryDelay);
  return { value, error: undefined, wait: undefined, state };
}

/** Whether `typeof target[key]` is `type`, on a parsed JSON body. */
export function hasType(target, key, type) {
  return typeof target[key] === type;
}

/** `$metadata` as the AWS SDK shapes it; absent members are left out. */
export function metadata(httpStatusCode, requestId, attempts, totalRetryDelay) {
  const m = {};
  if (httpStatusCode !== undefined) m.httpStatusCode = httpStatusCode;
  if (requestId !== undefined) m.requestId = requestId;
  m.attempts = attempts;
  m.totalRetryDelay = totalRetryDelay;
  return m;
}
