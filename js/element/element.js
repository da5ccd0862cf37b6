// <cognito-sign-up>: the whole sign-up flow (sign up, confirm, resend, done)
// on top of the package's own exports. This file is the flow: configuration,
// language, steps, calls and events; model.js checks and builds the input,
// render.js builds the DOM, i18n.js says things, styles.js styles them.
import { init, signUp, confirmSignUp, resendConfirmationCode, checkPassword } from "../index.js";
import { SCALAR_ATTRIBUTES, callConfig, fieldOf, pendingKey, readConfig, signUpInput, withAttributes } from "./model.js";
import { dictionary, direction, errorText, problemText, text } from "./i18n.js";
import { broken, build, loading } from "./render.js";
import { adopt } from "./styles.js";

// Where there is no DOM (Node, a server render, Workers) the class still exists, and is never defined.
const Base = globalThis.HTMLElement ?? class {};
let instances = 0;

/** The `<cognito-sign-up>` element. */
export class CognitoSignUp extends Base {
  static observedAttributes = ["config", "lang", "username", ...SCALAR_ATTRIBUTES];
  #config = null;
  #translations = {};
  #prefix = `csu${++instances}-`;
  #loads = 0;
  #queued = false;
  #settings;
  #form;
  #dict;
  #view;
  #busy = false;
  #timer;
  /** Kept in memory only, for the browser's password store after confirmation. */
  #password = "";
  #session;
  /** The confirmation under way: the username, where the code went and the user's sub (never the password). */
  #pending = null;

  /** The configuration object (`www/config.example.json`'s format); wins over the `config` attribute's URL. */
  get config() {
    return this.#config;
  }
  set config(value) {
    this.#config = value;
    this.#refresh();
  }

  /** Partial dictionaries by language (`{ de: { submit: "Los" } }`), laid over the shipped ones. */
  get translations() {
    return this.#translations;
  }
  set translations(value) {
    this.#translations = value ?? {};
    this.#refresh();
  }

  connectedCallback() {
    adopt(this);
    this.#refresh();
  }

  disconnectedCallback() {
    clearInterval(this.#timer);
  }

  attributeChangedCallback() {
    this.#refresh();
  }

  /** Loads and renders again once the current task's attribute and property changes are all made. */
  #refresh() {
    if (!this.isConnected || this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      const load = ++this.#loads;
      this.#load(load).catch((error) => load === this.#loads && this.#broken([error.message]));
    });
  }

  async #load(load) {
    // The module loads while the configuration does: the form's first tap needs it.
    const loaded = init().then(() => true, () => false); // the first call reports a failed load
    const lang = this.closest("[lang]")?.lang || "en";
    const dict = await dictionary(lang, this.#translations);
    let config = this.#config;
    const url = this.getAttribute("config");
    if (!config && url) {
      if (!this.#view) this.replaceChildren(loading(dict));
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      config = await response.json();
    }
    if (load !== this.#loads) return;
    config = withAttributes(config ?? {}, (name) => this.getAttribute(name));
    const { problems, form } = readConfig(config);
    this.#dict = dict;
    if (problems) return this.#broken(problems);
    this.#settings = config;
    this.#form = form;
    this.dir = direction(lang);
    loaded.then(() => this.#checklist());
    const kept = this.#view && Object.entries(this.#view.inputs).filter(([, input]) => input.value);
    const view = (this.#view = build(form, dict, lang, (name) => this.#prefix + name.replace(/\W/g, "-")));
    for (const [name, input] of kept || []) if (view.inputs[name]) view.inputs[name].value = input.value;
    this.#wire(view);
    this.replaceChildren(...view.root);
    const given = this.getAttribute("username");
    const pending = given ? { username: given } : this.#stored();
    if (pending) this.#confirmStep(pending, false);
    else this.#show("signup", false);
  }

  /** Shows what is wrong with the configuration, on the element and in the console; nothing is sent. */
  #broken(problems) {
    this.#view = null;
    console.error(`<cognito-sign-up>: ${problems.join("; ")}`);
    this.replaceChildren(broken(this.#dict ?? {}, problems));
  }

  #wire(view) {
    const { inputs, toggle } = view;
    inputs.password?.addEventListener("input", () => this.#checklist());
    toggle?.addEventListener("click", () => {
      const show = inputs.password.type === "password";
      inputs.password.type = show ? "text" : "password";
      toggle.textContent = this.#t(show ? "hide" : "show");
      toggle.setAttribute("aria-pressed", String(show));
    });
    const onSubmit = (form, run) =>
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        if (!this.#busy) run();
      });
    onSubmit(view.signUpForm, () => this.#signUp());
    onSubmit(view.confirmForm, () => this.#confirm());
    view.resend.addEventListener("click", () => this.#busy || this.#resend());
    view.startOver.addEventListener("click", () => {
      this.#forget();
      this.#show("signup");
    });
  }

  #t(key, vars) {
    return text(this.#dict, key, vars);
  }

  /** Marks each rule of the password checklist met or not (once the module has loaded). */
  #checklist() {
    const { inputs, rules } = this.#view ?? {};
    if (!inputs?.password) return;
    let unmet;
    try {
      unmet = checkPassword(inputs.password.value, this.#form.policy);
    } catch {
      return; // not loaded yet: every rule shows as not met
    }
    for (const [rule, item] of Object.entries(rules)) {
      const met = !unmet.includes(rule);
      item.toggleAttribute("data-met", met);
      item.lastChild.textContent = ` ${this.#t(met ? "ruleMet" : "ruleUnmet")}`;
    }
    return unmet;
  }

  #emit(name, detail, cancelable = false) {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
  }

  async #signUp() {
    this.#clear();
    const view = this.#view;
    const values = {};
    for (const input of view.signUpForm.querySelectorAll("[name]")) {
      const { validity } = input;
      values[input.name] = { value: input.type === "checkbox" ? String(input.checked) : input.value, valid: validity.valid || validity.valueMissing };
    }
    await this.#during(view.submit, "submitting", async () => {
      await init();
      const { input, problems } = signUpInput(this.#settings.clientId, this.#form, values, this.#checklist() ?? []);
      if (problems.length > 0) return this.#fieldErrors(problems.map(({ name, key }) => ({ name, text: this.#t(key) })));
      if (!this.#emit("signup-submit", structuredClone(input), true)) return;
      const password = this.#form.password ? view.inputs.password.value : undefined;
      try {
        const out = await signUp({ ...input, Password: password }, callConfig(this.#settings));
        this.#password = password ?? "";
        this.#session = out.Session;
        view.inputs.password && (view.inputs.password.value = "");
        this.#checklist();
        const pending = { username: input.Username, delivery: out.CodeDeliveryDetails ?? null, userSub: out.UserSub };
        if (out.UserConfirmed) return this.#done(pending);
        this.#emit("signup-code-sent", out.CodeDeliveryDetails ?? null);
        this.#confirmStep(pending);
      } catch (error) {
        // A first attempt may have gone through: the account may be this user's own.
        if (error.name === "UsernameExistsException" && error.earlierAttemptMayHaveSucceeded) return this.#confirmStep({ username: input.Username });
        this.#error(error, (field) => fieldOf(field, input), error.name === "UsernameExistsException" ? "username" : null);
      }
    });
  }

  async #confirm() {
    this.#clear();
    const pending = this.#pending ?? {};
    const code = this.#view.inputs.code.value.trim();
    if (code === "") return this.#fieldErrors([{ name: "code", text: this.#t("required") }]);
    await this.#during(this.#view.confirm, "confirming", async () => {
      try {
        const input = { ClientId: this.#settings.clientId, Username: pending.username, ConfirmationCode: code, Session: this.#session };
        await confirmSignUp(input, callConfig(this.#settings));
        this.#done(pending);
      } catch (error) {
        this.#error(error, (field) => (field === "ConfirmationCode" ? "code" : null), /Code/.test(error.name) ? "code" : null);
      }
    });
  }

  async #resend() {
    this.#clear();
    const pending = this.#pending ?? {};
    await this.#during(this.#view.resend, "resending", async () => {
      try {
        const out = await resendConfirmationCode({ ClientId: this.#settings.clientId, Username: pending.username }, callConfig(this.#settings));
        const next = { ...pending, delivery: out.CodeDeliveryDetails ?? pending.delivery };
        this.#remember(next);
        this.#describe(next);
        this.#view.status.textContent = this.#t("resent");
        this.#emit("signup-code-sent", out.CodeDeliveryDetails ?? null);
        this.#cooldown();
      } catch (error) {
        if (error.name === "LimitExceededException") this.#cooldown();
        this.#error(error, () => null);
      }
    });
  }

  /** Runs `work` with the form's buttons disabled and `button` showing `key`'s progress text. */
  async #during(button, key, work) {
    this.#busy = true;
    const form = button.closest("form");
    const label = button.textContent;
    for (const b of form.querySelectorAll("button")) b.disabled = true;
    button.textContent = this.#t(key);
    button.setAttribute("aria-busy", "true");
    form.setAttribute("aria-busy", "true");
    try {
      await work();
    } catch (error) {
      this.#error(error, () => null);
    } finally {
      this.#busy = false;
      button.textContent = label;
      button.removeAttribute("aria-busy");
      form.removeAttribute("aria-busy");
      for (const b of form.querySelectorAll("button")) b.disabled = false;
      if (this.#timer) this.#view.resend.disabled = true;
    }
  }

  #confirmStep(pending, focus = true) {
    this.#remember(pending);
    this.#describe(pending);
    this.#view.anchor.value = pending.username;
    this.#view.inputs.code.value = "";
    this.#show("confirm", focus);
    if (focus) this.#cooldown();
  }

  #describe({ delivery }) {
    const to = delivery?.Destination;
    this.#view.destination.textContent = this.#t(!to ? "sentSomewhere" : delivery.DeliveryMedium === "SMS" ? "sentSms" : "sentEmail", { to });
  }

  #done(pending) {
    const { username, userSub } = pending;
    const { PasswordCredential } = globalThis;
    // Offer the browser's password store the new account (Chromium; Firefox and Safari have no PasswordCredential).
    if (this.#password && PasswordCredential) navigator.credentials.store(new PasswordCredential({ id: username, password: this.#password })).catch(() => {});
    this.#forget();
    this.#emit("signup-confirmed", { username, userSub: userSub ?? null });
    this.#show("done");
  }

  #show(name, focus = true) {
    for (const [step, section] of Object.entries(this.#view.steps)) section.hidden = step !== name;
    this.setAttribute("step", name);
    if (focus) this.#view.steps[name].querySelector("h2").focus();
  }

  /** Disables resend for the configured cooldown, counting down on its button. */
  #cooldown() {
    this.#endCooldown();
    let left = this.#form.cooldown;
    const button = this.#view.resend;
    const tick = () => {
      if (left <= 0) return this.#endCooldown();
      button.disabled = true;
      button.textContent = this.#t("resendIn", { n: left-- });
    };
    tick();
    if (button.disabled) this.#timer = setInterval(tick, 1000);
  }

  #endCooldown() {
    clearInterval(this.#timer);
    this.#timer = null;
    const button = this.#view?.resend;
    if (button) {
      button.disabled = this.#busy;
      button.textContent = this.#t("resend");
    }
  }

  /**
   * Shows a library error: refusals next to their fields when every one has
   * a field (`fieldFor` maps the library's field to the form's), anything
   * else in the banner, focusing `related` (a field's name) or the banner.
   */
  #error(error, fieldFor, related = null) {
    const problems = (error.problems ?? []).map((p) => ({ name: fieldFor(p.field), text: problemText(this.#dict, p.message) }));
    this.#emit("signup-error", { name: error.name, message: error.message, field: error.field ?? null });
    if (problems.length > 0 && problems.every((p) => p.name && this.#view.inputs[p.name])) return this.#fieldErrors(problems);
    this.#view.banner.textContent = errorText(this.#dict, error);
    this.#view.banner.hidden = false;
    const input = related && this.#view.inputs[related];
    if (input) {
      input.setAttribute("aria-invalid", "true");
      input.focus();
    } else this.#view.banner.focus();
  }

  /** Shows each `{ name, text }` next to its field, a summary in the banner, and focuses the first field. */
  #fieldErrors(problems) {
    const { inputs, errors, banner } = this.#view;
    const labels = [];
    for (const { name, text: said } of problems) {
      errors[name].textContent = said;
      errors[name].hidden = false;
      inputs[name].setAttribute("aria-invalid", "true");
      labels.push(this.querySelector(`label[for="${inputs[name].id}"]`)?.firstChild.textContent.trim());
    }
    banner.textContent = this.#t("summary", { fields: [...new Set(labels)].join(", ") });
    banner.hidden = false;
    inputs[problems[0].name].focus();
  }

  #clear() {
    const { banner, errors, inputs, status } = this.#view;
    banner.hidden = true;
    banner.textContent = status.textContent = "";
    for (const error of Object.values(errors)) {
      error.hidden = true;
      error.textContent = "";
    }
    for (const input of Object.values(inputs)) input.removeAttribute("aria-invalid");
  }

  /** The confirmation a reload left in sessionStorage. */
  #stored() {
    try {
      return JSON.parse(sessionStorage.getItem(pendingKey(this.#settings.clientId)));
    } catch {
      return null;
    }
  }

  #remember({ username, delivery = null, userSub = null }) {
    this.#pending = { username, delivery, userSub };
    try {
      sessionStorage.setItem(pendingKey(this.#settings.clientId), JSON.stringify(this.#pending));
    } catch {
      // Storage refused (a sandboxed frame): the flow goes on, only a reload forgets it.
    }
  }

  #forget() {
    this.#pending = null;
    this.#password = "";
    this.#session = undefined;
    this.#endCooldown();
    try {
      sessionStorage.removeItem(pendingKey(this.#settings.clientId));
    } catch {
      // nothing was kept
    }
  }
}
