// Signed in the moment they confirm: <cognito-sign-up sign-in> end to end in
// Chromium, Firefox and WebKit. The password flow (USER_PASSWORD_AUTH)
// against cognito-local; USER_AUTH with the confirmation's Session, a
// challenge and a refusal against the fault server scripted to answer as
// Cognito does (tests/wasm_suite/faults.mjs: neither emulator has that flow).
// Each behind the recording proxy; tokens must reach only signup-signed-in.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { codeFor } from "../cognito-local.mjs";
import { S, consoleLog, inEachEngine, problemsOf, servePage, unique, watch } from "./page.mjs";

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
  await signInOn(page, "signup");
}

/** Records the element's events from now on, and turns sign-in on; waits for the step `step` drawn again for it. */
async function signInOn(page, step) {
  const section = `[part~=step-${step}]`;
  await page.evaluate((types, section) => {
    window.__events = [];
    for (const type of types) document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
    window.__rendered = document.querySelector(section);
    document.querySelector("cognito-sign-up").setAttribute("sign-in", "");
  }, EVENTS, section);
  await page.waitFor((s) => document.querySelector(s) !== window.__rendered, [section], 10_000, "the form drawn again");
  await page.waitVisible(section);
}

async function signUpAndConfirm(page, username, code) {
  await page.fill(S.username, username);
  await page.fill(S.email, `${username}@example.com`);
  await page.fill(S.password, PASSWORD);
  await page.click(S.signUpButton);
  await page.waitVisible(S.confirm);
  await page.fill(S.code, code(username));
  await page.click(S.confirmButton);
  await page.waitVisible(S.done);
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

inEachEngine((page) => {
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
    await signInOn(page, "confirm");
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

  test("a challenge goes to the host in signup-signed-in; a refused sign-in leaves the account made and says why", async () => {
    await open(page, scripted);
    const mfa = unique("mfa");
    await signUpAndConfirm(page, mfa, () => "123456");
    await page.waitFor(() => window.__events.some((e) => e.type === "signup-signed-in"));
    const challenge = (await page.evaluate(() => window.__events)).find((e) => e.type === "signup-signed-in").detail;
    assert.equal(challenge.ChallengeName, "SMS_MFA");
    assert.match(challenge.Session, /^mfa-session-/);
    assert.equal(challenge.ChallengeParameters.CODE_DELIVERY_DESTINATION, "+*******0100");
    assert.equal(challenge.username, mfa);
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
