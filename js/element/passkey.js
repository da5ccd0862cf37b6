// The passkey step of <cognito-sign-up passkey>: once a sign-in has given
// tokens, an offer to add a passkey (StartWebAuthnRegistration, the
// browser's navigator.credentials.create, CompleteWebAuthnRegistration),
// or to go on without one. after.js loads this module only where it can
// work (a secure context with PublicKeyCredential) and the configuration asks
// for it. The access token lives in `f.passkey`, in memory, for this step
// only; a person is never stuck here: "Not now" always ends at the done step.
import { QUIET } from "./steps.js";
import { callConfig } from "./model.js";
import { h, toDom } from "./render.js";
import { creationOptions, credentialJSON } from "../webauthn.js";
import WORDS from "./passkey-words.js";

/** The words of the step in the element's language (its closest `lang`), under the host's own. */
const words = (f) => ({ ...WORDS.en, ...WORDS[(f.view.titles.done.closest("[lang]")?.lang || "en").split("-")[0].toLowerCase()], ...f.dict });

/** Adds the step's section to `view` (again to each new view a new language draws), placed and wired. */
function extend(f) {
  const before = f.extend;
  const attach = (view) => {
    const w = words(f);
    const id = `${view.titles.done.id}-passkey`;
    const add = h("button", { type: "button", part: "button submit passkey-add" }, w.passkeyAdd);
    const skip = h("button", { type: "button", part: "button secondary passkey-skip" }, w.passkeySkip);
    const status = h("p", { part: "status", "aria-live": "polite" });
    const title = h("h2", { part: "title", id, tabindex: "-1" }, w.passkeyTitle);
    const made = new Map();
    const section = toDom(h("section", { part: "step step-passkey", "aria-labelledby": id, hidden: true }, title, h("p", { part: "text" }, w.passkeyText), status, add, " ", skip), made);
    view.steps.passkey = section;
    view.titles.passkey = made.get(title);
    made.get(add).addEventListener("click", () => register(f));
    made.get(skip).addEventListener("click", () => end(f, "skip"));
    const more = view.more;
    view.more = (state, busy) => {
      more?.(state, busy);
      const button = made.get(add);
      button.disabled = busy === "add";
      button.toggleAttribute("aria-busy", busy === "add");
      button.textContent = busy === "add" ? w.passkeyAdding : w.passkeyAdd;
      made.get(skip).disabled = busy === "add";
      made.get(status).textContent = state.passkeyNote ? w[state.passkeyNote] : "";
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

/** Offers a passkey to `who` (`{ username, userSub }`), just signed in (`token`: their access token, kept for this step only). */
export function offer(f, token, who) {
  if (!f.view.steps.passkey) extend(f);
  f.passkey = { token, who };
  f.go("passkey", { ...QUIET, focus: (v) => v.titles.passkey });
}

/**
 * Registers a passkey: Cognito's options, the browser's ceremony, Cognito's
 * check. A cancelled dialog goes back to the offer with a sentence; a
 * passkey this authenticator already holds ends at the done step; anything
 * else is said in the banner, and the person can try again or go on.
 */
async function register(f) {
  if (!f.go("add", QUIET)) return;
  const config = callConfig(f.settings);
  try {
    const { token: AccessToken, who } = f.passkey;
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
  f.passkey = null;
  f.go(event, { ...QUIET, passkeyNote: null, ...changes, focus: (v) => v.titles.done });
}
