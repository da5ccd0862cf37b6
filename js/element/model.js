// The form model: the configuration read and checked, the fields it asks
// for, and the SignUp input built from what the user typed. Pure functions
// over plain values (no DOM), so Node tests them directly.

/** Cognito's standard attributes: the input type and `autocomplete` token of each. */
const STANDARD = {
  email: ["email", "email"],
  phone_number: ["tel", "tel"],
  name: ["text", "name"],
  given_name: ["text", "given-name"],
  family_name: ["text", "family-name"],
  middle_name: ["text", "additional-name"],
  nickname: ["text", "nickname"],
  preferred_username: ["text", "nickname"],
  birthdate: ["date", "bday"],
  gender: ["text", "sex"],
  address: ["text", "street-address"],
  locale: ["text", "language"],
  zoneinfo: ["text", "off"],
  website: ["url", "url"],
  profile: ["url", "url"],
  picture: ["url", "photo"],
};
/** The field types a configuration may name. */
export const TYPES = ["text", "email", "tel", "date", "url", "checkbox", "select"];
const SCALARS = { "client-id": "clientId", "user-pool-id": "userPoolId", region: "region", endpoint: "endpoint", "resend-cooldown": "resendCooldownSeconds", "sign-in": "signIn", passkey: "passkey" };
/** The attributes of the element that set a scalar part of the configuration. */
export const SCALAR_ATTRIBUTES = Object.keys(SCALARS);

/** `config` with each scalar attribute that `attribute(name)` gives laid over it. */
export function withAttributes(config, attribute) {
  const merged = { ...config };
  for (const [name, key] of Object.entries(SCALARS)) {
    const value = attribute(name);
    // `sign-in` and `passkey`: present (and not "false") is on; a flow's name (USER_PASSWORD_AUTH) chooses it.
    if (value != null) merged[key] = key === "resendCooldownSeconds" ? Number(value) : /^(signIn|passkey)$/.test(key) ? value !== "false" && (/^USER_/.test(value) ? value : true) : value;
  }
  return merged;
}

const isRecord = (value) => value == null || (typeof value === "object" && !Array.isArray(value));

/**
 * Reads a configuration in `www/config.example.json`'s format. Returns
 * `{ problems }` (each `{ key, i }`: mistakes.js's sentence for the
 * developer, and the attribute it is about) or `{ form, config }`: the
 * identifier field, the attribute fields and the settings of the flow, and
 * the configuration itself.
 */
export function readConfig(config) {
  const problems = [];
  const need = (ok, key, i) => ok || problems.push({ key, i });
  if (typeof config !== "object" || config === null) return { problems: [{ key: "object" }] };
  need(typeof config.clientId === "string" && config.clientId !== "", "clientId");
  need(config.region || config.userPoolId || config.endpoint, "where");
  const by = config.usernameAttributes ?? [];
  need(Array.isArray(by) && by.every((a) => a === "email" || a === "phone_number"), "usernameAttributes");
  need(config.passwordPolicy == null || typeof config.passwordPolicy === "object", "passwordPolicy");
  const cooldown = config.resendCooldownSeconds ?? 30;
  need(Number.isFinite(cooldown) && cooldown >= 0, "resendCooldownSeconds");
  need(config.terms == null || typeof config.terms?.url === "string", "terms");
  need(isRecord(config.validationData) && isRecord(config.clientMetadata), "records");
  const attributes = config.attributes ?? [];
  need(Array.isArray(attributes), "attributes");
  const fields = (Array.isArray(attributes) ? attributes : []).map((given, i) => {
    const attribute = typeof given === "string" ? { name: given } : { ...given };
    const [type, autocomplete] = STANDARD[attribute.name] ?? ["text"];
    const field = { type, autocomplete, ...attribute, required: Boolean(attribute.required) };
    need(typeof field.name === "string" && field.name !== "", "name", i);
    need(TYPES.includes(field.type), "type", i);
    need(field.type !== "select" || Array.isArray(field.options), "options", i);
    return field;
  });
  if (problems.length > 0) return { problems };
  const identifier = {
    name: "username",
    type: by.length === 1 ? STANDARD[by[0]][0] : "text",
    label: by.length === 0 ? "username" : by.length === 2 ? "usernameEither" : by[0] === "email" ? "usernameEmail" : "usernamePhone",
    as: by,
    country: by.length === 1 && by[0] === "phone_number",
  };
  // An attribute that is the username is sent from the identifier field.
  const asked = fields.filter((f) => !by.includes(f.name)).map((f) => (f.name === "phone_number" ? { ...f, country: true } : f));
  return {
    config,
    form: {
      identifier,
      fields: asked,
      // Whether the form needs the phone module: a phone field, or a username that may be a phone number.
      phone: by.includes("phone_number") || asked.some((f) => f.country),
      phoneCountry: config.phoneCountry,
      phoneCountries: config.phoneCountries,
      password: !config.passwordless,
      passwordAgain: Boolean(config.confirmPassword),
      policy: config.passwordPolicy ?? {},
      terms: config.terms ?? null,
      cooldown,
    },
  };
}

/** The call configuration (`signUp`'s second argument) of an element configuration. */
export function callConfig({ region, userPoolId, endpoint, passwordPolicy }) {
  return Object.fromEntries(Object.entries({ region, userPoolId, endpoint, passwordPolicy }).filter(([, v]) => v != null));
}

/**
 * The SignUp input (without the password) from `values`: field name →
 * `{ value, valid, country }` (`valid`: what the browser's own check of the
 * type says; `country`: the region picked beside a phone number). Returns
 * `{ input, problems }`; each problem is `{ name, key }`, the field and the
 * dictionary key that says what is wrong. `unmet`: the password rules
 * `checkPassword` found unmet; `toE164(typed, country)`: the phone module's,
 * where the form has a phone number.
 */
export function signUpInput(clientId, form, values, unmet = [], toE164) {
  const problems = [];
  const value = (name) => (values[name]?.value ?? "").trim();
  const username = value("username");
  const as = form.identifier.as;
  const kind = as.length === 2 ? (username.includes("@") ? "email" : "phone_number") : as[0];
  const phones = new Set(["phone_number", kind === "phone_number" && "username"]);
  // A number beside a country list may be national; one without must carry its country code.
  const listed = new Set([form.identifier.country && "username", ...form.fields.filter((f) => f.country).map((f) => f.name)]);
  const sent = {};
  const check = (name, required, type) => {
    sent[name] = phones.has(name) && value(name) !== "" ? toE164(value(name), values[name].country) : value(name);
    if (required && (value(name) === "" || value(name) === "false")) problems.push({ name, key: "required" });
    else if (sent[name] === null || (values[name] && !values[name].valid)) problems.push({ name, key: type === "email" ? "invalidEmail" : !phones.has(name) ? "invalid" : listed.has(name) ? "invalidNumber" : "invalidTel" });
  };
  check("username", true, kind === "email" ? "email" : "text");
  for (const field of form.fields) check(field.name, field.required, field.type);
  if (form.password) {
    if (values.password?.value === "") problems.push({ name: "password", key: "required" });
    else if (unmet.length > 0) problems.push({ name: "password", key: "weak" });
    if (form.passwordAgain && values.passwordAgain?.value !== values.password?.value) problems.push({ name: "passwordAgain", key: "mismatch" });
  }
  if (form.terms && value("terms") !== "true") problems.push({ name: "terms", key: "mustAccept" });
  const attributes = form.fields.filter((f) => sent[f.name]).map((f) => ({ Name: f.name, Value: sent[f.name] }));
  const sentUsername = sent.username ?? username;
  if (kind) attributes.unshift({ Name: kind, Value: sentUsername });
  return { input: { ClientId: clientId, Username: sentUsername, UserAttributes: attributes }, problems };
}

/** The form field that a refusal's `field` (`Username`, `UserAttributes[2].Value`, …) is about, given the input sent. */
export function fieldOf(problemField, input) {
  const attribute = problemField.match(/^UserAttributes\[(\d+)\]/);
  if (attribute) {
    const i = Number(attribute[1]);
    const { Name, Value } = input.UserAttributes[i] ?? {};
    // The identifier, sent first as the username and as its attribute.
    return i === 0 && Value === input.Username && /^(email|phone_number)$/.test(Name) ? "username" : Name;
  }
  return { Username: "username", Password: "password", ConfirmationCode: "code" }[problemField];
}

/**
 * `UserContextData` for Cognito's threat protection, from AWS's collector
 * where the page has loaded it (`AmazonCognitoAdvancedSecurityData`), or
 * `undefined` (left out of the request). A collector that fails is as if
 * absent: it never stops a sign-up.
 */
export function contextData(username, { userPoolId, clientId }) {
  try {
    const EncodedData = globalThis.AmazonCognitoAdvancedSecurityData?.getData(username, userPoolId, clientId);
    return EncodedData ? { EncodedData } : undefined;
  } catch {
    return undefined;
  }
}
