// What the package tests share: fresh fixtures with the packed tarball
// installed (scripts/test.sh packs it into $TARBALL), a recording proxy in
// front of cognito-local, the check of the three steps, a page run in an
// engine through WebDriver, and a sign-up through <cognito-sign-up>.
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { cpSync, rmSync } from "node:fs";
import { launch } from "../browsers/webdriver.mjs";
import { recorder as recordingProxy } from "../recorder.mjs";
import { admin, codeFor } from "../cognito-local.mjs";

export const root = new URL("../..", import.meta.url).pathname;
const work = `${root}target/fixtures`;
export const { CL_ENDPOINT, CL_CLIENT_ID, TARBALL } = process.env;

/** Runs `command` in `cwd` and returns its stdout; throws with its stderr when it fails. */
export const run = (cwd, command, args, env = {}) =>
  execFileSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });

/**
 * As `run`, without blocking this process: for a program that talks to this
 * process's own servers (the recording proxy).
 */
export const runAsync = async (cwd, command, args, env = {}) =>
  (await promisify(execFile)(command, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 64 << 20 })).stdout;

/** A fresh copy of fixture `name`, with the shared steps, its lockfile's tools and the packed package installed. */
export function fixture(name, { install = true } = {}) {
  const dir = `${work}/${name}`;
  rmSync(dir, { recursive: true, force: true });
  cpSync(`${root}tests/package/${name}`, dir, { recursive: true, filter: (src) => !/node_modules|\.next|dist$/.test(src) });
  cpSync(`${root}tests/package/steps.mjs`, `${dir}/steps.mjs`);
  const quiet = ["--no-audit", "--no-fund", "--loglevel=error"];
  if (install) run(dir, "npm", ["ci", ...quiet]);
  run(dir, "npm", ["install", "--no-save", ...quiet, TARBALL]);
  return dir;
}

/** A fresh username for `prefix`. */
export const unique = (prefix) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A recording proxy in front of cognito-local (tests/recorder.mjs). */
export const recorder = () => recordingProxy(CL_ENDPOINT);

/** Holds `out` (or its JSON) to the three steps' results for `username`, and the proxy to one SignUp of it and nothing else. */
export function assertSteps(out, username, proxy, where) {
  const steps = typeof out === "string" ? parse(out, where) : out;
  assert.match(steps.userSub ?? "", /^[0-9a-f-]{36}$/, `${where}: ${JSON.stringify(steps)}`);
  assert.equal(steps.attempts, 1, where);
  assert.deepEqual(steps.refused, { name: "InvalidParameterException", field: "Username", attempts: 0 }, where);
  assert.deepEqual(steps.rules, ["MinimumLength", "RequireNumbers"], where);
  assert.deepEqual(proxy.posts.filter((p) => p.username === username).map((p) => p.operation), ["SignUp"], where);
  assert.equal(proxy.posts.filter((p) => p.username === "al ice").length, 0, `${where}: the refused username reached the server`);
  if ("written" in steps) assert.equal(steps.written, true, `${where}: renderSignUp writes the form`);
}

function parse(text, where) {
  try {
    return JSON.parse(text);
  } catch {
    assert.fail(`${where} printed: ${text}`);
  }
}

/** The query string that tells a fixture page where to sign `username` up. */
export const query = (proxy, username) =>
  `?endpoint=${encodeURIComponent(proxy.endpoint)}&client=${CL_CLIENT_ID}&username=${username}`;

/** Opens `url` in `engine` and resolves to what the page put in #result once it stopped "running". */
export async function pageResult(engine, url) {
  const browser = await launch(engine);
  try {
    await browser.goto(url);
    await browser.waitFor(() => document.getElementById("result")?.textContent !== "running", [], 20_000, "#result");
    return await browser.text("#result");
  } finally {
    await browser.close();
  }
}

/**
 * Signs `username` up through the <cognito-sign-up> at `url` in Chromium
 * (its fields by their Cognito names, its steps by their parts), confirms
 * them with cognito-local's code, and holds the pool to CONFIRMED and the
 * proxy to one SignUp and one ConfirmSignUp. With `confirmed`, the app must
 * also show the username its signup-confirmed handler received there. With
 * `slotted`, the app renders its own content in the element's before-submit
 * slot (#host-slot, with a #news box and a #more button counting into
 * #clicks) and an #unmount button: the content must stand between the fields
 * and the submit button, follow the app's state, never be sent, and the
 * whole element must unmount with no error.
 */
export async function signUpWithElement(url, username, proxy, { confirmed, slotted } = {}) {
  const browser = await launch("chromium");
  try {
    await browser.goto(url);
    await browser.waitVisible("[part~=step-signup] [name=username]", 30_000);
    if (slotted) {
      await browser.evaluate(() => {
        window.__errors = [];
        addEventListener("error", (e) => window.__errors.push(String(e.message)));
        const original = console.error;
        console.error = (...args) => (window.__errors.push(args.map(String).join(" ")), original.apply(console, args));
      });
      const slot = await browser.evaluate(() => {
        const s = document.getElementById("host-slot");
        return [s.parentElement.localName, s.previousElementSibling?.getAttribute("part"), s.nextElementSibling?.getAttribute("part")].join(" ");
      });
      assert.equal(slot, "cognito-sign-up step step-signup actions", `${url}: the app's content between the fields and the submit button`);
      await browser.click("#more");
      await browser.click("#more");
      await browser.waitFor(() => document.getElementById("clicks").textContent === "2", [], 5_000, "the app's state in its slotted content");
      await browser.click("#news");
    }
    await browser.fill("[part~=step-signup] [name=username]", username);
    await browser.fill("[name=email]", `${username}@example.com`);
    await browser.fill("[name=password]", "Corr3ct-Horse!");
    // Markup written by a server shows before the element's script: its button works once that has come.
    await browser.waitFor(() => !document.querySelector("[part~=actions] [part~=submit]").disabled, [], 30_000, "the element to take over");
    assert.equal(await browser.evaluate(() => document.querySelectorAll("[part~=step-signup]").length), 1, "one form");
    await browser.click("[part~=actions] [part~=submit]");
    await browser.waitVisible("[part~=step-confirm]");
    await browser.fill("[name=code]", codeFor(username));
    await browser.click("[part~=step-confirm] [part~=submit]");
    await browser.waitVisible("[part~=step-done]");
    if (confirmed) {
      await browser.waitFor((selector) => document.querySelector(selector)?.textContent !== "", [confirmed], 5_000, confirmed);
      assert.equal(await browser.text(confirmed), username, "the app's signup-confirmed handler");
    }
    if (slotted) {
      await browser.click("#unmount");
      await browser.waitFor(() => !document.querySelector("cognito-sign-up"), [], 5_000, "the element unmounted");
      assert.deepEqual(await browser.evaluate(() => window.__errors), [], `${url}: no error from the app or the element`);
    }
  } finally {
    await browser.close();
  }
  const user = await admin("AdminGetUser", { UserPoolId: process.env.CL_POOL_ID, Username: username });
  assert.equal(user.UserStatus, "CONFIRMED", url);
  const posts = proxy.posts.filter((p) => p.username === username);
  assert.deepEqual(posts.map((p) => p.operation), ["SignUp", "ConfirmSignUp"], url);
  assert.deepEqual(posts[0].body.UserAttributes.map((a) => a.Name), ["email"], `${url}: the app's own inputs are never sent`);
}
