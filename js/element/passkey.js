// The passkey step of <cognito-sign-up passkey>: once a sign-in has given
// tokens, an offer to add a passkey (StartWebAuthnRegistration, the
// browser's navigator.credentials.create, CompleteWebAuthnRegistration),
// or to go on without one. after.js loads this module only where it can
// work (a secure context with PublicKeyCredential) and the configuration asks
// for it, and hands it what the step needs (`step`: the access token, kept
// in memory for this step only, whose it is, the call config, and the quiet
// state each action starts from). A person is never stuck here: "Not now"
// always ends at the done step. Small on purpose (it loads after a sign-in):
// English is here, the other languages in passkey-words.js, loaded the
// first time the step shows in one of them; WebAuthn's JSON is the browser's
// own, and the decoder (../webauthn.js) loads only where the browser lacks it.

/** English, the step's built-in language (the other languages have its keys). */
export const EN = {
  passkeyTitle: "Add a passkey",
  passkeyText: "A passkey lets you sign in with your fingerprint, face or screen lock instead of a password or code. It stays on your device.",
  passkeyAdd: "Add a passkey",
  passkeyAdding: "Adding…",
  passkeySkip: "Not now",
  passkeyCancelled: "No passkey was added. You can try again, or go on without one.",
  passkeyAdded: "Your account is ready, and your passkey is added: use it to sign in next time.",
};
/** The other languages' words, once loaded. */
let others = {};

/** WebAuthn's JSON forms: the browser's own `parseCreationOptionsFromJSON` and `toJSON()`, else the decoder, loaded then. */
const webAuthn = () =>
  PublicKeyCredential.parseCreationOptionsFromJSON && PublicKeyCredential.prototype.toJSON
    ? { creationOptions: (json) => PublicKeyCredential.parseCreationOptionsFromJSON(json), credentialJSON: (credential) => credential.toJSON() }
    : import("../webauthn.js");

/** The element's language: its closest `lang`, as element.js reads it (primary subtag). */
const langOf = (f) => (f.view.titles.done.closest("[lang]")?.lang || "en").split("-")[0].toLowerCase();

/** The words in the element's language, under the host's own; another language's load first (then the step paints again). */
function words(f) {
  const lang = langOf(f);
  if (lang !== "en" && !others[lang] && !others.loading) {
    others.loading = import("./passkey-words.js").then((m) => ((others = m.default), f.say({})), () => {});
  }
  return { ...EN, ...others[lang], ...f.dict };
}

/** Adds the step's section to `view` (again to each new view a new language draws), placed and wired. */
function extend(f) {
  const before = f.extend;
  const attach = (view) => {
    const node = (tag, part, parent) => parent.appendChild(Object.assign(document.createElement(tag), { part }));
    const section = Object.assign(document.createElement("section"), { part: "step step-passkey", hidden: true });
    const title = node("h2", "title", section);
    const text = node("p", "text", section);
    const status = node("p", "status", section);
    const add = node("button", "button submit passkey-add", section);
    const skip = node("button", "button secondary passkey-skip", section);
    title.id = `${view.titles.done.id}-passkey`;
    title.tabIndex = -1;
    section.setAttribute("aria-labelledby", title.id);
    status.setAttribute("aria-live", "polite");
    add.type = skip.type = "button";
    add.onclick = () => register(f);
    skip.onclick = () => end(f, "skip");
    view.steps.passkey = section;
    view.titles.passkey = title;
    const more = view.more;
    // Every text is painted, so a new language (or its words arriving) shows at the next paint.
    view.more = (state, busy) => {
      more?.(state, busy);
      const w = words(f);
      title.textContent = w.passkeyTitle;
      text.textContent = w.passkeyText;
      add.textContent = busy === "add" ? w.passkeyAdding : w.passkeyAdd;
      skip.textContent = w.passkeySkip;
      add.disabled = skip.disabled = busy === "add";
      add.toggleAttribute("aria-busy", busy === "add");
      status.textContent = state.passkeyNote ? w[state.passkeyNote] : "";
      if (state.step === "done" && state.passkeyAdded) view.doneText.textContent = w.passkeyAdded;
    };
    view.bottom.push(section);
  };
  f.extend = (view) => {
    before?.(view);
    attach(view);
    f.place();
  };
  attach(f.view);
  f.place();
}

/** Offers a passkey (`step`: `{ token, who, config, quiet }` from after.js). */
export function offer(f, step) {
  if (!f.view.steps.passkey) extend(f);
  f.passkey = step;
  f.go("passkey", { ...step.quiet, focus: (v) => v.titles.passkey });
}

/**
 * Registers a passkey: Cognito's options, the browser's ceremony, Cognito's
 * check. A cancelled dialog goes back to the offer with a sentence; a
 * passkey this authenticator already holds ends at the done step; anything
 * else is said in the banner, and the person can try again or go on.
 */
async function register(f) {
  const { token: AccessToken, who, config, quiet } = f.passkey;
  if (!f.go("add", quiet)) return;
  try {
    const { creationOptions, credentialJSON } = await webAuthn();
    const { CredentialCreationOptions } = await f.calls.startWebAuthnRegistration({ AccessToken }, config);
    const credential = await navigator.credentials.create({ publicKey: creationOptions(CredentialCreationOptions) });
    await f.calls.completeWebAuthnRegistration({ AccessToken, Credential: credentialJSON(credential) }, config);
    f.emit("signup-passkey-added", who);
    end(f, "added", { passkeyAdded: true });
  } catch (error) {
    if (error.name === "NotAllowedError" || error.name === "AbortError") return f.go("failed", { passkeyNote: "passkeyCancelled", focus: (v) => v.titles.passkey });
    if (error.name === "InvalidStateError") return end(f, "added");
    f.error(error, () => null);
  }
}

/** Ends the step by `event` (added, skip) at the done step, dropping the access token. */
function end(f, event, changes = {}) {
  const { quiet } = f.passkey;
  f.passkey = null;
  f.go(event, { ...quiet, passkeyNote: null, ...changes, focus: (v) => v.titles.done });
}
