// <cognito-sign-up>: the whole sign-up flow (sign up, confirm, resend, done)
// on top of the package's own exports. This file is the flow: configuration,
// language, steps, calls and events; model.js checks and builds the input,
// render.js builds the DOM, i18n.js says things, styles.js styles them.
import { init, signUp, confirmSignUp, resendConfirmationCode, initiateAuth, checkPassword } from "../index.js";
import { SCALAR_ATTRIBUTES, callConfig, fieldOf, pendingKey, readConfig, signUpInput, withAttributes } from "./model.js";
import { dictionary, direction, errorText, problemText, text } from "./i18n.js";
import { adoptDom, broken, build, keyOf, loading, resolve, toDom } from "./render.js";
import { adopt } from "./styles.js";

// Where there is no DOM (Node, a server render, Workers) the class still exists, and is never defined.
const Base = globalThis.HTMLElement ?? class {};
let instances = 0;

/** The `<cognito-sign-up>` element. */
export class CognitoSignUp extends Base {
  static observedAttributes = ["config", "lang", "username", ...SCALAR_ATTRIBUTES];
  static {
    /**
     * The host's own check, after the element's and before anything is sent:
     * an async function of the SignUp input (without the password) that may
     * return `false` (send nothing), `{ problems: [{ field, message }] }`, or
     * `{ ValidationData, ClientMetadata }` to send. On the prototype, so
     * that frameworks see it (`"beforeSignUp" in element`) and a value set
     * before the element was defined stays.
     */
    this.prototype.beforeSignUp = null;
  }
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
  /** The region a phone number is taken to be from when the form shows no country list beside it. */
  #country;
  /** The nodes the element drew; every other child is the host's and stays where it is. */
  #own = [];
  #values = {};
  /** The phone module, once a form has asked for it. */
  #phone;
  /** Watches the element's own children for host content a framework adds later. */
  #observer;

  /** Values to fill the fields with before the person types (`{ email: "invited@example.com" }`); never the password. */
  get values() {
    return this.#values;
  }
  set values(value) {
    this.#values = value ?? {};
    this.#refresh();
  }

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
    // A property set before the element was defined is an own property hiding the class's: hand it over.
    for (const key of ["config", "translations", "values"]) {
      if (Object.hasOwn(this, key)) {
        const value = this[key];
        delete this[key];
        this[key] = value;
      }
    }
    adopt(this);
    // Host content added later (a framework's conditional child) goes between the element's own nodes too.
    this.#observer ??= new MutationObserver(() => this.#view && this.#place(this.#view.top, this.#view.bottom));
    this.#observer.observe(this, { childList: true });
    this.#refresh();
  }

  disconnectedCallback() {
    clearInterval(this.#timer);
    this.#observer.disconnect();
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
      if (!this.#view && !this.querySelector(":scope>[data-csu]")) this.#place([toDom(loading(dict))]);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      config = await response.json();
    }
    // Amplify's amplify_outputs.json, read by a module of its own; the element's attributes still win over it.
    if (config?.auth) config = (await import("./amplify.js")).fromAmplify(config);
    const { problems, form, config: settings } = readConfig(withAttributes(config ?? {}, (name) => this.getAttribute(name)));
    // The country data loads only for a form that asks for a phone number.
    const phone = form?.phone ? (this.#phone ??= await import("./phone.js")) : null;
    if (load !== this.#loads) return;
    this.#dict = dict;
    if (problems) return this.#broken(problems);
    this.#settings = settings;
    this.#form = form;
    this.dir = direction(lang);
    loaded.then(() => this.#checklist());
    const old = this.#view;
    const countries = phone?.countries(lang, form.phoneCountries, form.phoneCountry);
    this.#country = countries?.start;
    const key = keyOf(form, dict, lang);
    const described = build(form, dict, lang, (name) => this.#prefix + name.replace(/\W/g, "-"), countries, key);
    const made = new Map();
    // Markup a server wrote for this very form is taken over as it stands (what was typed, and the
    // focus, stay); any other is replaced.
    const written = old ? [] : [...this.querySelectorAll(":scope>[data-csu]")];
    const own = [...described.top, ...described.bottom];
    if (!(written.every((node) => node.dataset.csu === key) && written.length === own.length && own.every((d, i) => adoptDom(d, written[i], made)))) {
      made.clear();
      for (const d of own) toDom(d, made);
      this.#own.push(...written);
    } else this.#own = written;
    const view = (this.#view = resolve(described, made));
    for (const [name, value] of Object.entries(this.#values)) {
      // Never the password, never a box ticked for the person (the terms are theirs to accept), never over what was typed.
      const input = !name.startsWith("password") && view.inputs[name];
      if (input && input.type !== "checkbox" && !input.value) input.value = value;
    }
    // What the person typed (and the country they picked) outlives a new language or configuration.
    for (const kind of ["inputs", "countries"]) {
      for (const [name, node] of Object.entries(old?.[kind] ?? {})) if (node.value && view[kind][name]) view[kind][name].value = node.value;
    }
    this.#wire(view);
    this.#place(view.top, view.bottom);
    const given = this.getAttribute("username");
    const pending = given ? { username: given } : this.#stored();
    if (pending) this.#confirmStep(pending, false);
    else this.#show("signup", false);
  }

  /** Shows what is wrong with the configuration, on the element and in the console; nothing is sent. */
  #broken(problems) {
    this.#view = null;
    this.setAttribute("step", "broken");
    console.error(`<cognito-sign-up>: ${problems.join("; ")}`);
    this.#place([toDom(broken(this.#dict ?? {}, problems))]);
  }

  /**
   * Puts the element's own nodes in place of the ones it drew before: `top`
   * before the host's `slot="before-submit"` children, `bottom` after them.
   * The host's nodes are never moved or removed, so a framework keeps
   * owning them (and a captcha's frame never reloads).
   */
  #place(top, bottom = []) {
    const slotted = [...this.children].filter((c) => c.slot === "before-submit");
    const want = [...top, ...slotted, ...bottom];
    const now = [...this.childNodes].filter((n) => want.includes(n) || this.#own.includes(n));
    if (now.length === want.length && now.every((n, i) => n === want[i])) return;
    for (const node of this.#own) node.remove();
    this.#own = [...top, ...bottom];
    if (!slotted[0]) return this.append(...this.#own);
    slotted[0].before(...top);
    slotted.at(-1).after(...bottom);
  }

  #wire(view) {
    const { inputs, toggle, submit } = view;
    // Described disabled and busy, for markup that arrives before the script: the script is here.
    submit.disabled = false;
    submit.removeAttribute("aria-busy");
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
      values[input.name] = { value: input.type === "checkbox" ? String(input.checked) : input.value, valid: validity.valid || validity.valueMissing, country: view.countries[input.name]?.value ?? this.#country };
    }
    await this.#during(view.submit, "submitting", async () => {
      await init();
      const { clientId, validationData, clientMetadata } = this.#settings;
      const { input, problems } = signUpInput(clientId, this.#form, values, this.#checklist() ?? [], this.#phone?.toE164);
      Object.assign(input, { ValidationData: validationData, ClientMetadata: clientMetadata });
      const password = this.#form.password ? view.inputs.password.value : undefined;
      // Every problem in one round: the library's refusals too, asked of it with a signal that has already fired, so that nothing is sent.
      const refused = await signUp({ ...input, Password: password || undefined }, { ...callConfig(this.#settings), abortSignal: AbortSignal.abort() }).catch((e) => e.problems ?? []);
      const all = [...problems.map(({ name, key }) => ({ name, text: this.#t(key) })), ...refused.map((p) => ({ name: fieldOf(p.field, input), text: problemText(this.#dict, p.message) }))];
      if (all.length > 0) return this.#fieldErrors(all);
      if (!this.#emit("signup-submit", structuredClone(input), true)) return;
      const answer = await this.beforeSignUp?.(structuredClone(input));
      if (answer === false) return;
      if (answer?.problems) return this.#fieldErrors(answer.problems.map((p) => ({ name: p.field, text: p.message })));
      for (const key of ["ValidationData", "ClientMetadata"]) if (answer?.[key]) input[key] = { ...input[key], ...answer[key] };
      try {
        const out = await signUp({ ...input, Password: password, ...this.#extra(input.Username, input.ClientMetadata) }, callConfig(this.#settings));
        this.#password = password ?? "";
        this.#session = out.Session;
        view.inputs.password && (view.inputs.password.value = "");
        this.#checklist();
        const pending = { username: input.Username, delivery: out.CodeDeliveryDetails ?? null, userSub: out.UserSub };
        if (out.UserConfirmed) return await this.#done(pending, out.Session);
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
        const input = { ClientId: this.#settings.clientId, Username: pending.username, ConfirmationCode: code, Session: this.#session, ...this.#extra(pending.username) };
        const out = await confirmSignUp(input, callConfig(this.#settings));
        await this.#done(pending, out.Session);
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
        const out = await resendConfirmationCode({ ClientId: this.#settings.clientId, Username: pending.username, ...this.#extra(pending.username) }, callConfig(this.#settings));
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

  /**
   * What each call carries for the pool's Lambda triggers and threat
   * protection: `ClientMetadata` (the configured one unless given), and
   * `UserContextData` from AWS's collector where the page has loaded it (a
   * collector that fails is as if absent: it never stops a sign-up). An
   * absent one is left out of the request.
   */
  #extra(username, ClientMetadata = this.#settings.clientMetadata) {
    const { userPoolId, clientId } = this.#settings;
    let EncodedData;
    try {
      EncodedData = globalThis.AmazonCognitoAdvancedSecurityData?.getData(username, userPoolId, clientId);
    } catch {
      // no context data this time
    }
    return { ClientMetadata, UserContextData: EncodedData ? { EncodedData } : undefined };
  }

  /** Runs `work` with the form's buttons disabled and `button` showing `key`'s progress text. */
  async #during(button, key, work) {
    this.#busy = true;
    // The form's buttons, its submit button among them wherever it stands (the `form` attribute).
    const { form } = button;
    const buttons = [...form.querySelectorAll("button"), button];
    const label = button.textContent;
    for (const b of buttons) b.disabled = true;
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
      for (const b of buttons) b.disabled = false;
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

  /** The account is confirmed: offers the credential, says so, signs in where configured (with `session`, Cognito's), and shows the done step. */
  async #done(pending, session) {
    const { username, userSub = null } = pending;
    const password = this.#password;
    const { PasswordCredential } = globalThis;
    // Offer the browser's password store the new account (Chromium; Firefox and Safari have no PasswordCredential).
    if (password && PasswordCredential) navigator.credentials.store(new PasswordCredential({ id: username, password })).catch(() => {});
    this.#forget();
    this.#emit("signup-confirmed", { username, userSub });
    if (this.#settings.signIn) await this.#signIn(username, userSub, session, password);
    this.#show("done");
  }

  /**
   * Signs the person in: USER_AUTH with the session Cognito gave (the code
   * just typed is the first factor), else USER_PASSWORD_AUTH with the
   * password still in memory. The tokens, or a challenge for the host's own
   * sign-in UI, go only into `signup-signed-in`; a failure leaves the account
   * made, the done step asking them to sign in, and says why in `signup-error`.
   */
  async #signIn(username, userSub, Session, password) {
    try {
      if (!Session && !password) throw Object.assign(new Error("no session and no password (the page was reloaded): sign in to continue"), { name: "SignInUnavailable" });
      const input = { AuthFlow: Session ? "USER_AUTH" : "USER_PASSWORD_AUTH", ClientId: this.#settings.clientId, AuthParameters: { USERNAME: username, PASSWORD: Session ? undefined : password }, Session };
      const { $metadata, ...out } = await initiateAuth({ ...input, ...this.#extra(username) }, callConfig(this.#settings));
      this.#emit("signup-signed-in", { username, userSub, ...out });
      if (out.AuthenticationResult) this.#view.doneText.textContent = this.#t("signedIn");
    } catch (error) {
      this.#emit("signup-error", { name: error.name, message: error.message, field: error.field ?? null });
    }
  }

  #show(name, focus = true) {
    for (const [step, section] of Object.entries(this.#view.steps)) section.hidden = step !== name;
    this.#view.actions.hidden = name !== "signup";
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

  /**
   * Shows each `{ name, text }` next to its field (the first for a field), a
   * summary naming each field by its whole label in the banner, in the
   * form's order, with the texts that have no field after it, and focuses
   * the first field.
   */
  #fieldErrors(problems) {
    const { inputs, errors, banner } = this.#view;
    const labels = [];
    const loose = [];
    const order = Object.keys(inputs);
    problems.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name)); // as the form asks for them
    for (const { name, text: said } of problems) {
      const error = errors[name];
      if (!error) loose.push(said);
      else if (error.hidden) {
        error.textContent = said;
        error.hidden = false;
        inputs[name].setAttribute("aria-invalid", "true");
        const label = this.querySelector(`label[for="${inputs[name].id}"]`);
        labels.push(label.textContent.replace(label.querySelector("[part=optional]")?.textContent ?? "", "").trim());
      }
    }
    banner.textContent = [labels.length > 0 && this.#t("summary", { fields: labels.join(", ") }), ...loose].filter(Boolean).join(" ");
    banner.hidden = false;
    (inputs[problems.find((p) => errors[p.name])?.name] ?? banner).focus();
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
