// The authenticator-app step's QR code (js/element/qr-code.js), read back by an
// independent decoder (jsQR) from the picture its SVG path draws: texts
// from one version to version 40's neighbourhood, otpauth URIs as the step
// writes them, and UTF-8.
import { test } from "node:test";
import assert from "node:assert/strict";
import jsQR from "jsqr";
import { path, qr } from "../../js/element/qr-code.js";

/** The picture `d` (qr-code.js's path) draws, `scale` pixels a module, with a quiet zone of 4 modules: RGBA. */
function picture(d, size, scale = 3) {
  const side = (size + 8) * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1H\d+z/g)) {
    for (let py = (+y + 4) * scale; py < (+y + 5) * scale; py++) {
      for (let px = (+x + 4) * scale; px < (+x + 4 + +w) * scale; px++) rgba.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3);
    }
  }
  return { rgba, side };
}

const read = (text) => {
  const rows = qr(text);
  const { rgba, side } = picture(path(rows), rows.length);
  return { size: rows.length, decoded: jsQR(rgba, side, side)?.data };
};

test("jsQR reads back what qr-code.js encodes, at every size an otpauth URI can need", () => {
  const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPABCD";
  const texts = [
    "A",
    `otpauth://totp/example.com:ana%40example.com?secret=${secret}&issuer=example.com`,
    `otpauth://totp/${"a".repeat(60)}:${"b".repeat(60)}?secret=${secret}&issuer=${"a".repeat(60)}`,
    "x".repeat(400),
    "Grüße, 東京 ✓",
  ];
  const sizes = [];
  for (const text of texts) {
    const { size, decoded } = read(text);
    assert.equal(decoded, text, `${text.length} characters, ${size} modules`);
    sizes.push(size);
  }
  assert.deepEqual(sizes.slice(0, 2), [21, 49], "version 1, then version 8 for a typical URI (123 bytes; version 7 holds 122 at level M)");
  assert.ok(sizes[3] > 57, "past version 10 (16-bit length)");
});

test("lengths up to 700 bytes decode (version 1 to 22: one to seventeen blocks, short and long ones)", () => {
  for (let n = 1; n <= 700; n += 11) assert.equal(read("q".repeat(n)).decoded, "q".repeat(n), `${n} bytes`);
});

test("a text too long for any QR code is refused", () => {
  assert.throws(() => qr("x".repeat(3000)), RangeError);
});
