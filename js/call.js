// Drives one call of the module: `start` checks it and gives the first step;
// this file performs each step with the platform and hands back what
// happened, one export per event, until a step carries the result or the
// error. All decisions are the module's; this file only awaits. The module
// is wasm-bindgen's glue, bound at build (scripts/build.sh): the sign-up
// module's for the entries, the sign-in module's for sign-in-calls.js.
import { start, hashed, answered, failed, timedOut, aborted, waited } from "cognito-signup-glue";
import { exchange, sleep, secretHash } from "./platform.js";

/** Runs a started call (`{ call, signal, step }`) to its result, or throws its error. */
export async function run({ call, signal, step: first }) {
  for (let step = first; ; ) {
    if (step.hmac) step = hashed(call, await secretHash(...step.hmac).catch(() => undefined));
    else if (step.url !== undefined) step = signal?.aborted ? aborted(call, false) : await send(call, step, signal);
    else if (step.wait !== undefined) step = (await sleep(step.wait, signal)) ? waited(call) : aborted(call, false);
    else if (step.error) throw step.error;
    else return step.value;
  }
}

/** Sends a step's request; the step after its answer, or after its lack of one. */
async function send(call, step, signal) {
  const a = await exchange(step.url, step.headers, step.body, step.timeoutMs, signal);
  if (a.status !== undefined) return answered(call, a.status, a.requestId, a.errorType, a.body);
  return a.aborted ? aborted(call, true) : a.timedOut ? timedOut(call) : failed(call, a.message);
}

/**
 * Checks and builds a made-up sign-up (nothing is sent), so that the engine
 * compiles that code while the page is idle rather than at the user's tap.
 */
export function warmUp() {
  try {
    const { call } = start(0, { ClientId: "warm", Username: "warm", Password: "warm" }, { region: "us-east-1" });
    aborted(call, false);
  } catch {
    // a refusal warms up as well
  }
}

/**
 * Operation number `op` as a function of `(input, config)`; until
 * `loaded()` is true, it awaits `init()` (the module's loading) first.
 */
export const operation = (op, init, loaded) => (input, config) => (loaded() ? call(op, input, config) : init().then(() => call(op, input, config)));

/** The sign-up module's four operations. */
export function operations(init, loaded) {
  const op = (n) => operation(n, init, loaded);
  return { signUp: op(0), confirmSignUp: op(1), resendConfirmationCode: op(2), initiateAuth: op(3) };
}

/** Runs operation `op`; a refusal rejects, as every failure does. */
const call = async (op, input, config) => run(start(op, input, config));
