// The cold first sign-up in Chromium, side by side: one page per library
// (first-call/), each opened in a fresh browser context on a desktop and on
// a phone-like profile (CPU slowed 4 times; 150 ms latency, 1.6 Mbps down,
// 768 kbps up, as Lighthouse's mobile run), served gzipped with no caching
// by a server on 127.0.0.1, against a stub endpoint on 127.0.0.1 that
// records when each SignUp arrives. Rounds are interleaved in a rotated order.
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { launchChromium } from "../scripts/chromium.mjs";
import { serveStatic } from "../scripts/static.mjs";
import { browserBundle } from "./bundle.mjs";
import { median } from "./stub.mjs";
import { drive } from "./first-call/drive.js";

const here = new URL(".", import.meta.url).pathname;
const root = new URL("..", import.meta.url).pathname;

/** The two profiles, as CDP commands. */
export const PROFILES = {
  desktop: {},
  mobile: {
    cpu: { rate: 4 },
    network: { offline: false, latency: 150, downloadThroughput: 204_800, uploadThroughput: 96_000 },
  },
};
/** When the user taps "Sign up": the moment the form is ready, or 1 s later (a user with autofill). */
export const TAPS = { atReady: 0, later: 1000 };
const WASM = "cognito_signup_bg.wasm";
/** The empty wasm module (its 8-byte header) that first-call/wasm-gate.mjs loads. */
const GATE = "gate.wasm";

/** When an element page's form is ready, and its result: the element's steps, which its floor sets too. */
const ELEMENT_STEPS = { ready: "cognito-sign-up[step=signup]", result: "cognito-sign-up[step=confirm]" };
/** The page with its form written in: ready when the form is in the page (the element takes it over later). */
const WRITTEN_STEPS = { ready: "cognito-sign-up [part~=step-signup] input[name=password]", result: "cognito-sign-up[step=confirm]", painted: true };

/**
 * The pages: each library of bench/entries/, cognito-signup as the README
 * tells a page to use it (`init()` at once, the wasm preloaded), with the
 * form shown only once `init()` has resolved (as `www/` did before the element), and without
 * the preload or `init()`, to show what each buys, and the floor waiting for
 * an empty wasm module loaded the same two ways (first-call/wasm-gate.mjs).
 * `init`: "start" calls the library's `ready()` before the form is ready,
 * "await" awaits it first.
 */
export const PAGES = [
  { id: "fetch", entry: "fetch" },
  { id: "identity-js", entry: "identity-js", define: { global: "globalThis" } },
  { id: "amplify", entry: "amplify" },
  { id: "sdk", entry: "sdk" },
  { id: "cognito-signup", entry: "cognito-signup", package: "index.js", init: "start", preload: WASM },
  { id: "cognito-signup-await", entry: "cognito-signup", package: "index.js", init: "await", preload: WASM },
  { id: "cognito-signup-init", entry: "cognito-signup", package: "index.js", init: "start" },
  { id: "cognito-signup-lazy", entry: "cognito-signup", package: "index.js" },
  { id: "cognito-signup-inline", entry: "cognito-signup", package: "inline.js", init: "start" },
  { id: "wasm-gate", library: `${here}first-call/wasm-gate.mjs`, init: "start", preload: GATE },
  { id: "wasm-gate-await", library: `${here}first-call/wasm-gate.mjs`, init: "await", preload: GATE },
  // The sign-up components, as a site each, driven by first-call/drive.js.
  { id: "element", site: elementSite, ...ELEMENT_STEPS },
  { id: "element-written", site: writtenSite, ...WRITTEN_STEPS },
  { id: "element-floor", site: elementFloorSite, ...ELEMENT_STEPS },
  { id: "amplify-ui", site: amplifyUiSite, ready: "[data-amplify-authenticator] input[name=password]", result: "input[name=confirmation_code]" },
];

/** The password policy the element page checks (the demo pool's, scripts/setup_pool.py). */
const POLICY = { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };

/**
 * www/ with its form written in (as it ships: scripts/build-page.mjs, the bare element and
 * element.css), with the package it loads and a config.json for the stub.
 */
function writtenSite(out, endpoint) {
  mkdirSync(out, { recursive: true });
  const attributes = [{ name: "email", type: "email", required: true, autocomplete: "email" }];
  writeFileSync(`${out}.json`, JSON.stringify({ userPoolId: "us-east-1_AbC123def", clientId: "1example23456789abcdefghij", endpoint, passwordPolicy: POLICY, attributes }));
  execFileSync(process.execPath, [`${root}scripts/build-page.mjs`, `${out}.json`, out]);
  copyFileSync(`${out}.json`, `${out}/config.json`);
  // The element's modules, each loaded when it is needed (what follows a SignUp among them).
  cpSync(`${root}pkg/element`, `${out}/pkg/element`, { recursive: true });
  for (const file of ["element.js", "element.css", "index.js", WASM]) copyFileSync(`${root}pkg/${file}`, `${out}/pkg/${file}`);
}

/** The element page as it was before its form was written in: the element draws it, its styles inside. */
function elementSite(out, endpoint) {
  writtenSite(out, endpoint);
  cpSync(`${root}www/index.html`, `${out}/index.html`);
  const page = readFileSync(`${out}/index.html`, "utf8");
  const before = page.replace(/\s*<link rel="stylesheet" href="pkg\/element.css">/, "").replace("pkg/element/bare.js", "pkg/element.js");
  writeFileSync(`${out}/index.html`, before.replace(/\s*<!--[^>]*-->/, "").replaceAll(' fetchpriority="low"', ""));
}

/** The element page with the least element in place of the real one (first-call/element-floor.js). */
function elementFloorSite(out, endpoint) {
  elementSite(out, endpoint);
  copyFileSync(`${here}first-call/element-floor.js`, `${out}/pkg/element.js`);
}

/** Amplify UI's Authenticator, built by Vite (amplify-ui/). */
function amplifyUiSite(out) {
  execFileSync(`${here}node_modules/.bin/vite`, ["build", `${here}amplify-ui`], { env: { ...process.env, AMPLIFY_UI_OUT: out }, stdio: "inherit" });
}
/** The hint that starts a page's wasm download with the page, as the README shows it. */
const preload = (href) => `<link rel="preload" href="${href}" as="fetch" type="application/wasm" crossorigin>`;
/** What first-call/app.mjs is told to log once the sign-up is over. */
const DONE = "first-call: done";

/**
 * Builds each page into `dist`: its HTML and one minified bundle of
 * first-call/app.mjs with its library, or a component's site in a folder of its own.
 */
async function buildPages(dist, endpoint) {
  mkdirSync(dist, { recursive: true });
  const template = readFileSync(`${here}first-call/index.html`, "utf8");
  for (const page of PAGES) {
    if (page.site) {
      page.site(`${dist}/${page.id}`, endpoint);
      continue;
    }
    await browserBundle(`${here}first-call/app.mjs`, `${dist}/${page.id}.js`, {
      define: page.define,
      alias: { library: page.library ?? `${here}entries/${page.entry}.mjs`, "cognito-signup": `${root}pkg/${page.package ?? "index.js"}` },
    });
    const html = template.replace("LIBRARY", page.id).replace("<!--head-->", page.preload ? preload(page.preload) : "");
    writeFileSync(`${dist}/${page.id}.html`, html);
  }
  copyFileSync(`${root}pkg/${WASM}`, `${dist}/${WASM}`);
  writeFileSync(`${dist}/${GATE}`, Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00));
}

/** Serves `dist` gzipped (as a CDN would), never cached: each file is compressed in place first. */
export function servePages(dist) {
  for (const name of readdirSync(dist, { recursive: true })) {
    const file = `${dist}/${name}`;
    if (statSync(file).isFile()) writeFileSync(file, gzipSync(readFileSync(file), { level: 9 }));
  }
  return serveStatic(dist, { "Content-Encoding": "gzip", "Cache-Control": "no-store" });
}

/** A SignUp endpoint on 127.0.0.1 that answers at once and records when each user's request arrived. */
async function stubEndpoint() {
  const arrivals = new Map();
  const cors = { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "x-amzn-requestid, x-amzn-errortype" };
  const server = createServer((request, response) => {
    if (request.method === "OPTIONS") {
      const headers = request.headers["access-control-request-headers"] ?? "*";
      return response.writeHead(204, { ...cors, "Access-Control-Allow-Methods": "POST", "Access-Control-Allow-Headers": headers }).end();
    }
    const at = performance.timeOrigin + performance.now();
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const { Username } = JSON.parse(body);
      const seen = arrivals.get(Username) ?? [];
      arrivals.set(Username, [...seen, { at, target: request.headers["x-amz-target"] }]);
      response.writeHead(200, { ...cors, "Content-Type": "application/x-amz-json-1.1", "x-amzn-requestid": crypto.randomUUID() });
      response.end(JSON.stringify({ UserConfirmed: false, UserSub: crypto.randomUUID(), CodeDeliveryDetails: { AttributeName: "email", DeliveryMedium: "EMAIL", Destination: "a***@e***" } }));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, arrivals, close: () => new Promise((r) => (server.closeAllConnections(), server.close(r))) };
}

/** One cold run of `page` under `profile` with the tap `tap` ms after ready. */
async function coldRun(browser, pages, endpoint, page, profile, tap, run) {
  const username = `u${run}x${page.id.replace(/\W/g, "")}`;
  const context = await browser.newContext();
  if (page.site) await context.addInitScript(drive, { ready: page.ready, result: page.result, painted: page.painted });
  try {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Network.enable");
    await cdp.send("Performance.enable");
    const { cpu, network } = PROFILES[profile];
    if (cpu) await cdp.send("Emulation.setCPUThrottlingRate", cpu);
    if (network) await cdp.send("Network.emulateNetworkConditions", network);
    let bytes = 0;
    cdp.on("Network.loadingFinished", (event) => (bytes += event.encodedDataLength));
    const query = `?endpoint=${encodeURIComponent(endpoint.url)}&username=${username}&tap=${tap}&init=${page.init ?? ""}&done=${encodeURIComponent(DONE)}`;
    // Waits for the page's console message: polling would put work on the throttled main thread.
    const done = tab.waitForEvent("console", { predicate: (message) => message.text() === DONE, timeout: 60_000 });
    await tab.goto(`${pages.url}${page.id}${page.site ? "/index.html" : ".html"}${query}`, { waitUntil: "commit" });
    await done;
    const timing = await tab.evaluate(() => window.timing);
    if (timing.error) throw new Error(`${page.id}: ${timing.error}`);
    const { metrics } = await cdp.send("Performance.getMetrics");
    const posts = endpoint.arrivals.get(username) ?? [];
    if (posts.length !== 1 || !posts[0].target.endsWith(".SignUp")) throw new Error(`${page.id} sent ${posts.length} requests in run ${run}`);
    return {
      ready: timing.ready,
      tapToRequest: posts[0].at - timing.tapEpoch,
      result: timing.result,
      cls: timing.cls ?? 0,
      inDom: timing.seen ?? timing.ready,
      script: metrics.find((m) => m.name === "ScriptDuration").value * 1000,
      bytes,
    };
  } finally {
    await context.close();
  }
}

export const quartiles = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { median: median(sorted), low: sorted[Math.floor(sorted.length / 4)], high: sorted[Math.floor((sorted.length * 3) / 4)] };
};

/**
 * Every page under every profile and tap, `rounds` times, interleaved; returns
 * results[profile][tap][page] = { metric: { median, low, high } } (low and high: quartiles).
 */
export async function measureFirstCall(dist, rounds, log) {
  const endpoint = await stubEndpoint();
  await buildPages(dist, endpoint.url);
  const pages = await servePages(dist);
  const browser = await launchChromium();
  const samples = {};
  try {
    let run = 0;
    for (let round = 0; round < rounds; round++) {
      log(`first call: round ${round + 1} of ${rounds}`);
      for (const profile of Object.keys(PROFILES)) {
        for (const [tapName, tap] of Object.entries(TAPS)) {
          for (let k = 0; k < PAGES.length; k++) {
            const page = PAGES[(k + round) % PAGES.length];
            const sample = await coldRun(browser, pages, endpoint, page, profile, tap, run++);
            ((samples[profile] ??= {})[tapName] ??= {})[page.id] ??= [];
            samples[profile][tapName][page.id].push(sample);
          }
        }
      }
    }
  } finally {
    await browser.close();
    await pages.close();
    await endpoint.close();
  }
  const summary = (runs) => Object.fromEntries(Object.keys(runs[0]).map((metric) => [metric, quartiles(runs.map((r) => r[metric]))]));
  return Object.fromEntries(
    Object.entries(samples).map(([profile, taps]) => [
      profile,
      Object.fromEntries(Object.entries(taps).map(([tap, byPage]) => [tap, Object.fromEntries(Object.entries(byPage).map(([id, runs]) => [id, summary(runs)]))])),
    ]),
  );
}
