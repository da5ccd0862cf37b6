// The element's form model and languages, natively in Node (no DOM): the
// configuration's checks, the SignUp input built from typed values, where a
// refusal goes, and every shipped dictionary against English's keys.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { callConfig, fieldOf, readConfig, signUpInput, withAttributes } from "../../js/element/model.js";
import { LANGUAGES, dictionary, direction, errorText, exceptions, problemText, text } from "../../js/element/i18n.js";
import en from "../../js/element/en.js";
import errors from "../../js/element/errors.js";
import { toE164 } from "../../js/element/phone.js";
import { explain } from "../../js/element/pipeline.js";
import mistakes from "../../js/element/mistakes.js";

/** readConfig, with its problems as the sentences the developer reads (mistakes.js). */
const read = (config) => {
  const read = readConfig(config);
  return read.problems ? { problems: explain(mistakes, read.problems) } : read;
};

const BASE = { clientId: "abc", userPoolId: "eu-west-1_X" };
const ok = (value) => ({ value, valid: true });

test("a configuration without a client or a place to send to names both problems", () => {
  const { problems, form } = read({ attributes: [{ name: "x", type: "radio" }, { type: "select" }] });
  assert.equal(form, undefined);
  assert.equal(problems.length, 5, problems.join("\n"));
  assert.match(problems[0], /clientId/);
  assert.match(problems[1], /region, userPoolId or endpoint/);
  assert.match(problems[2], /attributes\[0\]\.type must be one of/);
  assert.match(problems[3], /attributes\[1\] needs a name/);
  assert.match(problems[4], /attributes\[1\] is a select and needs options/);
  assert.deepEqual(read(null).problems, ["the configuration must be an object"]);
  assert.match(read({ ...BASE, usernameAttributes: ["nickname"] }).problems[0], /usernameAttributes/);
  assert.match(read({ ...BASE, resendCooldownSeconds: "soon" }).problems[0], /resendCooldownSeconds/);
});

test("scalar attributes lay over the configuration object", () => {
  const attrs = { "client-id": "from-attr", region: "eu-north-1", "resend-cooldown": "5" };
  const merged = withAttributes({ clientId: "from-object", userPoolId: "p" }, (name) => attrs[name] ?? null);
  assert.deepEqual(merged, { clientId: "from-attr", userPoolId: "p", region: "eu-north-1", resendCooldownSeconds: 5 });
  assert.deepEqual(callConfig({ ...merged, endpoint: undefined, passwordPolicy: { MinimumLength: 8 } }), {
    region: "eu-north-1",
    userPoolId: "p",
    passwordPolicy: { MinimumLength: 8 },
  });
});

test("standard attributes get their type and autocomplete token; custom ones are text", () => {
  const { form } = read({ ...BASE, attributes: ["email", "birthdate", "nickname", { name: "custom:city", required: true }] });
  assert.deepEqual(form.fields.map((f) => [f.name, f.type, f.autocomplete, f.required]), [
    ["email", "email", "email", false],
    ["birthdate", "date", "bday", false],
    ["nickname", "text", "nickname", false],
    ["custom:city", "text", undefined, true],
  ]);
  assert.equal(form.identifier.label, "username");
  assert.equal(form.password, true);
  assert.equal(form.passwordAgain, false);
  assert.equal(form.cooldown, 30);
});

test("the input: trimmed values, empty ones left out, the password never in it", () => {
  const { form } = read({ ...BASE, attributes: ["email", "name", { name: "custom:news", type: "checkbox" }] });
  const values = { username: ok(" alice "), email: ok("a@example.com "), name: ok(""), "custom:news": ok("true"), password: ok("Secret-1") };
  const { input, problems } = signUpInput("abc", form, values, []);
  assert.deepEqual(problems, []);
  assert.deepEqual(input, {
    ClientId: "abc",
    Username: "alice",
    UserAttributes: [
      { Name: "email", Value: "a@example.com" },
      { Name: "custom:news", Value: "true" },
    ],
  });
  assert.ok(!JSON.stringify(input).includes("Secret-1"));
});

test("every unmet requirement is a problem of its field, before anything is sent", () => {
  const { form } = read({ ...BASE, attributes: [{ name: "email", required: true }], confirmPassword: true, terms: { url: "/terms" } });
  const values = {
    username: ok(""),
    email: { value: "not-an-email", valid: false },
    password: ok("short"),
    passwordAgain: ok("shorter"),
    terms: ok("false"),
  };
  const { problems } = signUpInput("abc", form, values, ["MinimumLength"]);
  assert.deepEqual(problems, [
    { name: "username", key: "required" },
    { name: "email", key: "invalidEmail" },
    { name: "password", key: "weak" },
    { name: "passwordAgain", key: "mismatch" },
    { name: "terms", key: "mustAccept" },
  ]);
});

test("email as the username: sent as the username and as the email attribute, and one field asks for it", () => {
  const { form } = read({ ...BASE, usernameAttributes: ["email"], attributes: ["email", "name"] });
  assert.deepEqual(form.fields.map((f) => f.name), ["name"]);
  assert.equal(form.identifier.type, "email");
  assert.equal(form.identifier.label, "usernameEmail");
  const { input } = signUpInput("abc", form, { username: ok("a@example.com"), name: ok("Al"), password: ok("x") });
  assert.deepEqual(input.UserAttributes, [
    { Name: "email", Value: "a@example.com" },
    { Name: "name", Value: "Al" },
  ]);
  assert.equal(fieldOf("UserAttributes[0].Value", input), "username");
  assert.equal(fieldOf("UserAttributes[1].Value", input), "name");
  assert.equal(fieldOf("Username", input), "username");
  const either = read({ ...BASE, usernameAttributes: ["email", "phone_number"] }).form;
  assert.equal(signUpInput("abc", either, { username: ok("+4712345678"), password: ok("x") }, [], toE164).input.UserAttributes[0].Name, "phone_number");
});

test("a passwordless pool asks for no password", () => {
  const { form } = read({ ...BASE, passwordless: true });
  assert.equal(form.password, false);
  assert.deepEqual(signUpInput("abc", form, { username: ok("alice") }).problems, []);
});

test("the library's refusals are said in the user's language", async () => {
  const de = await dictionary("de-AT");
  assert.equal(problemText(de, "must have at most 2048 characters"), "Darf höchstens 2048 Zeichen haben.");
  assert.equal(problemText(en, "must not contain spaces or control characters"), en.noSpaces);
  assert.equal(problemText(en, "something new"), "something new");
  assert.equal(errorText(de, { name: "CodeMismatchException", message: "Invalid code" }), de.CodeMismatchException);
  // English says Cognito's exceptions once errors.js is loaded; before, or where it cannot load, generically.
  assert.equal(errorText(en, { name: "CodeMismatchException", message: "Invalid code" }), "Something went wrong: Invalid code");
  assert.equal(errorText(en, { name: "NetworkError", message: "offline" }), en.NetworkError, "a failed network needs no module");
  await exceptions();
  const english = await dictionary("en");
  assert.equal(errorText(english, { name: "CodeMismatchException", message: "Invalid code" }), errors.CodeMismatchException);
  assert.equal(errorText(english, { name: "InvalidSmsRoleTrustRelationshipException", message: "role" }), errors.unavailable);
  assert.equal(errorText(english, { name: "UserLambdaValidationException", message: "PreSignUp failed with error Not on the list." }), "Your details were not accepted: Not on the list.");
  assert.equal(errorText(english, { name: "Weird", message: "odd" }), "Something went wrong: odd");
});

test("a host's partial dictionary lays over a language, and English fills the rest", async () => {
  const dict = await dictionary("fr", { fr: { submit: "C'est parti" } });
  assert.equal(dict.submit, "C'est parti");
  assert.equal(dict.title, "Créer votre compte");
  const unknown = await dictionary("sv", { sv: { title: "Skapa konto" } });
  assert.equal(unknown.title, "Skapa konto");
  assert.equal(unknown.submit, en.submit);
  assert.equal(text(en, "resendIn", { n: 3 }), "Resend code (3 s)");
  assert.equal(direction("ar-EG"), "rtl");
  assert.equal(direction("en"), "ltr");
});

test("every shipped language has exactly English's keys, and each is a non-empty text", async () => {
  const files = readdirSync(new URL("../../js/element/", import.meta.url)).filter((f) => /^[a-z]{2}\.js$/.test(f));
  assert.deepEqual(files.map((f) => f.slice(0, 2)).sort(), Object.keys(LANGUAGES).sort(), "each dictionary file is loadable by its language");
  for (const lang of Object.keys(LANGUAGES)) {
    const dict = await LANGUAGES[lang]();
    const english = { ...en, ...errors };
    assert.deepEqual(Object.keys(dict).sort(), Object.keys(lang === "en" ? en : english).sort(), `${lang} has English's keys (and errors.js's)`);
    for (const [key, value] of Object.entries(dict)) {
      assert.ok(typeof value === "string" && value.trim() !== "", `${lang}.${key}`);
      const holes = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(holes(value), holes({ ...en, ...errors }[key]), `${lang}.${key} fills the same {names}`);
    }
  }
});

test("the hash that allows the rules inline is the rules' own, and renderStyle writes exactly them", async () => {
  const { CSS, CSS_HASH } = await import("../../js/element/styles.js");
  const { renderStyle } = await import("../../js/element/html.js");
  const { createHash } = await import("node:crypto");
  assert.equal(CSS_HASH, `'sha256-${createHash("sha256").update(CSS).digest("base64")}'`, "styles.js's CSS_HASH, after a change to its rules");
  const { html, hash } = renderStyle();
  assert.equal(hash, CSS_HASH);
  assert.equal(html, `<style>${CSS}</style>`);
  assert.doesNotMatch(CSS, /<\//, "nothing in the rules can end the <style> element");
});

for (const file of ["challenge-words.js", "passkey-words.js"]) test(`${file}, the words of steps loaded later: every shipped language has English's keys, each a non-empty text with the same {names}`, async () => {
  // passkey.js carries its English itself, and passkey-words.js the others.
  const { default: loaded } = await import(`../../js/element/${file}`);
  const words = file === "passkey-words.js" ? { en: (await import("../../js/element/passkey.js")).EN, ...loaded } : loaded;
  assert.deepEqual(Object.keys(words).sort(), Object.keys(LANGUAGES).sort());
  const holes = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [lang, dict] of Object.entries(words)) {
    assert.deepEqual(Object.keys(dict).sort(), Object.keys(words.en).sort(), lang);
    for (const [key, value] of Object.entries(dict)) {
      assert.ok(typeof value === "string" && value.trim() !== "", `${lang}.${key}`);
      assert.deepEqual(holes(value), holes(words.en[key]), `${lang}.${key}`);
      assert.ok(!(key in en), `${key} is not one of en.js's keys, which would hide it`);
    }
  }
});
