// The npm package as users get it: the packed tarball (scripts/test.sh packs
// it into $TARBALL) holds what it should, and its types hold under tsc
// --strict. browsers.test.mjs and servers.test.mjs run it everywhere.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { call } from "../cognito-local.mjs";
import { fixture, root, run, TARBALL } from "./harness.mjs";
import { importsIn, tarballProblems } from "../../scripts/release-check.mjs";

test("the tarball holds the entries, the wasm, the types, the element and its languages, and no build leftovers", () => {
  const listing = run(".", "tar", ["-tzf", TARBALL]).split("\n").filter(Boolean).sort();
  assert.deepEqual(listing, [
    "package/CHANGELOG.md",
    "package/LICENSE-APACHE",
    "package/LICENSE-MIT",
    "package/README.md",
    "package/cli.js",
    "package/cognito_signup_bg.wasm",
    "package/cognito_signup_signin_bg.wasm",
    "package/element-react.d.ts",
    "package/element.css",
    "package/element.d.ts",
    "package/element.js",
    "package/element/after.js",
    "package/element/amplify.js",
    "package/element/ar.js",
    "package/element/bare.js",
    "package/element/challenge.js",
    "package/element/de.js",
    "package/element/errors.js",
    "package/element/es.js",
    "package/element/fr.js",
    "package/element/html.js",
    "package/element/inline.js",
    "package/element/ja.js",
    "package/element/mistakes.js",
    "package/element/passkey-words.js",
    "package/element/passkey.js",
    "package/element/phone.js",
    "package/element/webauthn.js",
    "package/index.d.cts",
    "package/index.d.ts",
    "package/index.js",
    "package/inline.js",
    "package/node.cjs",
    "package/node.js",
    "package/package.json",
    "package/sign-in-inline.js",
    "package/sign-in-worker.js",
    "package/sign-in.js",
    "package/worker.js",
  ]);
});

test("the tarball holds exactly what its exports need, and the release check names what is missing or left over", () => {
  const files = run(".", "tar", ["-tzf", TARBALL]).split("\n").filter(Boolean).map((file) => file.replace(/^package\//, ""));
  const pkg = JSON.parse(readFileSync(`${root}pkg/package.json`, "utf8"));
  const imports = importsIn(`${root}pkg`);
  assert.deepEqual(tarballProblems(files, pkg, imports), []);
  const without = (name) => files.filter((file) => file !== name);
  // What an entry loads on demand is needed too: the sign-in module and its loaders.
  assert.deepEqual(tarballProblems(without("cognito_signup_signin_bg.wasm"), pkg, imports), ['sign-in-worker.js loads cognito_signup_signin_bg.wasm, but the tarball lacks it: add it to "files"']);
  assert.deepEqual(tarballProblems(without("inline.js"), pkg, imports), ['package.json names inline.js, but the tarball lacks it: add it to "files"']);
  assert.deepEqual(tarballProblems(without("LICENSE-APACHE"), pkg, imports), ['package.json names LICENSE-APACHE, but the tarball lacks it: add it to "files"']);
  const noElementFolder = files.filter((file) => !file.startsWith("element/"));
  const noElement = tarballProblems(noElementFolder, pkg, imports);
  assert.deepEqual(noElement.slice(0, 2), [
    "the export pattern ./element/*.js matches no file in the tarball",
    'package.json names element/inline.js, but the tarball lacks it: add it to "files"',
  ]);
  // And each module the element loads on demand.
  assert.ok(noElement.some((p) => /loads element\/after\.js, but the tarball lacks it/.test(p)), noElement.join("\n"));
  // And what those load in turn (after.js loads the sign-in steps, challenge.js).
  assert.ok(noElement.some((p) => p.startsWith("element/after.js loads element/challenge.js, but the tarball lacks it")), noElement.join("\n"));
  assert.ok(noElement.slice(2).every((p) => /^element(\/inline|\/after|\/challenge|\/passkey)?\.js loads element\/[\w-]+\.js, but the tarball lacks it/.test(p)), noElement.join("\n"));
  assert.deepEqual(tarballProblems([...files, "debug.log"], pkg, imports), ['the tarball holds debug.log, which no export needs: leave it out of "files"']);
});

test("the types hold both ways under tsc --strict (bundler resolution; node16 with import and require)", () => {
  const dir = fixture("types");
  for (const project of ["tsconfig.json", "tsconfig.node16.json"]) {
    run(dir, "npx", ["tsc", "-p", project]);
  }
  // Without the expectation comments the misuses must be errors, one each.
  const loose = run(dir, "sed", ["s|// @ts-expect-error.*|// (expectation removed)|", "misuse.ts"]);
  run(dir, "node", ["-e", `require("fs").writeFileSync("misuse.ts", ${JSON.stringify(loose)})`]);
  let output = "";
  try {
    run(dir, "npx", ["tsc", "-p", "tsconfig.json"]);
  } catch (error) {
    output = error.stdout;
  }
  assert.equal((output.match(/misuse\.ts\(\d+,\d+\): error/g) ?? []).length, 12, output);
});

test("npx cognito-signup, installed from the tarball, writes the configuration of cognito-local's pool from its description on standard input", async () => {
  const dir = fixture("node");
  const describe = async (operation, body) => (await call(process.env.CL_ENDPOINT, operation, body)).text();
  const { CL_POOL_ID: UserPoolId, CL_CLIENT_ID: ClientId } = process.env;
  const input = (await describe("DescribeUserPool", { UserPoolId })) + (await describe("DescribeUserPoolClient", { UserPoolId, ClientId }));
  const out = execFileSync("npx", ["--no-install", "cognito-signup", "config"], { cwd: dir, input, encoding: "utf8", stdio: ["pipe", "pipe", "ignore"] });
  const config = JSON.parse(out);
  assert.equal(config.userPoolId, UserPoolId);
  assert.equal(config.clientId, ClientId);
  assert.deepEqual(config.attributes[0], { name: "email", required: true });
});
