// The view: the nodes of one description (drawn, or taken over from markup
// written from the same description), the person's input wired to the
// element's handlers, and `paint`, the one place that writes a state onto
// them: every `hidden`, `disabled`, `aria-busy`, `aria-invalid`, text and
// focus the flow changes is derived there.
import { STEPS } from "./steps.js";
import { adoptDom, resolve, toDom } from "./render.js";
import { errorText, problemText, text } from "./i18n.js";

/**
 * The view of `described` (render.js's `build`): `written`, the element's
 * markup already in the page, when it was written from this very description
 * (what was typed, and the focus, stay), else new nodes. `adopted` says which.
 */
export function draw(described, written) {
  const made = new Map();
  const own = [...described.top, ...described.bottom];
  const adopted = written.length === own.length && written.every((node) => node.dataset.csu === described.key) && own.every((d, i) => adoptDom(d, written[i], made));
  if (!adopted) {
    made.clear();
    for (const d of own) toDom(d, made);
  }
  return { view: resolve(described, made), adopted };
}

/** Every element of `view`'s own nodes, in document order. */
const all = (view) => [...view.top, ...view.bottom].flatMap((node) => [node, ...node.querySelectorAll("*")]);

/**
 * Where `node` is in `view`, as a function that finds the same place in
 * another view of a form of the same shape (a new language), or `null`.
 */
export function placeOf(view, node) {
  const before = all(view);
  const at = before.indexOf(node);
  return at < 0 ? null : (other) => (all(other).length === before.length ? all(other)[at] : null);
}

/**
 * Wires `view` to the element's handlers: `submit`, `confirm`, `resend`,
 * `startOver`, `reveal` (the password's show/hide toggle) and `typed` (the
 * password changed). The forms' own submission never leaves the page.
 */
export function wire(view, on) {
  const submit = (form, handler) =>
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      handler();
    });
  submit(view.signUpForm, on.submit);
  submit(view.confirmForm, on.confirm);
  view.resend.addEventListener("click", on.resend);
  view.startOver.addEventListener("click", on.startOver);
  view.toggle?.addEventListener("click", on.reveal);
  view.inputs.password?.addEventListener("input", on.typed);
}

/** Sets ARIA state `name` to "true", or removes it. */
const flag = (node, name, on) => (on ? node.setAttribute(name, "true") : node.removeAttribute(name));

/** Each button the flow makes busy, with its progress text. */
const BUSY = { submit: "submitting", confirm: "confirming", resend: "resending" };

/** `problem`'s text: the host's own, a dictionary key's, or a library refusal's message in the user's language. */
const say = (dict, problem) => problem.text ?? (problem.key ? text(dict, problem.key) : problemText(dict, problem.message));

/**
 * Paints `state` (steps.js) onto `view` in the language of `dict` (`lang`),
 * at time `now` (ms): which step shows, which button is busy, the resend
 * cooldown, where the code went, each problem next to its field and the
 * summary in the banner, the password rules (`unmet`: those not met, or
 * `null` before the library has loaded) and, where the state asks for it
 * (`focus`: a function of the view that gives the node), the focus.
 */
export function paint(view, state, dict, lang, unmet, now) {
  const t = (key, vars) => text(dict, key, vars);
  const { view: shown, busy } = STEPS[state.step];
  for (const [name, section] of Object.entries(view.steps)) section.hidden = name !== shown;
  view.actions.hidden = shown !== "signup";
  flag(view.steps.done, "aria-busy", busy === "done");
  flag(view.signUpForm, "aria-busy", busy === "submit");
  flag(view.confirmForm, "aria-busy", busy === "confirm" || busy === "resend");

  const left = Math.ceil((state.cooldownEnd - now) / 1000);
  for (const [name, idle] of [["submit", "submit"], ["confirm", "confirm"], ["resend", left > 0 ? "resendIn" : "resend"]]) {
    const button = view[name];
    button.textContent = t(busy === name ? BUSY[name] : idle, { n: left });
    button.disabled = Boolean(busy) || (name === "resend" && left > 0);
    flag(button, "aria-busy", busy === name);
  }
  view.startOver.disabled = Boolean(busy);

  if (view.toggle) {
    view.inputs.password.type = state.reveal ? "text" : "password";
    view.toggle.textContent = t(state.reveal ? "hide" : "show");
    view.toggle.setAttribute("aria-pressed", String(state.reveal));
  }
  for (const [rule, item] of Object.entries(view.rules)) {
    const met = unmet != null && !unmet.includes(rule);
    item.toggleAttribute("data-met", met);
    item.lastChild.textContent = ` ${t(met ? "ruleMet" : "ruleUnmet")}`;
  }

  const { username = "", delivery } = state.pending ?? {};
  const to = delivery?.Destination;
  // Isolated (U+2068 … U+2069), so that a right-to-left sentence does not reorder `a***@e***`.
  view.destination.textContent = t(!to ? "sentSomewhere" : delivery.DeliveryMedium === "SMS" ? "sentSms" : "sentEmail", { to: `\u2068${to}\u2069` });
  view.anchor.value = username;
  view.status.textContent = state.status ? t(state.status) : "";
  view.doneText.textContent = t(busy === "done" ? "signingIn" : state.signedIn ? "signedIn" : "doneText");

  // Each problem next to its field (the first for a field); the banner names those fields by their labels, in the
  // form's order, then says what has no field, then the error that stopped a call.
  const order = Object.keys(view.inputs);
  const problems = [...state.problems].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  const fields = [];
  const loose = [];
  for (const [name, error] of Object.entries(view.errors)) {
    const problem = problems.find((p) => p.name === name);
    error.hidden = !problem;
    error.textContent = problem ? say(dict, problem) : "";
  }
  for (const problem of problems) {
    if (!view.errors[problem.name]) loose.push(say(dict, problem));
    else if (!fields.includes(problem.name)) fields.push(problem.name);
  }
  const invalid = new Set([...fields, state.error?.field]);
  for (const [name, input] of Object.entries(view.inputs)) flag(input, "aria-invalid", invalid.has(name));
  const summary = fields.length > 0 && t("summary", { fields: new Intl.ListFormat(lang, { type: "conjunction" }).format(fields.map((name) => view.labels[name])) });
  view.banner.textContent = [summary, ...loose, state.error && errorText(dict, state.error)].filter(Boolean).join(" ");
  view.banner.hidden = view.banner.textContent === "";

  // The sign-in steps' own part (challenge-view.js), once they have been added.
  view.more?.(state, busy);
  state.focus?.(view)?.focus();
}
