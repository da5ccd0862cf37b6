// The objects the shell's steps and errors become (src/wasm/write.rs), built
// as literals: a few fixed shapes are cheaper for the engine than properties
// added one by one from wasm.

/** `target[key] = value`, on an object the module created. */
export function put(target, key, value) {
  target[key] = value;
}

/** A call that started: its handle, the caller's signal, and its first step. */
export function started(call, signal, step) {
  return { call, signal, step };
}

/** The step "compute the SecretHash": Base64(HMAC-SHA256(secret, message)). */
export function hmac(secret, message) {
  return { hmac: [secret, message] };
}

/** The step "send this request". */
export function send(url, headers, body, timeoutMs) {
  return { url, headers, body, timeoutMs };
}

/** The step "wait `ms` milliseconds". */
export function wait(ms) {
  return { wait: ms };
}

/** The last step of a call that succeeded: `value`, given its `$metadata`. */
export function succeed(value, metadata) {
  value.$metadata = metadata;
  return { value };
}

/** The last step of a call that failed. */
export function fail(error) {
  return { error };
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
