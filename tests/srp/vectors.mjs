// SRP vectors from amazon-cognito-identity-js, the reference client: for a
// fixed secret exponent, salt and server value, what its AuthenticationHelper
// computes for SRP_A, and the PASSWORD_CLAIM_SIGNATURE that its CognitoUser
// sends for a secret block and a timestamp. tests/srp.rs holds the Rust SRP
// to them; vectors.test.mjs holds the committed file to this script.
// Usage: node tests/srp/vectors.mjs > tests/fixtures/srp-vectors.json
import { createHash, createHmac } from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AuthenticationHelper = require("amazon-cognito-identity-js/lib/AuthenticationHelper.js").default;
const BigInteger = require("amazon-cognito-identity-js/lib/BigInteger.js").default;

/** Deterministic hex of `bytes` bytes from `seed`. */
const hex = (seed, bytes) => {
  let out = "";
  for (let i = 0; out.length < bytes * 2; i++) out += createHash("sha256").update(`${seed}/${i}`).digest("hex");
  return out.slice(0, bytes * 2);
};

const CASES = [
  { pool: "eu-west-1_AbC123def", user: "alice", password: "Corr3ct-Horse!", timestamp: "Mon Dec 7 12:41:05 UTC 2026" },
  { pool: "us-east-1_Xy9", user: "8a2b6c1e-0f3d-4e5a-9b7c-112233445566", password: "pässwörd with spaces ✓", timestamp: "Sun Jan 5 07:08:09 UTC 2025" },
  // A salt and a server value whose high bits are set, so that padding prepends a zero byte; a salt with leading zeros.
  { pool: "ap-south-1_Q", user: "bob", password: "x", timestamp: "Thu Feb 29 23:59:59 UTC 2024", salt: "80" + hex("salt2", 15), big: true },
  { pool: "eu-central-1_Z", user: "carol", password: "y", timestamp: "Wed Oct 1 00:00:00 UTC 2025", salt: "0000" + hex("salt3", 14) },
];

const vectors = [];
for (const [i, c] of CASES.entries()) {
  const helper = new AuthenticationHelper(c.pool.split("_")[1]);
  const a = hex(`a${i}`, 32); // this package draws 256 bits (src/srp.rs)
  helper.smallAValue = new BigInteger(a, 16);
  const A = await new Promise((resolve, reject) => helper.calculateA(helper.smallAValue, (e, v) => (e ? reject(e) : resolve(v))));
  helper.largeAValue = A;
  const salt = c.salt ?? hex(`salt${i}`, 16);
  // A server value below N (N's top bits are all ones): any 3071-bit value, or one with the top bit set for `big`.
  const B = c.big ? "f" + hex(`b${i}`, 383).slice(1) : "7" + hex(`b${i}`, 383).slice(1);
  const secretBlock = Buffer.from(hex(`block${i}`, 100), "hex").toString("base64");
  const key = await new Promise((resolve, reject) =>
    helper.getPasswordAuthenticationKey(c.user, c.password, new BigInteger(B, 16), new BigInteger(salt, 16), (e, v) => (e ? reject(e) : resolve(v))),
  );
  // What CognitoUser signs: the pool name, the user id, the secret block and the timestamp.
  const message = Buffer.concat([Buffer.from(c.pool.split("_")[1]), Buffer.from(c.user), Buffer.from(secretBlock, "base64"), Buffer.from(c.timestamp)]);
  const signature = createHmac("sha256", Buffer.from(key)).update(message).digest("base64");
  vectors.push({ poolId: c.pool, userId: c.user, password: c.password, timestamp: c.timestamp, a, A: A.toString(16), salt, B, secretBlock, signature });
}
console.log(JSON.stringify(vectors, null, 2));
