// The SRP vectors that tests/srp.rs holds the Rust SRP to are
// amazon-cognito-identity-js's own output: vectors.mjs, run again with the
// pinned identity-js, writes the committed file byte for byte.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const root = new URL("../..", import.meta.url).pathname;

test("tests/fixtures/srp-vectors.json is what amazon-cognito-identity-js computes", () => {
  const fresh = execFileSync(process.execPath, [`${root}tests/srp/vectors.mjs`], { encoding: "utf8" });
  assert.equal(fresh, readFileSync(`${root}tests/fixtures/srp-vectors.json`, "utf8"));
  assert.equal(JSON.parse(fresh).length, 4);
});
