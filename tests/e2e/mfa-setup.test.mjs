// An authenticator app set up at the end of sign-up, against moto, in
// Chromium, Firefox and WebKit: a pool that requires MFA with software
// tokens (moto checks the codes: scripts/emulators.sh starts it with
// MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP=true) and an app client that allows
// SRP only. The element signs up, confirms, signs in with SRP, meets
// MFA_SETUP, shows the key, its QR code and its link; the test reads the key
// the element shows, computes the current code from it with a TOTP library
// (Python's `cryptography`, in moto's environment), and the element ends
// with tokens whose `sub` is the new user's. No password on the wire.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { homedir } from "node:os";
import jsQR from "jsqr";
import { call } from "../cognito-local.mjs";
import { S, SHOTS, active, axe, consoleLog, inEachEngine, problemsOf, servePage, unique, watch } from "./page.mjs";

const { MOTO_ENDPOINT, COGNITO_SIGNUP_VENV: VENV = `${homedir()}/.cache/cognito-signup/venv` } = process.env;
const PASSWORD = "Corr3ct-Horse!";
const ISSUER = "Example Shop";
let served;

before(async () => {
  const json = async (operation, body) => (await call(MOTO_ENDPOINT, operation, body)).json();
  const pool = (await json("CreateUserPool", { PoolName: "mfa-required", UsernameAttributes: ["email"], AutoVerifiedAttributes: ["email"] })).UserPool;
  await json("SetUserPoolMfaConfig", { UserPoolId: pool.Id, MfaConfiguration: "ON", SoftwareTokenMfaConfiguration: { Enabled: true } });
  const client = (await json("CreateUserPoolClient", { UserPoolId: pool.Id, ClientName: "srp-only", ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] })).UserPoolClient;
  const config = { userPoolId: pool.Id, clientId: client.ClientId, endpoint: MOTO_ENDPOINT, usernameAttributes: ["email"], signIn: true, totpIssuer: ISSUER, resendCooldownSeconds: 2 };
  writeFileSync(`${SHOTS}mfa-source.json`, JSON.stringify(config));
  served = await servePage(MOTO_ENDPOINT, `${SHOTS}mfa-source.json`, "mfa-config.json");
});
after(() => served?.close());

const claims = (jwt) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url"));

/** The current TOTP code for `key` (Base32, as shown), by Python's `cryptography` in moto's environment. */
const totp = (key) =>
  execFileSync(`${VENV}/bin/python`, ["-c", `
import base64, sys, time
from cryptography.hazmat.primitives.hashes import SHA1
from cryptography.hazmat.primitives.twofactor.totp import TOTP
key = sys.argv[1].upper()
key += "=" * (-len(key) % 8)
print(TOTP(base64.b32decode(key), 6, SHA1(), 30, enforce_key_length=False).generate(int(time.time())).decode())
`, key]).toString().trim();

/** What the QR code the element drew says: its SVG path drawn into pixels, read by jsQR. */
async function qrText(page) {
  const [d, viewBox] = await page.evaluate((s) => {
    const svg = document.querySelector(`${s} svg`);
    return [svg.querySelector("path").getAttribute("d"), svg.getAttribute("viewBox")];
  }, S.setup);
  const side = Number(viewBox.split(" ")[2]);
  const scale = 4;
  const rgba = new Uint8ClampedArray((side * scale) ** 2 * 4).fill(255);
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1H\d+z/g)) {
    for (let py = (+y + 4) * scale; py < (+y + 5) * scale; py++) {
      for (let px = (+x + 4) * scale; px < (+x + 4 + +w) * scale; px++) rgba.fill(0, (py * side * scale + px) * 4, (py * side * scale + px) * 4 + 3);
    }
  }
  return jsQR(rgba, side * scale, side * scale)?.data;
}

inEachEngine((page) => {
  test("moto, MFA required: sign up, confirm, SRP, set up an authenticator app from the key shown, signed in as the new user", async () => {
    const from = served.proxy.posts.length; // this engine's requests only
    await page.goto(served.url);
    await page.evaluate(() => (sessionStorage.clear(), localStorage.clear()));
    await page.reload();
    await page.waitVisible(S.signup);
    await watch(page);
    await page.evaluate(() => {
      window.__events = [];
      for (const type of ["signup-confirmed", "signup-signed-in", "signup-error"]) document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
    });
    const email = `${unique("app")}@example.com`;
    await page.fill(S.username, email);
    await page.fill(S.password, PASSWORD);
    await page.click(S.signUpButton);
    await page.waitVisible(S.confirm);
    await page.fill(S.code, "123456"); // moto confirms with any code
    await page.click(S.confirmButton);
    await page.waitVisible(S.setup, 20_000);
    assert.equal(await active(page), "step-setup title");
    await axe(page, "the authenticator app's setup");

    // The key as text in groups of four, the same key in the link and in the QR code.
    // Drawn again in German, the setup keeps its step, its key and its QR code.
    const drawn = await page.text(`${S.setup} [part~=secret]`);
    await page.evaluate(() => document.querySelector("cognito-sign-up").setAttribute("lang", "de"));
    await page.waitFor((s) => document.querySelector(`${s} [part~=title]`)?.textContent === "Authenticator-App einrichten", [S.setup]);
    assert.equal(await page.text(`${S.setup} [part~=secret]`), drawn);
    await page.evaluate(() => document.querySelector("cognito-sign-up").setAttribute("lang", "en"));
    await page.waitFor((s) => document.querySelector(`${s} [part~=title]`)?.textContent === "Set up your authenticator app", [S.setup]);
    const shown = await page.text(`${S.setup} [part~=secret]`);
    assert.match(shown, /^(\w{4} )*\w{1,4}$/);
    const key = shown.replace(/ /g, "");
    const uri = `otpauth://totp/${encodeURIComponent(ISSUER)}:${encodeURIComponent(email)}?secret=${key}&issuer=${encodeURIComponent(ISSUER)}`;
    assert.equal(await page.attribute(`${S.setup} [part~=open]`, "href"), uri);
    assert.equal(await qrText(page), uri);

    await page.fill(S.totpCode, "000000");
    await page.click(`${S.setup} [part~=submit]`);
    await page.waitVisible(`${S.setup} [part~=error]`);
    assert.equal(await page.text(`${S.setup} [part~=error]`), "That code is not right. Check it and try again.");
    await page.fill(S.totpCode, totp(key));
    await page.click(`${S.setup} [part~=submit]`);
    await page.waitVisible(S.done);
    assert.equal(await page.text(`${S.done} [part~=text]`), "Your account is confirmed and you are signed in.");

    const events = await page.evaluate(() => window.__events);
    const signedIn = events.find((e) => e.type === "signup-signed-in").detail;
    assert.equal(claims(signedIn.AuthenticationResult.IdToken).sub, signedIn.userSub);
    const posts = served.proxy.posts.slice(from).filter((p) => p.operation !== "SignUp");
    assert.deepEqual(posts.map((p) => p.operation), ["ConfirmSignUp", "InitiateAuth", "RespondToAuthChallenge", "AssociateSoftwareToken", "VerifySoftwareToken", "VerifySoftwareToken", "RespondToAuthChallenge"]);
    assert.equal(posts[1].body.AuthFlow, "USER_SRP_AUTH");
    assert.match(posts[1].body.AuthParameters.SRP_A, /^[0-9a-f]+$/);
    assert.deepEqual(Object.keys(posts[2].body.ChallengeResponses).sort(), ["PASSWORD_CLAIM_SECRET_BLOCK", "PASSWORD_CLAIM_SIGNATURE", "TIMESTAMP", "USERNAME"]);
    assert.equal(posts.at(-1).body.ChallengeName, "MFA_SETUP");
    for (const post of posts) assert.ok(!JSON.stringify(post.body).includes(PASSWORD), `the password in ${post.operation}`);
    const elsewhere = JSON.stringify(events.filter((e) => e.type !== "signup-signed-in"));
    for (const secret of [signedIn.AuthenticationResult.AccessToken, PASSWORD, posts[3].body.Session]) {
      assert.ok(!elsewhere.includes(secret));
      assert.ok(!consoleLog.some((line) => line.includes(secret)));
    }
    assert.deepEqual(await problemsOf(page), []);
  });
});
