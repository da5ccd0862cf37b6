// The sign-up page end to end in Chromium, Firefox and WebKit, each driven
// through WebDriver (tests/browsers/webdriver.mjs): the page served by
// scripts/serve.mjs, the package from pkg/, and cognito-local on 127.0.0.1
// with real confirmation codes, behind a proxy that records what reaches it.
// scripts/test.sh starts the emulators and sets PAGE_CONFIG and the CL_* variables.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdirSync, writeFileSync, readdirSync } from "node:fs";
import { spawn } from "node:child_process";
import { inflateSync } from "node:zlib";
import { engineNames, launch, KEYS } from "../browsers/webdriver.mjs";
import { background } from "../background.mjs";
import { recorder } from "../recorder.mjs";
import { admin, codeFor } from "../cognito-local.mjs";
import * as pkg from "../../pkg/node.js";
import { checkedCalls } from "../checked.mjs";

const { signUp } = checkedCalls(pkg);

const { PAGE_CONFIG, CL_ENDPOINT, CL_POOL_ID, CL_CLIENT_ID, CL_DB } = process.env;
const root = new URL("../..", import.meta.url).pathname;
const SHOTS = `${root}target/e2e/`;
const PASSWORD = "Corr3ct-Horse!";
const WIDTHS = [360, 1280];
/** Every console message of every page, to check that no password is ever logged. */
const consoleLog = [];
let proxy;
let pageServer;
let PAGE_URL;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  proxy = await recorder(CL_ENDPOINT);
  const config = { ...JSON.parse(readFileSync(PAGE_CONFIG, "utf8")), endpoint: proxy.endpoint };
  writeFileSync(`${SHOTS}config.json`, JSON.stringify(config));
  pageServer = await background(root, process.execPath, ["scripts/serve.mjs", "0", `${SHOTS}config.json`], {}, /http:\/\/127\.0\.0\.1:\d+\//);
  PAGE_URL = pageServer.output().match(/http:\/\/127\.0\.0\.1:\d+\//)[0];
});
after(async () => {
  pageServer?.stop();
  await proxy?.close();
});

const unique = (prefix) => prefix + Math.random().toString(36).slice(2, 9);
/** What reached cognito-local for `username`. */
const postsFor = (username) => proxy.posts.filter((p) => p.username === username);

/**
 * Records, in the page, every console message and every uncaught error or
 * rejection from now on (WebDriver has no console events in every engine).
 */
function watch(page) {
  return page.evaluate(() => {
    window.__seen = [];
    for (const type of ["log", "info", "warn", "error", "debug"]) {
      const original = console[type];
      console[type] = (...args) => (window.__seen.push({ type, text: args.map(String).join(" ") }), original.apply(console, args));
    }
    addEventListener("error", (e) => window.__seen.push({ type: "pageerror", text: String(e.message) }));
    addEventListener("unhandledrejection", (e) => window.__seen.push({ type: "pageerror", text: String(e.reason) }));
  });
}

/** The console messages the page recorded, added to `consoleLog`; resolves to its errors. */
async function problemsOf(page) {
  const seen = (await page.evaluate(() => window.__seen ?? [])) ?? [];
  consoleLog.push(...seen.map((s) => s.text));
  return seen.filter((s) => s.type === "error" || s.type === "pageerror").map((s) => s.text);
}

/** Opens the page afresh (storage cleared) at `width`, and waits for the sign-up step. */
async function open(page, width = 1280) {
  await page.setSize(width, 900);
  await page.goto(PAGE_URL);
  await page.evaluate(() => (sessionStorage.clear(), localStorage.clear()));
  await page.reload();
  await page.waitVisible("#step-signup");
  await watch(page);
}

/** The page's Content-Security-Policy, as served. */
async function pageCsp() {
  const response = await fetch(PAGE_URL);
  return response.headers.get("content-security-policy");
}

async function fillSignUp(page, { username, email = `${username}@example.com`, password = PASSWORD }) {
  await page.fill("#username", username);
  await page.fill("#attribute-0", email);
  await page.fill("#attribute-1", "Alice");
  await page.fill("#attribute-2", "Liddell");
  await page.fill("#attribute-3", "Oslo");
  await page.fill("#password", password);
}

/** Signs `username` up through the form and waits for the confirmation step. */
async function reachConfirmation(page, username) {
  await fillSignUp(page, { username });
  await page.click("#signup-submit");
  await page.waitVisible("#step-confirm");
}

/** Whether a PNG is one flat colour (inflates the image data; 8-bit RGB/RGBA, as Chromium writes). */
function isBlank(png) {
  let offset = 8;
  const chunks = [];
  let width = 0;
  let channels = 4;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("ascii", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      channels = data[9] === 6 ? 4 : 3;
    }
    if (type === "IDAT") chunks.push(data);
    offset += length + 12;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels + 1;
  const colours = new Set();
  for (let row = 0; row + stride <= raw.length && colours.size < 3; row += stride * 7) {
    // Filter type 0 or 1 rows start with a literal pixel; count what differs along rows.
    for (let x = 1; x < stride; x += channels * 5) colours.add(raw[row + x]);
  }
  return colours.size < 3;
}

async function shoot(page, step) {
  for (const width of WIDTHS) {
    await page.setSize(width, 900);
    const png = await page.screenshot();
    writeFileSync(`${SHOTS}${page.engine}-${step}-${width}.png`, png);
    assert.ok(!isBlank(png), `${step} at ${width}px is blank in ${page.engine}`);
  }
}

test("the page is served with its Content-Security-Policy", async () => {
  assert.match(await pageCsp(), /script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' http:\/\/127\.0\.0\.1:\d+/);
});

for (const engine of engineNames()) {
  describe(engine, () => {
    let page;
    before(async () => {
      page = await launch(engine);
    });
    after(() => page?.close());

    test("a user signs up, reads the code, confirms and is done; the pool says CONFIRMED", async () => {
      await open(page);
      const printer = spawn(process.execPath, ["scripts/print-codes.mjs", `${CL_DB}/${CL_POOL_ID}.json`], { cwd: root });
      let printed = "";
      printer.stdout.on("data", (d) => (printed += d));
      try {
        const username = unique("alice");
        const labels = await page.evaluate(() => [...document.querySelectorAll("label")].map((l) => `${l.htmlFor}:${l.firstChild.textContent}`));
        for (const label of ["attribute-0:Email", "attribute-1:First name", "attribute-2:Last name", "attribute-3:City"]) assert.ok(labels.includes(label), label);
        const loads = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
        // WebKit does not hand an `as="fetch"` preload to fetch(), so it downloads each twice.
        for (const preloaded of ["/pkg/cognito_signup_bg.wasm", "/config.json"]) {
          assert.equal(loads.filter((path) => path === preloaded).length, engine === "webkit" ? 2 : 1, `how often ${preloaded} is downloaded`);
        }
        await shoot(page, "1-sign-up");
        await fillSignUp(page, { username });
        await shoot(page, "2-filled");
        await page.click("#signup-submit");
        await page.waitVisible("#step-confirm");
        assert.equal(await page.activeId(), "confirm-title");
        assert.match(await page.text("#confirm-destination"), new RegExp(`${username}@example.com`));
        await shoot(page, "3-confirm");
        const posts = postsFor(username);
        assert.equal(posts.length, 1);
        assert.deepEqual(posts[0].body.UserAttributes, [
          { Name: "email", Value: `${username}@example.com` },
          { Name: "name", Value: "Alice" },
          { Name: "family_name", Value: "Liddell" },
          { Name: "custom:city", Value: "Oslo" },
        ]);
        const code = codeFor(username);
        assert.match(code, /^\d{6}$/);
        await page.fill("#code", code);
        await page.click("#confirm-submit");
        await page.waitVisible("#step-done");
        assert.equal(await page.activeId(), "done-title");
        await shoot(page, "4-done");
        const user = await admin("AdminGetUser", { UserPoolId: CL_POOL_ID, Username: username });
        assert.equal(user.UserStatus, "CONFIRMED");
        const line = new RegExp(`confirmation code for ${username} \\(sent to ${username}@example.com\\): ${code}`);
        for (let waited = 0; !line.test(printed) && waited < 5000; waited += 100) await new Promise((r) => setTimeout(r, 100));
        assert.match(printed, line);
        assert.deepEqual(await problemsOf(page), []);
      } finally {
        printer.kill();
      }
    });

    test("a taken username shows the friendly message", async () => {
      const username = unique("taken");
      await signUp({ ClientId: CL_CLIENT_ID, Username: username, Password: PASSWORD, UserAttributes: { email: "t@example.com" } }, { endpoint: CL_ENDPOINT });
      await open(page, 360);
      await fillSignUp(page, { username });
      await page.click("#signup-submit");
      await page.waitVisible("#banner");
      assert.match(await page.text("#banner"), /That username is already taken/);
      assert.equal(await page.attribute("#banner", "role"), "alert");
      assert.equal(await page.activeId(), "username");
      await shoot(page, "5-taken");
      assert.deepEqual(await problemsOf(page), []);
    });

    test("a wrong code shows its message, and the right one then confirms", async () => {
      await open(page);
      const username = unique("bob");
      await reachConfirmation(page, username);
      const right = codeFor(username);
      await page.fill("#code", right === "000000" ? "111111" : "000000");
      await page.click("#confirm-submit");
      await page.waitVisible("#banner");
      assert.match(await page.text("#banner"), /That code is not right/);
      assert.equal(await page.activeId(), "code");
      await shoot(page, "6-wrong-code");
      await page.fill("#code", right);
      await page.click("#confirm-submit");
      await page.waitVisible("#step-done");
      assert.ok(await page.evaluate(() => document.getElementById("banner").hidden));
      await problemsOf(page);
    });

    test("a password the policy refuses and an invalid attribute send nothing", async () => {
      await open(page, 360);
      const username = unique("carol");
      await fillSignUp(page, { username, password: "weakpass" });
      await page.click("#signup-submit");
      await page.waitVisible("#password-error");
      assert.equal(await page.activeId(), "password");
      assert.equal(await page.attribute("#password", "aria-invalid"), "true");
      assert.equal(await page.evaluate(() => document.querySelectorAll("#password-rules li.met").length), 2, "length and lowercase met");
      await shoot(page, "7-weak-password");
      await page.fill("#password", PASSWORD);
      await page.fill("#attribute-0", "not-an-email");
      await page.click("#signup-submit");
      await page.waitVisible("#attribute-0-error");
      assert.match(await page.text("#attribute-0-error"), /valid email/);
      await page.fill("#attribute-0", `${username}@example.com`);
      await page.evaluate(() => {
        // Typing 2,049 keys one by one takes WebKit's driver seconds: set the value as a paste would.
        const city = document.getElementById("attribute-3");
        city.value = "x".repeat(2049);
        city.dispatchEvent(new Event("input", { bubbles: true }));
      });
      await page.click("#signup-submit");
      await page.waitVisible("#attribute-3-error");
      assert.match(await page.text("#attribute-3-error"), /at most 2048 characters/);
      assert.equal(postsFor(username).length, 0, "no request reached cognito-local");
      const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
      assert.ok(!stored.includes("weakpass") && !stored.includes(PASSWORD), "no password in storage");
      const user = await admin("AdminGetUser", { UserPoolId: CL_POOL_ID, Username: username });
      assert.equal(user.__type, "UserNotFoundException");
      await problemsOf(page);
    });

    test("while a request runs the button is busy and a second click sends nothing", async () => {
      await open(page);
      const username = unique("dave");
      await fillSignUp(page, { username });
      proxy.delayMs = 700;
      try {
        await page.click("#signup-submit");
        assert.equal(await page.attribute("#signup-submit", "aria-busy"), "true");
        assert.ok(await page.evaluate(() => document.getElementById("signup-submit").disabled));
        assert.equal(await page.text("#signup-submit"), "Creating account…");
        await page.click("#signup-submit").catch(() => {});
        await page.evaluate(() => document.getElementById("signup-form").dispatchEvent(new Event("submit", { bubbles: true, cancelable: true })));
        await page.waitVisible("#step-confirm");
      } finally {
        proxy.delayMs = 0;
      }
      assert.equal(postsFor(username).length, 1);
      assert.deepEqual(await problemsOf(page), []);
    });

    test("resend is disabled during its cooldown, then sends", async () => {
      await open(page);
      await reachConfirmation(page, unique("erin"));
      assert.ok(await page.evaluate(() => document.getElementById("resend").disabled));
      assert.match(await page.text("#resend"), /Resend code \(\d+ s\)/);
      await page.waitFor(() => !document.getElementById("resend").disabled, [], 10_000, "resend to be enabled");
      await page.click("#resend");
      // cognito-local does not implement ResendConfirmationCode: its 500 shows as the fallback message.
      await page.waitVisible("#banner");
      assert.match(await page.text("#banner"), /Something went wrong: Cognito Local unsupported feature/);
      await problemsOf(page);
    });

    test("a reload during confirmation keeps the step, and the password is never stored", async () => {
      await open(page);
      const username = unique("frank");
      await reachConfirmation(page, username);
      await problemsOf(page);
      await page.reload();
      await page.waitVisible("#step-confirm");
      const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
      assert.match(stored, new RegExp(username));
      assert.ok(!stored.includes(PASSWORD));
      await page.fill("#code", codeFor(username));
      await page.click("#confirm-submit");
      await page.waitVisible("#step-done");
      assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    });

    test("a keyboard alone signs up and confirms", async () => {
      await open(page, 360);
      const username = unique("gina");
      await page.evaluate(() => (document.activeElement?.blur(), document.body.focus()));
      const typeInto = async (id, text) => {
        await page.keys(KEYS.Tab);
        assert.equal(await page.activeId(), id);
        await page.keys(text);
      };
      await typeInto("username", username);
      await typeInto("attribute-0", `${username}@example.com`);
      await typeInto("attribute-1", "Gina");
      await typeInto("attribute-2", "Keys");
      await typeInto("attribute-3", "Oslo");
      await typeInto("password", PASSWORD);
      await page.keys(KEYS.Enter);
      await page.waitVisible("#step-confirm");
      await page.keys(KEYS.Tab);
      assert.equal(await page.activeId(), "code");
      await page.keys(codeFor(username));
      await page.keys(KEYS.Enter);
      await page.waitVisible("#step-done");
      await problemsOf(page);
    });

    test("the blank check finds a blank page", async () => {
      await page.goto("about:blank");
      await page.evaluate(() => (document.body.style.margin = "0", document.body.style.background = "#fff"));
      assert.ok(isBlank(await page.screenshot()));
    });

    test("every step's screenshot was saved at both widths", () => {
      const saved = readdirSync(SHOTS).filter((f) => f.endsWith(".png"));
      for (const step of ["1-sign-up", "3-confirm", "4-done"]) {
        for (const width of WIDTHS) assert.ok(saved.includes(`${engine}-${step}-${width}.png`), `${engine}-${step}-${width}.png`);
      }
    });
  });
}

test("no page ever logged a password", () => {
  for (const line of consoleLog) assert.ok(!line.includes(PASSWORD) && !line.includes("weakpass"), line);
});
