// Signed in the moment they confirm: <cognito-sign-up sign-in> end to end in
// Chromium, Firefox and WebKit. The password flow (USER_PASSWORD_AUTH)
// against cognito-local; USER_AUTH with the confirmation's Session, the
// sign-in steps (a code by text message, email or app, the choices, an
// expired session, a factor that cannot be set up here), a challenge for the
// host and a refusal against the fault server scripted to answer as Cognito
// does (tests/wasm_suite/faults.mjs: neither emulator has these flows). The
// authenticator app's setup against moto is tests/e2e/mfa-setup.test.mjs.
// Each behind the recording proxy; tokens must reach only signup-signed-in.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { codeFor } from "../cognito-local.mjs";
import { S, active, axe, consoleLog, inEachEngine, problemsOf, servePage, unique, watch } from "./page.mjs";

const { PAGE_CONFIG, CL_ENDPOINT, FAULTS_ENDPOINT } = process.env;
const PASSWORD = "Corr3ct-Horse!";
const EVENTS = ["signup-submit", "signup-code-sent", "signup-confirmed", "signup-signed-in", "signup-error"];
let local;
let scripted;
before(async () => {
  local = await servePage(CL_ENDPOINT, PAGE_CONFIG, "sign-in-config.json");
  scripted = await servePage(`${FAULTS_ENDPOINT}/cognito/element`, PAGE_CONFIG, "scripted-config.json");
});
after(async () => {
  await local?.close();
  await scripted?.close();
});

const claims = (jwt) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url"));

/** Opens `served`'s page with sign-in on, recording the element's events. */
async function open(page, served) {
  await page.goto(served.url);
  await page.evaluate(() => (sessionStorage.clear(), localStorage.clear()));
  await page.reload();
  await page.waitVisible(S.signup);
  await watch(page);
  // cognito-local has no SRP: its page names the password flow.
  await signInOn(page, "signup", served === local ? "USER_PASSWORD_AUTH" : "");
}

/** Records the element's events from now on, and turns sign-in on (`flow`: the attribute's value); waits for the step `step` drawn again for it. */
async function signInOn(page, step, flow) {
  const section = `[part~=step-${step}]`;
  await page.evaluate((types, section, flow) => {
    window.__events = [];
    for (const type of types) document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
    window.__rendered = document.querySelector(section);
    document.querySelector("cognito-sign-up").setAttribute("sign-in", flow);
  }, EVENTS, section, flow);
  await page.waitFor((s) => document.querySelector(s) !== window.__rendered, [section], 10_000, "the form drawn again");
  await page.waitVisible(section);
}

async function signUpAndConfirm(page, username, code, next = S.done) {
  await page.fill(S.username, username);
  await page.fill(S.email, `${username}@example.com`);
  await page.fill(S.password, PASSWORD);
  await page.click(S.signUpButton);
  await page.waitVisible(S.confirm);
  await page.fill(S.code, code(username));
  await page.click(S.confirmButton);
  await page.waitVisible(next);
}

/** The recorded events, and that no token, session or password is kept, logged or carried by another event. */
async function eventsAndLeaks(page, secrets) {
  const events = await page.evaluate(() => window.__events);
  const elsewhere = JSON.stringify(events.filter((e) => e.type !== "signup-signed-in"));
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }) + document.cookie);
  assert.deepEqual(await problemsOf(page), []);
  for (const secret of secrets.filter(Boolean)) {
    assert.ok(!elsewhere.includes(secret), "a secret in an event other than signup-signed-in");
    assert.ok(!stored.includes(secret), "a secret in storage");
    assert.ok(!consoleLog.some((line) => line.includes(secret)), "a secret in the console");
  }
  return events;
}

inEachEngine((page, engine) => {
  // The ends of sign-in that draw no new step (an expired session, a factor that cannot be set up, a
  // challenge for the host, a refusal) are the flow's logic, not a page's: Chromium runs them.
  const logic = { skip: engine !== "chromium" && "the flow's logic: Chromium runs it" };
  test("cognito-local: confirmed, then signed in with the password; the ID token's sub is the UserSub", async () => {
    await open(page, local);
    const username = unique("signin");
    await signUpAndConfirm(page, username, codeFor);
    await page.waitFor(() => window.__events.some((e) => e.type === "signup-signed-in"));
    assert.equal(await page.text(`${S.done} [part~=text]`), "Your account is confirmed and you are signed in.");
    const posts = local.proxy.posts.filter((p) => p.username === username || p.body.AuthParameters?.USERNAME === username);
    assert.deepEqual(posts.map((p) => p.operation), ["SignUp", "ConfirmSignUp", "InitiateAuth"]);
    assert.equal(posts[2].body.AuthFlow, "USER_PASSWORD_AUTH");
    const tokens = (await page.evaluate(() => window.__events)).find((e) => e.type === "signup-signed-in").detail.AuthenticationResult;
    const events = await eventsAndLeaks(page, [tokens.IdToken, tokens.AccessToken, tokens.RefreshToken, PASSWORD]);
    assert.deepEqual(events.map((e) => e.type), ["signup-submit", "signup-code-sent", "signup-confirmed", "signup-signed-in"]);
    const { detail } = events[3];
    assert.equal(detail.username, username);
    assert.equal(detail.userSub, events[2].detail.userSub);
    assert.equal(claims(detail.AuthenticationResult.IdToken).sub, detail.userSub);
    assert.deepEqual(await problemsOf(page), []);
  });

  test("a reload before confirming leaves no password or session: confirmed, asked to sign in, and signup-error says why", async () => {
    await open(page, local);
    const username = unique("reload");
    await page.fill(S.username, username);
    await page.fill(S.email, `${username}@example.com`);
    await page.fill(S.password, PASSWORD);
    await page.click(S.signUpButton);
    await page.waitVisible(S.confirm);
    await page.reload();
    await page.waitVisible(S.confirm);
    await signInOn(page, "confirm", "USER_PASSWORD_AUTH");
    await page.fill(S.code, codeFor(username));
    await page.click(S.confirmButton);
    await page.waitVisible(S.done);
    assert.equal(await page.text(`${S.done} [part~=text]`), "Your account is confirmed. You can now sign in.");
    const events = await page.evaluate(() => window.__events);
    assert.deepEqual(events.map((e) => e.type), ["signup-confirmed", "signup-error"]);
    assert.equal(events[1].detail.name, "SignInUnavailable");
    assert.equal(local.proxy.posts.filter((p) => p.operation === "InitiateAuth" && p.body.AuthParameters?.USERNAME === username).length, 0);
  });

  test("USER_AUTH with the confirmation's Session (the fault server as Cognito): signed in, no password sent", async () => {
    await open(page, scripted);
    const username = unique("session");
    await signUpAndConfirm(page, username, () => "123456");
    await page.waitFor(() => window.__events.some((e) => e.type === "signup-signed-in"));
    const posts = scripted.proxy.posts.filter((p) => p.username === username || p.body.AuthParameters?.USERNAME === username);
    assert.deepEqual(posts.map((p) => p.operation), ["SignUp", "ConfirmSignUp", "InitiateAuth"]);
    assert.match(posts[1].body.Session, /^signup-session-/, "ConfirmSignUp carried SignUp's Session");
    assert.deepEqual(posts[2].body.AuthParameters, { USERNAME: username }, "no password with a session");
    assert.match(posts[2].body.Session, /^confirm-session-/);
    assert.equal(posts[2].body.AuthFlow, "USER_AUTH");
    const events = await page.evaluate(() => window.__events);
    const signedIn = events.find((e) => e.type === "signup-signed-in").detail;
    assert.equal(claims(signedIn.AuthenticationResult.IdToken).sub, signedIn.userSub);
    await eventsAndLeaks(page, [signedIn.AuthenticationResult.AccessToken, posts[1].body.Session, posts[2].body.Session, PASSWORD]);
    assert.equal(await page.text(`${S.done} [part~=text]`), "Your account is confirmed and you are signed in.");
  });

  test("SMS_MFA: the code step says where the code went; a wrong code is said next to the field, the session survives it, the right code signs in", async () => {
    await open(page, scripted);
    const username = unique("mfa");
    await signUpAndConfirm(page, username, () => "123456", S.mfa);
    assert.match(await page.text(`${S.mfa} [part~=destination]`), /^We sent a sign-in code by text message to \u2068\+\*{7}0100\u2069\.$/);
    assert.equal(await active(page), "mfaCode");
    await axe(page, "the code step");
    // A new language mid-step: the step, drawn again, in German; then back.
    await page.evaluate(() => document.querySelector("cognito-sign-up").setAttribute("lang", "de"));
    await page.waitFor((s) => document.querySelector(`${s} [part~=title]`)?.textContent === "Anmeldecode eingeben", [S.mfa]);
    assert.match(await page.text(`${S.mfa} [part~=destination]`), /^Wir haben einen Anmeldecode per SMS an \u2068\+\*{7}0100\u2069 gesendet\.$/);
    await page.evaluate(() => document.querySelector("cognito-sign-up").setAttribute("lang", "en"));
    await page.waitFor((s) => document.querySelector(`${s} [part~=title]`)?.textContent === "Enter your sign-in code", [S.mfa]);
    await page.fill(S.mfaCode, "000000");
    await page.click(`${S.mfa} [part~=submit]`);
    await page.waitVisible(`${S.mfa} [part~=error]`);
    assert.equal(await page.text(`${S.mfa} [part~=error]`), "That code is not right. Check it and try again.");
    assert.equal(await page.attribute(S.mfaCode, "aria-invalid"), "true");
    assert.equal(await active(page), "mfaCode");
    await page.fill(S.mfaCode, "654 321");
    await page.click(`${S.mfa} [part~=submit]`);
    await page.waitVisible(S.done);
    assert.equal(await page.text(`${S.done} [part~=text]`), "Your account is confirmed and you are signed in.");
    const posts = scripted.proxy.posts.filter((p) => p.operation === "RespondToAuthChallenge" && p.body.ChallengeResponses.USERNAME === username);
    assert.equal(posts.length, 2);
    for (const [i, code] of ["000000", "654321"].entries()) {
      const { ClientId, ChallengeName, ChallengeResponses, Session } = posts[i].body;
      assert.deepEqual({ ClientId, ChallengeName, ChallengeResponses }, { ClientId: scripted.config.clientId, ChallengeName: "SMS_MFA", ChallengeResponses: { USERNAME: username, SMS_MFA_CODE: code } });
      assert.match(Session, /^sms_mfa-session-/);
    }
    assert.equal(posts[0].body.Session, posts[1].body.Session, "the same session after a wrong code");
    const events = await page.evaluate(() => window.__events);
    const signedIn = events.find((e) => e.type === "signup-signed-in").detail;
    assert.equal(claims(signedIn.AuthenticationResult.IdToken).sub, signedIn.userSub);
    await eventsAndLeaks(page, [signedIn.AuthenticationResult.AccessToken, posts[0].body.Session, PASSWORD]);
  });

  test("SELECT_MFA_TYPE: a choice of the pool's factors, then the chosen factor's code step", async () => {
    await open(page, scripted);
    const username = unique("choose");
    await signUpAndConfirm(page, username, () => "123456", S.choose);
    assert.deepEqual(await page.evaluate((s) => [...document.querySelectorAll(`${s} label`)].map((l) => l.textContent), S.choose), ["Text message", "Authenticator app"]);
    await axe(page, "the choice");
    // Drawn again in German, the choice keeps its step and its factors.
    await page.evaluate(() => document.querySelector("cognito-sign-up").setAttribute("lang", "de"));
    await page.waitFor((s) => document.querySelector(`${s} [part~=title]`)?.textContent === "Anmeldemethode wählen", [S.choose]);
    assert.deepEqual(await page.evaluate((s) => [...document.querySelectorAll(`${s} label`)].map((l) => l.textContent), S.choose), ["SMS", "Authenticator-App"]);
    await page.evaluate(() => document.querySelector("cognito-sign-up").setAttribute("lang", "en"));
    await page.waitFor((s) => document.querySelector(`${s} [part~=title]`)?.textContent === "Choose how to sign in", [S.choose]);
    await page.click(`${S.choose} input[value=SOFTWARE_TOKEN_MFA]`);
    await page.click(`${S.choose} [part~=submit]`);
    await page.waitVisible(S.mfa);
    assert.equal(await page.text(`${S.mfa} [part~=destination]`), "Enter the 6-digit code from your authenticator app.");
    await page.fill(S.mfaCode, "654321");
    await page.click(`${S.mfa} [part~=submit]`);
    await page.waitVisible(S.done);
    const posts = scripted.proxy.posts.filter((p) => p.operation === "RespondToAuthChallenge" && p.body.ChallengeResponses.USERNAME === username);
    assert.deepEqual(posts.map((p) => [p.body.ChallengeName, p.body.ChallengeResponses]), [
      ["SELECT_MFA_TYPE", { USERNAME: username, ANSWER: "SOFTWARE_TOKEN_MFA" }],
      ["SOFTWARE_TOKEN_MFA", { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: "654321" }],
    ]);
    assert.ok((await page.evaluate(() => window.__events)).find((e) => e.type === "signup-signed-in").detail.AuthenticationResult);
  });

  test("SELECT_CHALLENGE: only the factors the element can answer are offered; email's code signs in", async () => {
    await open(page, scripted);
    const username = unique("select");
    await signUpAndConfirm(page, username, () => "123456", S.choose);
    assert.deepEqual(await page.evaluate((s) => [...document.querySelectorAll(`${s} input`)].map((i) => [i.value, i.checked]), S.choose), [["EMAIL_OTP", true], ["SMS_OTP", false]]);
    await page.click(`${S.choose} [part~=submit]`);
    await page.waitVisible(S.mfa);
    assert.match(await page.text(`${S.mfa} [part~=destination]`), /^We sent a sign-in code by email to \u2068a\*\*\*@e\*\*\*\u2069\.$/);
    await page.fill(S.mfaCode, "654321");
    await page.click(`${S.mfa} [part~=submit]`);
    await page.waitVisible(S.done);
    const posts = scripted.proxy.posts.filter((p) => p.operation === "RespondToAuthChallenge" && p.body.ChallengeResponses.USERNAME === username);
    assert.deepEqual(posts.map((p) => [p.body.ChallengeName, p.body.ChallengeResponses]), [
      ["SELECT_CHALLENGE", { USERNAME: username, ANSWER: "EMAIL_OTP" }],
      ["EMAIL_OTP", { USERNAME: username, EMAIL_OTP_CODE: "654321" }],
    ]);
  });

  test("an expired session, and a factor that cannot be set up here, end at the done step that asks them to sign in", logic, async () => {
    await open(page, scripted);
    await signUpAndConfirm(page, unique("expired"), () => "123456", S.mfa);
    await page.fill(S.mfaCode, "654321");
    await page.click(`${S.mfa} [part~=submit]`);
    await page.waitVisible(S.done);
    assert.equal(await page.text(`${S.done} [part~=text]`), "Your account is confirmed, but the sign-in took too long. Sign in to continue.");
    let events = await page.evaluate(() => window.__events);
    assert.deepEqual(events.map((e) => e.type).slice(2), ["signup-confirmed", "signup-error"]);
    assert.equal(events[3].detail.name, "NotAuthorizedException");
    assert.equal(await active(page), "step-done title");

    await open(page, scripted);
    await signUpAndConfirm(page, unique("nofactor"), () => "123456");
    await page.waitFor(() => window.__events.some((e) => e.type === "signup-error"));
    assert.equal(await page.text(`${S.done} [part~=text]`), "Your account is confirmed. It needs a second sign-in step that can't be set up here: sign in to set it up.");
    events = await page.evaluate(() => window.__events);
    assert.equal(events.at(-1).detail.name, "MfaSetupUnavailable");
    assert.deepEqual(await problemsOf(page), []);
  });

  test("a challenge the element does not answer goes to the host in signup-signed-in; a refused sign-in leaves the account made and says why", logic, async () => {
    await open(page, scripted);
    const custom = unique("custom");
    await signUpAndConfirm(page, custom, () => "123456");
    await page.waitFor(() => window.__events.some((e) => e.type === "signup-signed-in"));
    const challenge = (await page.evaluate(() => window.__events)).find((e) => e.type === "signup-signed-in").detail;
    assert.equal(challenge.ChallengeName, "CUSTOM_CHALLENGE");
    assert.match(challenge.Session, /^custom_challenge-session-/);
    assert.deepEqual(challenge.ChallengeParameters, { question: "colour?" });
    assert.equal(challenge.username, custom);
    assert.equal(challenge.AuthenticationResult, undefined);
    assert.equal(await page.text(`${S.done} [part~=text]`), "Your account is confirmed. You can now sign in.");
    await open(page, scripted);
    const refused = unique("refused");
    await signUpAndConfirm(page, refused, () => "123456");
    await page.waitFor(() => window.__events.some((e) => e.type === "signup-error"));
    const events = await page.evaluate(() => window.__events);
    assert.deepEqual(events.map((e) => e.type), ["signup-submit", "signup-code-sent", "signup-confirmed", "signup-error"]);
    assert.equal(events[3].detail.name, "NotAuthorizedException");
    assert.equal(await page.text(`${S.done} [part~=text]`), "Your account is confirmed. You can now sign in.");
    assert.deepEqual(await problemsOf(page), []);
  });
});
