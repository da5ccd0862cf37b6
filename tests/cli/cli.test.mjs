// `npx cognito-signup config` and `check` (js/cli.js, run as a process) on
// what moto and cognito-local answer to DescribeUserPool and
// DescribeUserPoolClient (the JSON the AWS CLI prints), for pools made here
// with each setting a form depends on; each generated configuration then
// signs a user up through <cognito-sign-up> in Chromium against that same
// pool. Refusals are held to their messages, with nothing written.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { launch } from "../browsers/webdriver.mjs";
import { servePage } from "../e2e/page.mjs";
import { call as emulatorCall } from "../cognito-local.mjs";

const { MOTO_ENDPOINT, CL_ENDPOINT, CL_POOL_ID, CL_CLIENT_ID } = process.env;
const root = new URL("../..", import.meta.url).pathname;
const dir = `${root}target/cli/`;
mkdirSync(dir, { recursive: true });
const STRICT = { MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };
const LAX = { MinimumLength: 6, RequireUppercase: false, RequireLowercase: false, RequireNumbers: false, RequireSymbols: false };
const SERVERS = { moto: MOTO_ENDPOINT, "cognito-local": CL_ENDPOINT };
let browser;
before(async () => (browser = await launch("chromium")));
after(() => browser?.close());

/** Calls `operation` on the emulator at `endpoint`: its answer, which must be a success. */
async function call(endpoint, operation, body) {
  const response = await emulatorCall(endpoint, operation, body);
  const answer = await response.json();
  assert.ok(response.ok, `${operation}: ${JSON.stringify(answer)}`);
  return answer;
}

const attribute = (Name, Required = true, extra = {}) => ({ Name, AttributeDataType: "String", Mutable: true, Required, ...extra });

/** The pools tried: the settings of CreateUserPool and of its app client. */
const POOLS = {
  "email as the username, a lax policy": { pool: { UsernameAttributes: ["email"], Schema: [attribute("email")], Policies: { PasswordPolicy: LAX } } },
  "phone as the username": { pool: { UsernameAttributes: ["phone_number"], Schema: [attribute("phone_number")], Policies: { PasswordPolicy: LAX } } },
  "a plain username with required name and birthdate, a strict policy": {
    pool: { Schema: [attribute("name"), attribute("birthdate")], Policies: { PasswordPolicy: STRICT } },
  },
  "custom attributes": {
    pool: {
      Schema: [attribute("email"), attribute("team", false, { StringAttributeConstraints: { MinLength: "1", MaxLength: "20" } }), attribute("favorite_city", false)],
      Policies: { PasswordPolicy: LAX },
    },
  },
};

/** Makes the pool and a public client on `endpoint`: its DescribeUserPool and DescribeUserPoolClient answers. */
async function describe(endpoint, settings, client = {}) {
  const name = `cli-${Math.random().toString(36).slice(2, 8)}`;
  const { UserPool } = await call(endpoint, "CreateUserPool", { PoolName: name, ...settings });
  const { UserPoolClient } = await call(endpoint, "CreateUserPoolClient", {
    UserPoolId: UserPool.Id,
    ClientName: "page",
    GenerateSecret: false,
    ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    ...client,
  });
  const pool = await call(endpoint, "DescribeUserPool", { UserPoolId: UserPool.Id });
  const described = await call(endpoint, "DescribeUserPoolClient", { UserPoolId: UserPool.Id, ClientId: UserPoolClient.ClientId });
  return { pool, client: described };
}

/** Runs the command with `args` (and `stdin`): `{ status, stdout, stderr }`. */
function cli(args, stdin) {
  const run = spawnSync(process.execPath, [`${root}js/cli.js`, ...args], { input: stdin, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Writes the two answers (and get-user-pool-mfa-config's, where given) as files, as `aws … > pool.json` would; their paths. */
function files(pool, client, tag, mfa) {
  writeFileSync(`${dir}${tag}-pool.json`, JSON.stringify(pool, null, 4));
  writeFileSync(`${dir}${tag}-client.json`, JSON.stringify(client, null, 4));
  const written = [`${dir}${tag}-pool.json`, `${dir}${tag}-client.json`];
  if (mfa) writeFileSync(`${dir}${tag}-mfa.json`, JSON.stringify(mfa));
  return mfa ? [...written, `${dir}${tag}-mfa.json`] : written;
}

/** Signs a user up through the element on a page configured by `config` (the endpoint laid over it); resolves to the username. */
async function signUpThroughElement(endpoint, config, fill) {
  const configFile = `${dir}page-${Math.random().toString(36).slice(2, 8)}.json`;
  writeFileSync(configFile, JSON.stringify(config));
  const page = await servePage(endpoint, configFile, `cli-${configFile.split("/").pop()}`);
  try {
    await browser.goto(page.url);
    await browser.waitVisible("[part~=step-signup] [name=username]");
    const username = await fill(browser);
    await browser.click("[part~=actions] [part~=submit]");
    await browser.waitVisible("[part~=step-confirm]", 15_000);
    const [post] = page.proxy.posts.filter((p) => p.operation === "SignUp");
    return post.body;
  } finally {
    await page.close();
  }
}

const PASSWORD = "Corr3ct-Horse-Battery!";
const set = (selector, value) => browser.evaluate((s, v) => {
  const input = document.querySelector(s);
  input.value = v;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}, selector, value);

/** How a person fills each pool's form, and what its SignUp must carry. */
const FILL = {
  "email as the username, a lax policy": async (b, id) => {
    await b.fill("[name=username]", `${id}@example.com`);
    await b.fill("[name=password]", "simple");
  },
  "phone as the username": async (b) => {
    await b.evaluate(() => (document.querySelector("[part~=country]").value = "US"));
    await b.fill("[name=username]", `(415) 555-${String(Math.floor(Math.random() * 9000) + 1000)}`);
    await b.fill("[name=password]", "simple");
  },
  "a plain username with required name and birthdate, a strict policy": async (b, id) => {
    await b.fill("[name=username]", id);
    await b.fill("[name=name]", "Alice Liddell");
    await set("[name=birthdate]", "1990-05-04");
    await b.fill("[name=password]", PASSWORD);
  },
  "custom attributes": async (b, id) => {
    await b.fill("[name=username]", id);
    await b.fill("[name=email]", `${id}@example.com`);
    await b.fill('[name="custom:team"]', "blue");
    await b.fill("[name=password]", "simple");
  },
};

for (const [server, endpoint] of Object.entries(SERVERS)) {
  for (const [setting, { pool: settings }] of Object.entries(POOLS)) {
    test(`${server}, ${setting}: the config from the pool's description, and a sign-up through the element with it`, async () => {
      const { pool, client } = await describe(endpoint, settings);
      const [poolFile, clientFile] = files(pool, client, "described");
      const run = cli(["config", poolFile, clientFile]);
      assert.equal(run.status, 0, run.stderr);
      const config = JSON.parse(run.stdout);
      // The same from standard input, both answers piped one after the other.
      const piped = cli(["config"], readFileSync(poolFile, "utf8") + readFileSync(clientFile, "utf8"));
      assert.deepEqual(JSON.parse(piped.stdout), config);
      assert.equal(config.userPoolId, pool.UserPool.Id);
      assert.equal(config.clientId, client.UserPoolClient.ClientId);
      assert.deepEqual(config.passwordPolicy, settings.Policies.PasswordPolicy);
      assert.deepEqual(config.usernameAttributes, settings.UsernameAttributes);
      assert.equal(config.signIn, "USER_PASSWORD_AUTH", "the client allows ALLOW_USER_PASSWORD_AUTH, not SRP");
      assert.equal(config.mfa, undefined, "no second factor");
      const required = config.attributes.filter((a) => a.required).map((a) => a.name);
      const expected = settings.Schema.filter((a) => a.Required && !(settings.UsernameAttributes ?? []).includes(a.Name)).map((a) => a.Name);
      assert.deepEqual(required, expected);
      const custom = config.attributes.filter((a) => a.name.startsWith("custom:"));
      assert.deepEqual(custom.map((a) => [a.name, a.label, a.required]), settings.Schema.filter((a) => !["email", "name", "birthdate", "phone_number"].includes(a.Name)).map((a) => [`custom:${a.Name}`, a.Name === "team" ? "Team" : "Favorite city", false]));
      for (const a of custom) assert.match(run.stderr, new RegExp(`${a.name}: a String attribute`));
      // It agrees with its own pool.
      writeFileSync(`${dir}generated.json`, run.stdout);
      assert.equal(cli(["check", `${dir}generated.json`, poolFile, clientFile]).status, 0);
      // And signs a user up through the element against that pool.
      const id = `cli${Math.random().toString(36).slice(2, 9)}`;
      const body = await signUpThroughElement(endpoint, config, (b) => FILL[setting](b, id).then(() => id));
      const sent = Object.fromEntries(body.UserAttributes.map((a) => [a.Name, a.Value]));
      for (const name of required) assert.ok(sent[name], `${name} was sent`);
      if (setting.startsWith("phone")) assert.match(body.Username, /^\+1415555\d{4}$/);
      if (setting.startsWith("email")) assert.equal(body.Username, `${id}@example.com`);
      const user = await call(endpoint, "AdminGetUser", { UserPoolId: pool.UserPool.Id, Username: body.Username });
      assert.equal(user.UserStatus, "UNCONFIRMED", `${server} holds the new user`);
    });
  }
}

test("style: the element's rules as a <style> element, and with --hash the CSP source that allows exactly it", async () => {
  const style = cli(["style"]);
  assert.equal(style.status, 0, style.stderr);
  const rules = style.stdout.trim().match(/^<style>([^]*)<\/style>$/)?.[1];
  assert.ok(rules?.includes(":where(cognito-sign-up)"), style.stdout.slice(0, 80));
  const hash = cli(["style", "--hash"]);
  assert.equal(hash.stdout.trim(), `'sha256-${createHash("sha256").update(rules).digest("base64")}'`);
  assert.equal(cli(["style", "extra.json"]).status, 2, "anything else is a usage error");
});

test("what cannot work is refused with its fix, and nothing is written", async () => {
  const refusals = [
    [await describe(CL_ENDPOINT, POOLS["custom attributes"].pool, { GenerateSecret: true }), /a page cannot keep a secret: create an app client without one/],
    [
      await describe(MOTO_ENDPOINT, POOLS["a plain username with required name and birthdate, a strict policy"].pool, { WriteAttributes: ["name"] }),
      /the pool requires birthdate, but the app client may not write it: add it to the client's WriteAttributes/,
    ],
    [
      await describe(CL_ENDPOINT, { AliasAttributes: ["preferred_username"], Schema: [attribute("preferred_username")] }),
      /preferred_username is both required and an alias/,
    ],
  ];
  for (const [{ pool, client }, message] of refusals) {
    const run = cli(["config", ...files(pool, client, "refused")]);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stdout, "", "no config written");
    assert.match(run.stderr, message);
  }
  const notJson = cli(["config"], "<html>Access denied</html>");
  assert.equal(notJson.status, 1);
  assert.match(notJson.stderr, /standard input is not JSON/);
  const [poolFile] = files({ Users: [] }, { UserPoolClient: { ClientId: "c", UserPoolId: "p" } }, "wrong");
  const wrong = cli(["config", poolFile, `${dir}wrong-client.json`]);
  assert.equal(wrong.status, 1);
  assert.equal(wrong.stdout, "");
  assert.match(wrong.stderr, /neither a DescribeUserPool, a DescribeUserPoolClient nor a GetUserPoolMfaConfig answer/);
  assert.match(cli(["config", `${dir}wrong-client.json`]).stderr, /no DescribeUserPool answer was given/);
  assert.equal(cli(["frobnicate"]).status, 2);
});

test("check: www/config.example.json agrees with the demo pool; a config that drifted is told each disagreement", async () => {
  const pool = await call(CL_ENDPOINT, "DescribeUserPool", { UserPoolId: CL_POOL_ID });
  const client = await call(CL_ENDPOINT, "DescribeUserPoolClient", { UserPoolId: CL_POOL_ID, ClientId: CL_CLIENT_ID });
  const [poolFile, clientFile] = files(pool, client, "demo");
  // The example's form, with the demo pool's ids (the example's are placeholders); cognito-local's client allows the password flow, not SRP.
  const example = { ...JSON.parse(readFileSync(`${root}www/config.example.json`, "utf8")), userPoolId: CL_POOL_ID, clientId: CL_CLIENT_ID, signIn: "USER_PASSWORD_AUTH" };
  writeFileSync(`${dir}example.json`, JSON.stringify(example));
  const agrees = cli(["check", `${dir}example.json`, poolFile, clientFile]);
  assert.equal(agrees.status, 0, agrees.stderr);
  const drifted = {
    ...example,
    clientId: "someoneelse",
    passwordPolicy: { ...example.passwordPolicy, MinimumLength: 6, RequireSymbols: false },
    attributes: [{ name: "custom:team" }, "name"],
  };
  writeFileSync(`${dir}drifted.json`, JSON.stringify(drifted));
  const told = cli(["check", `${dir}drifted.json`, poolFile, clientFile]);
  assert.equal(told.status, 1);
  const lines = told.stderr.trim().split("\n").map((l) => l.replace(/^cognito-signup: \S+: /, ""));
  assert.deepEqual(lines, [
    `clientId is someoneelse, but the app client is ${CL_CLIENT_ID}`,
    "the pool requires email, which the form does not ask for: every sign-up will fail",
    "custom:team is not an attribute of the pool",
    "passwordPolicy.MinimumLength is 6, but the pool's is 8",
    "passwordPolicy.RequireSymbols is false, but the pool's is true",
  ]);
  // A client that allows only SRP (the console's default) cannot serve the password flow; the example's own `true` (SRP) can.
  const srpOnly = { ...client, UserPoolClient: { ...client.UserPoolClient, ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] } };
  const [, srpFile] = files(pool, srpOnly, "srp-only");
  const srp = cli(["check", `${dir}example.json`, poolFile, srpFile]);
  assert.equal(srp.status, 1);
  assert.match(srp.stderr, /signIn is "USER_PASSWORD_AUTH", but the app client allows ALLOW_USER_SRP_AUTH, not ALLOW_USER_PASSWORD_AUTH: the person cannot be signed in when they confirm \(true can\)/);
  writeFileSync(`${dir}example-srp.json`, JSON.stringify({ ...example, signIn: true }));
  assert.equal(cli(["check", `${dir}example-srp.json`, poolFile, srpFile]).status, 0);
  writeFileSync(`${dir}example-typo.json`, JSON.stringify({ ...example, signIn: "SRP" }));
  assert.match(cli(["check", `${dir}example-typo.json`, poolFile, srpFile]).stderr, /signIn is SRP: it must be true, false, "USER_SRP_AUTH" or "USER_PASSWORD_AUTH"/);
});

test("config: an SRP client signs in with SRP; a pool that requires MFA names its factors from get-user-pool-mfa-config", async () => {
  const { pool, client } = await describe(MOTO_ENDPOINT, { UsernameAttributes: ["email"], Schema: [attribute("email")], Policies: { PasswordPolicy: LAX } }, { ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] });
  const UserPoolId = pool.UserPool.Id;
  await call(MOTO_ENDPOINT, "SetUserPoolMfaConfig", { UserPoolId, MfaConfiguration: "ON", SoftwareTokenMfaConfiguration: { Enabled: true } });
  const described = await call(MOTO_ENDPOINT, "DescribeUserPool", { UserPoolId });
  const mfa = await call(MOTO_ENDPOINT, "GetUserPoolMfaConfig", { UserPoolId });
  const [poolFile, clientFile, mfaFile] = files(described, client, "mfa", mfa);
  const withMfa = cli(["config", poolFile, clientFile, mfaFile]);
  assert.equal(withMfa.status, 0, withMfa.stderr);
  const config = JSON.parse(withMfa.stdout);
  assert.equal(config.signIn, true);
  assert.deepEqual(config.mfa, ["SOFTWARE_TOKEN_MFA"]);
  assert.match(withMfa.stderr, /SRP: the password never leaves the page/);
  assert.match(withMfa.stderr, /the pool requires a second factor \(SOFTWARE_TOKEN_MFA\)/);
  // Without the MFA settings, DescribeUserPool says MFA is on, not which factors: the note asks for them.
  const without = cli(["config", poolFile, clientFile]);
  assert.equal(JSON.parse(without.stdout).mfa, undefined);
  assert.match(without.stderr, /give `aws cognito-idp get-user-pool-mfa-config` too/);
  writeFileSync(`${dir}mfa-config.json`, withMfa.stdout);
  assert.equal(cli(["check", `${dir}mfa-config.json`, poolFile, clientFile]).status, 0);
});

test("config: a pool whose sign-in takes passkeys and codes, not passwords, is passwordless with the passkey step; the relying party from get-user-pool-mfa-config", () => {
  const pool = { UserPool: { Id: "eu-west-1_Passkeys1", UsernameAttributes: ["email"], SchemaAttributes: [attribute("email")], Policies: { PasswordPolicy: LAX, SignInPolicy: { AllowedFirstAuthFactors: ["EMAIL_OTP", "WEB_AUTHN"] } } } };
  const client = { UserPoolClient: { ClientId: "passkeyclient", UserPoolId: "eu-west-1_Passkeys1", ExplicitAuthFlows: ["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] } };
  const mfa = { MfaConfiguration: "OFF", WebAuthnConfiguration: { RelyingPartyId: "auth.example.com", UserVerification: "preferred" } };
  const [poolFile, clientFile, mfaFile] = files(pool, client, "passkeys", mfa);
  const run = cli(["config", poolFile, clientFile, mfaFile]);
  assert.equal(run.status, 0, run.stderr);
  const config = JSON.parse(run.stdout);
  assert.equal(config.passwordless, true);
  assert.equal(config.signIn, true);
  assert.equal(config.passkey, true);
  assert.match(run.stderr, /they are made for auth\.example\.com: serve the page from it or a subdomain of it/);
  writeFileSync(`${dir}passkeys-config.json`, run.stdout);
  assert.equal(cli(["check", `${dir}passkeys-config.json`, poolFile, clientFile]).status, 0);
  // The page's origin against the relying party: its domain or a subdomain, over https.
  const check = (origin) => cli(["check", "--origin", origin, `${dir}passkeys-config.json`, poolFile, clientFile, mfaFile]);
  assert.equal(check("https://auth.example.com").status, 0);
  assert.equal(check("https://eu.auth.example.com").status, 0);
  const elsewhere = check("https://example.org");
  assert.equal(elsewhere.status, 1);
  assert.match(elsewhere.stderr, /a page at https:\/\/example\.org cannot use passkeys made for auth\.example\.com/);
  assert.match(check("http://auth.example.com").stderr, /is not a secure context: passkeys need https/);
  assert.match(cli(["check", "--origin", "https://auth.example.com", `${dir}passkeys-config.json`, poolFile, clientFile]).stderr, /give `aws cognito-idp get-user-pool-mfa-config`'s answer too/);
  // A passkey asked of a pool whose sign-in takes none is told.
  const noPasskeys = { UserPool: { ...pool.UserPool, Policies: { ...pool.UserPool.Policies, SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] } } } };
  const [noFile] = files(noPasskeys, client, "no-passkeys");
  const told = cli(["check", `${dir}passkeys-config.json`, noFile, clientFile]);
  assert.equal(told.status, 1);
  assert.match(told.stderr, /passkey is on, but the pool's sign-in does not take passkeys \(AllowedFirstAuthFactors: PASSWORD, EMAIL_OTP\)/);
});
