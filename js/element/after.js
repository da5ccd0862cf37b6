// What <cognito-sign-up> does once a SignUp has gone out: waits for the code,
// confirms it, sends it again, starts over, and signs the person in. The
// element loads this module while its SignUp is on the way (or when a reload
// finds a confirmation pending), so a page pays for none of it before. Each
// function works on `f`, the element's flow (element.js's `#f`): its state,
// view, settings and form, the password and session kept in memory, the
// library's calls, and the element's `go`, `emit`, `error`, `problems` and
// `extra`.
import { callConfig } from "./model.js";
import { keep } from "./pending.js";
import { QUIET } from "./steps.js";

/** The code went out for `pending`: the confirm step, its field empty and its cooldown running. */
export function awaitCode(f, pending) {
  // Sign-in loads while the person reads their message: the sign-in module (asked for a call it
  // refuses before sending anything), and where the pool asks for a second factor, its steps.
  if (f.settings.signIn) f.calls.signIn({}, { abortSignal: AbortSignal.abort() }).catch(() => {});
  if (f.settings.signIn && f.settings.mfa?.length) import("./challenge.js").catch(() => {});
  keep(f.settings.clientId, pending);
  f.view.inputs.code.value = "";
  f.go("codeSent", { pending, cooldownEnd: Date.now() + f.form.cooldown * 1000, focus: (v) => v.titles.confirm });
}

/** Confirms the code typed; an empty field is said next to it, and nothing is sent. */
export async function confirm(f) {
  const code = f.view.inputs.code.value.trim();
  if (f.state.step !== "confirm") return;
  if (code === "") return f.problems([{ name: "code", key: "required" }], f.say);
  if (!f.go("confirm", QUIET)) return;
  const { username } = f.state.pending;
  try {
    const input = { ClientId: f.settings.clientId, Username: username, ConfirmationCode: code, Session: f.session, ...f.extra(username) };
    const out = await f.calls.confirmSignUp(input, callConfig(f.settings));
    await confirmed(f, f.state.pending, out.Session);
  } catch (error) {
    return f.error(error, (field) => (field === "ConfirmationCode" ? "code" : null), /Code/.test(error.name) ? "code" : null);
  }
}

/** Sends the code again, and starts the cooldown again (also when Cognito says the limit is reached). */
export async function resend(f) {
  if (!f.go("resend", QUIET)) return;
  const { pending } = f.state;
  const cooldownEnd = Date.now() + f.form.cooldown * 1000;
  try {
    const out = await f.calls.resendConfirmationCode({ ClientId: f.settings.clientId, Username: pending.username, ...f.extra(pending.username) }, callConfig(f.settings));
    const again = { ...pending, delivery: out.CodeDeliveryDetails ?? pending.delivery };
    keep(f.settings.clientId, again);
    f.emit("signup-code-sent", out.CodeDeliveryDetails ?? null);
    f.go("codeSent", { pending: again, status: "resent", cooldownEnd });
  } catch (error) {
    if (error.name === "LimitExceededException") f.state.cooldownEnd = cooldownEnd;
    return f.error(error, () => null);
  }
}

/** Back to the sign-up form, forgetting the confirmation under way. */
export function startOver(f) {
  forget(f);
  f.go("startOver", { ...QUIET, pending: null, cooldownEnd: 0, focus: (v) => v.titles.signup });
}

/** The account is confirmed: offers the credential, says so, signs in where configured (with `session`, Cognito's), and ends at the done step. */
export async function confirmed(f, pending, session) {
  const { username, userSub = null } = pending;
  const { password } = f;
  const { PasswordCredential } = globalThis;
  // Offer the browser's password store the new account (Chromium; Firefox and Safari have no PasswordCredential).
  if (password && PasswordCredential) navigator.credentials.store(new PasswordCredential({ id: username, password })).catch(() => {});
  forget(f);
  f.emit("signup-confirmed", { username, userSub });
  if (f.settings.signIn && f.go("confirmed", { pending: null })) await signIn(f, username, userSub, session, password);
  // Where a sign-in step came (challenge.js), the done step waits for it.
  f.go("done", { pending: null, focus: (v) => v.titles.done });
}

/**
 * Signs the person in with the library's `signIn`: USER_AUTH with the
 * session Cognito gave (the code just typed is the first factor), else SRP
 * with the password still in memory (or the flow `signIn` names, such as
 * USER_PASSWORD_AUTH). A challenge a new user can meet (a code, a choice, an
 * authenticator app to set up) leads to its step (challenge.js); the tokens,
 * or a challenge for the host's own sign-in UI, go only into
 * `signup-signed-in`. A failure leaves the account made, the done step
 * asking them to sign in, and says why in `signup-error`.
 */
async function signIn(f, username, userSub, Session, password) {
  try {
    if (!Session && !password) throw Object.assign(new Error("no session and no password (the page was reloaded): sign in to continue"), { name: "SignInUnavailable" });
    const flow = f.settings.signIn;
    const input = { ClientId: f.settings.clientId, Username: username, Password: Session ? undefined : password, Session, AuthFlow: Session || flow === true ? undefined : flow };
    const out = await f.calls.signIn({ ...input, ...f.extra(username) }, callConfig(f.settings));
    f.signedIn = (who, answer) => signedIn(f, who, answer);
    if (CHALLENGES.test(out.ChallengeName)) {
      f.signing = { username, userSub, user: username, password };
      return await (await import("./challenge.js")).lead(f, out);
    }
    await signedIn(f, { username, userSub }, out);
  } catch (error) {
    f.emit("signup-error", { name: error.name, message: error.message, field: error.field ?? null });
  }
}

/**
 * Cognito's last answer for `who` (`{ username, userSub }`): the tokens, or
 * a challenge for the host, in `signup-signed-in` only; then, with tokens,
 * the passkey step where the configuration asks for it and the browser can
 * make one (its module loads now), else the caller's done step.
 */
async function signedIn(f, who, out) {
  const { $metadata, ...result } = out;
  f.emit("signup-signed-in", { username: who.username, userSub: who.userSub, ...result });
  f.state.signedIn = Boolean(out.AuthenticationResult);
  const token = out.AuthenticationResult?.AccessToken;
  if (token && f.settings.passkey && globalThis.PublicKeyCredential && isSecureContext) {
    const step = { token, who: { username: who.username, userSub: who.userSub ?? null }, config: callConfig(f.settings), quiet: QUIET };
    (await import("./passkey.js")).offer(f, step);
  }
}

/** The challenges challenge.js answers; any other goes to the host. */
const CHALLENGES = /^(SMS_MFA|SMS_OTP|EMAIL_OTP|SOFTWARE_TOKEN_MFA|SELECT_MFA_TYPE|SELECT_CHALLENGE|MFA_SETUP)$/;

/** Forgets the confirmation under way, the password and the session. */
function forget(f) {
  f.password = "";
  f.session = undefined;
  keep(f.settings.clientId, null);
}
