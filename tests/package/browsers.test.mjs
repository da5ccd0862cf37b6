// The package from its tarball in pages: a plain page with no bundler in
// Chromium, Firefox and WebKit, and apps built by Vite, webpack, Parcel and
// Rollup in Chromium. Each runs the three steps (steps.mjs) against
// cognito-local through a recording proxy, with no plugin and no config.
// And the README's Install steps: <cognito-sign-up> in a Vite app, built,
// signs a user up and confirms them. frameworks.test.mjs has the element in
// each framework.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { serveStatic, TYPES } from "../../scripts/static.mjs";
import { engineNames, launch } from "../browsers/webdriver.mjs";
import { background } from "../background.mjs";
import { USER, startVerifier } from "../srp/verifier.mjs";
import { startPasskeyCognito } from "../webauthn/cognito.mjs";
import { assertSteps, CL_CLIENT_ID, fixture, pageResult, query, recorder, root, run, signUpWithElement, unique } from "./harness.mjs";

let proxy;
let plain;
before(async () => {
  proxy = await recorder();
  plain = fixture("plain", { install: false });
});
after(() => proxy?.close());

/** Serves `dir` and runs the steps at `page` in `engine`; resolves to the result's text and the server. */
async function stepsIn(engine, dir, { page = "", username = unique(engine), headers, types, refuse, where } = {}) {
  const server = await serveStatic(dir, headers, types, refuse);
  try {
    const url = `${server.url}${page}${query(proxy, username)}${where ? `&where=${where}` : ""}`;
    return { text: await pageResult(engine, url), username, server };
  } finally {
    await server.close();
  }
}

for (const engine of engineNames()) {
  test(`a plain page with no bundler, under a strict CSP, in ${engine}`, async () => {
    const csp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' ${proxy.endpoint}`;
    const { text, username, server } = await stepsIn(engine, plain, { headers: { "Content-Security-Policy": csp } });
    assertSteps(text, username, proxy, engine);
    assert.deepEqual(server.requests.filter((p) => /sign-?in/.test(p)), [], "a sign-up loads nothing of sign-in");
  });

  test(`signIn with SRP, under a strict CSP, in ${engine}: the sign-in module loads on the first call, the password on no request`, async () => {
    const verifier = await startVerifier();
    const server = await serveStatic(plain, { "Content-Security-Policy": `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' ${verifier.url}` });
    try {
      const browser = await launch(engine);
      try {
        const query = new URLSearchParams({ endpoint: verifier.url, pool: USER.poolId, client: USER.clientId, username: USER.username, password: USER.password });
        await browser.goto(`${server.url}sign-in.html?${query}`);
        await browser.waitFor(() => document.getElementById("result").textContent !== "running", [], 20_000, "#result");
        assert.equal(await browser.text("#result"), `sub ${verifier.sub}`);
      } finally {
        await browser.close();
      }
      assert.deepEqual(verifier.log.map((e) => e.operation), ["InitiateAuth", "RespondToAuthChallenge"]);
      assert.ok(verifier.log.every((e) => !e.body.includes(USER.password)), "the password never went over the wire");
      assert.ok(server.requests.some((p) => p.endsWith("/cognito_signup_signin_bg.wasm")), "the sign-in module, fetched");
    } finally {
      await server.close();
      await verifier.close();
    }
  });

  // WebDriver's virtual authenticator drives the ceremony in Chromium. WebKitWebDriver has no such
  // command; geckodriver (Firefox ESR 153) takes it, but navigator.credentials.create never settles
  // under it here (StartWebAuthnRegistration sent, nothing after): those two engines are not run.
  const authenticator = engine === "chromium" ? false : `${engine}'s WebDriver cannot drive a virtual authenticator here`;
  test(`a passkey registered, then signIn with it (WEB_AUTHN answered by the browser: preferred, and chosen), in ${engine}`, { skip: authenticator }, async () => {
    const server = await serveStatic(plain, {}, TYPES);
    // A relying party must be a domain: the page is browsed at localhost, a secure context without TLS.
    const origin = server.url.replace("127.0.0.1", "localhost").replace(/\/$/, "");
    const cognito = await startPasskeyCognito({ origin });
    const username = unique(`passkey${engine}`);
    try {
      const browser = await launch(engine, { "webauthn:virtualAuthenticators": true });
      try {
        // WebDriver's virtual authenticator: a platform authenticator that verifies its user.
        await browser.command("POST", "/webauthn/authenticator", { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true });
        const query = new URLSearchParams({ endpoint: cognito.url, client: "passkeyclient", username, token: cognito.accessToken(username) });
        await browser.goto(`${origin}/passkey.html?${query}`);
        await browser.waitFor(() => document.getElementById("result").textContent !== "running", [], 20_000, "#result");
        const sub = cognito.users.get(username).sub;
        assert.equal(await browser.text("#result"), `sub ${sub} SELECT_CHALLENGE ${sub}`);
      } finally {
        await browser.close();
      }
      const operations = ["StartWebAuthnRegistration", "CompleteWebAuthnRegistration", "InitiateAuth", "RespondToAuthChallenge", "InitiateAuth", "RespondToAuthChallenge", "RespondToAuthChallenge"];
      assert.deepEqual(cognito.log.map((e) => e.operation), operations);
      assert.deepEqual(cognito.log[5].body.ChallengeResponses, { USERNAME: username, ANSWER: "WEB_AUTHN" });
      assert.equal(JSON.parse(cognito.log[6].body.ChallengeResponses.CREDENTIAL).id, cognito.users.get(username).credential.id);
      assert.deepEqual(cognito.log[2].body.AuthParameters, { USERNAME: username, PREFERRED_CHALLENGE: "WEB_AUTHN" });
      assert.equal(cognito.log[3].body.ChallengeName, "WEB_AUTHN");
      assert.equal(JSON.parse(cognito.log[3].body.ChallengeResponses.CREDENTIAL).id, cognito.users.get(username).credential.id, "the registered passkey answered");
    } finally {
      await server.close();
      await cognito.close();
    }
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
        assert.match(await browser.text("#first"), /^error Error: http:.*cognito_signup_bg\.wasm: HTTP 503; use "cognito-signup\/inline" or init\(url\)$/);
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
  assert.match((await stepsIn("chromium", plain, untyped)).text, /^error Error: http:.*cognito_signup_bg\.wasm: HTTP 404; use "cognito-signup\/inline" or init\(url\)$/);
  writeFileSync(wasm, "not wasm");
  assert.match((await stepsIn("chromium", plain)).text, /^error CompileError: /, "a bad module served as application/wasm");
});

test("init(where) loads the wasm from the page's own URL, string, Response, bytes or Module, and never asks for the default one", async () => {
  mkdirSync(`${plain}/cdn`, { recursive: true });
  copyFileSync(`${root}pkg/cognito_signup_bg.wasm`, `${plain}/cdn/lib.wasm`); // the tarball's (a test above spoils the fixture's)
  const refuse = (path) => (path.endsWith("cognito_signup_bg.wasm") ? 404 : 0);
  for (const where of ["url", "string", "response", "bytes", "module"]) {
    const { text, username, server } = await stepsIn("chromium", plain, { page: "where.html", refuse, types: TYPES, where });
    assertSteps(text, username, proxy, `init(${where})`);
    assert.deepEqual(server.requests.filter((p) => p.endsWith(".wasm")), ["/cdn/lib.wasm"], where);
  }
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

test("esbuild (--bundle --platform=browser): cognito-signup/inline runs the steps; the bare import's failed fetch names it", async () => {
  const dir = fixture("esbuild", { install: false });
  const esbuild = `${root}node_modules/.bin/esbuild`; // the repository's own esbuild: nothing to install
  run(dir, esbuild, ["main.js", "bare.js", "--bundle", "--platform=browser", "--format=esm", "--outdir=out", "--log-level=warning"]);
  const { text, username } = await stepsIn("chromium", dir);
  assertSteps(text, username, proxy, "esbuild");
  const bare = await stepsIn("chromium", dir, { page: "bare.html" });
  assert.match(bare.text, /^error Error: http:.*\/out\/cognito_signup_bg\.wasm: HTTP 404; use "cognito-signup\/inline" or init\(url\)$/);
});

test("the README's Install steps: <cognito-sign-up> in a Vite app, built, signs a user up and confirms them in Chromium", async () => {
  const dir = fixture("vite-element");
  mkdirSync(`${dir}/public`);
  const config = { clientId: CL_CLIENT_ID, endpoint: proxy.endpoint, attributes: ["email"] };
  writeFileSync(`${dir}/public/config.json`, JSON.stringify(config));
  run(dir, ...BUNDLERS.vite.build);
  const server = await serveStatic(`${dir}/dist`);
  try {
    await signUpWithElement(server.url, unique("element"), proxy);
  } finally {
    await server.close();
  }
});
