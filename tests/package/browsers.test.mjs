// The package from its tarball in pages: a plain page with no bundler in
// Chromium, Firefox and WebKit, and apps built by Vite, webpack, Parcel and
// Rollup in Chromium. Each runs the three steps (steps.mjs) against
// cognito-local through a recording proxy, with no plugin and no config.
// And the README's Install steps: <cognito-sign-up> in a Vite app, built,
// signs a user up and confirms them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { serveStatic, TYPES } from "../../scripts/static.mjs";
import { engineNames, launch } from "../browsers/webdriver.mjs";
import { background } from "../background.mjs";
import { admin, codeFor } from "../cognito-local.mjs";
import { assertSteps, CL_CLIENT_ID, fixture, pageResult, query, recorder, run, unique } from "./harness.mjs";

let proxy;
let plain;
before(async () => {
  proxy = await recorder();
  plain = fixture("plain", { install: false });
});
after(() => proxy?.close());

/** Serves `dir` and runs the steps at `page` in `engine`; resolves to the result's text and the server. */
async function stepsIn(engine, dir, { page = "", username = unique(engine), headers, types, refuse } = {}) {
  const server = await serveStatic(dir, headers, types, refuse);
  try {
    return { text: await pageResult(engine, `${server.url}${page}${query(proxy, username)}`), username, server };
  } finally {
    await server.close();
  }
}

for (const engine of engineNames()) {
  test(`a plain page with no bundler, under a strict CSP, in ${engine}`, async () => {
    const csp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' ${proxy.endpoint}`;
    const { text, username } = await stepsIn(engine, plain, { headers: { "Content-Security-Policy": csp } });
    assertSteps(text, username, proxy, engine);
  });

  test(`a failed wasm load is retried by the next call, in ${engine}`, async () => {
    let refused = 0;
    const refuse = (path) => (path.endsWith(".wasm") && refused++ === 0 ? 503 : 0);
    const server = await serveStatic(plain, {}, TYPES, refuse);
    const username = unique(`retry${engine}`);
    try {
      const browser = await launch(engine);
      try {
        await browser.goto(`${server.url}retry.html${query(proxy, username)}`);
        await browser.waitFor(() => document.getElementById("result").textContent !== "running", [], 20_000, "#result");
        assert.equal(await browser.text("#early"), "error NotLoadedError: checkPassword needs the module loaded: await init() first");
        assert.match(await browser.text("#first"), /^error Error: cognito-signup: fetching http:.*cognito_signup_bg\.wasm gave HTTP 503$/);
        assertSteps(await browser.text("#result"), username, proxy, engine);
      } finally {
        await browser.close();
      }
      assert.equal(server.requests.filter((p) => p.endsWith(".wasm")).length, 2, "one refused load, one that worked");
    } finally {
      await server.close();
    }
  });
}

test("the plain page loads the wasm from a server that does not send it as application/wasm, and says why when it cannot", async () => {
  const wasm = `${plain}/node_modules/cognito-signup/cognito_signup_bg.wasm`;
  const untyped = { types: { ...TYPES, ".wasm": "application/octet-stream" } };
  const served = await stepsIn("chromium", plain, untyped);
  assertSteps(served.text, served.username, proxy, "octet-stream");
  writeFileSync(wasm, "<!doctype html>");
  assert.match((await stepsIn("chromium", plain, untyped)).text, /^error CompileError: /);
  rmSync(wasm);
  assert.match((await stepsIn("chromium", plain, untyped)).text, /^error Error: cognito-signup: fetching http:.*cognito_signup_bg\.wasm gave HTTP 404$/);
  writeFileSync(wasm, "not wasm");
  assert.match((await stepsIn("chromium", plain)).text, /^error CompileError: /, "a bad module served as application/wasm");
});

/** Each bundler: its build command and the folder its output is served from. */
const BUNDLERS = {
  vite: { build: ["npx", ["vite", "build", "--logLevel", "error"]], serve: "dist" },
  webpack: { build: ["npx", ["webpack", "--mode", "production"]], serve: "" },
  parcel: { build: ["npx", ["parcel", "build", "index.html", "--no-cache", "--dist-dir", "dist", "--log-level", "error"]], serve: "dist" },
  rollup: { build: ["npx", ["rollup", "-c", "--silent"]], serve: "" },
};

test("a Vite app on Vite's dev server runs the steps in Chromium", async () => {
  const dir = fixture("vite");
  const vite = await background(dir, "npx", ["vite", "--host", "127.0.0.1", "--port", "0"], {}, /http:\/\/127\.0\.0\.1:\d+\//);
  try {
    const username = unique("vitedev");
    const url = vite.output().match(/http:\/\/127\.0\.0\.1:\d+\//)[0];
    assertSteps(await pageResult("chromium", `${url}${query(proxy, username)}`), username, proxy, "vite dev");
  } finally {
    vite.stop();
  }
});

for (const [name, { build, serve }] of Object.entries(BUNDLERS)) {
  test(`a ${name} app, built, runs the steps in Chromium`, async () => {
    const dir = fixture(name);
    run(dir, ...build);
    const { text, username } = await stepsIn("chromium", `${dir}/${serve}`);
    assertSteps(text, username, proxy, name);
  });
}

test("the README's Install steps: <cognito-sign-up> in a Vite app, built, signs a user up and confirms them in Chromium", async () => {
  const dir = fixture("vite-element");
  mkdirSync(`${dir}/public`);
  const config = { clientId: CL_CLIENT_ID, endpoint: proxy.endpoint, attributes: ["email"] };
  writeFileSync(`${dir}/public/config.json`, JSON.stringify(config));
  run(dir, ...BUNDLERS.vite.build);
  const server = await serveStatic(`${dir}/dist`);
  const username = unique("element");
  const browser = await launch("chromium");
  try {
    await browser.goto(server.url);
    await browser.waitVisible("[part~=step-signup] [name=username]");
    await browser.fill("[part~=step-signup] [name=username]", username);
    await browser.fill("[name=email]", `${username}@example.com`);
    await browser.fill("[name=password]", "Corr3ct-Horse!");
    await browser.click("[part~=step-signup] [part~=submit]");
    await browser.waitVisible("[part~=step-confirm]");
    await browser.fill("[name=code]", codeFor(username));
    await browser.click("[part~=step-confirm] [part~=submit]");
    await browser.waitVisible("[part~=step-done]");
  } finally {
    await browser.close();
    await server.close();
  }
  const user = await admin("AdminGetUser", { UserPoolId: process.env.CL_POOL_ID, Username: username });
  assert.equal(user.UserStatus, "CONFIRMED");
  assert.deepEqual(proxy.posts.filter((p) => p.username === username).map((p) => p.operation), ["SignUp", "ConfirmSignUp"]);
});
