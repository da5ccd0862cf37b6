// <cognito-sign-up> in production, end to end in Chromium, Firefox and
// WebKit against cognito-local behind the recording proxy: the host's own
// check (beforeSignUp), Lambda data and threat-protection data on the wire
// of each call, host content in the form, phone numbers made E.164, prefill,
// Amplify's outputs file, and every problem of a form shown in one round.
// Where nothing may be sent, the proxy shows that nothing was.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { admin, codeFor } from "../cognito-local.mjs";
import { S, axe, inEachEngine, problemsOf, servePage, unique, watch } from "./page.mjs";

const { PAGE_CONFIG, CL_ENDPOINT, CL_POOL_ID, CL_CLIENT_ID } = process.env;
const PASSWORD = "Corr3ct-Horse!";
let served;
let proxy;
before(async () => {
  served = await servePage(CL_ENDPOINT, PAGE_CONFIG, "production-config.json");
  proxy = served.proxy;
});
after(() => served?.close());

/** What reached cognito-local for `username`. */
const postsFor = (username) => proxy.posts.filter((p) => p.username === username);
const TITLE = `${S.signup} [part~=title]`;

/** Opens the page afresh and, where given, sets the element's configuration (over the page's), `lang` and properties. */
async function open(page, { config, lang, props } = {}) {
  await page.goto(served.url);
  await page.evaluate(() => (sessionStorage.clear(), localStorage.clear()));
  await page.reload();
  await page.waitVisible(S.signup);
  await watch(page);
  if (config || lang || props) {
    const title = await page.text(TITLE);
    await page.evaluate(
      (base, config, lang, props) => {
        const el = document.querySelector("cognito-sign-up");
        if (lang) el.setAttribute("lang", lang);
        Object.assign(el, props ?? {});
        if (config) el.config = { ...base, ...config };
        window.__rendered = el.querySelector("[part~=step-signup]");
      },
      served.config,
      config ?? null,
      lang ?? null,
      props ?? null,
    );
    // The new form is drawn once the configuration (and a language, the phone module) has loaded.
    await page.waitFor(() => document.querySelector("[part~=step-signup]") !== window.__rendered, [], 10_000, "the form drawn again");
    await page.waitVisible(S.signup);
    assert.ok(title);
  }
}

async function fill(page, username, { password = PASSWORD } = {}) {
  await page.fill(S.username, username);
  await page.fill(S.email, `${username}@example.com`);
  if (password) await page.fill(S.password, password);
}

/** Waits until the sign-up button is no longer busy. */
const settled = (page) => page.waitFor((s) => !document.querySelector(s).disabled && !document.querySelector(s).hasAttribute("aria-busy"), [S.signUpButton], 10_000, "the button to settle");

inEachEngine((page) => {
  test("beforeSignUp: false sends nothing, a slow one's problems stand next to their fields, a throw shows in the banner", async () => {
    await open(page);
    const username = unique("host");
    await fill(page, username);
    await page.evaluate(() => {
      window.__seenInput = [];
      document.querySelector("cognito-sign-up").beforeSignUp = async (input) => (window.__seenInput.push(input), false);
    });
    await page.click(S.signUpButton);
    await page.waitFor(() => window.__seenInput.length === 1);
    await settled(page);
    const [seen] = await page.evaluate(() => window.__seenInput);
    assert.equal(seen.Username, username);
    assert.ok(!JSON.stringify(seen).includes(PASSWORD) && !("Password" in seen), "the host's check never sees the password");
    assert.equal(await page.evaluate((s) => document.querySelector(s).value, S.email), `${username}@example.com`, "the form stays as it is");
    assert.ok(await page.evaluate((s) => document.querySelector(s).hidden, S.banner));

    await page.evaluate(() => {
      document.querySelector("cognito-sign-up").beforeSignUp = () =>
        new Promise((resolve) => setTimeout(() => resolve({ problems: [{ field: "custom:city", message: "We do not serve this city yet." }, { field: "invite", message: "This invite has expired." }] }), 700));
    });
    await page.fill(S.city, "Atlantis");
    await page.click(S.signUpButton);
    assert.equal(await page.attribute(S.signUpButton, "aria-busy"), "true", "busy while the host checks");
    assert.equal(await page.text(S.signUpButton), "Creating account…");
    await page.waitVisible(S.cityError);
    assert.equal(await page.text(S.cityError), "We do not serve this city yet.");
    assert.equal(await page.attribute(S.city, "aria-invalid"), "true");
    assert.equal(await page.text(S.banner), "Check the highlighted fields: City. This invite has expired.");
    await axe(page, "the host's problems");

    await page.evaluate(() => {
      document.querySelector("cognito-sign-up").beforeSignUp = async () => {
        throw new Error("The invite service is down.");
      };
    });
    await page.click(S.signUpButton);
    await page.waitFor((s) => /The invite service is down\./.test(document.querySelector(s).textContent), [S.banner]);
    await settled(page);
    assert.equal(postsFor(username).length, 0, "nothing reached cognito-local");
    assert.deepEqual(await problemsOf(page), []);
  });

  test("ValidationData, ClientMetadata and UserContextData on the wire of SignUp, ResendConfirmationCode and ConfirmSignUp", async () => {
    await open(page, { config: { validationData: { invite: "inv-1" }, clientMetadata: { campaign: "spring" }, resendCooldownSeconds: 0 } });
    await page.evaluate(() => {
      // AWS's threat-protection collector, as the page would have it (a local stand-in with its interface).
      window.AmazonCognitoAdvancedSecurityData = { getData: (username, pool, client) => `ctx|${username}|${pool}|${client}` };
      document.querySelector("cognito-sign-up").beforeSignUp = async () => ({ ValidationData: { captcha: "token-1" }, ClientMetadata: { referral: "friend" } });
    });
    const username = unique("lambda");
    await fill(page, username);
    await page.click(S.signUpButton);
    await page.waitVisible(S.confirm);
    const context = { EncodedData: `ctx|${username}|${CL_POOL_ID}|${CL_CLIENT_ID}` };
    const [signUp] = postsFor(username);
    assert.equal(signUp.operation, "SignUp");
    assert.deepEqual(signUp.body.ValidationData, [
      { Name: "invite", Value: "inv-1" },
      { Name: "captcha", Value: "token-1" },
    ]);
    assert.deepEqual(signUp.body.ClientMetadata, { campaign: "spring", referral: "friend" });
    assert.deepEqual(signUp.body.UserContextData, context);
    await page.waitFor((s) => !document.querySelector(s).disabled, [S.resend]);
    await page.click(S.resend);
    await page.waitVisible(S.banner); // cognito-local does not implement ResendConfirmationCode; the proxy saw it all the same
    await page.fill(S.code, codeFor(username));
    await page.click(S.confirmButton);
    await page.waitVisible(S.done);
    // cognito-local answers ResendConfirmationCode with a 500, which the library tries twice more.
    const resend = postsFor(username).find((p) => p.operation === "ResendConfirmationCode");
    const confirm = postsFor(username).find((p) => p.operation === "ConfirmSignUp");
    for (const [post, operation] of [[resend, "ResendConfirmationCode"], [confirm, "ConfirmSignUp"]]) {
      assert.equal(post.operation, operation);
      assert.deepEqual(post.body.ClientMetadata, { campaign: "spring" }, `${operation}: the configured ClientMetadata`);
      assert.deepEqual(post.body.UserContextData, context, `${operation}: UserContextData`);
      assert.ok(!("ValidationData" in post.body));
    }
    assert.equal((await admin("AdminGetUser", { UserPoolId: CL_POOL_ID, Username: username })).UserStatus, "CONFIRMED");
    assert.deepEqual(await problemsOf(page), []);
  });

  test("the host's content in the form: a captcha stand-in and a box, kept in place across a language change, never sent as attributes", async () => {
    await open(page);
    await page.evaluate(() => {
      const el = document.querySelector("cognito-sign-up");
      // What Turnstile draws in its container: a widget, and its token in a hidden input (a local stand-in).
      const slot = Object.assign(document.createElement("div"), { slot: "before-submit", id: "host" });
      const box = Object.assign(document.createElement("input"), { type: "checkbox", name: "newsletter", id: "news" });
      const label = Object.assign(document.createElement("label"), { htmlFor: "news", textContent: "Send me the newsletter" });
      const token = Object.assign(document.createElement("input"), { type: "hidden", name: "cf-turnstile-response", value: "local-token-7" });
      slot.append(box, label, token);
      el.append(slot);
      window.__slot = slot;
      el.beforeSignUp = () => ({ ValidationData: { turnstile: slot.querySelector("[name=cf-turnstile-response]").value } });
    });
    const placed = () => {
      const slot = document.getElementById("host");
      return slot === window.__slot && slot.previousElementSibling?.matches("[part~=step-signup]") && !!slot.nextElementSibling?.querySelector("[part~=submit]") && slot.getClientRects().length > 0;
    };
    await page.waitFor(placed, [], 5_000, "the host's content between the fields and the submit button");
    await axe(page, "the host's content");
    await page.evaluate(() => document.querySelector("cognito-sign-up").setAttribute("lang", "de"));
    await page.waitFor((s) => document.querySelector(s)?.textContent === "Konto erstellen", [TITLE]);
    assert.ok(await page.evaluate(placed), "the same node, in the same place, after the language change");
    const username = unique("slot");
    await fill(page, username);
    await page.click("#news");
    await page.click(S.signUpButton);
    await page.waitVisible(S.confirm);
    assert.ok(await page.evaluate(() => document.getElementById("host").getClientRects().length === 0), "hidden outside the sign-up step");
    const [post] = postsFor(username);
    assert.deepEqual(post.body.UserAttributes.map((a) => a.Name), ["email"], "the host's inputs are never attributes");
    assert.deepEqual(post.body.ValidationData, [{ Name: "turnstile", Value: "local-token-7" }]);
    assert.deepEqual(await problemsOf(page), []);
  });

  test("phone numbers: a German and an American form, with and without a country code, and a number that cannot be right", async () => {
    await open(page);
    const phoneModule = () => page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/element/phone.js")).length);
    assert.equal(await phoneModule(), 0, "no country data for a form without a phone number");
    const phone = { attributes: [...served.config.attributes, "phone_number"] };
    const country = "[part~=field-phone_number] [part~=country]";
    const phoneInput = "[part~=field-phone_number] [name=phone_number]";
    const phoneError = "[part~=field-phone_number] [part~=error]";
    const signUpWith = async (typed) => {
      const username = unique("tel");
      await fill(page, username);
      await page.fill(phoneInput, typed);
      await page.click(S.signUpButton);
      await page.waitVisible(S.confirm);
      return postsFor(username)[0].body.UserAttributes.find((a) => a.Name === "phone_number").Value;
    };

    await open(page, { config: phone, lang: "de" });
    assert.equal(await page.evaluate((s) => document.querySelector(s).value, country), "DE", "the language's region first");
    assert.equal(await page.evaluate((s) => document.querySelector(s).selectedOptions[0].textContent, country), "Deutschland (+49)");
    assert.equal(await page.attribute(phoneInput, "autocomplete"), "tel");
    assert.equal(await phoneModule(), 1);
    await axe(page, "a German phone field");
    const username = unique("wrong");
    await fill(page, username);
    await page.fill(phoneInput, "12");
    await page.click(S.signUpButton);
    await page.waitVisible(phoneError);
    // A country is picked beside it: the advice is a valid number for that country, not a country code.
    assert.equal(await page.text(phoneError), "Geben Sie eine gültige Telefonnummer für das gewählte Land ein.");
    assert.equal(await page.attribute(phoneInput, "aria-invalid"), "true");
    assert.equal(postsFor(username).length, 0, "a wrong number sends nothing");
    await axe(page, "a refused phone number");
    assert.equal(await signUpWith("0151 2345 6789"), "+4915123456789");

    await open(page, { config: phone, lang: "en-US" });
    assert.equal(await page.evaluate((s) => document.querySelector(s).value, country), "US");
    assert.equal(await signUpWith("(415) 555-0100"), "+14155550100");
    await open(page, { config: phone, lang: "en-US" });
    assert.equal(await signUpWith("+49 151 23456789"), "+4915123456789", "a full international number, as autofill gives it");
    await open(page, { config: { ...phone, phoneCountries: ["AT", "CH", "DE"], phoneCountry: "CH" } });
    assert.deepEqual(await page.evaluate((s) => [...document.querySelector(s).options].map((o) => o.value), country), ["AT", "DE", "CH"], "sorted by name: Austria, Germany, Switzerland");
    assert.equal(await page.evaluate((s) => document.querySelector(s).value, country), "CH");
    await page.evaluate((s) => (document.querySelector(s).value = "AT"), country);
    assert.equal(await signUpWith("0664 123 4567"), "+436641234567", "the country the person picked");

    await open(page, { config: phone, lang: "ar" });
    assert.equal(await page.evaluate((s) => document.querySelector(s).value, country), "EG");
    assert.match(await page.evaluate((s) => document.querySelector(s).selectedOptions[0].textContent, country), /^مصر \(\+20\)$/);
    await axe(page, "an Arabic phone field");
    assert.deepEqual(await problemsOf(page), []);
  });

  test("prefill: values fill the fields, never the password", async () => {
    await open(page, { props: { values: { email: "invited@example.com", "custom:city": "Oslo", password: "Leaked-123!" } } });
    await page.waitFor((s) => document.querySelector(s).value === "invited@example.com", [S.email]);
    assert.equal(await page.evaluate((s) => document.querySelector(s).value, S.city), "Oslo");
    assert.equal(await page.evaluate((s) => document.querySelector(s).value, S.password), "");
  });

  test("amplify_outputs.json as the configuration signs a user up and confirms them; the endpoint attribute wins", async () => {
    await open(page);
    const outputs = {
      version: "1.4",
      auth: {
        user_pool_id: CL_POOL_ID,
        aws_region: "us-east-1",
        user_pool_client_id: CL_CLIENT_ID,
        password_policy: { min_length: 8, require_lowercase: true, require_numbers: true, require_symbols: true, require_uppercase: true },
        standard_required_attributes: ["email"],
        username_attributes: [],
        user_verification_types: ["email"],
      },
      storage: { bucket_name: "ignored" },
    };
    await page.evaluate(
      (outputs, endpoint) => {
        const el = document.querySelector("cognito-sign-up");
        el.setAttribute("endpoint", endpoint);
        el.config = outputs;
      },
      outputs,
      proxy.endpoint,
    );
    await page.waitFor(() => !document.querySelector("[name=family_name]") && document.querySelector("[part~=step-signup] [name=email]"), [], 10_000, "the outputs file's form");
    assert.equal(await page.evaluate(() => document.querySelectorAll("[part~=rule]").length), 5);
    const username = unique("amplify");
    await fill(page, username);
    await page.click(S.signUpButton);
    await page.waitVisible(S.confirm);
    await page.fill(S.code, codeFor(username));
    await page.click(S.confirmButton);
    await page.waitVisible(S.done);
    assert.equal((await admin("AdminGetUser", { UserPoolId: CL_POOL_ID, Username: username })).UserStatus, "CONFIRMED");
    await page.evaluate(() => (document.querySelector("cognito-sign-up").config = { version: "1.4", auth: { aws_region: "eu-west-1" } }));
    await page.waitFor(() => /amplify_outputs\.json: auth needs user_pool_id and user_pool_client_id/.test(document.querySelector("cognito-sign-up [role=alert]")?.textContent));
    assert.deepEqual(await problemsOf(page), ["<cognito-sign-up>: amplify_outputs.json: auth needs user_pool_id and user_pool_client_id"], "the wrong file, said once in the console");
  });

  test("every problem at once, with nothing sent: the library's refusal of the username beside the element's own, each field named by its whole label", async () => {
    await open(page, { config: { terms: { url: "/terms" } } });
    const username = "al ice";
    await page.fill(S.username, username);
    await page.fill(S.email, "alice@example.com");
    await page.click(S.signUpButton);
    const usernameError = `${S.signup} [part~=field-username] [part~=error]`;
    await page.waitVisible(usernameError);
    assert.match(await page.text(usernameError), /Must not contain spaces/);
    assert.equal(await page.text(S.passwordError), "This field is required.");
    assert.equal(await page.text("[part~=field-terms] [part~=error]"), "Accept the terms to continue.");
    assert.equal(await page.text(S.banner), "Check the highlighted fields: Username, Password, and I accept the terms of service.");
    assert.equal(postsFor(username).length, 0);
    await axe(page, "every problem at once");
    assert.deepEqual(await problemsOf(page), []);
  });
});
