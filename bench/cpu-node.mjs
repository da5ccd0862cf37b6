// Client CPU per sign-up in Node 20, fetch stubbed in process (see stub.mjs).
// Usage: node bench/cpu-node.mjs DIST_DIR ID... ; prints { id: [µs per call, round by round] }.
import { stubFetch, timeInterleaved, ENDPOINT } from "./stub.mjs";

const [dist, ...ids] = process.argv.slice(2);
globalThis.self = globalThis; // amazon-cognito-identity-js's fetch shim reads `self`
const counter = stubFetch(globalThis);
const signUps = {};
for (const id of ids) signUps[id] = (await import(`${dist}/${id}.js`)).createSignUp(ENDPOINT);
// The warm-up is long enough for V8 to finish optimising: wasm starts in its baseline
// compiler (Liftoff) and the optimised code arrives from a background thread. Measured
// here, cognito-signup's first 2,000 calls ran 3× slower than its steady state, and
// calls 5,000 to 7,000 still 15% slower; from about 9,000 on it is steady.
const options = { warmup: 10000, calls: 2000, reps: 7, now: () => performance.now() };
const result = await timeInterleaved(signUps, options);
const expected = ids.length * (options.warmup + options.calls * options.reps);
if (counter.calls !== expected) throw new Error(`${counter.calls} requests, expected ${expected}`);
console.log(JSON.stringify(result));
