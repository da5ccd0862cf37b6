// The element's production configuration in Node, with no DOM: Amplify's
// outputs file, the Lambda data, and phone numbers made E.164 from the forms
// people type them in, with the country data checked against its source.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { readConfig, signUpInput, withAttributes } from "../../js/element/model.js";
import { fromAmplify } from "../../js/element/amplify.js";
import { regions, toE164 } from "../../js/element/phone.js";
import data from "../../js/element/countries.js";
import { encode } from "../../scripts/countries.mjs";
import { explain } from "../../js/element/pipeline.js";
import mistakes from "../../js/element/mistakes.js";

/** readConfig, with its problems as the sentences the developer reads (mistakes.js). */
const read = (config) => {
  const read = readConfig(config);
  return read.problems ? { problems: explain(mistakes, read.problems) } : read;
};

const ok = (value, country) => ({ value, valid: true, country });
const TSV = new URL("../../../shared/research/phone-countries.tsv", import.meta.url);

test("amplify_outputs.json as it is: the pool, the client, the policy, the username and the required attributes", () => {
  const outputs = {
    version: "1.4",
    auth: {
      user_pool_id: "eu-west-1_AbC123def",
      aws_region: "eu-west-1",
      user_pool_client_id: "1example23456789",
      identity_pool_id: "eu-west-1:0000",
      password_policy: { min_length: 10, require_lowercase: true, require_numbers: true, require_symbols: false, require_uppercase: true },
      username_attributes: ["email"],
      standard_required_attributes: ["email", "given_name"],
      user_verification_types: ["email"],
      mfa_configuration: "NONE",
    },
    data: { url: "https://example.com/graphql" },
  };
  const { config, form, problems } = read(fromAmplify(outputs));
  assert.equal(problems, undefined);
  assert.equal(config.clientId, "1example23456789");
  assert.equal(config.userPoolId, "eu-west-1_AbC123def");
  assert.equal(config.region, "eu-west-1");
  assert.deepEqual(form.policy, { MinimumLength: 10, RequireLowercase: true, RequireNumbers: true, RequireSymbols: false, RequireUppercase: true });
  assert.deepEqual(form.identifier.as, ["email"]);
  assert.deepEqual(form.fields.map((f) => [f.name, f.required]), [["given_name", true]], "email is the username, so it is asked once");
  // The element's attributes (here an emulator's endpoint and another client) win over the file.
  const attributes = { endpoint: "http://127.0.0.1:9229", "client-id": "other" };
  const overlaid = read(withAttributes(fromAmplify(outputs), (name) => attributes[name] ?? null)).config;
  assert.equal(overlaid.endpoint, "http://127.0.0.1:9229");
  assert.equal(overlaid.clientId, "other");
  assert.deepEqual(read(fromAmplify({ auth: { ...outputs.auth, username_attributes: ["PHONE_NUMBER"] } })).form.identifier.as, ["phone_number"]);
});

test("a wrong or incomplete amplify_outputs.json is said in plain words", () => {
  assert.throws(() => fromAmplify({ version: "1.4", auth: { aws_region: "eu-west-1" } }), /amplify_outputs\.json: auth needs user_pool_id and user_pool_client_id/);
  assert.throws(() => fromAmplify({ auth: null }), /amplify_outputs\.json/);
  // A file with the ids but a policy of the wrong shape is said as any wrong configuration is.
  assert.match(read(fromAmplify({ auth: { user_pool_id: "p", user_pool_client_id: "c", username_attributes: ["nickname"] } })).problems[0], /usernameAttributes/);
});

test("validationData and clientMetadata must be records; the phone settings are read", () => {
  const base = { clientId: "abc", region: "eu-west-1" };
  assert.match(read({ ...base, validationData: "x" }).problems[0], /validationData and clientMetadata must be records/);
  assert.match(read({ ...base, clientMetadata: [1] }).problems[0], /must be records/);
  const { form } = read({ ...base, attributes: ["phone_number"], phoneCountry: "DE", phoneCountries: ["DE", "AT"] });
  assert.equal(form.phone, true);
  assert.equal(form.fields[0].country, true);
  assert.equal(form.phoneCountry, "DE");
  assert.equal(read({ ...base, attributes: ["email"] }).form.phone, false, "no phone module for a form without a phone number");
  assert.equal(read({ ...base, usernameAttributes: ["phone_number"] }).form.identifier.country, true);
});

test("phone numbers as people type them become E.164, in a German and an American form", () => {
  const cases = [
    ["0151 2345 6789", "DE", "+4915123456789"],
    ["0151/23456789", "DE", "+4915123456789"],
    ["+49 (0)151 2345-6789", "DE", "+4915123456789"], // the (0) written in, as many Germans do
    ["+44 07700 900123", "DE", "+447700900123"], // a trunk 0 kept after the calling code
    ["+1 415 555 0100", "US", "+14155550100"],
    ["+39 06 6982 1234", "DE", "+390669821234"],
    ["+49 151 23456789", "DE", "+4915123456789"],
    ["0049 151 23456789", "DE", "+4915123456789"],
    ["030 1234567", "DE", "+49301234567"],
    ["(415) 555-0100", "US", "+14155550100"],
    ["415.555.0100", "US", "+14155550100"],
    ["1-415-555-0100", "US", "+14155550100"],
    ["011 49 151 23456789", "US", "+4915123456789"],
    ["+1 415 555 0100", "DE", "+14155550100"],
    ["06 6982 1234", "IT", "+390669821234"], // Italy keeps its leading 0
    ["06 30 123 4567", "HU", "+36301234567"], // Hungary's trunk prefix is 06
    ["8 912 345 67 89", "RU", "+79123456789"],
    ["12", "DE", null],
    ["555-0100", "US", null],
    ["+999 1234 5678", "US", null], // no region has the calling code 999
    ["0151 2345 6789 0000 1111", "DE", null],
    ["call me", "US", null],
  ];
  for (const [typed, country, want] of cases) assert.equal(toE164(typed, country), want, `${typed} in ${country}`);
});

test("the SignUp input carries the E.164 number; a number that cannot be right is refused next to its field", () => {
  const { form } = read({ clientId: "abc", region: "eu-west-1", usernameAttributes: ["phone_number"], attributes: [{ name: "phone_number" }] });
  const sent = signUpInput("abc", form, { username: ok("0151 2345 6789", "DE"), password: ok("x") }, [], toE164);
  assert.deepEqual(sent.problems, []);
  assert.equal(sent.input.Username, "+4915123456789");
  assert.deepEqual(sent.input.UserAttributes, [{ Name: "phone_number", Value: "+4915123456789" }]);
  const wrong = signUpInput("abc", form, { username: ok("12", "US"), password: ok("x") }, [], toE164);
  // A country is picked beside the number, so the advice is a valid number for it, not a country code.
  assert.deepEqual(wrong.problems, [{ name: "username", key: "invalidNumber" }]);
  const either = read({ clientId: "abc", region: "eu-west-1", usernameAttributes: ["email", "phone_number"] }).form;
  const bare = signUpInput("abc", either, { username: ok("12345", "US"), password: ok("x") }, [], toE164);
  assert.deepEqual(bare.problems, [{ name: "username", key: "invalidTel" }], "with no country list, the number must carry its country code");
  const attribute = read({ clientId: "abc", region: "eu-west-1", attributes: ["phone_number"] }).form;
  const typed = signUpInput("abc", attribute, { username: ok("alice"), phone_number: ok("(415) 555-0100", "US"), password: ok("x") }, [], toE164);
  assert.deepEqual(typed.input.UserAttributes, [{ Name: "phone_number", Value: "+14155550100" }]);
});

test("the country data is libphonenumber's, as phone-countries.tsv gives it", { skip: !existsSync(TSV) && "shared/ is not beside this checkout" }, () => {
  assert.equal(data, encode(readFileSync(TSV, "utf8")));
});

test("the country data holds every region, with Germany's and the United States' rules", () => {
  assert.equal(regions.length, 245);
  assert.deepEqual(regions.find((r) => r.iso === "DE"), { iso: "DE", code: "49", trunk: "0", intl: "", lengths: [[5, 15]] });
  assert.deepEqual(regions.find((r) => r.iso === "US"), { iso: "US", code: "1", trunk: "1", intl: "011", lengths: [[10]] });
});
