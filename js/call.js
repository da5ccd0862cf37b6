// Drives one call of the module: `prepare` checks it and builds the request
// (asking for a SecretHash first when a client secret is configured), each
// attempt's answer goes to `settle`, which returns the result, the error, or
// how long to wait before the next attempt. All decisions are the module's;
// this file only awaits the platform between them.
import { prepare, settle, fail } from "./cognito_signup.js";
import { exchange, sleep, secretHash } from "./platform.js";

/** The verdict on a call aborted before its next attempt was sent. */
const unsent = (state) => fail(state, "AbortError", "", false);

async function call(op, input, config) {
  let plan = prepare(op, input, config, undefined);
  if (plan.hmac) plan = prepare(op, input, config, await secretHash(...plan.hmac).catch(() => null));
  let state = plan.state;
  for (;;) {
    let next;
    if (plan.signal?.aborted) next = unsent(state);
    else {
      const a = await exchange(plan.url, plan.headers, plan.body, plan.timeoutMs, plan.signal);
      next = a.failure === undefined ? settle(state, a.status, a.requestId, a.errorType, a.body) : fail(state, a.failure, a.message, true);
    }
    state = next.state;
    if (next.wait === undefined) {
      if (next.error === undefined) return next.value;
      throw next.error;
    }
    const aborted = await sleep(next.wait, plan.signal).then(() => false, () => true);
    if (aborted) throw unsent(state).error;
  }
}

/**
 * Checks and builds a made-up sign-up (nothing is sent), so that the engine
 * compiles that code while the page is idle rather than at the user's tap.
 */
export function warmUp() {
  try {
    prepare(0, { ClientId: "warm", Username: "warm", Password: "warm" }, { region: "us-east-1" }, undefined);
  } catch {
    // a refusal warms up as well
  }
}

/** The three operations; until `loaded()` is true, each awaits `init()` (the module's loading) first. */
export function operations(init, loaded) {
  const run = (op) => (input, config) => (loaded() ? call(op, input, config) : init().then(() => call(op, input, config)));
  return { signUp: run(0), confirmSignUp: run(1), resendConfirmationCode: run(2) };
}
