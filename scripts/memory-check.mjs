// Makes wasm-bindgen's glue check for a grown wasm memory cheaply. Before
// each write through its DataView (every string or number a JS import hands
// back to Rust) the glue asks whether the memory grew; where ArrayBuffer has
// no `detached` (Node 20) it compares with `WebAssembly.Memory#buffer`, a
// native call each time, about a twelfth of a sign-up's CPU in the module.
// Growing detaches the old buffer, and a detached buffer's byteLength is 0:
// that is the check, as the glue already does for its Uint8Array view.
// Usage: node scripts/memory-check.mjs GLUE.js (rewritten in place).
import { readFileSync, writeFileSync } from "node:fs";

const [gluePath] = process.argv.slice(2);
const glue = readFileSync(gluePath, "utf8");
const SLOW =
  "if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || " +
  "(cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)) {";
const FAST = "if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.byteLength === 0) {";
if (!glue.includes(SLOW)) throw new Error("memory-check: the glue's DataView check changed; see this script");
writeFileSync(gluePath, glue.replace(SLOW, FAST));
