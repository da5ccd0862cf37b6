// Takes out of wasm-bindgen's glue what no entry of the package can reach,
// each piece by its exact text, so that a wasm-bindgen whose glue differs
// fails the build here rather than shipping untrimmed:
// - initSync's support for the deprecated bare-module argument (and its
//   console.warn): every entry passes `{ module }`;
// - the TextEncoder.encodeInto polyfill: every engine the package supports
//   has it (Chrome 74, Firefox 66, Safari 14.1, Node 12);
// - the renewal of the TextDecoder after 2 GB decoded, a Safari limit: the
//   module's strings are messages and requests of a few KB each;
// - passStringToWasm0's path without `realloc`, which every call passes
//   (checked below).
// Usage: node scripts/trim-glue.mjs GLUE.js (rewritten).
import { readFileSync, writeFileSync } from "node:fs";

const [gluePath] = process.argv.slice(2);
let glue = readFileSync(gluePath, "utf8");
const cut = (from, to) => {
  if (glue.split(from).length !== 2) throw new Error(`trim-glue: the glue no longer holds, once:\n${from}`);
  glue = glue.replace(from, to);
};
cut(
  `    if (module !== undefined) {
        if (Object.getPrototypeOf(module) === Object.prototype) {
            ({module} = module)
        } else {
            console.warn('using deprecated parameters for \`initSync()\`; pass a single object instead')
        }
    }
`,
  `    ({module} = module);
`,
);
cut(
  `if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}
`,
  "",
);
cut(
  `const MAX_SAFARI_DECODE_BYTES = 2146435072;
let numBytesDecoded = 0;
function decodeText(bytes) {
    numBytesDecoded += bytes.length;
    if (numBytesDecoded >= MAX_SAFARI_DECODE_BYTES) {
        cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
        cachedTextDecoder.decode();
        numBytesDecoded = bytes.length;
    }
    return cachedTextDecoder.decode(bytes);
}
`,
  `function decodeText(bytes) {
    return cachedTextDecoder.decode(bytes);
}
`,
);
const calls = glue.match(/passStringToWasm0\([^)]*\)/g).filter((call) => call !== "passStringToWasm0(arg, malloc, realloc)");
if (!calls.every((call) => call.endsWith(", wasm.__wbindgen_realloc)"))) throw new Error("trim-glue: a string is passed without realloc");
cut(
  `    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }

`,
  "",
);
writeFileSync(gluePath, glue);
