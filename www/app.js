// The sign-up page: the form, the confirmation step and the done state, on
// top of cognito-signup. No framework; config.json beside the page says
// which pool, which attributes to ask for and the pool's password policy.
import { init, signUp, confirmSignUp, resendConfirmationCode, checkPassword } from "./pkg/index.js";

const PENDING_KEY = "cognito-signup:pending"; // the username and where the code went; never the password

const RULE_LABELS = {
  MinimumLength: (n) => `At least ${n} characters`,
  RequireUppercase: () => "An uppercase letter (A–Z)",
  RequireLowercase: () => "A lowercase letter (a–z)",
  RequireNumbers: () => "A number (0–9)",
  RequireSymbols: () => "A symbol such as ! ? # or a space",
};

const MESSAGES = {
  UsernameExistsException: "That username is already taken. Choose another one, or sign in if the account is yours.",
  InvalidPasswordException: "That password does not meet the requirements.",
  InvalidParameterException: "Some details are not valid.",
  CodeMismatchException: "That code is not right. Check the message we sent and try again.",
  ExpiredCodeException: "That code has expired. Ask for a new one with “Resend code”.",
  LimitExceededException: "Too many attempts. Please wait a few minutes, then try again.",
  TooManyRequestsException: "We are receiving a lot of requests. Please try again in a moment.",
  NetworkError: "We could not reach the server. Check your connection and try again.",
  TimeoutError: "The server took too long to answer. Please try again.",
};

const $ = (id) => document.getElementById(id);

const state = { config: null, attributeInputs: [], cooldownTimer: null, busy: false };

main().catch((error) => showBanner(`The page could not start: ${error.message}`));

async function main() {
  // The wasm loads alongside the config (index.html preloads it), not after it.
  [state.config] = await Promise.all([loadConfig(), init()]);
  renderAttributeFields();
  renderPasswordRules();
  wireEvents();
  $("loading").hidden = true;
  const pending = readPending();
  if (pending) showConfirmStep(pending, { resumed: true });
  else showStep("step-signup");
}

async function loadConfig() {
  // No cache option: a fetch() that asks for one is not matched to the preload in
  // index.html (Firefox), and the host's Cache-Control already says how fresh it is.
  const response = await fetch("config.json");
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return response.json();
}

function callConfig() {
  const { region, userPoolId, endpoint, passwordPolicy } = state.config;
  return Object.fromEntries(Object.entries({ region, userPoolId, endpoint, passwordPolicy }).filter(([, v]) => v !== undefined));
}

function renderAttributeFields() {
  const container = $("attribute-fields");
  state.attributeInputs = (state.config.attributes ?? []).map((attribute, i) => {
    const id = `attribute-${i}`;
    const field = document.createElement("div");
    field.className = "field";
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = attribute.label ?? attribute.name;
    if (!attribute.required) {
      const optional = document.createElement("span");
      optional.className = "optional";
      optional.textContent = " (optional)";
      label.append(optional);
    }
    const input = document.createElement("input");
    input.id = id;
    input.name = attribute.name;
    input.type = attribute.type ?? "text";
    input.required = Boolean(attribute.required);
    if (attribute.autocomplete) input.autocomplete = attribute.autocomplete;
    input.setAttribute("aria-describedby", `${id}-error`);
    const error = document.createElement("p");
    error.className = "error";
    error.id = `${id}-error`;
    error.hidden = true;
    field.append(label, input, error);
    container.append(field);
    return { attribute, input };
  });
}

function renderPasswordRules() {
  const policy = state.config.passwordPolicy ?? {};
  const list = $("password-rules");
  for (const rule of Object.keys(RULE_LABELS)) {
    if (rule === "MinimumLength" ? !policy.MinimumLength : !policy[rule]) continue;
    const item = document.createElement("li");
    item.dataset.rule = rule;
    item.textContent = RULE_LABELS[rule](policy.MinimumLength);
    list.append(item);
  }
  updatePasswordRules();
}

function updatePasswordRules() {
  const unmet = new Set(checkPassword($("password").value, state.config.passwordPolicy ?? {}));
  for (const item of $("password-rules").children) {
    const met = !unmet.has(item.dataset.rule);
    item.classList.toggle("met", met);
    item.setAttribute("aria-label", `${item.textContent}: ${met ? "done" : "not yet"}`);
  }
}

function wireEvents() {
  $("password").addEventListener("input", updatePasswordRules);
  $("password-toggle").addEventListener("click", () => {
    const input = $("password");
    const show = input.type === "password";
    input.type = show ? "text" : "password";
    $("password-toggle").textContent = show ? "Hide" : "Show";
    $("password-toggle").setAttribute("aria-pressed", String(show));
  });
  $("signup-form").addEventListener("submit", (event) => {
    event.preventDefault();
    submitSignUp();
  });
  $("confirm-form").addEventListener("submit", (event) => {
    event.preventDefault();
    submitConfirm();
  });
  $("resend").addEventListener("click", resend);
  $("start-over").addEventListener("click", () => {
    sessionStorage.removeItem(PENDING_KEY);
    stopCooldown();
    showStep("step-signup");
  });
}

async function submitSignUp() {
  if (state.busy) return;
  clearErrors();
  const username = $("username").value.trim();
  const attributes = state.attributeInputs.filter(({ input }) => input.value.trim() !== "");
  const pageProblems = [];
  if (username === "") pageProblems.push({ input: $("username"), message: "Enter a username." });
  for (const { attribute, input } of state.attributeInputs) {
    if (attribute.required && input.value.trim() === "") {
      pageProblems.push({ input, message: `Enter your ${(attribute.label ?? attribute.name).toLowerCase()}.` });
    } else if (!input.validity.valid) {
      pageProblems.push({ input, message: `Enter a valid ${(attribute.label ?? attribute.name).toLowerCase()}.` });
    }
  }
  if (pageProblems.length > 0) return showFieldErrors(pageProblems);

  const input = {
    ClientId: state.config.clientId,
    Username: username,
    Password: $("password").value,
    UserAttributes: attributes.map(({ attribute, input }) => ({ Name: attribute.name, Value: input.value.trim() })),
  };
  await busy($("signup-submit"), "Creating account…", async () => {
    try {
      const out = await signUp(input, callConfig());
      $("password").value = "";
      updatePasswordRules();
      if (out.UserConfirmed) return showDone();
      showConfirmStep({ username, delivery: out.CodeDeliveryDetails ?? null });
    } catch (error) {
      if (error.name === "UsernameExistsException" && error.earlierAttemptMayHaveSucceeded) {
        // The account may be this user's own: a first attempt may have gone through.
        return showConfirmStep({ username, delivery: null });
      }
      const fields = { Username: $("username"), Password: $("password") };
      attributes.forEach(({ input: field }, i) => {
        fields[`UserAttributes[${i}].Name`] = field;
        fields[`UserAttributes[${i}].Value`] = field;
      });
      showError(error, fields, error.name === "UsernameExistsException" ? $("username") : null);
    }
  });
}

async function submitConfirm() {
  if (state.busy) return;
  clearErrors();
  const pending = readPending();
  const code = $("code").value.trim();
  if (code === "") return showFieldErrors([{ input: $("code"), message: "Enter the code we sent you." }]);
  await busy($("confirm-submit"), "Confirming…", async () => {
    try {
      await confirmSignUp({ ClientId: state.config.clientId, Username: pending.username, ConfirmationCode: code }, callConfig());
      showDone();
    } catch (error) {
      showError(error, { ConfirmationCode: $("code") }, $("code"));
    }
  });
}

async function resend() {
  if (state.busy || $("resend").disabled) return;
  clearErrors();
  const pending = readPending();
  await busy($("resend"), "Sending…", async () => {
    try {
      const out = await resendConfirmationCode({ ClientId: state.config.clientId, Username: pending.username }, callConfig());
      const next = { ...pending, delivery: out.CodeDeliveryDetails ?? pending.delivery };
      writePending(next);
      describeDelivery(next);
      $("resend-status").textContent = "We sent you a new code.";
      startCooldown();
    } catch (error) {
      showError(error, {});
    }
  });
}

/** Runs `work` with `button` disabled and showing progress; other clicks do nothing meanwhile. */
async function busy(button, label, work) {
  state.busy = true;
  const text = button.textContent;
  const form = button.closest("form");
  for (const b of form.querySelectorAll("button")) b.disabled = true;
  button.textContent = label;
  button.setAttribute("aria-busy", "true");
  form.setAttribute("aria-busy", "true");
  try {
    await work();
  } finally {
    state.busy = false;
    button.textContent = text;
    button.removeAttribute("aria-busy");
    form.removeAttribute("aria-busy");
    for (const b of form.querySelectorAll("button")) b.disabled = false;
    if (state.cooldownTimer) $("resend").disabled = true;
  }
}

function showConfirmStep(pending, { resumed = false } = {}) {
  writePending(pending);
  describeDelivery(pending);
  $("code").value = "";
  showStep("step-confirm");
  if (!resumed) startCooldown();
}

function describeDelivery({ delivery }) {
  const where = delivery?.Destination;
  const how = delivery?.DeliveryMedium === "SMS" ? "by text message" : "by email";
  $("confirm-destination").textContent = where
    ? `We sent a confirmation code ${how} to ${where}. Enter it below.`
    : "Enter the confirmation code we sent you.";
}

function showDone() {
  sessionStorage.removeItem(PENDING_KEY);
  stopCooldown();
  showStep("step-done");
}

function showStep(id) {
  for (const step of document.querySelectorAll(".step")) step.hidden = step.id !== id;
  $(id).querySelector("h1").focus();
}

function startCooldown() {
  stopCooldown();
  let left = state.config.resendCooldownSeconds ?? 30;
  const button = $("resend");
  const tick = () => {
    if (left <= 0) return stopCooldown();
    button.disabled = true;
    button.textContent = `Resend code (${left} s)`;
    left -= 1;
  };
  tick();
  state.cooldownTimer = setInterval(tick, 1000);
}

function stopCooldown() {
  clearInterval(state.cooldownTimer);
  state.cooldownTimer = null;
  $("resend").disabled = false;
  $("resend").textContent = "Resend code";
}

/**
 * Shows refused inputs next to their fields, anything else in the banner;
 * `relatedInput` (the field a service error is about) gets the focus, else the banner.
 */
function showError(error, fields, relatedInput = null) {
  const problems = (error.problems ?? []).filter((p) => fields[p.field]);
  if (problems.length > 0 && problems.length === (error.problems ?? []).length) {
    return showFieldErrors(problems.map((p) => ({ input: fields[p.field], message: sentence(p.message) })));
  }
  const friendly = MESSAGES[error.name];
  const detail = error.message ? ` (${error.message})` : "";
  showBanner(friendly ? `${friendly}${error.name.endsWith("Error") ? "" : detail}` : `Something went wrong: ${error.message || error.name}`);
  if (relatedInput) {
    relatedInput.setAttribute("aria-invalid", "true");
    relatedInput.focus();
  } else {
    $("banner").focus();
  }
}

function sentence(message) {
  return message.charAt(0).toUpperCase() + message.slice(1) + ".";
}

function showFieldErrors(problems) {
  for (const { input, message } of problems) {
    const error = $(`${input.id}-error`);
    // The password checklist already names each unmet rule.
    const text = input.id === "password" && !error.hidden ? "Choose a password that meets every requirement above." : message;
    error.textContent = text;
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
  }
  problems[0].input.focus();
}

function showBanner(message) {
  const banner = $("banner");
  banner.textContent = message;
  banner.hidden = false;
}

function clearErrors() {
  $("banner").hidden = true;
  $("banner").textContent = "";
  $("resend-status").textContent = "";
  for (const error of document.querySelectorAll(".error")) {
    error.hidden = true;
    error.textContent = "";
  }
  for (const input of document.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
}

function readPending() {
  try {
    return JSON.parse(sessionStorage.getItem(PENDING_KEY));
  } catch {
    return null;
  }
}

function writePending({ username, delivery }) {
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ username, delivery }));
}
