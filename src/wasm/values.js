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


// The objects the steps return, built here as literals: a few fixed shapes
// are far cheaper for the engine than properties added one by one from wasm.

/** `prepare`'s plan of a call. */
export function plan(url, headers, body, timeoutMs, signal, state) {
  return { url, headers, body, timeoutMs, signal, state };
}

/** `settle`'s verdict: a `value`, an `error`, or a `wait` before retrying. */
export function verdict(value, error, wait, state) {
  return { value, error, wait, state };
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
