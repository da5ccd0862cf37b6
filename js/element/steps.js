// The flow as data: each step of <cognito-sign-up>, the view it shows, the
// button it keeps busy, and where each event leads. An event that a step
// does not list is ignored there (a second submit while sending, a resend
// during a confirmation), so no other guard is needed. A new step (a sign-in
// challenge, an authenticator app, a passkey) is a new row and a new view.
// The sign-in steps' views (mfa, choose, setup) are challenge-view.js's, the
// passkey step's passkey.js's.

/** Where signing in leads: Cognito's answer is the tokens (then a passkey offered), a code to type, a choice, or an app to set up. */
const SIGNED = { done: "done", mfa: "mfa", choose: "choose", setup: "setup", passkey: "passkey" };

/**
 * `view`: the section shown (and the element's `step` attribute); `busy`:
 * the button that shows its progress text; `on`: event → next step.
 */
export const STEPS = {
  signup: { view: "signup", on: { submit: "sending" } },
  sending: { view: "signup", busy: "submit", on: { codeSent: "confirm", confirmed: "signingIn", done: "done", failed: "signup" } },
  confirm: { view: "confirm", on: { confirm: "confirming", resend: "resending", startOver: "signup" } },
  confirming: { view: "confirm", busy: "confirm", on: { confirmed: "signingIn", done: "done", failed: "confirm" } },
  resending: { view: "confirm", busy: "resend", on: { codeSent: "confirm", failed: "confirm" } },
  signingIn: { view: "done", busy: "done", on: SIGNED },
  mfa: { view: "mfa", on: { answer: "answering" } },
  answering: { view: "mfa", busy: "answer", on: { ...SIGNED, failed: "mfa" } },
  choose: { view: "choose", on: { answer: "choosing" } },
  choosing: { view: "choose", busy: "answer", on: { ...SIGNED, failed: "choose" } },
  setup: { view: "setup", on: { answer: "verifying" } },
  verifying: { view: "setup", busy: "answer", on: { ...SIGNED, failed: "setup" } },
  passkey: { view: "passkey", on: { add: "adding", skip: "done" } },
  adding: { view: "passkey", busy: "add", on: { added: "done", failed: "passkey" } },
  done: { view: "done", on: {} },
};

/** The step that `event` leads to from `step`, or `null` where that step does not take it. */
export const next = (step, event) => STEPS[step]?.on[event] ?? null;

/** The state a flow starts in: the step, whose confirmation is pending, when the resend cooldown ends (ms), and what is said. */
export const start = (step = "signup", pending = null) => ({ step, pending, cooldownEnd: 0, problems: [], error: null, status: "", signedIn: false, reveal: false, focus: null });

/** Nothing said: what the next action starts from. */
export const QUIET = { problems: [], error: null, status: "" };
