// The element's configuration from the pool itself: DescribeUserPool's and
// DescribeUserPoolClient's answers (as the AWS CLI prints them) turned into
// `www/config.example.json`'s format, and a configuration checked against
// them. Pure functions over parsed JSON; cli.js reads the files and writes.

/** The standard attributes, in the order a form asks for them. */
const ORDER = ["email", "phone_number", "given_name", "middle_name", "family_name", "name", "nickname", "preferred_username", "birthdate", "gender", "address", "locale", "zoneinfo", "website", "profile", "picture", "updated_at"];
const RULES = ["MinimumLength", "RequireUppercase", "RequireLowercase", "RequireNumbers", "RequireSymbols"];
/** Attributes Cognito keeps itself, which DescribeUserPool lists (some as required) and no sign-up sends. */
const COGNITO_OWN = ["sub", "email_verified", "phone_number_verified", "identities"];

/** A refusal: what cannot work, and how to fix it. */
export class PoolProblem extends Error {
  name = "PoolProblem";
}

/**
 * The `UserPool` and `UserPoolClient` among `documents` (parsed JSON, in any
 * order: each as `aws cognito-idp describe-…` prints it, or its inner
 * object), and the pool's MFA settings where `aws cognito-idp
 * get-user-pool-mfa-config`'s answer is among them (else `null`).
 */
export function describedPool(documents) {
  let pool;
  let client;
  let mfa = null;
  for (const doc of documents) {
    if (doc?.UserPool?.Id) pool = doc.UserPool;
    else if (doc?.UserPoolClient?.ClientId) client = doc.UserPoolClient;
    else if (doc?.Id && Array.isArray(doc.SchemaAttributes)) pool = doc;
    else if (doc?.ClientId && doc?.UserPoolId) client = doc;
    else if (typeof doc?.MfaConfiguration === "string") mfa = doc;
    else throw new PoolProblem('an input is neither a DescribeUserPool, a DescribeUserPoolClient nor a GetUserPoolMfaConfig answer (what `aws cognito-idp describe-user-pool` prints: { "UserPool": { "Id", "SchemaAttributes", … } })');
  }
  if (!pool) throw new PoolProblem("no DescribeUserPool answer was given: aws cognito-idp describe-user-pool --user-pool-id <id> > pool.json");
  if (!client) throw new PoolProblem("no DescribeUserPoolClient answer was given: aws cognito-idp describe-user-pool-client --user-pool-id <id> --client-id <id> > client.json");
  if (client.UserPoolId !== pool.Id) throw new PoolProblem(`the app client belongs to ${client.UserPoolId}, not to the pool ${pool.Id}`);
  return { pool, client, mfa };
}

/**
 * How the element can sign a confirmed person in with the client's
 * `ExplicitAuthFlows`: `true` (the confirmation's session with USER_AUTH,
 * else SRP), "USER_PASSWORD_AUTH" where the client allows the password flow
 * and not SRP, or `undefined` where it allows neither.
 */
const signInFor = (flows) =>
  flows.includes("ALLOW_USER_SRP_AUTH") || (flows.includes("ALLOW_USER_AUTH") && !flows.includes("ALLOW_USER_PASSWORD_AUTH")) ? true : flows.includes("ALLOW_USER_PASSWORD_AUTH") ? "USER_PASSWORD_AUTH" : undefined;

/**
 * The second factors the pool can ask for at sign-in (`MfaConfiguration`
 * ON or OPTIONAL), from its MFA settings (`mfa`, GetUserPoolMfaConfig's
 * answer) where given, else from DescribeUserPool (which names SMS only).
 */
function factorsOf(pool, mfa) {
  if ((mfa ?? pool).MfaConfiguration === "OFF" || !(mfa ?? pool).MfaConfiguration) return [];
  if (!mfa) return pool.SmsConfiguration ? ["SMS_MFA"] : [];
  return [
    mfa.SmsMfaConfiguration && "SMS_MFA",
    mfa.SoftwareTokenMfaConfiguration?.Enabled && "SOFTWARE_TOKEN_MFA",
    mfa.EmailMfaConfiguration && "EMAIL_OTP",
  ].filter(Boolean);
}

/** "custom:favorite_city" → "Favorite city". */
const labelOf = (name) => {
  const words = name.replace(/^custom:/, "").replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The attributes the client may write: all where the client lists none. */
const writable = (client) => (name) => !client.WriteAttributes || client.WriteAttributes.includes(name);

/**
 * The element's configuration for `pool` and `client`, and the notes that go
 * with it (what each custom attribute is, what was chosen). Throws a
 * `PoolProblem` naming the fix where the element cannot work with them.
 */
export function configFromPool(pool, client, mfa = null) {
  if (client.ClientSecret) throw new PoolProblem("the app client has a secret, and a page cannot keep a secret: create an app client without one (GenerateSecret: false) for the page");
  const usernameAttributes = pool.UsernameAttributes ?? [];
  const schema = (pool.SchemaAttributes ?? []).filter((a) => !COGNITO_OWN.includes(a.Name));
  const required = schema.filter((a) => a.Required && !usernameAttributes.includes(a.Name));
  const canWrite = writable(client);
  const problems = [];
  for (const attribute of required) {
    if (attribute.DeveloperOnlyAttribute) problems.push(`the pool requires ${attribute.Name}, which only an administrator can write: no sign-up from a page can give it`);
    else if (!canWrite(attribute.Name)) problems.push(`the pool requires ${attribute.Name}, but the app client may not write it: add it to the client's WriteAttributes`);
  }
  if ((pool.AliasAttributes ?? []).includes("preferred_username") && required.some((a) => a.Name === "preferred_username")) {
    problems.push("preferred_username is both required and an alias, and Cognito takes no alias at sign-up: make it optional, or not an alias");
  }
  if (usernameAttributes.some((a) => a !== "email" && a !== "phone_number")) problems.push(`UsernameAttributes ${usernameAttributes.join(", ")}: the element serves email and phone_number only`);
  if (problems.length > 0) throw new PoolProblem(problems.join("; "));

  const rank = (name) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
  const standard = required.filter((a) => !a.Name.startsWith("custom:")).sort((a, b) => rank(a.Name) - rank(b.Name));
  const custom = schema.filter((a) => a.Name.startsWith("custom:") && !a.DeveloperOnlyAttribute && canWrite(a.Name));
  const notes = [];
  const attributes = [
    ...standard.map((a) => ({ name: a.Name, required: true })),
    ...custom.map((a) => {
      const limits = a.StringAttributeConstraints ?? a.NumberAttributeConstraints ?? {};
      const range = [limits.MinLength ?? limits.MinValue, limits.MaxLength ?? limits.MaxValue].map((n) => n ?? "").join("–");
      notes.push(`${a.Name}: a ${a.AttributeDataType ?? "String"} attribute${range !== "–" ? ` (${range})` : ""}${a.Mutable === false ? ", not changeable later" : ""}, asked for as optional: remove it, or set "required": true, as the form needs`);
      return { name: a.Name, label: labelOf(a.Name), type: a.AttributeDataType === "Boolean" ? "checkbox" : "text", required: Boolean(a.Required) };
    }),
  ];
  const policy = pool.Policies?.PasswordPolicy ?? {};
  const passwordPolicy = Object.fromEntries(RULES.filter((r) => policy[r] !== undefined).map((r) => [r, policy[r]]));
  const factors = pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors;
  const flows = client.ExplicitAuthFlows ?? [];
  // The region is the pool id's prefix (an emulator's "local_…" names none).
  const region = pool.Id.split("_")[0];
  const config = {
    userPoolId: pool.Id,
    ...(/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region) && { region }),
    clientId: client.ClientId,
    passwordPolicy,
    ...(usernameAttributes.length > 0 && { usernameAttributes }),
    attributes,
    ...(factors && !factors.includes("PASSWORD") && { passwordless: true }),
  };
  const signIn = signInFor(flows);
  const second = factorsOf(pool, mfa);
  if (signIn) config.signIn = signIn;
  if (signIn && second.length > 0) config.mfa = second;
  // A passkey needs the tokens of a sign-in, and a pool whose sign-in takes one (choice-based sign-in).
  if (signIn && factors?.includes("WEB_AUTHN")) config.passkey = true;
  if (config.passwordless) notes.push(`the pool's sign-in allows no password (${factors.join(", ")}): the form asks for none`);
  const allowed = flows.filter((f) => /^ALLOW_USER_/.test(f)).join(" and ") || "no user sign-in flow";
  if (signIn === true) notes.push(`the client allows ${allowed}: the person is signed in when they confirm (with the confirmation's session, else SRP: the password never leaves the page)`);
  else if (signIn) notes.push(`the client allows ${allowed}, not SRP: the person is signed in when they confirm, with the password flow`);
  else notes.push(`the client allows ${allowed}, none of ALLOW_USER_SRP_AUTH, ALLOW_USER_AUTH and ALLOW_USER_PASSWORD_AUTH: the person signs in on their own after confirming`);
  const rp = mfa?.WebAuthnConfiguration?.RelyingPartyId;
  if (config.passkey) notes.push(`the pool's sign-in takes passkeys: the element offers one when they are signed in; ${rp ? `they are made for ${rp}: serve the page from it or a subdomain of it` : "give `aws cognito-idp get-user-pool-mfa-config` too, to be told the relying party the page must be served from"}`);
  if (second.length > 0) notes.push(`the pool ${(mfa ?? pool).MfaConfiguration === "ON" ? "requires" : "may ask for"} a second factor (${second.join(", ")}): the element asks for the code, and sets up an authenticator app where the pool requires one`);
  else if (!mfa && pool.MfaConfiguration && pool.MfaConfiguration !== "OFF") notes.push("the pool asks for a second factor: give `aws cognito-idp get-user-pool-mfa-config` too, so that the config can name which");
  return { config, notes };
}

/**
 * Every way `config` (the element's format) disagrees with `pool` and
 * `client`: which pool and client it names, a required attribute the form
 * does not ask for, a password policy that differs, a `custom:` attribute
 * the pool does not have, a field the client may not write, a client with a
 * secret, a `signIn` that the client's flows cannot serve, a `passkey` the
 * pool's sign-in cannot take or (with `origin`, where the page is served, and
 * `mfa`, GetUserPoolMfaConfig's answer) whose relying party that origin cannot
 * use. An empty list: they agree.
 */
export function checkConfig(config, pool, client, { mfa = null, origin } = {}) {
  const found = [];
  if (config.userPoolId !== undefined && config.userPoolId !== pool.Id) found.push(`userPoolId is ${config.userPoolId}, but the pool is ${pool.Id}`);
  if (config.clientId !== client.ClientId) found.push(`clientId is ${config.clientId}, but the app client is ${client.ClientId}`);
  if (client.ClientSecret) found.push("the app client has a secret, which a page cannot keep: every call from the form will fail");
  const usernameAttributes = pool.UsernameAttributes ?? [];
  const given = config.usernameAttributes ?? [];
  if ([...given].sort().join() !== [...usernameAttributes].sort().join()) {
    found.push(`usernameAttributes is [${given.join(", ")}], but the pool's UsernameAttributes are [${usernameAttributes.join(", ")}]`);
  }
  const asked = new Set([...(config.attributes ?? []).map((a) => (typeof a === "string" ? a : a.name)), ...given]);
  const schema = (pool.SchemaAttributes ?? []).filter((a) => !COGNITO_OWN.includes(a.Name));
  for (const attribute of schema.filter((a) => a.Required)) {
    if (!asked.has(attribute.Name)) found.push(`the pool requires ${attribute.Name}, which the form does not ask for: every sign-up will fail`);
  }
  const required = (config.attributes ?? []).filter((a) => typeof a === "object" && a.required).map((a) => a.name);
  for (const name of asked) {
    if (name.startsWith("custom:") && !schema.some((a) => a.Name === name)) found.push(`${name} is not an attribute of the pool`);
    else if (!writable(client)(name)) found.push(`the app client may not write ${name}${required.includes(name) ? "" : " (asked for as optional)"}: add it to the client's WriteAttributes, or leave it out of the form`);
  }
  const theirs = pool.Policies?.PasswordPolicy ?? {};
  const ours = config.passwordPolicy ?? {};
  for (const rule of RULES) {
    const want = theirs[rule] ?? (rule === "MinimumLength" ? undefined : false);
    const have = ours[rule] ?? (rule === "MinimumLength" ? undefined : false);
    if (want !== have) found.push(`passwordPolicy.${rule} is ${have ?? "unset"}, but the pool's is ${want ?? "unset"}`);
  }
  const factors = pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors;
  const passwordless = Boolean(factors && !factors.includes("PASSWORD"));
  if (Boolean(config.passwordless) !== passwordless) found.push(`passwordless is ${Boolean(config.passwordless)}, but the pool's sign-in ${passwordless ? "allows no password" : "takes a password"}`);
  // The element signs in with USER_AUTH (the confirmation's session), else SRP, or the flow signIn names.
  const flows = client.ExplicitAuthFlows ?? [];
  const allowed = flows.filter((f) => /^ALLOW_USER_/.test(f)).join(" and ") || "no user sign-in flow";
  const { signIn } = config;
  const needs = signIn === true ? ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_AUTH"] : typeof signIn === "string" ? [`ALLOW_${signIn}`] : [];
  if (typeof signIn === "string" && !["USER_SRP_AUTH", "USER_PASSWORD_AUTH"].includes(signIn)) found.push(`signIn is ${signIn}: it must be true, false, "USER_SRP_AUTH" or "USER_PASSWORD_AUTH"`);
  else if (signIn && !needs.some((f) => flows.includes(f))) {
    const better = signInFor(flows);
    found.push(`signIn is ${JSON.stringify(signIn)}, but the app client allows ${allowed}, not ${needs.join(" or ")}: the person cannot be signed in when they confirm${better ? ` (${JSON.stringify(better)} can)` : ""}`);
  }
  if (config.passkey && origin) found.push(...originProblems(origin, mfa?.WebAuthnConfiguration?.RelyingPartyId));
  if (config.passkey && !factors?.includes("WEB_AUTHN")) found.push(`passkey is on, but the pool's sign-in does not take passkeys (AllowedFirstAuthFactors: ${factors?.join(", ") ?? "none"}): add WEB_AUTHN to them, or turn passkey off`);
  return found;
}

/**
 * Why a page at `origin` cannot use passkeys made for the relying party
 * `rp`, as WebAuthn decides it: the page's host must be the relying party or
 * one of its subdomains, in a secure context (https, or http on localhost).
 */
function originProblems(origin, rp) {
  let url;
  try {
    url = new URL(origin);
  } catch {
    return [`--origin ${origin} is not an origin such as https://example.com`];
  }
  const problems = [];
  if (url.protocol !== "https:" && url.hostname !== "localhost") problems.push(`a page at ${url.origin} is not a secure context: passkeys need https`);
  if (!rp) problems.push("give `aws cognito-idp get-user-pool-mfa-config`'s answer too, to check the relying party the page's passkeys are made for");
  else if (url.hostname !== rp && !url.hostname.endsWith(`.${rp}`)) problems.push(`a page at ${url.origin} cannot use passkeys made for ${rp}: serve it from ${rp} or a subdomain of it, or set the pool's relying party (WebAuthnConfiguration.RelyingPartyId) to the page's domain`);
  return problems;
}

