// The sign-up page end to end in Chromium, Firefox and WebKit, each driven
// through WebDriver (tests/browsers/webdriver.mjs): the page served by
// scripts/serve.mjs, the package from pkg/, and cognito-local on 127.0.0.1
// with real confirmation codes, behind a proxy that records what reaches it.
// scripts/test.sh starts the emulators and sets PAGE_CONFIG and the CL_* variables.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { spawn } from "node:child_process";
import { inflateSync } from "node:zlib";
import { KEYS } from "../browsers/webdriver.mjs";
import { admin, codeFor } from "../cognito-local.mjs";
import { S, SHOTS, active, axe, consoleLog, inEachEngine, problemsOf, root, servePage, unique, watch } from "./page.mjs";
import * as pkg from "../../pkg/node.js";
import { checkedCalls } from "../checked.mjs";

const { signUp } = checkedCalls(pkg);

const { PAGE_CONFIG, CL_ENDPOINT, CL_POOL_ID, CL_CLIENT_ID, CL_DB } = process.env;
const PASSWORD = "Corr3ct-Horse!";
const WIDTHS = [360, 1280];
let proxy;
let pageServer;
let PAGE_URL;

before(async () => {
  pageServer = await servePage(CL_ENDPOINT, PAGE_CONFIG);
  proxy = pageServer.proxy;
  PAGE_URL = pageServer.url;
});
after(() => pageServer?.close());

/** What reached cognito-local for `username`. */
const postsFor = (username) => proxy.posts.filter((p) => p.username === username);

/** Opens the page afresh (storage cleared) at `width`, and waits for the sign-up step. */
async function open(page, width = 1280) {
  await page.setSize(width, 900);
  await page.goto(PAGE_URL);
  await page.evaluate(() => (sessionStorage.clear(), localStorage.clear()));
  await page.reload();
  await page.waitVisible(S.signup);
  await watch(page);
}

/** The page's Content-Security-Policy, as served. */
async function pageCsp() {
  const response = await fetch(PAGE_URL);
  return response.headers.get("content-security-policy");
}

async function fillSignUp(page, { username, email = `${username}@example.com`, password = PASSWORD }) {
  await page.fill(S.username, username);
  await page.fill(S.email, email);
  await page.fill(S.name, "Alice");
  await page.fill(S.family, "Liddell");
  await page.fill(S.city, "Oslo");
  await page.fill(S.password, password);
}

/** Signs `username` up through the form and waits for the confirmation step. */
async function reachConfirmation(page, username) {
  await fillSignUp(page, { username });
  await page.click(S.signUpButton);
  await page.waitVisible(S.confirm);
}

/** Enters the code cognito-local holds for `username`, confirms, and checks that the pool says CONFIRMED. */
async function confirmWithCode(page, username) {
  await page.fill(S.code, codeFor(username));
  await page.click(S.confirmButton);
  await page.waitVisible(S.done);
  const user = await admin("AdminGetUser", { UserPoolId: CL_POOL_ID, Username: username });
  assert.equal(user.UserStatus, "CONFIRMED");
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

test("the page is served with a strict Content-Security-Policy: no inline styles, Trusted Types for scripts", async () => {
  assert.match(await pageCsp(), /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'; connect-src 'self' http:\/\/127\.0\.0\.1:\d+/);
});

inEachEngine((page, engine) => {
  test("a user signs up, reads the code, confirms and is done; the pool says CONFIRMED", async () => {
    await open(page);
    const printer = spawn(process.execPath, ["scripts/print-codes.mjs", `${CL_DB}/${CL_POOL_ID}.json`], { cwd: root });
    let printed = "";
    printer.stdout.on("data", (d) => (printed += d));
    try {
      const username = unique("alice");
      const labels = await page.evaluate(() => [...document.querySelectorAll("label")].map((l) => `${l.control.name}:${l.firstChild.textContent}`));
      for (const label of ["email:Email", "name:First name", "family_name:Last name", "custom:city:City"]) assert.ok(labels.includes(label), label);
      const loads = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
      // WebKit does not hand an `as="fetch"` preload to fetch(), so it downloads config.json twice.
      assert.equal(loads.filter((path) => path === "/config.json").length, engine === "webkit" ? 2 : 1, "how often config.json is downloaded");
      // The element starts loading the wasm when it renders (not preloaded: that would delay the form).
      assert.equal(loads.filter((path) => path === "/pkg/cognito_signup_bg.wasm").length, 1, "how often the wasm is downloaded");
      assert.equal(loads.filter((path) => path === "/pkg/index.js").length, 1, "index.js is modulepreloaded and then used, not fetched again");
      await shoot(page, "1-sign-up");
      await axe(page, "sign-up");
      // Password managers: every input is a real one, in the light DOM, inside a form, with its Cognito name.
      const inputs = await page.evaluate(() => [...document.querySelectorAll("cognito-sign-up input")].map((i) => `${i.name}|${i.getAttribute("autocomplete")}|${!!i.form}`));
      for (const expected of ["username|username|true", "email|email|true", "name|given-name|true", "family_name|family-name|true", "custom:city|address-level2|true", "password|new-password|true", "code|one-time-code|true"]) {
        assert.ok(inputs.includes(expected), `${expected} in ${inputs}`);
      }
      // The styles apply under the page's CSP (style-src 'self'): the button has the accent colour.
      assert.equal(await page.evaluate((s) => getComputedStyle(document.querySelector(s)).backgroundColor, S.signUpButton), "rgb(11, 92, 173)");
      await fillSignUp(page, { username });
      await shoot(page, "2-filled");
      await page.click(S.signUpButton);
      await page.waitVisible(S.confirm);
      assert.equal(await active(page), "step-confirm title");
      assert.match(await page.text(S.destination), new RegExp(`${username}@example.com`));
      await shoot(page, "3-confirm");
      await axe(page, "confirm");
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
      await page.fill(S.code, code);
      await page.click(S.confirmButton);
      await page.waitVisible(S.done);
      assert.equal(await active(page), "step-done title");
      await shoot(page, "4-done");
      await axe(page, "done");
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
    await page.click(S.signUpButton);
    await page.waitVisible(S.banner);
    assert.match(await page.text(S.banner), /That username is already taken/);
    assert.equal(await page.attribute(S.banner, "role"), "alert");
    assert.equal(await active(page), "username");
    await shoot(page, "5-taken");
    await axe(page, "a service error");
    assert.deepEqual(await problemsOf(page), []);
  });

  test("a wrong code shows its message, and the right one then confirms", async () => {
    await open(page);
    const username = unique("bob");
    await reachConfirmation(page, username);
    const right = codeFor(username);
    await page.fill(S.code, right === "000000" ? "111111" : "000000");
    await page.click(S.confirmButton);
    await page.waitVisible(S.banner);
    assert.match(await page.text(S.banner), /That code is not right/);
    assert.equal(await active(page), "code");
    await shoot(page, "6-wrong-code");
    await page.fill(S.code, right);
    await page.click(S.confirmButton);
    await page.waitVisible(S.done);
    assert.ok(await page.evaluate(() => document.querySelector("[part~=banner]").hidden));
    assert.deepEqual(await problemsOf(page), []);
  });

  test("a password the policy refuses and an invalid attribute send nothing", async () => {
    await open(page, 360);
    const username = unique("carol");
    await fillSignUp(page, { username, password: "weakpass" });
    await page.click(S.signUpButton);
    await page.waitVisible(S.passwordError);
    assert.equal(await active(page), "password");
    assert.equal(await page.attribute(S.password, "aria-invalid"), "true");
    assert.equal(await page.evaluate(() => document.querySelectorAll("[part~=rule][data-met]").length), 2, "length and lowercase met");
    await shoot(page, "7-weak-password");
    await axe(page, "refused fields");
    await page.fill(S.password, PASSWORD);
    await page.fill(S.email, "not-an-email");
    await page.click(S.signUpButton);
    await page.waitVisible(S.emailError);
    assert.match(await page.text(S.emailError), /valid email/);
    await page.fill(S.email, `${username}@example.com`);
    await page.evaluate(() => {
      // Typing 2,049 keys one by one takes WebKit's driver seconds: set the value as a paste would.
      const city = document.querySelector('[name="custom:city"]');
      city.value = "x".repeat(2049);
      city.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page.click(S.signUpButton);
    await page.waitVisible(S.cityError);
    assert.match(await page.text(S.cityError), /at most 2048 characters/);
    assert.equal(postsFor(username).length, 0, "no request reached cognito-local");
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
    assert.ok(!stored.includes("weakpass") && !stored.includes(PASSWORD), "no password in storage");
    const user = await admin("AdminGetUser", { UserPoolId: CL_POOL_ID, Username: username });
    assert.equal(user.__type, "UserNotFoundException");
    assert.deepEqual(await problemsOf(page), []);
  });

  test("while a request runs the button is busy and a second click sends nothing", async () => {
    await open(page);
    const username = unique("dave");
    await fillSignUp(page, { username });
    proxy.delayMs = 700;
    try {
      await page.click(S.signUpButton);
      assert.equal(await page.attribute(S.signUpButton, "aria-busy"), "true");
      assert.ok(await page.evaluate(() => document.querySelector("[part~=actions] [part~=submit]").disabled));
      assert.equal(await page.text(S.signUpButton), "Creating account…");
      await page.click(S.signUpButton).catch(() => {});
      await page.evaluate(() => document.querySelector("[part~=step-signup] form").dispatchEvent(new Event("submit", { bubbles: true, cancelable: true })));
      await page.waitVisible(S.confirm);
    } finally {
      proxy.delayMs = 0;
    }
    assert.equal(postsFor(username).length, 1);
    assert.deepEqual(await problemsOf(page), []);
  });

  test("resend is disabled during its cooldown, then sends", async () => {
    await open(page);
    await reachConfirmation(page, unique("erin"));
    assert.ok(await page.evaluate(() => document.querySelector("[part~=resend]").disabled));
    assert.match(await page.text(S.resend), /Resend code \(\d+ s\)/);
    await page.waitFor(() => !document.querySelector("[part~=resend]").disabled, [], 10_000, "resend to be enabled");
    await page.click(S.resend);
    // cognito-local does not implement ResendConfirmationCode: its 500 shows as the fallback message.
    await page.waitVisible(S.banner);
    assert.match(await page.text(S.banner), /Something went wrong: Cognito Local unsupported feature/);
    assert.deepEqual(await problemsOf(page), []);
  });

  test("where storage is refused (a sandboxed frame) the flow still confirms", async () => {
    await open(page);
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException("refused", "SecurityError");
      };
    });
    const username = unique("kim");
    await reachConfirmation(page, username);
    await confirmWithCode(page, username);
    assert.deepEqual(await problemsOf(page), []);
  });

  test("a reload during confirmation keeps the step, and the password is never stored", async () => {
    await open(page);
    const username = unique("frank");
    await reachConfirmation(page, username);
    assert.deepEqual(await problemsOf(page), []);
    await page.reload();
    await page.waitVisible(S.confirm);
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
    assert.match(stored, new RegExp(username));
    assert.ok(!stored.includes(PASSWORD));
    await page.fill(S.code, codeFor(username));
    await page.click(S.confirmButton);
    await page.waitVisible(S.done);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  });

  test("a keyboard alone signs up and confirms", async () => {
    await open(page, 360);
    const username = unique("gina");
    await page.evaluate(() => (document.activeElement?.blur(), document.body.focus()));
    const typeInto = async (name, text) => {
      await page.keys(KEYS.Tab);
      assert.equal(await active(page), name);
      await page.keys(text);
    };
    await typeInto("username", username);
    await typeInto("email", `${username}@example.com`);
    await typeInto("name", "Gina");
    await typeInto("family_name", "Keys");
    await typeInto("custom:city", "Oslo");
    await typeInto("password", PASSWORD);
    await page.keys(KEYS.Enter);
    await page.waitVisible(S.confirm);
    await page.keys(KEYS.Tab);
    assert.equal(await active(page), "code");
    await page.keys(codeFor(username));
    await page.keys(KEYS.Enter);
    await page.waitVisible(S.done);
    assert.deepEqual(await problemsOf(page), []);
  });

  test("events: signup-submit (cancelable, no password), signup-code-sent, signup-error and signup-confirmed", async () => {
    await open(page);
    const username = unique("hana");
    await page.evaluate(() => {
      window.__events = [];
      window.__cancel = true;
      for (const type of ["signup-submit", "signup-code-sent", "signup-error", "signup-confirmed"]) {
        document.addEventListener(type, (e) => {
          window.__events.push({ type, detail: e.detail, bubbles: e.bubbles, composed: e.composed, cancelable: e.cancelable });
          if (type === "signup-submit" && window.__cancel) e.preventDefault();
        });
      }
    });
    await fillSignUp(page, { username });
    await page.click(S.signUpButton);
    await page.waitFor(() => window.__events.length === 1);
    assert.equal(postsFor(username).length, 0, "a cancelled submit sends nothing");
    assert.ok(await page.evaluate((s) => !document.querySelector(s).hidden, S.signup));
    await page.evaluate(() => (window.__cancel = false));
    await page.click(S.signUpButton);
    await page.waitVisible(S.confirm);
    await page.fill(S.code, codeFor(username) === "000000" ? "111111" : "000000");
    await page.click(S.confirmButton);
    await page.waitVisible(S.banner);
    await page.fill(S.code, codeFor(username));
    await page.click(S.confirmButton);
    await page.waitVisible(S.done);
    const events = await page.evaluate(() => window.__events);
    assert.deepEqual(events.map((e) => e.type), ["signup-submit", "signup-submit", "signup-code-sent", "signup-error", "signup-confirmed"]);
    assert.ok(events.every((e) => e.bubbles && e.composed));
    assert.deepEqual(events.map((e) => e.cancelable), [true, true, false, false, false]);
    assert.equal(events[1].detail.Username, username);
    assert.equal(events[1].detail.ClientId, CL_CLIENT_ID);
    assert.ok(!JSON.stringify(events).includes(PASSWORD), "no event carries the password");
    assert.equal(events[2].detail.Destination, `${username}@example.com`);
    assert.equal(events[3].detail.name, "CodeMismatchException");
    const user = await admin("AdminGetUser", { UserPoolId: CL_POOL_ID, Username: username });
    const sub = user.UserAttributes.find((a) => a.Name === "sub").Value;
    assert.deepEqual(events[4].detail, { username, userSub: sub });
    assert.deepEqual(await problemsOf(page), []);
  });

  test("languages: the nearest lang, German next to its field, Arabic right to left, each loaded only when asked for and clean under axe", async () => {
    await open(page);
    const loaded = () => page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((p) => /^\/pkg\/element\/[a-z]{2}\.js$/.test(p)));
    assert.deepEqual(await loaded(), [], "English needs no other file");
    const title = (text) => page.waitFor((s, t) => document.querySelector(s)?.textContent === t, [`${S.signup} [part~=title]`, text], 10_000, text);
    await page.evaluate(() => (document.documentElement.lang = "de-DE", document.querySelector("cognito-sign-up").setAttribute("lang", "de")));
    await title("Konto erstellen");
    await axe(page, "German");
    await page.click(S.signUpButton);
    await page.waitVisible(`${S.signup} [part~=field-username] [part~=error]`);
    assert.equal(await page.text(`${S.signup} [part~=field-username] [part~=error]`), "Dieses Feld ist erforderlich.");
    assert.match(await page.text(S.banner), /^Bitte prüfen Sie die markierten Felder: Benutzername, Email und Passwort\.$/);
    // (The page configures "Email" as a plain string: a configured label is not translated.)
    // Without its own lang, the element takes the nearest ancestor's.
    await page.evaluate(() => (document.documentElement.lang = "fr", document.querySelector("cognito-sign-up").removeAttribute("lang")));
    await title("Créer votre compte");
    await axe(page, "French");
    for (const [lang, heading] of [["es", "Crea tu cuenta"], ["ja", "アカウントを作成"]]) {
      await page.evaluate((l) => document.querySelector("cognito-sign-up").setAttribute("lang", l), lang);
      await title(heading);
      await axe(page, lang);
    }
    await page.evaluate(() => document.querySelector("cognito-sign-up").setAttribute("lang", "ar"));
    await title("أنشئ حسابك");
    assert.equal(await page.evaluate(() => document.querySelector("cognito-sign-up").dir), "rtl");
    assert.equal(await page.evaluate((s) => getComputedStyle(document.querySelector(s)).direction, S.password), "rtl");
    await axe(page, "Arabic");
    assert.deepEqual((await loaded()).sort(), ["/pkg/element/ar.js", "/pkg/element/de.js", "/pkg/element/es.js", "/pkg/element/fr.js", "/pkg/element/ja.js"]);
    await page.evaluate(() => (document.documentElement.lang = "en"));
    assert.deepEqual(await problemsOf(page), []);
  });

  test("a wrong configuration is said on the element and in the console, and nothing is sent", async () => {
    await open(page);
    const before = proxy.posts.length;
    await page.evaluate(() => (document.querySelector("cognito-sign-up").config = { attributes: [{ name: "custom:x", type: "radio" }] }));
    await page.waitFor(() => document.querySelector("cognito-sign-up [role=alert] li"));
    const said = await page.text("cognito-sign-up [role=alert]");
    assert.match(said, /not set up correctly/);
    assert.match(said, /clientId \(attribute client-id\) is missing/);
    assert.match(said, /attributes\[0\]\.type must be one of/);
    const errors = await problemsOf(page);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /<cognito-sign-up>: clientId/);
    assert.equal(proxy.posts.length, before);
    await axe(page, "a wrong configuration");
  });

  test("a passwordless pool: no password field, a SignUp with no Password, then the code confirms", async () => {
    await open(page);
    const config = JSON.parse(readFileSync(`${SHOTS}config.json`, "utf8"));
    await page.evaluate((c) => (document.querySelector("cognito-sign-up").config = { ...c, passwordless: true }), config);
    await page.waitFor(() => !document.querySelector("cognito-sign-up [name=password]") && document.querySelector("[part~=step-signup]"));
    const username = unique("jo");
    await page.fill(S.username, username);
    await page.fill(S.email, `${username}@example.com`);
    await page.click(S.signUpButton);
    await page.waitVisible(S.confirm);
    const [post] = postsFor(username);
    assert.ok(post && !("Password" in post.body), "SignUp was sent without a Password");
    await confirmWithCode(page, username);
    assert.deepEqual(await problemsOf(page), []);
  });

  test("start at the confirm step for a given username, then use a different account", async () => {
    await open(page);
    const username = unique("ivan");
    await page.evaluate((u) => document.querySelector("cognito-sign-up").setAttribute("username", u), username);
    await page.waitVisible(S.confirm);
    assert.equal(await page.evaluate(() => document.querySelector("[part~=anchor]").value), username);
    await page.click("[part~=start-over]");
    await page.waitVisible(S.signup);
    assert.equal(await active(page), "step-signup title");
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    assert.deepEqual(await problemsOf(page), []);
  });

  test("theme, show password, and a second import of the element are harmless", async () => {
    await open(page);
    const background = () => page.evaluate(() => getComputedStyle(document.querySelector("cognito-sign-up")).backgroundColor);
    assert.equal(await background(), "rgb(255, 255, 255)");
    await page.evaluate(() => document.querySelector("cognito-sign-up").setAttribute("theme", "dark"));
    assert.equal(await background(), "rgb(22, 27, 34)");
    await page.fill(S.password, "abc");
    await page.click("[part~=toggle]");
    assert.equal(await page.attribute(S.password, "type"), "text");
    assert.equal(await page.attribute("[part~=toggle]", "aria-pressed"), "true");
    const again = await page.evaluate(() => import(new URL("pkg/element.js?again", location)).then((m) => customElements.get("cognito-sign-up") !== m.CognitoSignUp && typeof m.CognitoSignUp));
    assert.equal(again, "function", "the second copy leaves the first definition alone");
    assert.deepEqual(await problemsOf(page), []);
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

test("no page ever logged a password", () => {
  for (const line of consoleLog) assert.ok(!line.includes(PASSWORD) && !line.includes("weakpass"), line);
});
