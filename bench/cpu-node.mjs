// Client CPU per sign-up in Node 20, fetch stubbed in process (see stub.mjs).
// Usage: node bench/cpu-node.mjs DIST_DIR ID... ; prints { id: µs per call }.
import { stubFetch, timeInterleaved, ENDPOINT } from "./stub.mjs";

const [dist, ...ids] = process.argv.slice(2);
globalThis.self = globalThis; // amazon-cognito-identity-js's fetch shim reads `self`
const counter = stubFetch(globalThis);
const signUps = {};
for (const id of ids) signUps[id] = (await import(`${dist}/${id}.js`)).createSignUp(ENDPOINT);
// The warm-up is long enough for V8 to finish tiering up: wasm starts in its baseline
// compiler (Liftoff) and the optimised code arrives from a background thread, which
// took cognito-signup about 4,000 calls here (its first rounds of 2,000 ran 3× slower).
const options = { warmup: 5000, calls: 2000, reps: 5, now: () => performance.now() };
const result = await timeInterleaved(signUps, options);
const expected = ids.length * (options.warmup + options.calls * options.reps);
if (counter.calls !== expected) throw new Error(`${counter.calls} requests, expected ${expected}`);
console.log(JSON.stringify(result));
