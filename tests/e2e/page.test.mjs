// The sign-up page end to end: headless Chromium (Debian's) driven by
// playwright-core, the page served by scripts/serve.mjs, the package from
// pkg/, and cognito-local on 127.0.0.1 with real confirmation codes.
// scripts/test.sh starts the stack and sets PAGE_URL and the CL_* variables.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdirSync, writeFileSync, readdirSync } from "node:fs";
import { spawn } from "node:child_process";
import { inflateSync } from "node:zlib";
import { launchChromium } from "../../scripts/chromium.mjs";
import * as pkg from "../../pkg/node.js";
import { checkedCalls } from "../checked.mjs";

const { signUp } = checkedCalls(pkg);

const { PAGE_URL, CL_ENDPOINT, CL_POOL_ID, CL_CLIENT_ID, CL_DB, CL_LOG } = process.env;
const SHOTS = new URL("../../target/e2e/", import.meta.url).pathname;
const PASSWORD = "Corr3ct-Horse!";
const WIDTHS = [360, 1280];
let browser;
/** Every console message of every page, to check that no password is ever logged. */
const consoleLog = [];

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});
after(() => browser?.close());

const unique = (prefix) => prefix + Math.random().toString(36).slice(2, 9);

/** A fresh page at `width`, with every POST to Cognito and every console problem recorded. */
async function open(width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const posts = [];
  const problems = [];
  page.on("request", (r) => r.method() === "POST" && r.url().startsWith(CL_ENDPOINT) && posts.push(JSON.parse(r.postData())));
  page.on("console", (m) => {
    consoleLog.push(m.text());
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  const response = await page.goto(PAGE_URL);
  assert.match(response.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' http:\/\/127\.0\.0\.1:\d+/);
  await page.locator("#step-signup:not([hidden])").waitFor();
  return { page, posts, problems, context };
}

async function fillSignUp(page, { username, email = `${username}@example.com`, password = PASSWORD }) {
  await page.fill("#username", username);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("First name").fill("Alice");
  await page.getByLabel("Last name").fill("Liddell");
  await page.getByLabel("City").fill("Oslo");
  await page.fill("#password", password);
}

/** Signs `username` up through the form and waits for the confirmation step. */
async function reachConfirmation(page, username) {
  await fillSignUp(page, { username });
  await page.click("#signup-submit");
  await page.locator("#step-confirm:not([hidden])").waitFor();
}

/** The code cognito-local holds for `username`, read from its pool file. */
function codeFor(username) {
  const pool = JSON.parse(readFileSync(`${CL_DB}/${CL_POOL_ID}.json`, "utf8"));
  return pool.Users[username].ConfirmationCode;
}

async function admin(operation, body) {
  const response = await fetch(`${CL_ENDPOINT}/`, {
    method: "POST",
    headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });
  return response.json();
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
    await page.setViewportSize({ width, height: 900 });
    const png = await page.screenshot({ fullPage: true });
    writeFileSync(`${SHOTS}${step}-${width}.png`, png);
    assert.ok(!isBlank(png), `${step} at ${width}px is blank`);
  }
}

test("a user signs up, reads the code, confirms and is done; the pool says CONFIRMED", async () => {
  const { page, posts, problems, context } = await open();
  const printer = spawn(process.execPath, ["scripts/print-codes.mjs", CL_LOG], { cwd: new URL("../..", import.meta.url).pathname });
  let printed = "";
  printer.stdout.on("data", (d) => (printed += d));
  try {
    const username = unique("alice");
    await shoot(page, "1-sign-up");
    await fillSignUp(page, { username });
    await shoot(page, "2-filled");
    await page.click("#signup-submit");
    await page.locator("#step-confirm:not([hidden])").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), "confirm-title");
    assert.match(await page.textContent("#confirm-destination"), new RegExp(`${username}@example.com`));
    await shoot(page, "3-confirm");
    assert.equal(posts.length, 1);
    assert.deepEqual(posts[0].UserAttributes, [
      { Name: "email", Value: `${username}@example.com` },
      { Name: "name", Value: "Alice" },
      { Name: "family_name", Value: "Liddell" },
      { Name: "custom:city", Value: "Oslo" },
    ]);
    const code = codeFor(username);
    assert.match(code, /^\d{6}$/);
    await page.fill("#code", code);
    await page.click("#confirm-submit");
    await page.locator("#step-done:not([hidden])").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), "done-title");
    await shoot(page, "4-done");
    const user = await admin("AdminGetUser", { UserPoolId: CL_POOL_ID, Username: username });
    assert.equal(user.UserStatus, "CONFIRMED");
    await new Promise((r) => setTimeout(r, 600));
    assert.match(printed, new RegExp(`confirmation code for ${username} \\(sent to ${username}@example.com\\): ${code}`));
    assert.deepEqual(problems, []);
  } finally {
    printer.kill();
    await context.close();
  }
});

test("a taken username shows the friendly message", async () => {
  const username = unique("taken");
  await signUp({ ClientId: CL_CLIENT_ID, Username: username, Password: PASSWORD, UserAttributes: { email: "t@example.com" } }, { endpoint: CL_ENDPOINT });
  const { page, context } = await open(360);
  await fillSignUp(page, { username });
  await page.click("#signup-submit");
  const banner = page.locator("#banner");
  await banner.waitFor();
  assert.match(await banner.textContent(), /That username is already taken/);
  assert.equal(await banner.getAttribute("role"), "alert");
  assert.equal(await page.evaluate(() => document.activeElement.id), "username");
  await shoot(page, "5-taken");
  await context.close();
});

test("a wrong code shows its message, and the right one then confirms", async () => {
  const { page, context } = await open();
  const username = unique("bob");
  await reachConfirmation(page, username);
  const right = codeFor(username);
  await page.fill("#code", right === "000000" ? "111111" : "000000");
  await page.click("#confirm-submit");
  await page.locator("#banner").waitFor();
  assert.match(await page.textContent("#banner"), /That code is not right/);
  assert.equal(await page.evaluate(() => document.activeElement.id), "code");
  await shoot(page, "6-wrong-code");
  await page.fill("#code", right);
  await page.click("#confirm-submit");
  await page.locator("#step-done:not([hidden])").waitFor();
  assert.ok(await page.locator("#banner").isHidden());
  await context.close();
});

test("a password the policy refuses and an invalid attribute send nothing", async () => {
  const { page, posts, context } = await open(360);
  const username = unique("carol");
  await fillSignUp(page, { username, password: "weakpass" });
  await page.click("#signup-submit");
  await page.locator("#password-error").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), "password");
  assert.equal(await page.getAttribute("#password", "aria-invalid"), "true");
  assert.equal(await page.locator("#password-rules li.met").count(), 2, "length and lowercase met");
  await shoot(page, "7-weak-password");
  await page.fill("#password", PASSWORD);
  await page.getByLabel("Email").fill("not-an-email");
  await page.click("#signup-submit");
  await page.locator("#attribute-0-error").waitFor();
  assert.match(await page.textContent("#attribute-0-error"), /valid email/);
  await page.getByLabel("Email").fill(`${username}@example.com`);
  await page.getByLabel("City").fill("x".repeat(2049));
  await page.click("#signup-submit");
  await page.locator("#attribute-3-error").waitFor();
  assert.match(await page.textContent("#attribute-3-error"), /at most 2048 characters/);
  assert.equal(posts.length, 0, "no request reached cognito-local");
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
  assert.ok(!stored.includes("weakpass") && !stored.includes(PASSWORD), "no password in storage");
  const user = await admin("AdminGetUser", { UserPoolId: CL_POOL_ID, Username: username });
  assert.equal(user.__type, "UserNotFoundException");
  await context.close();
});

test("while a request runs the button is busy and a second click sends nothing", async () => {
  const { page, posts, context } = await open();
  await page.route(`${CL_ENDPOINT}/**`, async (route) => {
    await new Promise((r) => setTimeout(r, 700));
    await route.continue();
  });
  await fillSignUp(page, { username: unique("dave") });
  await page.click("#signup-submit");
  assert.equal(await page.getAttribute("#signup-submit", "aria-busy"), "true");
  assert.ok(await page.isDisabled("#signup-submit"));
  assert.equal(await page.textContent("#signup-submit"), "Creating account…");
  await page.locator("#signup-submit").click({ force: true }).catch(() => {});
  await page.locator("#signup-form").dispatchEvent("submit");
  await page.locator("#step-confirm:not([hidden])").waitFor();
  assert.equal(posts.length, 1);
  await context.close();
});

test("resend is disabled during its cooldown, then sends", async () => {
  const { page, context } = await open();
  await reachConfirmation(page, unique("erin"));
  assert.ok(await page.isDisabled("#resend"));
  assert.match(await page.textContent("#resend"), /Resend code \(\d+ s\)/);
  await page.waitForFunction(() => !document.getElementById("resend").disabled, null, { timeout: 10_000 });
  await page.click("#resend");
  // cognito-local does not implement ResendConfirmationCode: its 500 shows as the fallback message.
  await page.locator("#banner").waitFor();
  assert.match(await page.textContent("#banner"), /Something went wrong: Cognito Local unsupported feature/);
  await context.close();
});

test("a reload during confirmation keeps the step, and the password is never stored", async () => {
  const { page, context } = await open();
  const username = unique("frank");
  await reachConfirmation(page, username);
  await page.reload();
  await page.locator("#step-confirm:not([hidden])").waitFor();
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
  assert.match(stored, new RegExp(username));
  assert.ok(!stored.includes(PASSWORD));
  await page.fill("#code", codeFor(username));
  await page.click("#confirm-submit");
  await page.locator("#step-done:not([hidden])").waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  await context.close();
});

test("a keyboard alone signs up and confirms", async () => {
  const { page, context } = await open(360);
  const username = unique("gina");
  await page.locator("body").focus();
  const typeInto = async (id, text) => {
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), id);
    await page.keyboard.type(text);
  };
  await typeInto("username", username);
  await typeInto("attribute-0", `${username}@example.com`);
  await typeInto("attribute-1", "Gina");
  await typeInto("attribute-2", "Keys");
  await typeInto("attribute-3", "Oslo");
  await typeInto("password", PASSWORD);
  await page.keyboard.press("Enter");
  await page.locator("#step-confirm:not([hidden])").waitFor();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "code");
  await page.keyboard.type(codeFor(username));
  await page.keyboard.press("Enter");
  await page.locator("#step-done:not([hidden])").waitFor();
  await context.close();
});

test("no page ever logged a password", () => {
  for (const line of consoleLog) assert.ok(!line.includes(PASSWORD) && !line.includes("weakpass"), line);
});

test("the blank check finds a blank page", async () => {
  const page = await browser.newPage();
  await page.setContent("<body style='margin:0;background:#fff'></body>");
  assert.ok(isBlank(await page.screenshot()));
  await page.close();
});

test("every step's screenshot was saved at both widths", () => {
  const saved = readdirSync(SHOTS).filter((f) => f.endsWith(".png"));
  for (const step of ["1-sign-up", "3-confirm", "4-done"]) {
    for (const width of WIDTHS) assert.ok(saved.includes(`${step}-${width}.png`), `${step}-${width}.png`);
  }
});
