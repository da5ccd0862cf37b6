// Import + instantiate time of one library in a fresh process: from before
// the import to a ready sign-up function. Usage: node bench/cold.mjs FILE
import { ENDPOINT } from "./stub.mjs";

globalThis.self = globalThis;
const started = performance.now();
const { createSignUp, ready } = await import(process.argv[2]);
createSignUp(ENDPOINT);
await ready?.();
console.log(performance.now() - started);
