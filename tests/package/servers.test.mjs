// The package from its tarball on servers: Node 18, 20 and 22 (import and
// require), Deno with no permission but the network, Bun, Next.js (a client
// component, a server component, a route handler and <cognito-sign-up> in a
// client component, built with Turbopack
// and with webpack) and a Cloudflare Worker under `wrangler dev --local`.
// Each runs the three steps (steps.mjs) against cognito-local through a
// recording proxy, with no configuration.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { background } from "../background.mjs";
import { assertSteps, fixture, pageResult, query, recorder, run, runAsync, signUpWithElement, unique, CL_CLIENT_ID } from "./harness.mjs";

let proxy;
before(async () => {
  proxy = await recorder();
});
after(() => proxy?.close());

/** Runs a script of fixture `dir` with `command` and holds its output to the steps. */
async function script(dir, where, command, args, env) {
  const username = unique("srv");
  const out = await runAsync(dir, command, [...args, proxy.endpoint, CL_CLIENT_ID, username], env);
  assertSteps(out.trim(), username, proxy, where);
}

test("Node 18, 20 and 22, with import and with require()", async () => {
  const dir = fixture("node");
  const nodes = { 18: `${dir}/node_modules/node18/bin/node`, 20: process.execPath, 22: `${dir}/node_modules/node22/bin/node` };
  for (const [version, node] of Object.entries(nodes)) {
    for (const file of ["main.mjs", "main.cjs"]) await script(dir, `Node ${version} ${file}`, node, [file]);
  }
  // Node 18 has no global WebCrypto: a client secret is refused before anything is sent.
  const before = proxy.posts.length;
  assert.deepEqual(JSON.parse(await runAsync(dir, nodes[18], ["secret.mjs", proxy.endpoint])), [
    "InvalidParameterException",
    "config.clientSecret needs WebCrypto (crypto.subtle), which failed.",
    0,
  ]);
  assert.equal(proxy.posts.length, before, "nothing reached the server");
});

test("Deno, allowed only the network to 127.0.0.1 (no read permission), and renderSignUp", async () => {
  const dir = fixture("deno");
  const deno = `${dir}/node_modules/@deno/linux-x64-glibc/deno`;
  const env = { DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };
  await script(dir, "Deno", deno, ["run", "--no-prompt", "--allow-net=127.0.0.1", "main.mjs"], env);
});

test("Bun, with import and with require(), and renderSignUp", async () => {
  const dir = fixture("bun");
  const bun = `${dir}/node_modules/bun/bin/bun.exe`;
  for (const file of ["main.mjs", "main.cjs"]) await script(dir, `Bun ${file}`, bun, [file]);
});

for (const bundler of ["turbopack", "webpack"]) {
  test(`Next.js built with ${bundler}: a client component, a server component, a route handler, <cognito-sign-up> in a client component, and its markup from a server component`, async () => {
    const dir = fixture("next");
    const env = { NEXT_TELEMETRY_DISABLED: "1" };
    run(dir, "npx", ["next", "build", `--${bundler}`], env);
    const server = await background(dir, "npx", ["next", "start", "-H", "127.0.0.1", "-p", "0"], env, /http:\/\/127\.0\.0\.1:(\d+)/);
    try {
      const base = server.output().match(/http:\/\/127\.0\.0\.1:\d+/)[0];
      const client = unique("nextc");
      assertSteps(await pageResult("chromium", `${base}/${query(proxy, client)}`), client, proxy, `${bundler} client component`);
      const rendered = unique("nexts");
      const html = await fetch(`${base}/server${query(proxy, rendered)}`).then((r) => r.text());
      const pre = html.match(/<pre id="result">(.*?)<\/pre>/)?.[1].replaceAll("&quot;", '"') ?? html;
      assertSteps(pre, rendered, proxy, `${bundler} server component`);
      const routed = unique("nextr");
      assertSteps(await fetch(`${base}/api/steps${query(proxy, routed)}`).then((r) => r.text()), routed, proxy, `${bundler} route handler`);
      const element = await fetch(`${base}/element`);
      assert.equal(element.status, 200, "the element's page renders on the server");
      const signer = unique("nexte");
      await signUpWithElement(`${base}/element${query(proxy, signer)}`, signer, proxy, { confirmed: "#confirmed" });
      // A server component: the form in the HTML the server sends, taken over in the browser.
      const writer = unique("nextw");
      const written = await fetch(`${base}/written${query(proxy, writer)}`).then((r) => r.text());
      assert.match(written, /<cognito-sign-up config="[^"]*"><div part="banner"[^>]*data-csu=/, `${bundler}: the form is in the server's HTML`);
      assert.match(written, /<input id="csu-username" name="username"/);
      assert.match(written, /<link rel="stylesheet" href="[^"]+\.css"/, "element.css is linked");
      await signUpWithElement(`${base}/written${query(proxy, writer)}`, writer, proxy);
    } finally {
      server.stop();
    }
  });
}

test("a Cloudflare Worker under wrangler dev --local, and renderSignUp", async () => {
  const dir = fixture("workers");
  // No metrics, no look-ups of Cloudflare's services: only loopback is reached.
  const env = { WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_UPDATE_NOTIFIER: "1", CI: "1" };
  // Wrangler 4 needs Node 22.12 or later: the fixture brings Node 22.
  const wrangler = `${dir}/node_modules/wrangler/bin/wrangler.js`;
  // Wrangler turns --port 0 into a free port it found a moment before it binds it: on a loaded
  // machine another process can take it in between ("Address already in use"). That lost race is
  // run again with another port, at most three times; any other failure fails at once.
  let worker;
  for (let attempt = 1; !worker; attempt++) {
    worker = await background(dir, `${dir}/node_modules/node22/bin/node`, [wrangler, "dev", "--local", "--ip", "127.0.0.1", "--port", "0"], env, /Ready on http:\/\/127\.0\.0\.1:\d+/).catch(
      (error) => (attempt < 3 && /address already in use/i.test(error.message) ? null : Promise.reject(error)),
    );
  }
  try {
    const base = worker.output().match(/Ready on (http:\/\/127\.0\.0\.1:\d+)/)[1];
    const username = unique("worker");
    assertSteps(await fetch(`${base}/${query(proxy, username)}`).then((r) => r.text()), username, proxy, "workerd");
  } finally {
    worker.stop();
  }
});
