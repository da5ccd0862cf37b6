// Gives the wasm module's imports short names, in the module and in
// wasm-bindgen's glue alike: "./cognito_signup_bg.js" becomes "a" and
// "__wbg_get_2080c49015e35254" a name of one or two letters; the snippet
// modules ("./snippets/cognito-signup-<hash>/src/wasm/read.js", …) become
// "b", "c", … in the order of their first import.
// The hashed names are noise to gzip, and each one ships twice (module and
// glue).
// Usage: node scripts/short-imports.mjs MODULE.wasm GLUE.js (both rewritten).
import { readFileSync, writeFileSync } from "node:fs";

const [wasmPath, gluePath] = process.argv.slice(2);
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, "utf8");

const readU32 = (bytes, at) => {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
  }
};
const u32 = (value) => {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
};
const name = (text) => [...u32(Buffer.byteLength(text)), ...Buffer.from(text)];
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const shortName = (i) => (i < LETTERS.length ? "" : LETTERS[Math.floor(i / LETTERS.length) - 1]) + LETTERS[i % LETTERS.length];
/** The glue's own module, as the wasm imports it: "./<name>_bg.js" for MODULE.wasm "<name>_bg.wasm". */
const GLUE_MODULE = `./${gluePath.split("/").pop().replace(/\.js$/, "")}_bg.js`;

/** The import section with the glue module's imports renamed; the glue follows. */
function renameImports(section) {
  let [count, at] = readU32(section, 0);
  const out = u32(count);
  let renamed = 0;
  const snippets = new Map();
  for (let i = 0; i < count; i++) {
    const fields = [];
    for (let f = 0; f < 2; f++) {
      const [length, start] = readU32(section, at);
      fields.push(section.subarray(start, start + length).toString());
      at = start + length;
    }
    const [module, field] = fields;
    if (module === GLUE_MODULE) {
      const short = shortName(renamed++);
      const key = new RegExp(`\\b${field}(?=: function)`, "g");
      if ((glue.match(key) ?? []).length !== 1) throw new Error(`short-imports: ${field} is not one key of the glue`);
      glue = glue.replace(key, short);
      out.push(...name("a"), ...name(short));
    } else if (module.startsWith("./snippets/")) {
      if (!snippets.has(module)) snippets.set(module, String.fromCharCode(98 + snippets.size));
      out.push(...name(snippets.get(module)), ...name(field));
    } else {
      out.push(...name(module), ...name(field));
    }
    const descStart = at;
    const kind = section[at++];
    if (kind === 0) [, at] = readU32(section, at); // function: type index
    else if (kind === 1 || kind === 2) {
      if (kind === 1) at++; // table: element type
      const flags = section[at++];
      [, at] = readU32(section, at);
      if (flags & 1) [, at] = readU32(section, at);
    } else if (kind === 3) at += 2; // global: type, mutability
    else throw new Error(`short-imports: import kind ${kind}`);
    out.push(...section.subarray(descStart, at));
  }
  if (at !== section.length) throw new Error("short-imports: the import section did not parse");
  const moduleKey = `"${GLUE_MODULE}": import0`;
  if (!glue.includes(moduleKey)) throw new Error("short-imports: the glue's import object changed shape");
  glue = glue.replace(moduleKey, "a: import0");
  for (const [module, short] of snippets) {
    const key = new RegExp(`"${module.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}": (import\\d+)`, "g");
    if (!key.test(glue)) throw new Error(`short-imports: ${module} is not a key of the glue`);
    glue = glue.replace(key, `${short}: $1`);
  }
  return Buffer.from(out);
}

const parts = [wasm.subarray(0, 8)];
for (let at = 8; at < wasm.length; ) {
  const id = wasm[at];
  const [size, start] = readU32(wasm, at + 1);
  const content = wasm.subarray(start, start + size);
  if (id === 2) {
    const renamed = renameImports(content);
    parts.push(Buffer.from([id, ...u32(renamed.length)]), renamed);
  } else {
    parts.push(wasm.subarray(at, start + size));
  }
  at = start + size;
}
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
