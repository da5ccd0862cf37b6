// What the page's end-to-end suites share: the selectors of the element's
// parts, the console watch, axe-core, and the page served in front of a
// recording proxy (scripts/serve.mjs, the package from pkg/).
import { describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { engineNames, launch } from "../browsers/webdriver.mjs";
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { background } from "../background.mjs";
import { recorder } from "../recorder.mjs";

export const root = new URL("../..", import.meta.url).pathname;
export const SHOTS = `${root}target/e2e/`;
/** Every console message of every page, to check that no password is ever logged. */
export const consoleLog = [];

/**
 * For each engine, a `describe` block with one browser session (opened with
 * the extra `capabilities`): `tests(page, engine)` declares its tests, and
 * `page` stands for the session once it is open.
 */
export function inEachEngine(tests, capabilities) {
  for (const engine of engineNames()) {
    describe(engine, () => {
      let session;
      before(async () => (session = await launch(engine, capabilities)));
      after(() => session?.close());
      const page = new Proxy({}, { get: (_, key) => (typeof session[key] === "function" ? session[key].bind(session) : session[key]) });
      tests(page, engine);
    });
  }
}

/**
 * Starts a recording proxy in front of `target` and the page with
 * `configFile`'s configuration pointed at it (written as `name`); resolves
 * to `{ proxy, url, close() }`. `env` goes to scripts/serve.mjs (`WWW`, `HOLD`).
 */
export async function servePage(target, configFile, name = "config.json", env = {}) {
  mkdirSync(SHOTS, { recursive: true });
  const proxy = await recorder(target);
  const config = { ...JSON.parse(readFileSync(configFile, "utf8")), endpoint: proxy.endpoint };
  writeFileSync(`${SHOTS}${name}`, JSON.stringify(config));
  const server = await background(root, process.execPath, ["scripts/serve.mjs", "0", `${SHOTS}${name}`], env, /http:\/\/127\.0\.0\.1:\d+\//);
  const url = server.output().match(/http:\/\/127\.0\.0\.1:\d+\//)[0];
  return { proxy, url, config, close: async () => (server.stop(), await proxy.close()) };
}

/** Selectors of the element's parts (its ids are generated; names and parts are stable). */
export const S = {
  signup: "[part~=step-signup]",
  confirm: "[part~=step-confirm]",
  done: "[part~=step-done]",
  signUpButton: "[part~=actions] [part~=submit]",
  confirmButton: "[part~=step-confirm] [part~=submit]",
  username: "[part~=step-signup] [name=username]",
  email: "[name=email]",
  name: "[name=name]",
  family: "[name=family_name]",
  city: '[name="custom:city"]',
  password: "[name=password]",
  code: "[name=code]",
  banner: "[part~=banner]",
  destination: "[part~=destination]",
  passwordError: "[part~=field-password] [part~=error]",
  emailError: "[part~=field-email] [part~=error]",
  cityError: "[part~=field-custom-city] [part~=error]",
  resend: "[part~=resend]",
  mfa: "[part~=step-mfa]",
  mfaCode: "[name=mfaCode]",
  choose: "[part~=step-choose]",
  setup: "[part~=step-setup]",
  totpCode: "[name=totpCode]",
};

/** What has the focus: an input's name, or a step's title as "step-<name> title". */
export const active = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return a.name || `${a.closest("section")?.getAttribute("part").split(" ")[1]} ${a.getAttribute("part")}`;
  });

export const unique = (prefix) => prefix + Math.random().toString(36).slice(2, 9);

/**
 * Records, in the page, every console message and every uncaught error or
 * rejection from now on (WebDriver has no console events in every engine).
 */
export function watch(page) {
  return page.evaluate(() => {
    window.__seen = [];
    for (const type of ["log", "info", "warn", "error", "debug"]) {
      const original = console[type];
      console[type] = (...args) => (window.__seen.push({ type, text: args.map(String).join(" ") }), original.apply(console, args));
    }
    addEventListener("error", (e) => window.__seen.push({ type: "pageerror", text: String(e.message) }));
    document.addEventListener("securitypolicyviolation", (e) => window.__seen.push({ type: "pageerror", text: `CSP: ${e.violatedDirective}` }));
    addEventListener("unhandledrejection", (e) => window.__seen.push({ type: "pageerror", text: String(e.reason) }));
  });
}

/** The console messages the page recorded, added to `consoleLog`; resolves to its errors. */
export async function problemsOf(page) {
  const seen = (await page.evaluate(() => window.__seen ?? [])) ?? [];
  consoleLog.push(...seen.map((s) => s.text));
  return seen.filter((s) => s.type === "error" || s.type === "pageerror").map((s) => s.text);
}

const AXE = readFileSync(`${root}node_modules/axe-core/axe.min.js`, "utf8");
/** The WCAG 2.2 A and AA rules. */
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** axe-core's violations on the page as it is now (injected as a WebDriver script, which the page's CSP does not govern). */
export async function axe(page, step) {
  await page.command("POST", "/execute/sync", { script: `if (!window.axe) { ${AXE} }; return true;`, args: [] });
  const violations = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }).then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)),
    WCAG,
  );
  assert.deepEqual(violations, [], `axe-core at ${step} in ${page.engine}`);
}

