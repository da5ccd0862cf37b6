// <cognito-sign-up> from the tarball where users put it, each app built with
// its framework's own tooling and run built in Chromium: a plain HTML page
// with no bundler, React 19, Vue 3 and Svelte 5 on Vite (one fixture, one
// install: frameworks/), Angular with its default application builder, and
// an esbuild bundle, and an Astro page that writes the element's markup at
// build time. Each signs a user up and confirms them against cognito-local,
// and the app's own handler of signup-confirmed shows the username. (Next.js: servers.test.mjs; a plain Vite app: the README's
// Install steps in browsers.test.mjs.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { serveStatic } from "../../scripts/static.mjs";
import { assertSteps, fixture, pageResult, query, recorder, root, run, signUpWithElement, unique } from "./harness.mjs";

let proxy;
before(async () => (proxy = await recorder()));
after(() => proxy?.close());

/** Serves `dir` and signs a user up through its element, checking the app's handler saw it (and, with `slotted`, its slot content). */
async function signUpIn(dir, where, page = "", slotted = false) {
  const server = await serveStatic(dir);
  try {
    const username = unique(where);
    await signUpWithElement(`${server.url}${page}${query(proxy, username)}`, username, proxy, { confirmed: "#confirmed", slotted });
  } finally {
    await server.close();
  }
}

test("a plain HTML page with no bundler: a module script and the tag", async () => {
  await signUpIn(fixture("plain", { install: false }), "plain", "element.html");
});

test("React 19, Vue 3 and Svelte 5, each built by Vite, each with its own content in the element's slot", async () => {
  const dir = fixture("frameworks");
  for (const framework of ["react", "vue", "svelte"]) {
    run(dir, "npx", ["vite", "build", framework, "--logLevel", "error"]);
    await signUpIn(`${dir}/${framework}/dist`, framework, "", true);
  }
});

test("Angular, its default application builder and CUSTOM_ELEMENTS_SCHEMA, with the library's three steps too", async () => {
  const dir = fixture("angular");
  // The Angular CLI needs Node 22.22 or later: the fixture brings Node 22. No analytics, no update checks.
  const env = { PATH: `${dir}/node_modules/node22/bin:${process.env.PATH}`, NG_CLI_ANALYTICS: "false", NG_DISABLE_VERSION_CHECK: "1" };
  run(dir, "npx", ["ng", "build"], env);
  await signUpIn(`${dir}/dist/browser`, "angular");
  const server = await serveStatic(`${dir}/dist/browser`);
  try {
    const username = unique("angularsteps");
    const text = await pageResult("chromium", `${server.url}${query(proxy, "unused")}&steps=${username}`);
    assertSteps(text, username, proxy, "Angular");
  } finally {
    await server.close();
  }
});

test("an esbuild bundle (--bundle --platform=browser) with cognito-signup/element/inline", async () => {
  const dir = fixture("esbuild", { install: false });
  run(dir, `${root}node_modules/.bin/esbuild`, ["element.js", "--bundle", "--platform=browser", "--format=esm", "--outdir=out", "--log-level=warning"]);
  await signUpIn(dir, "esbuild", "element.html");
});

test("Astro: an .astro page writes the form into its HTML at build time (renderSignUp, element.css linked), and the element takes it over", async () => {
  const dir = fixture("astro");
  writeFileSync(`${dir}/public/config.json`, JSON.stringify({ clientId: process.env.CL_CLIENT_ID, endpoint: proxy.endpoint, attributes: ["email"] }));
  run(dir, "npx", ["astro", "build", "--silent"], { ASTRO_TELEMETRY_DISABLED: "1" });
  const html = readFileSync(`${dir}/dist/index.html`, "utf8");
  assert.match(html, /<cognito-sign-up config="\/config.json"><div part="banner"[^>]*data-csu=/, "the form is in the built HTML");
  assert.match(html, /<input id="csu-username" name="username"/);
  assert.match(html, /<link rel="stylesheet" href="\/_astro\/[^"]+\.css"/, "element.css, linked");
  await signUpIn(`${dir}/dist`, "astro");
});