// The sign-in steps of <cognito-sign-up>: what follows a sign-in that Cognito
// answers with a challenge a newly confirmed person can meet. A code sent by
// text message or email or shown by an authenticator app (SMS_MFA, SMS_OTP,
// EMAIL_OTP, SOFTWARE_TOKEN_MFA), a choice among the factors the pool offers
// (SELECT_MFA_TYPE, SELECT_CHALLENGE), and an authenticator app set up where
// the pool requires one (MFA_SETUP). after.js loads this module when such a
// challenge comes; it works on `f`, the element's flow, as after.js does.
// Cognito's session lives in `f.signing` (memory only) until the tokens come
// or the sign-in ends.
import { callConfig } from "./model.js";
import { QUIET } from "./steps.js";
import { attach } from "./challenge-view.js";
import WORDS from "./challenge-words.js";

/** The ChallengeResponses member that carries each code challenge's code. */
const CODES = { SMS_MFA: "SMS_MFA_CODE", SMS_OTP: "SMS_OTP_CODE", EMAIL_OTP: "EMAIL_OTP_CODE", SOFTWARE_TOKEN_MFA: "SOFTWARE_TOKEN_MFA_CODE" };

/** The words of the sign-in steps in the element's language (its closest `lang`, as element.js reads it), under the host's own (`f.dict` holds them). */
const words = (f) => ({ ...WORDS.en, ...WORDS[(f.view.titles.done.closest("[lang]")?.lang || "en").split("-")[0].toLowerCase()], ...f.dict });

/**
 * Adds the sign-in steps to the element's view, placed and wired to this
 * module; again to each new view a new language or configuration draws
 * (`f.extend`, which element.js calls once that view is in place).
 */
function extend(f) {
  f.extend = (view) => {
    // Ids unique to this element: its done step's title's, extended.
    const id = (name) => `${view.titles.done.id}-${name}`;
    view.bottom.push(
      ...attach(view, words(f), id, {
        code: () => code(f, "mfaCode", (value) => respond(f, { [CODES[f.state.challenge.name]]: value }, "mfaCode")),
        choose: () => choose(f),
        verify: () => code(f, "totpCode", (value) => verify(f, value)),
        copy: () => navigator.clipboard.writeText(f.state.challenge.secret).then(() => f.say({ copied: true })),
      }),
    );
    f.place();
  };
  f.extend(f.view);
}

/**
 * Leads the sign-in on from Cognito's answer `out` (InitiateAuth's or
 * RespondToAuthChallenge's) for `f.signing` (`{ username, userSub, user,
 * session, password }`): to the step its challenge needs, else to the done
 * step with the tokens, or with a challenge this element does not answer
 * for the host's own UI, in `signup-signed-in`.
 */
export async function lead(f, out) {
  if (!f.view.challenge) extend(f);
  const who = f.signing;
  const { ChallengeName: name, ChallengeParameters: parameters = {}, Session } = out;
  who.session = Session;
  // The user as Cognito names them in the answers it expects (an email-as-username pool's internal name).
  who.user = parameters.USERNAME ?? parameters.USER_ID_FOR_SRP ?? who.user;
  const focus = (input) => (v) => v.inputs[input] ?? v.banner;
  if (CODES[name]) {
    f.view.inputs.mfaCode.value = "";
    return f.go("mfa", { ...QUIET, challenge: { name, to: parameters.CODE_DELIVERY_DESTINATION, medium: parameters.CODE_DELIVERY_DELIVERY_MEDIUM }, focus: focus("mfaCode") });
  }
  if (/^SELECT_/.test(name)) {
    // SELECT_MFA_TYPE names its factors in a JSON array held in a string; SELECT_CHALLENGE in AvailableChallenges.
    const offered = name === "SELECT_MFA_TYPE" ? String(parameters.MFAS_CAN_CHOOSE).match(/\w+/g) ?? [] : out.AvailableChallenges ?? [];
    const options = offered.filter((o) => CODES[o] || (o === "PASSWORD" && who.password));
    if (options.length === 1) return answer(f, name, options[0]);
    if (options.length > 1) return f.go("choose", { ...QUIET, challenge: { name, options }, focus: (v) => v.challenge.choices.querySelector("input") });
  }
  if (name === "MFA_SETUP") {
    // MFAS_CAN_SETUP: a JSON array in a string (Cognito), or a list (moto); only an authenticator app can be set up here.
    if (!/SOFTWARE_TOKEN_MFA/.test(String(parameters.MFAS_CAN_SETUP))) return end(f, "noFactor", { name: "MfaSetupUnavailable", message: `this page cannot set up ${parameters.MFAS_CAN_SETUP}: sign in to set it up` });
    const made = await f.calls.associateSoftwareToken({ Session: who.session }, callConfig(f.settings));
    who.session = made.Session;
    const issuer = f.settings.totpIssuer ?? location.hostname;
    const uri = `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(who.username)}?secret=${made.SecretCode}&issuer=${encodeURIComponent(issuer)}`;
    f.view.inputs.totpCode.value = "";
    return f.go("setup", { ...QUIET, challenge: { name, secret: made.SecretCode, uri }, focus: (v) => v.titles.setup });
  }
  f.signing = null;
  // The tokens (or a challenge for the host) as after.js says them, then the passkey's offer or the done step.
  await f.signedIn(who, out);
  f.go("done", { ...QUIET, challenge: null, focus: (v) => v.titles.done });
}

/** Reads the code typed in `input` and, where there is one, hands it to `send` from a busy step; an empty field is said next to it. */
function code(f, input, send) {
  const value = f.view.inputs[input].value.replace(/\s/g, "");
  if (value === "") return f.problems([{ name: input, key: "required" }], f.say);
  if (f.go("answer", QUIET)) return send(value);
}

/** Answers the choice with the factor picked. */
function choose(f) {
  const picked = f.view.challenge.choices.querySelector(":checked")?.value;
  if (picked && f.go("answer", QUIET)) return answer(f, f.state.challenge.name, picked);
}

/** Answers SELECT_MFA_TYPE or SELECT_CHALLENGE (`name`) with `factor` (the password goes with PASSWORD). */
const answer = (f, name, factor) => respond(f, factor === "PASSWORD" ? { ANSWER: factor, PASSWORD: f.signing.password } : { ANSWER: factor }, null, name);

/**
 * RespondToAuthChallenge for the challenge under way (or `name`) with
 * `responses`, then on to what Cognito answers; a wrong code is said next
 * to `input`.
 */
async function respond(f, responses, input, name = f.state.challenge.name) {
  const who = f.signing;
  try {
    const ChallengeResponses = { USERNAME: who.user, ...responses };
    const out = await f.calls.respondToAuthChallenge({ ClientId: f.settings.clientId, ChallengeName: name, Session: who.session, ChallengeResponses, ...f.extra(who.username) }, callConfig(f.settings));
    await lead(f, out);
  } catch (error) {
    failed(f, error, input);
  }
}

/** Checks the authenticator app's code, then tells Cognito the app is set up. */
async function verify(f, UserCode) {
  const who = f.signing;
  try {
    const out = await f.calls.verifySoftwareToken({ Session: who.session, UserCode }, callConfig(f.settings));
    if (out.Status !== "SUCCESS") throw Object.assign(new Error("the code does not match"), { name: "CodeMismatchException" });
    who.session = out.Session;
    await respond(f, {}, "totpCode", "MFA_SETUP");
  } catch (error) {
    failed(f, error, "totpCode");
  }
}

/**
 * A sign-in step that failed: a wrong code next to its field (Cognito keeps
 * the session for another try); an expired session at the done step, which
 * asks them to sign in; anything else in the banner, on the same step.
 */
function failed(f, error, input) {
  if (/^(CodeMismatch|EnableSoftwareTokenMFA)Exception$/.test(error.name) && input) {
    f.emit("signup-error", { name: error.name, message: error.message, field: null });
    return f.go("failed", { problems: [{ name: input, text: words(f).mfaWrong }], focus: (v) => v.inputs[input] });
  }
  if (/^(NotAuthorized|ExpiredCode)Exception$/.test(error.name)) return end(f, "expired", error);
  f.error(error, () => null);
}

/** Ends the sign-in at the done step with `note` (challenge-words.js's key), saying why in `signup-error`. */
function end(f, note, error) {
  f.signing = null;
  f.emit("signup-error", { name: error.name, message: error.message, field: null });
  f.go("done", { ...QUIET, challenge: null, note, focus: (v) => v.titles.done });
}
