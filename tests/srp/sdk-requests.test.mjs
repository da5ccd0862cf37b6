// The requests that tests/sign_in.rs holds the Rust API's sign-in calls to
// are the AWS SDK v3's own: sdk-requests.mjs, run again with the pinned SDK,
// writes the committed file byte for byte.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const root = new URL("../..", import.meta.url).pathname;

test("tests/fixtures/sdk-requests.json is what the AWS SDK v3 serializes", () => {
  const fresh = execFileSync(process.execPath, [`${root}tests/srp/sdk-requests.mjs`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  assert.equal(fresh, readFileSync(`${root}tests/fixtures/sdk-requests.json`, "utf8"));
  assert.deepEqual([...new Set(JSON.parse(fresh).map((c) => c.operation))], ["RespondToAuthChallenge", "AssociateSoftwareToken", "VerifySoftwareToken", "StartWebAuthnRegistration", "CompleteWebAuthnRegistration"]);
});
