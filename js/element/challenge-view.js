// The sign-in steps' view: the code step, the choice of a factor and the
// authenticator app's setup, added to the element's view (view.js) when the
// first challenge comes, and painted with the rest of it (`view.more`, which
// view.js's `paint` calls). Their inputs, errors and titles join the view's
// own, so that view.js says problems next to them and focuses them as it
// does the form's.
import { h, toDom } from "./render.js";
import { path, qr } from "./qr-code.js";

const SVG = "http://www.w3.org/2000/svg";

/** An SVG element with `attributes` (no inline style: it draws under a strict CSP with Trusted Types). */
const svg = (tag, attributes, ...children) => {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
};

/** The words of the factor a choice names. */
const FACTORS = { SMS_MFA: "factorSms", SMS_OTP: "factorSms", EMAIL_OTP: "factorEmail", SOFTWARE_TOKEN_MFA: "factorApp", PASSWORD: "factorPassword" };

/**
 * Adds the sign-in steps to `view` in the words `w` (challenge-words.js's,
 * for the page's language), with ids from `id`, wired to `on`: `code`,
 * `choose`, `verify` (each form's submission) and `copy` (the key's copy
 * button). Returns the nodes to place after the element's own.
 */
export function attach(view, w, id, on) {
  const field = (name, words) => {
    const input = (view.inputs[name] = h("input", { id: id(name), name, type: "text", autocomplete: "one-time-code", inputmode: "numeric", required: true, "aria-describedby": id(`${name}-error`), part: "input" }));
    view.labels[name] = words;
    return h("div", { part: `field field-${name}` }, h("label", { part: "label", for: id(name) }, words), input, (view.errors[name] = h("p", { part: "error", id: id(`${name}-error`), hidden: true })));
  };
  const button = (words) => h("button", { type: "submit", part: "button submit" }, words);
  const step = (name, ...body) =>
    h("section", { part: `step step-${name}`, "aria-labelledby": id(`${name}-title`), hidden: true }, (view.titles[name] = h("h2", { part: "title", id: id(`${name}-title`), tabindex: "-1" }, w[`${name}Title`])), ...body);
  const form = (...body) => h("form", { part: "form", novalidate: true, method: "dialog" }, ...body);
  const c = {
    to: h("p", { part: "text destination" }),
    codeButton: button(w.mfaVerify),
    choices: h("div", { part: "choices", role: "radiogroup", "aria-labelledby": id("choose-text") }),
    chooseButton: button(w.chooseNext),
    picture: h("p", { part: "qr" }),
    secret: h("code", { part: "secret", translate: "no" }),
    copy: h("button", { type: "button", part: "button secondary copy", hidden: !globalThis.navigator?.clipboard }, w.setupCopy),
    copied: h("p", { part: "status", "aria-live": "polite" }),
    open: h("a", { part: "link open" }, w.setupOpen),
    setupButton: button(w.mfaVerify),
  };
  const described = [
    step("mfa", c.to, (c.codeForm = form(field("mfaCode", w.mfaCode), c.codeButton))),
    step("choose", h("p", { part: "text", id: id("choose-text") }, w.chooseText), (c.chooseForm = form(c.choices, c.chooseButton))),
    step("setup", h("p", { part: "text" }, w.setupScan), c.picture, h("p", { part: "text" }, `${w.setupKey}: `, c.secret, " ", c.copy), c.copied, h("p", null, c.open), (c.setupForm = form(field("totpCode", w.setupCode), c.setupButton))),
  ];
  const made = new Map();
  const nodes = described.map((d) => toDom(d, made));
  for (const key of ["mfaCode", "totpCode"]) view.inputs[key] = made.get(view.inputs[key]);
  for (const key of ["mfaCode", "totpCode"]) view.errors[key] = made.get(view.errors[key]);
  for (const key of ["mfa", "choose", "setup"]) view.titles[key] = made.get(view.titles[key]);
  [view.steps.mfa, view.steps.choose, view.steps.setup] = nodes;
  view.challenge = Object.fromEntries(Object.entries(c).map(([k, d]) => [k, made.get(d)]));
  for (const [form, handler] of [["codeForm", on.code], ["chooseForm", on.choose], ["setupForm", on.verify]]) {
    view.challenge[form].addEventListener("submit", (event) => {
      event.preventDefault();
      handler();
    });
  }
  view.challenge.copy.addEventListener("click", on.copy);
  view.more = (state, busy) => paint(view, state, busy === "answer", w);
  return nodes;
}

/** `w[key]` with each `{name}` filled from `vars`. */
const say = (w, key, vars = {}) => w[key].replace(/\{(\w+)\}/g, (_, name) => vars[name]);

/**
 * Paints the sign-in steps' part of `state` (`busy`: an answer is on its
 * way): the challenge's destination,
 * the factors to choose from (the first chosen), the app's key, QR code and
 * link, which button is busy, and how an ended sign-in is said on the done
 * step.
 */
function paint(view, state, busy, w) {
  const c = view.challenge;
  const { challenge = null, step, note } = state;
  for (const button of [c.codeButton, c.chooseButton, c.setupButton]) {
    button.disabled = busy;
    button.textContent = button === c.chooseButton ? w.chooseNext : busy ? w.mfaVerifying : w.mfaVerify;
    button.toggleAttribute("aria-busy", busy);
  }
  if (note && step === "done") view.doneText.textContent = w[note];
  if (!challenge) return;
  const { name, to, medium, options = [], secret, uri } = challenge;
  c.to.textContent = name === "SOFTWARE_TOKEN_MFA" ? w.mfaApp : to ? say(w, medium === "EMAIL" ? "mfaEmail" : "mfaSms", { to: `\u2068${to}\u2069` }) : w.mfaSent;
  if (c.choices.dataset.options !== options.join()) {
    c.choices.dataset.options = options.join();
    c.choices.replaceChildren(
      ...options.map((option, i) => {
        const input = h("input", { type: "radio", name: "factor", value: option, id: view.titles.choose.id + i, checked: i === 0 });
        return toDom(h("span", { part: "check" }, input, h("label", { part: "label", for: view.titles.choose.id + i }, w[FACTORS[option]])));
      }),
    );
  }
  if (uri && c.open.href !== uri) {
    c.open.href = uri;
    c.secret.textContent = secret.match(/.{1,4}/g).join(" ");
    const rows = qr(uri);
    const side = rows.length + 8;
    c.picture.replaceChildren(
      svg("svg", { viewBox: `-4 -4 ${side} ${side}`, width: 192, height: 192, role: "img", "aria-label": w.setupQr, "shape-rendering": "crispEdges" },
        svg("rect", { x: -4, y: -4, width: side, height: side, fill: "#fff" }),
        svg("path", { d: path(rows), fill: "#000" })),
    );
  }
  c.copied.textContent = state.copied ? w.setupCopied : "";
}
