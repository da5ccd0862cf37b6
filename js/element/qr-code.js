// A QR code (ISO/IEC 18004) of a text, in byte mode at error correction
// level M, as the rows of dark modules: what the authenticator-app step draws
// as an SVG path. Written from the standard; its output is checked by an
// independent decoder (jsQR) in tests/element/qr.test.mjs.

/** Level M's error correction codewords per block, and its number of blocks, by version (1–40). */
const ECC = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28];
const BLOCKS = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49];

/** Product in GF(256) modulo x^8 + x^4 + x^3 + x^2 + 1. */
const mul = (x, y) => {
  let z = 0;
  for (let i = 7; i >= 0; i--) z = ((z << 1) ^ ((z >>> 7) * 0x11d)) ^ (((y >>> i) & 1) * x);
  return z;
};

/** The Reed–Solomon remainder (`degree` codewords) of `data`. */
function remainder(data, degree) {
  const divisor = Array(degree).fill(0);
  divisor[degree - 1] = 1;
  for (let i = 0, root = 1; i < degree; i++, root = mul(root, 2)) {
    for (let j = 0; j < degree; j++) divisor[j] = mul(divisor[j], root) ^ (divisor[j + 1] ?? 0);
  }
  const out = Array(degree).fill(0);
  for (const byte of data) {
    const factor = byte ^ out.shift();
    out.push(0);
    divisor.forEach((d, i) => (out[i] ^= mul(d, factor)));
  }
  return out;
}

/** The modules that carry data in a symbol of `version` (all but the function patterns). */
function rawModules(version) {
  let n = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2;
    n -= (25 * align - 10) * align - 55;
    if (version >= 7) n -= 36;
  }
  return n;
}

/** The centres of the alignment patterns along one axis. */
function alignment(version, size) {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
  const out = [6];
  for (let pos = size - 7; out.length < count; pos -= step) out.splice(1, 0, pos);
  return out;
}

const MASKS = [
  (x, y) => (x + y) % 2 === 0,
  (x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** The standard's penalty of a symbol (rows of booleans): the mask with the lowest is chosen. */
function penalty(rows) {
  const size = rows.length;
  const lines = [...rows, ...rows.map((_, x) => rows.map((row) => row[x]))].map((line) => line.map(Number).join(""));
  let score = 0;
  for (const line of lines) {
    for (const run of line.match(/0{5,}|1{5,}/g) ?? []) score += run.length - 2;
    score += 40 * (line.match(/(?=10111010000|00001011101)/g) ?? []).length;
  }
  let dark = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      dark += rows[y][x];
      if (x && y && rows[y][x] === rows[y][x - 1] && rows[y][x] === rows[y - 1][x] && rows[y][x] === rows[y - 1][x - 1]) score += 3;
    }
  }
  return score + 10 * (Math.ceil(Math.abs(dark * 20 - size * size * 10) / (size * size)) - 1);
}

/** The QR code of `text` (UTF-8, byte mode, level M): rows of booleans, dark is `true`; the smallest version that holds it. */
export function qr(text) {
  const bytes = [...new TextEncoder().encode(text)];
  let version = 1;
  const capacity = (v) => Math.floor(rawModules(v) / 8) - ECC[v - 1] * BLOCKS[v - 1];
  while (4 + (version < 10 ? 8 : 16) + 8 * bytes.length > capacity(version) * 8) if (++version > 40) throw new RangeError("too long for a QR code");
  const data = capacity(version);

  // The bit stream: mode, count, bytes, terminator, then padding bytes.
  const bits = [];
  const put = (value, length) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  put(4, 4);
  put(bytes.length, version < 10 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, data * 8 - bits.length));
  put(0, (8 - (bits.length % 8)) % 8);
  for (let pad = 0xec; bits.length < data * 8; pad ^= 0xec ^ 0x11) put(pad, 8);
  const codewords = [];
  for (let i = 0; i < bits.length; i += 8) codewords.push(parseInt(bits.slice(i, i + 8).join(""), 2));

  // Blocks with their error correction, interleaved.
  const count = BLOCKS[version - 1];
  const degree = ECC[version - 1];
  const raw = Math.floor(rawModules(version) / 8);
  const short = count - (raw % count);
  const shortLength = Math.floor(raw / count);
  const blocks = [];
  for (let i = 0, k = 0; i < count; i++) {
    const part = codewords.slice(k, (k += shortLength - degree + (i < short ? 0 : 1)));
    blocks.push([...part, ...(i < short ? [0] : []), ...remainder(part, degree)]);
  }
  const stream = [];
  for (let i = 0; i < blocks[0].length; i++) blocks.forEach((block, j) => (i !== shortLength - degree || j >= short) && stream.push(block[i]));

  // The function patterns, then the data in its zigzag, then the best mask.
  const size = version * 4 + 17;
  const rows = Array.from({ length: size }, () => Array(size).fill(false));
  const fixed = Array.from({ length: size }, () => Array(size).fill(false));
  const set = (x, y, dark) => ((rows[y][x] = dark), (fixed[y][x] = true));
  for (let i = 0; i < size; i++) set(6, i, i % 2 === 0), set(i, 6, i % 2 === 0);
  for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]]) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const d = Math.max(Math.abs(dx), Math.abs(dy));
        if (rows[cy + dy]?.[cx + dx] !== undefined) set(cx + dx, cy + dy, d !== 2 && d !== 4);
      }
    }
  }
  const centres = alignment(version, size);
  const last = centres.length - 1;
  centres.forEach((cy, i) => {
    centres.forEach((cx, j) => {
      if ((i === 0 && (j === 0 || j === last)) || (i === last && j === 0)) return; // a finder pattern's corner
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    });
  });
  const format = (mask) => {
    let rem = mask; // level M's two bits are 00
    for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    const word = ((mask << 10) | rem) ^ 0x5412;
    const bit = (i) => ((word >>> i) & 1) === 1;
    for (let i = 0; i <= 5; i++) set(8, i, bit(i));
    set(8, 7, bit(6)), set(8, 8, bit(7)), set(7, 8, bit(8));
    for (let i = 9; i < 15; i++) set(14 - i, 8, bit(i));
    for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(i));
    for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(i));
    set(8, size - 8, true);
  };
  format(0); // reserves the format areas
  if (version >= 7) {
    let rem = version;
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
    const word = (version << 12) | rem;
    for (let i = 0; i < 18; i++) {
      const [a, b] = [size - 11 + (i % 3), Math.floor(i / 3)];
      set(a, b, ((word >>> i) & 1) === 1), set(b, a, ((word >>> i) & 1) === 1);
    }
  }
  let i = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? size - 1 - vert : vert;
        if (!fixed[y][x] && i < stream.length * 8) rows[y][x] = ((stream[i >>> 3] >>> (7 - (i & 7))) & 1) === 1, i++;
      }
    }
  }
  const masked = (m) => rows.map((row, y) => row.map((dark, x) => (fixed[y][x] ? dark : dark !== MASKS[m](x, y))));
  let best = 0;
  let lowest = Infinity;
  for (let m = 0; m < 8; m++) {
    format(m);
    const score = penalty(masked(m));
    if (score < lowest) [best, lowest] = [m, score];
  }
  format(best);
  return masked(best);
}

/** An SVG path (`d`) drawing the dark modules of `rows`, one unit each, run by run. */
export const path = (rows) => rows.map((row, y) => row.map((dark, x) => (dark && !row[x - 1] ? `M${x} ${y}h${row.indexOf(false, x) < 0 ? row.length - x : row.indexOf(false, x) - x}v1H${x}z` : "")).join("")).join("");
