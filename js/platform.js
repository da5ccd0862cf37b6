// The platform steps a call awaits, one promise each: a request bounded by
// its timeout and the caller's signal, an abortable wait, and a SecretHash. What
// to send, what an answer means and when to retry are the wasm module's.

/**
 * POSTs `body` to `url`. Resolves to `{ status, requestId, errorType, body }`
 * (`requestId` and `body` undefined when absent or not JSON, `errorType`
 * null for a 2xx), or to `{ failure, message }` when no
 * answer arrived: `failure` is "AbortError", "TimeoutError" or "NetworkError".
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
      errorType: response.ok ? null : response.headers.get("x-amzn-errortype"),
      body: json,
    };
  } catch (error) {
    return {
      failure: signal?.aborted ? "AbortError" : timeout?.aborted ? "TimeoutError" : "NetworkError",
      message: String(error?.message ?? error),
    };
  }
}

/** Resolves after `ms` milliseconds; rejects as soon as `signal` aborts. */
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve();
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
