// Client CPU per sign-up in Chromium, fetch stubbed in the page (see stub.mjs).
import { stubFetch, timeInterleaved, ENDPOINT } from "./stub.mjs";

const ids = new URLSearchParams(location.search).get("ids").split(",");
stubFetch(globalThis);
const signUps = {};
for (const id of ids) signUps[id] = (await import(`./${id}.js`)).createSignUp(ENDPOINT);
window.result = await timeInterleaved(signUps, { warmup: 10000, calls: 1000, reps: 7, now: () => performance.now() });
