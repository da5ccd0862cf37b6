// Rendering: one description of the element's light-DOM tree for a form
// model and a dictionary, which becomes DOM here (`toDom`), markup in
// html.js (`renderSignUp`, for a server or a build), or is matched to markup
// already in the page (`adoptDom`). Inputs are real inputs inside real
// forms, named by their Cognito names with their autocomplete tokens, so
// password managers and autofill find them. Every node has a stable `part`
// name for styling (see the README).
import { direction, text } from "./i18n.js";

/** A described element: `props` become attributes (`true` → present, `null`/`false` → absent), `children` are described elements or text. */
export const h = (tag, props, ...children) => ({ tag, props: props ?? {}, children: children.flat(Infinity).filter((c) => c != null && c !== false) });

/** Each attribute of a described element: `[name, value]`, `""` for a present boolean. */
export const attributes = (d) => Object.entries(d.props).flatMap(([name, value]) => (value == null || value === false ? [] : [[name, value === true ? "" : String(value)]]));

/** The DOM of description `d`; `made` maps each described element to its node. */
export function toDom(d, made) {
  const node = document.createElement(d.tag);
  for (const [name, value] of attributes(d)) node.setAttribute(name, value);
  node.append(...d.children.map((c) => (typeof c === "string" ? c : toDom(c, made))));
  made?.set(d, node);
  return node;
}

/**
 * Matches description `d` to `node`, markup already in the page, element by
 * element, filling `made` as `toDom` does; false where their elements differ.
 */
export function adoptDom(d, node, made) {
  const kids = d.children.filter((c) => typeof c !== "string");
  if (node?.localName !== d.tag || kids.length !== node.children.length) return false;
  made.set(d, node);
  return kids.every((c, i) => adoptDom(c, node.children[i], made));
}

/** `view` (what `build` returns) with each described element replaced by its node in `made`. */
export const resolve = (view, made) =>
  view?.tag ? made.get(view) : Array.isArray(view) ? view.map((v) => resolve(v, made)) : view && typeof view === "object" ? Object.fromEntries(Object.entries(view).map(([k, v]) => [k, resolve(v, made)])) : view;

/** The attributes that carry a generated id, which differs between the element and a server. */
const IDS = new Set(["id", "for", "form", "aria-describedby", "aria-labelledby", "aria-controls"]);

/**
 * Which markup a description is: a hash of exactly what it shows (its
 * elements, attributes and texts, but not its generated ids, nor the names
 * of countries, which each platform's ICU words a little differently),
 * written on markup so that the element knows it as its own.
 */
function keyOf(nodes) {
  let hash = 2166136261;
  const shown = JSON.stringify(nodes, (name, value) => (IDS.has(name) ? undefined : value?.props?.part === "input country" ? value.props : value));
  for (const c of shown) hash = Math.imul(hash ^ c.charCodeAt(0), 16777619);
  return (hash >>> 0).toString(36);
}

const RULES = ["MinimumLength", "RequireUppercase", "RequireLowercase", "RequireNumbers", "RequireSymbols"];

/** A configured label: a string, a record of languages, or else the dictionary's word for the attribute. */
const labelOf = (field, dict, lang) => {
  const given = field.label;
  if (typeof given === "string") return given;
  return given?.[lang] ?? given?.[lang.split("-")[0]] ?? given?.en ?? dict[field.name] ?? field.name;
};

/**
 * Describes the three steps (sign-up, confirm, done) and the alert banner,
 * as they stand before the element takes them over: the sign-up step shown,
 * its submit button disabled and busy, and each form of `method="dialog"`,
 * so that markup from a server sends nothing before the script has come.
 * `id(name)` makes a document-unique id; `phone` is the phone module's
 * `countries()` (`{ list, start }`) where the form has a phone number. Each
 * of the element's own nodes gets `data-csu`, the key of the whole
 * description (`keyOf`). Returns the nodes to place before the
 * host's `slot="before-submit"` content (`top`) and after it (`bottom`: the
 * submit button, which belongs to the form by its `form` attribute, and the
 * later steps), and every node the flow touches: `inputs`/`errors`/`countries`
 * by field name, `labels` (each field's label as text), the steps' `titles`, the buttons, the password checklist's items.
 */
export function build(form, dict, lang, id, phone) {
  const t = (key, vars) => text(dict, key, vars);
  const inputs = {};
  const errors = {};
  const countries = {};
  const labels = {};
  const error = (name) => (errors[name] = h("p", { part: "error", id: id(`${name}-error`), hidden: true }));
  /** What a label says, as text: its words and the texts of its link. */
  const plain = (words) => (typeof words === "string" ? words : [words].flat().map((w) => (typeof w === "string" ? w : plain(w.children))).join(""));
  const label = (name, words, required = true) => (
    (labels[name] = plain(words)),
    h("label", { part: "label", for: id(name) }, words, required ? null : h("span", { part: "optional" }, ` ${t("optional")}`))
  );

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
      const options = phone.list.map(([words, iso]) => h("option", { value: iso, selected: iso === phone.start }, words));
      input = h("div", { part: "phone" }, (countries[f.name] = h("select", { part: "input country", "aria-label": t("country") }, options)), input);
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
    signUpFields.push(field({ name: "terms", type: "checkbox", required: true }, [t("terms"), " ", link]));
  }
  const submit = h("button", { type: "submit", part: "button submit", form: id("form"), disabled: true, "aria-busy": "true" }, t("submit"));
  const signUpForm = h("form", { part: "form", novalidate: true, id: id("form"), method: "dialog" }, signUpFields);

  // Confirm.
  const destination = h("p", { part: "text destination" }, t("sentSomewhere"));
  // A read-only username beside the code, so that a password manager knows whose account this is.
  const anchor = h("input", { name: "username", autocomplete: "username", readonly: true, tabindex: "-1", "aria-hidden": "true", part: "anchor" });
  const code = field({ name: "code", type: "text", autocomplete: "one-time-code", inputmode: "numeric", required: true }, t("code"));
  const confirm = h("button", { type: "submit", part: "button submit" }, t("confirm"));
  const resend = h("button", { type: "button", part: "button secondary resend" }, t("resend"));
  const status = h("p", { part: "status", "aria-live": "polite" });
  const startOver = h("button", { type: "button", part: "link start-over" }, t("startOver"));
  const confirmForm = h("form", { part: "form", novalidate: true, method: "dialog" }, anchor, code, confirm, resend, status, h("p", null, startOver));

  let doneText;
  const titles = {};
  const step = (name, title, ...body) =>
    h("section", { part: `step step-${name}`, "aria-labelledby": id(`${name}-title`), hidden: name !== "signup" }, (titles[name] = h("h2", { part: "title", id: id(`${name}-title`), tabindex: "-1" }, title)), ...body);
  const steps = {
    signup: step("signup", t("title"), signUpForm),
    confirm: step("confirm", t("confirmTitle"), destination, confirmForm),
    done: step("done", t("doneTitle"), (doneText = h("p", { part: "text" }, t("doneText")))),
  };
  const actions = h("div", { part: "actions" }, submit);
  // Markup written by a server says its own direction (the page writes the tag around it), and
  // which form it is, so that the element can take it over.
  const top = [banner, steps.signup];
  const bottom = [actions, steps.confirm, steps.done];
  for (const node of top.concat(bottom)) node.props.dir = direction(lang) === "rtl" && "rtl";
  const key = keyOf([top, bottom]);
  for (const node of top.concat(bottom)) node.props["data-csu"] = key;
  return {
    top, bottom, key,
    banner, steps, titles, actions, inputs, errors, labels, countries, rules, toggle, signUpForm, submit, confirmForm, confirm, destination, anchor, resend, status, startOver, doneText,
  };
}

/** The element's content while its configuration loads, or the developer's list of what is wrong with it (described). */
export const loading = (dict) => h("p", { part: "status" }, text(dict, "loading"));
export const broken = (dict, problems) => h("div", { part: "banner", role: "alert", "data-csu": "broken" }, h("p", null, text(dict, "broken")), h("ul", null, problems.map((p) => h("li", null, p))));
