// A passkey before they leave: <cognito-sign-up passkey sign-in> on a
// passwordless pool, end to end: the offer in Chromium, Firefox and WebKit;
// adding one in Chromium, with WebDriver's virtual authenticator (Firefox's
// and WebKit's drivers cannot drive one here; see
// tests/package/browsers.test.mjs), against Cognito scripted with its
// ceremonies checked by @simplewebauthn/server (tests/webauthn/cognito.mjs).
// The person types no password at any point: SignUp without one, a wrong
// code, a resend and the right code (each ConfirmSignUp with SignUp's
// Session), USER_AUTH with the confirmation's Session, then the passkey
// step: added (the credential verified and registered), "Not now", one the
// authenticator already holds (InvalidStateError), or a dialog that ends
// without a passkey (an authenticator whose user does not
// consent, within the options' 3 s timeout: the browser says NotAllowedError).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { engineNames, launch } from "../browsers/webdriver.mjs";
import { startPasskeyCognito } from "../webauthn/cognito.mjs";
import { S, SHOTS, active, axe, servePage, unique, watch, problemsOf } from "./page.mjs";

const EVENTS = ["signup-confirmed", "signup-signed-in", "signup-passkey-added", "signup-error"];
let cognito;
let served;
let origin;
let browser;
/** The virtual authenticator the person uses: a platform one that verifies them. */
const PLATFORM = { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true };
let authenticator;

before(async () => {
  // The relying party is localhost (browsers refuse an IP address): the page is browsed there.
  cognito = await startPasskeyCognito({ origin: "http://localhost" });
  const config = { userPoolId: "eu-west-1_Passkeys", clientId: "passkeyclient", endpoint: cognito.url, passwordless: true, signIn: true, passkey: true, attributes: [{ name: "email", type: "email", required: true }], resendCooldownSeconds: 0 };
  writeFileSync(`${SHOTS}passkey-source.json`, JSON.stringify(config));
  served = await servePage(cognito.url, `${SHOTS}passkey-source.json`, "passkey-config.json");
  origin = served.url.replace("127.0.0.1", "localhost").replace(/\/$/, "");
  cognito.origin = origin;
  browser = await launch("chromium", { "webauthn:virtualAuthenticators": true });
  authenticator = await browser.command("POST", "/webauthn/authenticator", PLATFORM);
});
after(async () => {
  await browser?.close();
  await served?.close();
  await cognito?.close();
});

/** Signs `username` up with no password, a wrong code, a resend and the right code; waits at the passkey's offer. */
async function upToTheOffer(username, browser, next = "[part~=step-passkey]") {
  await browser.goto(`${origin}/`);
  await browser.evaluate(() => (sessionStorage.clear(), localStorage.clear()));
  await browser.reload();
  await browser.waitVisible(S.signup);
  await watch(browser);
  await browser.evaluate((types) => {
    window.__events = [];
    for (const type of types) document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
  }, EVENTS);
  assert.equal(await browser.evaluate(() => document.querySelector("[name=password]")), null, "no password field");
  await browser.fill(S.username, username);
  await browser.fill(S.email, `${username}@example.com`);
  await browser.click(S.signUpButton);
  await browser.waitVisible(S.confirm);
  await browser.fill(S.code, "000000");
  await browser.click(S.confirmButton);
  await browser.waitVisible(S.banner);
  await browser.click(S.resend);
  await browser.waitFor(() => document.querySelector("[part~=status]").textContent !== "", [], 10_000, "the resend said");
  await browser.fill(S.code, "123456");
  await browser.click(S.confirmButton);
  await browser.waitVisible(next, 15_000);
}

test("passwordless, end to end: no password anywhere, the SignUp Session through a wrong code and a resend, signed in, a passkey added", async () => {
  const username = unique("pk");
  await upToTheOffer(username, browser);
  assert.equal(await active(browser), "step-passkey title");
  assert.equal(await browser.text("[part~=step-passkey] [part~=title]"), "Add a passkey");
  await axe(browser, "the passkey's offer");
  await browser.click("[part~=passkey-add]");
  await browser.waitVisible(S.done, 15_000);
  assert.equal(await browser.text(`${S.done} [part~=text]`), "Your account is ready, and your passkey is added: use it to sign in next time.");
  const events = await browser.evaluate(() => window.__events);
  assert.deepEqual(events.map((e) => e.type), ["signup-error", "signup-confirmed", "signup-signed-in", "signup-passkey-added"]);
  assert.equal(events[0].detail.name, "CodeMismatchException", "the wrong code");
  assert.deepEqual(events[3].detail, { username, userSub: cognito.users.get(username).sub });
  const token = events[2].detail.AuthenticationResult.AccessToken;
  assert.ok(!JSON.stringify(events.filter((e) => e.type !== "signup-signed-in")).includes(token), "the access token only in signup-signed-in");
  assert.ok(cognito.users.get(username).credential, "the passkey, verified and registered");
  const mine = cognito.log.filter((e) => [e.body.Username, e.body.AuthParameters?.USERNAME].includes(username) || e.body.AccessToken === token);
  assert.deepEqual(mine.map((e) => e.operation), ["SignUp", "ConfirmSignUp", "ResendConfirmationCode", "ConfirmSignUp", "InitiateAuth", "StartWebAuthnRegistration", "CompleteWebAuthnRegistration"]);
  assert.ok(!("Password" in mine[0].body));
  assert.equal(mine[1].body.Session, mine[0].body.Session ?? cognito.users.get(username).signUp);
  assert.equal(mine[3].body.Session, cognito.users.get(username).signUp, "the SignUp Session survived a wrong code and a resend");
  assert.equal(mine[4].body.AuthFlow, "USER_AUTH");
  assert.equal(mine[4].body.Session, cognito.users.get(username).confirm);
  assert.deepEqual(await problemsOf(browser), []);
  const stored = await browser.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
  assert.ok(!stored.includes(token), "no token in storage");
  // A fresh page signs in with that passkey through the library, and gets tokens.
  await browser.goto(`${origin}/`);
  const sub = await browser.evaluate(async (Username, endpoint) => {
    const { signIn } = await import("/pkg/index.js");
    const out = await signIn({ ClientId: "passkeyclient", Username, AuthParameters: { PREFERRED_CHALLENGE: "WEB_AUTHN" } }, { endpoint });
    return JSON.parse(atob(out.AuthenticationResult.IdToken.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))).sub;
  }, username, served.config.endpoint);
  assert.equal(sub, cognito.users.get(username).sub);
  assert.deepEqual(cognito.log.slice(-2).map((e) => e.operation), ["InitiateAuth", "RespondToAuthChallenge"]);
});

test("a passkey made for another origin is refused by Cognito's check, and the element says so; Not now still goes on", async () => {
  const username = unique("elsewhere");
  await upToTheOffer(username, browser);
  cognito.origin = "https://elsewhere.example"; // the relying party expects another origin
  try {
    await browser.click("[part~=passkey-add]");
    await browser.waitVisible(S.banner, 15_000);
    assert.equal(await browser.text(S.banner), "Passkeys cannot be added from this website.");
    assert.equal(cognito.log.at(-1).operation, "CompleteWebAuthnRegistration");
    assert.equal(cognito.users.get(username).credential, undefined);
    await browser.click("[part~=passkey-skip]");
    await browser.waitVisible(S.done);
  } finally {
    cognito.origin = origin;
  }
});

test("a passkey the authenticator already holds (InvalidStateError) ends at the done step, with nothing registered", async () => {
  // The first test's passkey is on this authenticator: Cognito's options list it in excludeCredentials.
  const held = [...cognito.users.values()].find((u) => u.credential)?.credential.id;
  assert.ok(held, "a passkey from the first test");
  const username = unique("again");
  await upToTheOffer(username, browser);
  cognito.exclude = [held];
  try {
    const before = cognito.log.length;
    await browser.click("[part~=passkey-add]");
    await browser.waitVisible(S.done, 15_000);
    assert.equal(await browser.text(`${S.done} [part~=text]`), "Your account is confirmed and you are signed in.");
    assert.equal(await active(browser), "step-done title");
    assert.deepEqual(cognito.log.slice(before).map((e) => e.operation), ["StartWebAuthnRegistration"], "nothing completed");
    assert.equal(cognito.users.get(username).credential, undefined);
    assert.equal(await browser.evaluate(() => document.querySelector("[part~=banner]").hidden), true, "nothing in the banner");
    const events = await browser.evaluate(() => window.__events.map((e) => e.type));
    assert.ok(!events.includes("signup-passkey-added"));
  } finally {
    cognito.exclude = [];
  }
});

// The offer needs no authenticator, only a browser that can make a passkey: in every engine.
for (const engine of engineNames()) {
  test(`the offer, axe clean, and “Not now” ends at the done step with nothing more sent, in ${engine}`, async () => {
    const page = engine === "chromium" ? browser : await launch(engine);
    try {
      const username = unique(`later${engine}`);
      // Offered only where it can work: a browser without WebAuthn (WebKitGTK) goes straight to the done step.
      await page.goto(`${origin}/`);
      if (!(await page.evaluate(() => typeof PublicKeyCredential === "function" && isSecureContext))) {
        await upToTheOffer(username, page, S.done);
        assert.equal(await page.evaluate(() => document.querySelector("[part~=step-passkey]")), null, "no offer");
        assert.equal(await page.text(`${S.done} [part~=text]`), "Your account is confirmed and you are signed in.");
        return;
      }
      await upToTheOffer(username, page);
      await axe(page, "the passkey's offer");
      // Drawn again in another language (its words load then), the offer keeps its step.
      const title = "[part~=step-passkey] [part~=title]";
      await page.evaluate(() => document.querySelector("cognito-sign-up").setAttribute("lang", "de"));
      await page.waitFor((s) => document.querySelector(s)?.textContent === "Passkey hinzufügen", [title], 10_000, "the offer in German");
      assert.equal(await page.attribute("cognito-sign-up", "step"), "passkey");
      await page.evaluate(() => document.querySelector("cognito-sign-up").setAttribute("lang", "en"));
      await page.waitFor((s) => document.querySelector(s)?.textContent === "Add a passkey", [title], 10_000, "the offer in English");
      const before = cognito.log.length;
      await page.click("[part~=passkey-skip]");
      await page.waitVisible(S.done);
      assert.equal(await page.text(`${S.done} [part~=text]`), "Your account is confirmed and you are signed in.");
      assert.equal(await active(page), "step-done title");
      assert.equal(cognito.log.length, before);
      assert.equal(cognito.users.get(username).credential, undefined);
    } finally {
      if (page !== browser) await page.close();
    }
  });
}

test("a cancelled dialog goes back to the offer with a sentence, nothing in the banner; then Not now goes on", async () => {
  const username = unique("cancel");
  await upToTheOffer(username, browser);
  // The person's authenticator, for this test one whose user does not consent: the dialog ends with NotAllowedError.
  await browser.command("DELETE", `/webauthn/authenticator/${authenticator}`);
  authenticator = await browser.command("POST", "/webauthn/authenticator", { ...PLATFORM, isUserConsenting: false });
  try {
    await browser.click("[part~=passkey-add]");
    await browser.waitFor(() => document.querySelector("[part~=step-passkey] [part~=status]")?.textContent !== "", [], 15_000, "the sentence");
    assert.equal(await browser.text("[part~=step-passkey] [part~=status]"), "No passkey was added. You can try again, or go on without one.");
    assert.equal(await browser.evaluate(() => document.querySelector("[part~=banner]").hidden), true, "nothing in the banner");
    assert.equal(await active(browser), "step-passkey title");
    await axe(browser, "the offer after a cancel");
    await browser.click("[part~=passkey-skip]");
    await browser.waitVisible(S.done);
    assert.equal(cognito.users.get(username).credential, undefined);
  } finally {
    await browser.command("DELETE", `/webauthn/authenticator/${authenticator}`);
    authenticator = await browser.command("POST", "/webauthn/authenticator", PLATFORM);
  }
});
