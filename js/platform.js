// The platform steps a call awaits, one promise each: a request bounded by
// its timeout and the caller's signal, an abortable wait, and a SecretHash. What
// to send, what an answer means and when to retry are the wasm module's.

/**
 * POSTs `body` to `url`. Resolves to `{ status, requestId, errorType, body }`
 * (`requestId` and `body` undefined when absent or not JSON, `errorType`
 * undefined for a 2xx), or, when no answer arrived, to `{ aborted: true }`
 * (by `signal`), `{ timedOut: true }`, or `{ message }` (the network failed).
 */
export async function exchange(url, headers, body, timeoutMs, signal) {
  const timeout = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
  // AbortSignal.any is missing before Safari 17.4: the timeout then still holds.
  const either = signal && timeout ? (AbortSignal.any?.([signal, timeout]) ?? timeout) : (signal ?? timeout);
  // Awaits, not a chain of .then(): each link of a chain costs a call more CPU.
  try {
    const response = await fetch(url, { method: "POST", headers, body, credentials: "omit", signal: either });
    let json;
    try {
      json = await response.json();
    } catch (error) {
      if (error.name !== "SyntaxError") throw error;
    }
    return {
      status: response.status,
      requestId: response.headers.get("x-amzn-requestid") ?? undefined,
      // Only failures are named by this header; a 2xx never needs it.
      errorType: response.ok ? undefined : (response.headers.get("x-amzn-errortype") ?? undefined),
      body: json,
    };
  } catch (error) {
    if (signal?.aborted) return { aborted: true };
    if (timeout?.aborted) return { timedOut: true };
    return { message: String(error?.message ?? error) };
  }
}

/** Resolves to true after `ms` milliseconds, or to false as soon as `signal` aborts. */
export function sleep(ms, signal) {
  return new Promise((resolve) => {
    const abort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve(true);
    }, ms);
    signal?.addEventListener("abort", abort, { once: true });
  });
}

/** The SecretHash: Base64 of the HMAC-SHA256 of `message` under `secret`, with WebCrypto. */
export async function secretHash(secret, message) {
  const text = new TextEncoder();
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey("raw", text.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return btoa(String.fromCharCode(...new Uint8Array(await subtle.sign("HMAC", key, text.encode(message)))));
}
