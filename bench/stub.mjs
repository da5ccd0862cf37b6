// The in-process fetch stub of the CPU benchmarks (its canned answer also
// serves bench/server.mjs): every Cognito request is
// answered at once with a canned SignUp response, so the network is out.
export const ENDPOINT = "https://cognito-idp.us-east-1.amazonaws.com/";
export const CANNED = JSON.stringify({
  CodeDeliveryDetails: { AttributeName: "email", DeliveryMedium: "EMAIL", Destination: "a***@e***" },
  UserConfirmed: false,
  UserSub: "c4dda929-27e6-44f3-9a6a-341844c1c1cd",
});
export const HEADERS = { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "7d1b6f2e-0000-4000-8000-000000000000" };

/** Replaces `fetch` for ENDPOINT; returns a counter of the requests it answered. */
export function stubFetch(scope) {
  const real = scope.fetch;
  const counter = { calls: 0 };
  scope.fetch = (input, init) => {
    const url = typeof input === "string" ? input : input.url ?? String(input);
    if (!url.startsWith(ENDPOINT)) return real(input, init);
    counter.calls++;
    return Promise.resolve(new Response(CANNED, { status: 200, headers: HEADERS }));
  };
  return counter;
}

/** Median of numbers. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Times `calls` sequential sign-ups of each library, interleaved: `reps`
 * rounds, each timing every library once in a rotated order. Returns each
 * library's microseconds per call, round by round.
 */
export async function timeInterleaved(signUps, { warmup, calls, reps, now }) {
  const ids = Object.keys(signUps);
  for (const id of ids) for (let i = 0; i < warmup; i++) await signUps[id](`warm${i}`);
  const samples = Object.fromEntries(ids.map((id) => [id, []]));
  for (let rep = 0; rep < reps; rep++) {
    for (let k = 0; k < ids.length; k++) {
      const id = ids[(k + rep) % ids.length];
      const started = now();
      for (let i = 0; i < calls; i++) await signUps[id](`user${i}`);
      samples[id].push(((now() - started) * 1000) / calls);
    }
  }
  return samples;
}

/** Each library's median microseconds per call over every round of `runs` (results of `timeInterleaved`). */
export const perCall = (runs) => Object.fromEntries(Object.keys(runs[0]).map((id) => [id, median(runs.flatMap((run) => run[id]))]));
