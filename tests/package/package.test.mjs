// The npm package as users get it: `npm pack` of pkg/, installed from the
// tarball into a Vite app (built with `vite build`, run in Chromium), a plain
// page with no bundler (in Chromium), and Node 20 (ESM and CommonJS); each
// signs a user up for real against cognito-local or moto on 127.0.0.1.
// The types fixture must type-check with --strict, its misuses must not.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { launchChromium } from "../../scripts/chromium.mjs";
import { serveStatic, TYPES } from "../../scripts/static.mjs";

const root = new URL("../..", import.meta.url).pathname;
const work = `${root}target/fixtures`;
const { CL_ENDPOINT, CL_CLIENT_ID, MOTO_ENDPOINT, MOTO_CLIENT_ID } = process.env;
let tarball;
let browser;

const run = (cwd, command, args, env = {}) =>
  execFileSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** A fresh copy of fixture `name` with its lockfile's tools and the packed package installed. */
function fixture(name) {
  const dir = `${work}/${name}`;
  rmSync(dir, { recursive: true, force: true });
  cpSync(`${root}tests/package/${name}`, dir, { recursive: true, filter: (src) => !src.includes("node_modules") });
  if (name === "vite" || name === "types") run(dir, "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
  run(dir, "npm", ["install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error", tarball]);
  return dir;
}

async function signUpInPage(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${url}?endpoint=${encodeURIComponent(CL_ENDPOINT)}&client=${CL_CLIENT_ID}`);
  await page.waitForFunction(() => document.getElementById("result").textContent !== "running", null, { timeout: 15_000 });
  const text = await page.textContent("#result");
  await page.close();
  assert.deepEqual(errors, []);
  return text;
}

before(() => {
  mkdirSync(work, { recursive: true });
  const packed = run(`${root}pkg`, "npm", ["pack", "--pack-destination", work, "--loglevel=error"]).trim().split("\n").pop();
  tarball = `${work}/${packed}`;
});
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

test("the tarball holds the entries, the wasm, the types and no build leftovers", () => {
  const listing = run(work, "tar", ["-tzf", tarball]).split("\n").filter(Boolean).sort();
  assert.deepEqual(listing, [
    "package/README.md",
    "package/cognito_signup_bg.wasm",
    "package/index.d.ts",
    "package/index.js",
    "package/node.js",
    "package/package.json",
  ]);
});

test("Node 20 ESM and CommonJS sign a user up from the tarball", () => {
  const dir = fixture("node");
  for (const script of ["main.mjs", "main.cjs"]) {
    const out = JSON.parse(run(dir, "node", [script], { ENDPOINT: MOTO_ENDPOINT, CLIENT_ID: MOTO_CLIENT_ID }));
    assert.match(out.UserSub, /^[0-9a-f-]{36}$/, script);
    assert.equal(out.$metadata.attempts, 1);
  }
});

test("a Vite app built with vite build signs a user up in Chromium, with no plugin", async () => {
  const dir = fixture("vite");
  run(dir, "npx", ["vite", "build", "--logLevel", "error"]);
  const server = await serveStatic(`${dir}/dist`);
  try {
    const out = JSON.parse(await signUpInPage(server.url));
    assert.equal(out.UserConfirmed, false);
    assert.match(out.UserSub, /^[0-9a-f-]{36}$/);
  } finally {
    await server.close();
  }
});

test("a plain page with <script type=module> and no bundler signs a user up", async () => {
  const dir = fixture("plain");
  const server = await serveStatic(dir, { "Content-Security-Policy": `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' ${CL_ENDPOINT}` });
  try {
    const out = JSON.parse(await signUpInPage(server.url));
    assert.match(out.UserSub, /^[0-9a-f-]{36}$/);
  } finally {
    await server.close();
  }
});

test("the plain page loads the wasm from a server that does not send it as application/wasm, and says why when it cannot", async () => {
  const dir = fixture("plain");
  const wasm = `${dir}/node_modules/cognito-signup/cognito_signup_bg.wasm`;
  const server = await serveStatic(dir, {}, { ...TYPES, ".wasm": "application/octet-stream" });
  try {
    const out = JSON.parse(await signUpInPage(server.url));
    assert.match(out.UserSub, /^[0-9a-f-]{36}$/);
    writeFileSync(wasm, "<!doctype html>");
    assert.match(await signUpInPage(server.url), /^error CompileError: /);
    rmSync(wasm);
    assert.match(await signUpInPage(server.url), /^error Error: cognito-signup: fetching http:.*cognito_signup_bg\.wasm gave HTTP 404$/);
  } finally {
    await server.close();
  }
  const typed = await serveStatic(dir);
  try {
    writeFileSync(wasm, "not wasm");
    assert.match(await signUpInPage(typed.url), /^error CompileError: /, "a bad module served as application/wasm");
  } finally {
    await typed.close();
  }
});

test("the types hold both ways under tsc --strict (bundler and node16 resolution)", () => {
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
  assert.equal((output.match(/misuse\.ts\(\d+,\d+\): error/g) ?? []).length, 8, output);
});
