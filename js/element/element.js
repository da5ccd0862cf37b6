// <cognito-sign-up>: the whole sign-up flow (sign up, confirm, resend, sign
// in, done) on top of the package's own exports. This file is the element's
// API (properties, attributes, events), its lifecycle and its calls. The
// flow's steps are steps.js, the configuration's way to a description
// pipeline.js (model.js checks it and builds the input, render.js describes
// the markup), the view and its paint view.js, the pending confirmation
// pending.js, the words i18n.js and the styles styles.js.
import * as library from "../index.js";
import { SCALAR_ATTRIBUTES, callConfig, contextData, fieldOf, signUpInput } from "./model.js";
import { dictionary, direction, exceptions } from "./i18n.js";
import { broken, loading, toDom } from "./render.js";
import { describe } from "./pipeline.js";
import { draw, paint, placeOf, wire } from "./view.js";
import { QUIET, STEPS, next, start } from "./steps.js";
import { stored } from "./pending.js";
import { adopt } from "./styles.js";

// Where there is no DOM (Node, a server render, Workers) the class still exists, and is never defined.
const Base = globalThis.HTMLElement ?? class {};
let instances = 0;

/** A BCP 47 tag the platform's `Intl` takes, else English. */
const usable = (lang) => {
  try {
    return Intl.getCanonicalLocales(lang)[0];
  } catch {
    return "en";
  }
};

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
  #values = {};
  #prefix = `csu${++instances}-`;
  #loads = 0;
  #queued = false;
  /** The flow's one state (steps.js); `null` until the first load, which reads what a reload left. */
  #state = null;
  /** The `username` attribute the state last started a confirmation for. */
  #given = null;
  #settings;
  #form;
  #dict;
  #lang = "en";
  #view;
  /** The phone module and the region a number is taken to be from, where the form has a phone number. */
  #phone;
  #country;
  #timer;
  /** after.js's loading, once a SignUp has gone out or a confirmation is pending. */
  #later;
  /** The nodes the element drew; every other child is the host's and stays where it is. */
  #own = [];
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
    clearTimeout(this.#timer);
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

  /**
   * Describes the form for the configuration and language as they are now,
   * draws it (or takes over markup written for it), and paints the flow's
   * state onto it: the step, what was typed, the focus and the cooldown
   * outlive a new language or configuration.
   */
  async #load(load) {
    // The module loads while the configuration does: the form's first tap needs it.
    const loaded = library.init().then(() => true, () => false); // the first call reports a failed load
    const lang = usable(this.closest("[lang]")?.lang || "en");
    const url = this.getAttribute("config");
    if (!this.#config && url && !this.#view && !this.querySelector(":scope>[data-csu]")) this.#place([toDom(loading(await dictionary(lang, this.#translations)))]);
    const made = await describe(this.#config ?? url, { lang, translations: this.#translations, attribute: (name) => this.getAttribute(name), prefix: this.#prefix });
    if (load !== this.#loads) return;
    this.#dict = made.dict;
    if (made.problems) return this.#broken(made.problems);
    ({ settings: this.#settings, form: this.#form, phone: this.#phone, country: this.#country } = made);
    this.#lang = lang;
    this.dir = direction(lang);
    loaded.then(() => this.#paint());
    const old = this.#view;
    const written = old ? [] : [...this.querySelectorAll(":scope>[data-csu]")];
    const { view, adopted } = draw(made.described, written);
    if (!adopted) this.#own.push(...written);
    else this.#own = written;
    this.#view = view;
    for (const [name, value] of Object.entries(this.#values)) {
      // Never the password, never a box ticked for the person (the terms are theirs to accept), never over what was typed.
      const input = !name.startsWith("password") && view.inputs[name];
      if (input && input.type !== "checkbox" && !input.value) input.value = value;
    }
    // What the person typed (and the country they picked) outlives a new language or configuration.
    for (const kind of ["inputs", "countries"]) {
      for (const [name, node] of Object.entries(old?.[kind] ?? {})) {
        const now = view[kind][name];
        if (now && node.type === "checkbox") now.checked = node.checked;
        else if (now && node.value) now.value = node.value;
      }
    }
    const focus = old && this.contains(document.activeElement) ? placeOf(old, document.activeElement) : null;
    wire(view, {
      submit: () => this.#signUp(),
      confirm: () => this.#after("confirm"),
      resend: () => this.#after("resend"),
      startOver: () => this.#after("startOver"),
      reveal: () => this.#say({ reveal: !this.#state.reveal }),
      typed: () => this.#paint(),
    });
    this.#place(view.top, view.bottom);
    // The sign-in steps, where they have come, drawn again in this language (challenge.js).
    this.#f.extend?.(view);
    // Storage is read on the first load only (a reload); a `username` attribute starts that user's confirmation.
    const given = this.getAttribute("username");
    const pending = given ? { username: given } : !this.#state && stored(this.#settings.clientId);
    if (!this.#state) this.#state = pending ? start("confirm", pending) : start();
    else if (given && given !== this.#given) Object.assign(this.#state, start("confirm", { username: given }));
    // A confirmation pending: the code's step loads while the person reads their message.
    if (pending || given) this.#after();
    this.#given = given;
    this.#say({ focus });
  }

  /** Shows what is wrong with the configuration, on the element and in the console; nothing is sent, and the flow's state waits. */
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

  /** The password rules not met (the library's `checkPassword`), or `null` before the module has loaded. */
  #unmet() {
    const password = this.#view?.inputs.password;
    try {
      return password ? library.checkPassword(password.value, this.#form.policy) : [];
    } catch {
      return null;
    }
  }

  /** Paints the state onto the view (view.js), and schedules the next paint of a running cooldown. */
  #paint() {
    const state = this.#state;
    if (!this.#view || !state) return;
    const now = Date.now();
    this.setAttribute("step", STEPS[state.step].view);
    paint(this.#view, state, this.#dict, this.#lang, this.#unmet(), now);
    state.focus = null;
    clearTimeout(this.#timer);
    const left = state.cooldownEnd - now;
    if (left > 0) this.#timer = setTimeout(() => this.#paint(), left % 1000 || 1000);
  }

  /** Lays `changes` over the state and paints it. */
  #say(changes) {
    Object.assign(this.#state, changes);
    this.#paint();
  }

  /** Takes `event` from the current step (steps.js) with `changes`; false, changing nothing, where the step does not take it. */
  #go(event, changes = {}) {
    const step = next(this.#state.step, event);
    if (step) this.#say({ ...changes, step });
    return Boolean(step);
  }

  #emit(name, detail, cancelable = false) {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
  }

  /**
   * The flow as after.js works on it: the state, view, settings and form as
   * they are now, the password and Cognito's session (kept in memory only, for
   * sign-in and the browser's password store after confirmation), the
   * library's calls, and the element's own steps.
   */
  #f = ((el) => ({
    get state() {
      return el.#state;
    },
    get view() {
      return el.#view;
    },
    get settings() {
      return el.#settings;
    },
    get form() {
      return el.#form;
    },
    get dict() {
      return el.#dict;
    },
    calls: library,
    place: () => el.#place(el.#view.top, el.#view.bottom),
    go: (event, changes) => el.#go(event, changes),
    say: (changes) => el.#say(changes),
    emit: (name, detail) => el.#emit(name, detail),
    error: (...args) => el.#error(...args),
    problems: (...args) => el.#problems(...args),
    extra: (...args) => el.#extra(...args),
  }))(this);

  /** Runs after.js's `step` on the flow, loading the module the first time. */
  async #after(step, ...args) {
    this.#later ??= import("./after.js");
    return step && (await this.#later)[step](this.#f, ...args);
  }

  async #signUp() {
    const view = this.#view;
    const values = {};
    for (const input of view.signUpForm.querySelectorAll("[name]")) {
      const { validity } = input;
      values[input.name] = { value: input.type === "checkbox" ? String(input.checked) : input.value, valid: validity.valid || validity.valueMissing, country: view.countries[input.name]?.value ?? this.#country };
    }
    if (!this.#go("submit", QUIET)) return;
    const stop = (changes) => this.#go("failed", changes);
    try {
      await library.init();
      const { clientId, validationData, clientMetadata } = this.#settings;
      const { input, problems } = signUpInput(clientId, this.#form, values, this.#unmet() ?? [], this.#phone?.toE164);
      Object.assign(input, { ValidationData: validationData, ClientMetadata: clientMetadata });
      const password = this.#form.password ? view.inputs.password.value : undefined;
      // Every problem in one round: the library's refusals too, asked of it with a signal that has already fired, so that nothing is sent.
      const refused = await library.signUp({ ...input, Password: password || undefined }, { ...callConfig(this.#settings), abortSignal: AbortSignal.abort() }).catch((e) => e.problems ?? []);
      const all = [...problems, ...refused.map((p) => ({ name: fieldOf(p.field, input), message: p.message }))];
      if (all.length > 0) return this.#problems(all, stop);
      if (!this.#emit("signup-submit", structuredClone(input), true)) return stop();
      const answer = await this.beforeSignUp?.(structuredClone(input));
      if (answer === false) return stop();
      // A problem the host names by the attribute that is the username stands next to the username field.
      const named = (field) => (this.#form.identifier.as.includes(field) ? "username" : field);
      if (answer?.problems) return this.#problems(answer.problems.map((p) => ({ name: named(p.field), text: p.message })), stop);
      for (const key of ["ValidationData", "ClientMetadata"]) if (answer?.[key]) input[key] = { ...input[key], ...answer[key] };
      // What follows a SignUp loads while it is on the way.
      this.#after();
      try {
        const out = await library.signUp({ ...input, Password: password, ...this.#extra(input.Username, input.ClientMetadata) }, callConfig(this.#settings));
        this.#f.password = password ?? "";
        this.#f.session = out.Session;
        if (this.#view.inputs.password) this.#view.inputs.password.value = "";
        const pending = { username: input.Username, delivery: out.CodeDeliveryDetails ?? null, userSub: out.UserSub };
        if (out.UserConfirmed) return await this.#after("confirmed", pending, out.Session);
        this.#emit("signup-code-sent", out.CodeDeliveryDetails ?? null);
        await this.#after("awaitCode", pending);
      } catch (error) {
        // A first attempt may have gone through: the account may be this user's own.
        if (error.name === "UsernameExistsException" && error.earlierAttemptMayHaveSucceeded) return await this.#after("awaitCode", { username: input.Username });
        return this.#error(error, (field) => fieldOf(field, input), error.name === "UsernameExistsException" ? "username" : null);
      }
    } catch (error) {
      return this.#error(error, () => null);
    }
  }

  /** What each call carries for the pool's Lambda triggers and threat protection (model.js's `contextData`). */
  #extra(username, ClientMetadata = this.#settings.clientMetadata) {
    return { ClientMetadata, UserContextData: contextData(username, this.#settings) };
  }

  /**
   * A library error: refusals next to their fields when every one has a
   * field (`fieldFor` maps the library's field to the form's), anything else
   * in the banner, marking and focusing `related` (a field's name) or the banner.
   */
  async #error(error, fieldFor, related = null) {
    const problems = (error.problems ?? []).map((p) => ({ name: fieldFor(p.field), message: p.message }));
    this.#emit("signup-error", { name: error.name, message: error.message, field: error.field ?? null });
    // Cognito's exceptions are said by a module of their own (with English words for them), loaded the first time one is to be said.
    this.#dict = { ...(await exceptions()), ...this.#dict };
    const stop = (changes) => this.#go("failed", changes);
    if (problems.length > 0 && problems.every((p) => p.name && this.#view.inputs[p.name])) return this.#problems(problems, stop);
    const field = related && this.#view.inputs[related] ? related : null;
    stop({ error: { name: error.name, message: error.message, field }, focus: (v) => v.inputs[field] ?? v.banner });
  }

  /** Says `problems` (`{ name, key | message | text }`) through `say`, focusing the first field in the form's order, else the banner. */
  #problems(problems, say) {
    const order = Object.keys(this.#view.inputs);
    const first = problems.map((p) => p.name).filter((name) => this.#view.errors[name]).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0];
    say({ problems, focus: (v) => v.inputs[first] ?? v.banner });
  }
}
