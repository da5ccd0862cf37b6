// Rendering: the element's light-DOM tree for a form model and a dictionary.
// Inputs are real inputs inside real forms, named by their Cognito names with
// their autocomplete tokens, so password managers and autofill find them.
// Every node has a stable `part` name for styling (see the README).
import { text } from "./i18n.js";

/** An element: `props` become attributes (`true` → present, `null`/`false` → absent), `children` are nodes or text. */
export function h(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value != null && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.flat(Infinity).filter((c) => c != null && c !== false));
  return node;
}

const RULES = ["MinimumLength", "RequireUppercase", "RequireLowercase", "RequireNumbers", "RequireSymbols"];

/** A configured label: a string, a record of languages, or else the dictionary's word for the attribute. */
const labelOf = (field, dict, lang) => {
  const given = field.label;
  if (typeof given === "string") return given;
  return given?.[lang] ?? given?.[lang.split("-")[0]] ?? given?.en ?? dict[field.name] ?? field.name;
};

/**
 * Builds the three steps (sign-up, confirm, done) and the alert banner.
 * `id(name)` makes a document-unique id; `phone` is the phone module's
 * `countries()` (`{ list, start }`) where the form has a phone number. Returns the nodes to place before the host's
 * `slot="before-submit"` content (`top`) and after it (`bottom`: the submit
 * button, which belongs to the form by its `form` attribute, and the later
 * steps), and every node the flow touches: `inputs`/`errors`/`countries` by
 * field name, the buttons, the password checklist's items.
 */
export function build(form, dict, lang, id, phone) {
  const t = (key, vars) => text(dict, key, vars);
  const inputs = {};
  const errors = {};
  const countries = {};
  const error = (name) => (errors[name] = h("p", { part: "error", id: id(`${name}-error`), hidden: true }));
  const label = (name, words, required = true) =>
    h("label", { part: "label", for: id(name) }, words, required ? null : h("span", { part: "optional" }, ` ${t("optional")}`));

  /** One field: its label, its input (or select or checkbox), its hint and its error. */
  const field = (f, words) => {
    const described = [f.hint ? id(`${f.name}-hint`) : null, id(`${f.name}-error`)].filter(Boolean).join(" ");
    const common = { id: id(f.name), name: f.name, required: f.required, "aria-describedby": described, autocomplete: f.autocomplete, inputmode: f.inputmode, part: "input" };
    let input;
    if (f.type === "select") {
      input = h("select", common, h("option", { value: "" }, t("choose")),
        f.options.map((o) => (typeof o === "string" ? h("option", { value: o }, o) : h("option", { value: o.value }, labelOf(o, {}, lang) ?? o.value))));
    } else {
      const extra = f.type === "tel" ? { inputmode: "tel" } : f.type === "checkbox" ? { value: "true" } : {};
      input = h("input", { ...common, type: f.type, ...extra, autocapitalize: f.name === "username" ? "none" : null, spellcheck: f.name === "username" ? "false" : null });
    }
    inputs[f.name] = input;
    if (f.country) {
      const select = (countries[f.name] = h("select", { part: "input country", "aria-label": t("country") }, phone.list.map(([words, iso]) => h("option", { value: iso }, words))));
      select.value = phone.start;
      input = h("div", { part: "phone" }, select, input);
    }
    const hint = f.hint ? h("p", { part: "hint", id: id(`${f.name}-hint`) }, labelOf({ label: f.hint }, {}, lang)) : null;
    const parts = f.type === "checkbox" ? [h("span", { part: "check" }, input, label(f.name, words, f.required))] : [label(f.name, words, f.required), input];
    return h("div", { part: `field field-${f.name.replace(/\W/g, "-")}` }, parts, hint, error(f.name));
  };

  const banner = h("div", { part: "banner", role: "alert", tabindex: "-1", hidden: true });

  // Sign-up.
  const signUpFields = [
    field({ ...form.identifier, required: true, autocomplete: "username" }, t(form.identifier.label)),
    form.fields.map((f) => field(f, labelOf(f, dict, lang))),
  ];
  const rules = {};
  let toggle = null;
  if (form.password) {
    const policy = form.policy;
    const checklist = h("ul", { part: "rules", id: id("password-rules"), "aria-label": t("rules") },
      RULES.filter((r) => policy[r]).map((rule) => (rules[rule] = h("li", { part: "rule" }, t(rule, { n: policy.MinimumLength }), h("span", { part: "rule-state" }, ` ${t("ruleUnmet")}`)))));
    const password = (inputs.password = h("input", {
      id: id("password"), name: "password", type: "password", autocomplete: "new-password", required: true, part: "input",
      "aria-describedby": `${id("password-rules")} ${id("password-error")}`,
    }));
    toggle = h("button", { type: "button", part: "toggle", "aria-controls": id("password"), "aria-pressed": "false" }, t("show"));
    signUpFields.push(h("div", { part: "field field-password" }, label("password", t("password")), h("div", { part: "password" }, password, toggle), checklist, error("password")));
    if (form.passwordAgain) {
      signUpFields.push(field({ name: "passwordAgain", type: "password", autocomplete: "new-password", required: true }, t("passwordAgain")));
    }
  }
  if (form.terms) {
    const link = h("a", { href: form.terms.url, target: "_blank", rel: "noopener", part: "link" }, form.terms.label ? labelOf(form.terms, dict, lang) : t("termsLink"));
    const box = field({ name: "terms", type: "checkbox", required: true }, t("terms"));
    box.querySelector("label").append(" ", link);
    signUpFields.push(box);
  }
  const submit = h("button", { type: "submit", part: "button submit", form: id("form") }, t("submit"));
  const signUpForm = h("form", { part: "form", novalidate: true, id: id("form") }, signUpFields);

  // Confirm.
  const destination = h("p", { part: "text destination" });
  // A read-only username beside the code, so that a password manager knows whose account this is.
  const anchor = h("input", { name: "username", autocomplete: "username", readonly: true, tabindex: "-1", "aria-hidden": "true", part: "anchor" });
  const code = field({ name: "code", type: "text", autocomplete: "one-time-code", inputmode: "numeric", required: true }, t("code"));
  const confirm = h("button", { type: "submit", part: "button submit" }, t("confirm"));
  const resend = h("button", { type: "button", part: "button secondary resend" }, t("resend"));
  const status = h("p", { part: "status", "aria-live": "polite" });
  const startOver = h("button", { type: "button", part: "link start-over" }, t("startOver"));
  const confirmForm = h("form", { part: "form", novalidate: true }, anchor, code, confirm, resend, status, h("p", null, startOver));

  let doneText;
  const step = (name, title, ...body) =>
    h("section", { part: `step step-${name}`, "aria-labelledby": id(`${name}-title`), hidden: true }, h("h2", { part: "title", id: id(`${name}-title`), tabindex: "-1" }, title), ...body);
  const steps = {
    signup: step("signup", t("title"), signUpForm),
    confirm: step("confirm", t("confirmTitle"), destination, confirmForm),
    done: step("done", t("doneTitle"), (doneText = h("p", { part: "text" }, t("doneText")))),
  };
  const actions = h("div", { part: "actions" }, submit);
  return {
    top: [banner, steps.signup],
    bottom: [actions, steps.confirm, steps.done],
    banner, steps, actions, inputs, errors, countries, rules, toggle, signUpForm, submit, confirmForm, confirm, destination, anchor, resend, status, startOver, doneText,
  };
}

/** The element's content while its configuration loads, or the developer's list of what is wrong with it. */
export const loading = (dict) => h("p", { part: "status" }, text(dict, "loading"));
export const broken = (dict, problems) => h("div", { part: "banner", role: "alert" }, h("p", null, text(dict, "broken")), h("ul", null, problems.map((p) => h("li", null, p))));
