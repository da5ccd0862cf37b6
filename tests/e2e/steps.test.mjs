// The element as steps, in Chromium, Firefox and WebKit: a re-render on any
// step (a new language, the same configuration set again) keeps the step,
// what was typed, the focus and the cooldown; and the small faults a new user
// met, each held here: the resend button's label during its cooldown, a host's
// problem for the attribute that is the username, the country list at 360 px,
// the advice for a short national number, and Arabic's isolated destination
// and list. Against the fault server scripted as Cognito answers
// (tests/wasm_suite/faults.mjs: a masked destination, ResendConfirmationCode
// that succeeds, the code 123456), behind the recording proxy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import de from "../../js/element/de.js";
import fr from "../../js/element/fr.js";
import es from "../../js/element/es.js";
import { S, active, axe, inEachEngine, problemsOf, servePage, unique, watch } from "./page.mjs";

const { PAGE_CONFIG, FAULTS_ENDPOINT } = process.env;
const PASSWORD = "Corr3ct-Horse!";
let scripted;
before(async () => (scripted = await servePage(`${FAULTS_ENDPOINT}/cognito/element`, PAGE_CONFIG, "steps-config.json")));
after(() => scripted?.close());

/** Opens the page afresh (storage cleared) at `width`, and waits for the sign-up step. */
async function open(page, width = 1280) {
  await page.setSize(width, 900);
  await page.goto(scripted.url);
  await page.evaluate(() => (sessionStorage.clear(), localStorage.clear()));
  await page.reload();
  await page.waitVisible(S.signup);
  await watch(page);
}

/** Sets the element's `lang` and waits for `step`'s title to read `title`. */
async function speak(page, lang, step, title) {
  await page.evaluate((l) => document.querySelector("cognito-sign-up").setAttribute("lang", l), lang);
  const selector = `[part~=step-${step}] [part~=title]`;
  await page.waitFor((s, t) => document.querySelector(s)?.textContent === t, [selector, title], 10_000, `${step} in ${lang}`);
  await page.waitVisible(`[part~=step-${step}]`);
}

/** Sets a configuration property on the element (the page's own, laid over with `changes`) and waits for the form drawn for it. */
async function configure(page, changes) {
  await page.evaluate(async (changes) => {
    const host = document.querySelector("cognito-sign-up");
    const drawn = host.querySelector("[part~=step-signup]");
    host.config = { ...(await (await fetch("config.json")).json()), ...changes };
    for (let i = 0; i < 200 && host.querySelector("[part~=step-signup]") === drawn; i++) await new Promise((r) => setTimeout(r, 25));
  }, changes);
}

/** Sets `name` on the element and waits for the form drawn again for it. */
async function attribute(page, name, value) {
  await page.evaluate((name, value) => {
    window.__drawn = document.querySelector("[part~=step-signup]");
    document.querySelector("cognito-sign-up").setAttribute(name, value);
  }, name, value);
  await page.waitFor(() => document.querySelector("[part~=step-signup]") !== window.__drawn, [], 10_000, `drawn again for ${name}`);
}

/** Signs a new user up (a name starting with `prefix`) and waits for the confirm step; resolves to the username. */
async function reachConfirm(page, prefix) {
  const username = unique(prefix);
  await page.fill(S.username, username);
  await page.fill(S.email, `${username}@example.com`);
  await page.fill(S.password, PASSWORD);
  await page.click(S.signUpButton);
  await page.waitVisible(S.confirm);
  return username;
}

/** Which steps show. */
const shown = (page) => page.evaluate(() => [...document.querySelectorAll("[part~=step]")].filter((s) => !s.hidden).map((s) => s.getAttribute("part").split(" ")[1]));

inEachEngine((page) => {
  test("a new language or the same configuration again, on every step, keeps the step, what was typed, the focus and the cooldown", async () => {
    await open(page);
    await attribute(page, "resend-cooldown", "30");
    const username = unique("steps");
    await page.fill(S.username, username);
    await page.fill(S.password, PASSWORD);
    await page.fill(S.email, `${username}@example.com`);
    await speak(page, "de", "signup", de.title);
    assert.deepEqual(await shown(page), ["step-signup"]);
    assert.equal(await page.evaluate((s) => document.querySelector(s).value, S.username), username);
    assert.equal(await page.evaluate((s) => document.querySelector(s).value, S.password), PASSWORD);
    assert.equal(await active(page), "email", "the focus stays on the field it was in");

    await page.click(S.signUpButton);
    await page.waitVisible(S.confirm);
    await page.fill(S.code, "12");
    await speak(page, "fr", "confirm", fr.confirmTitle);
    assert.deepEqual(await shown(page), ["step-confirm"]);
    assert.equal(await page.evaluate((s) => document.querySelector(s).value, S.code), "12", "the code being typed stays");
    assert.equal(await active(page), "code");
    assert.ok(await page.evaluate((s) => document.querySelector(s).disabled, S.resend), "the cooldown goes on");
    assert.match(await page.text(S.resend), /^Renvoyer le code \((29|30) s\)$/);
    assert.equal(await page.evaluate(() => document.querySelector("[part~=anchor]").value), username);

    await page.fill(S.code, "123456");
    await page.click(S.confirmButton);
    await page.waitVisible(S.done);
    await speak(page, "es", "done", es.doneTitle);
    assert.deepEqual(await shown(page), ["step-done"], "a new language on the done step stays there");
    await page.evaluate(() => {
      const host = document.querySelector("cognito-sign-up");
      window.__drawn = host.querySelector("[part~=step-done]");
      host.setAttribute("config", host.getAttribute("config"));
    });
    await page.waitFor(() => document.querySelector("[part~=step-done]") !== window.__drawn, [], 10_000, "drawn again");
    assert.deepEqual(await shown(page), ["step-done"], "the same configuration again stays on the done step");
    assert.equal(await page.evaluate(() => document.querySelector("cognito-sign-up").getAttribute("step")), "done");
    await axe(page, "done, drawn again");
    assert.deepEqual(await problemsOf(page), []);
  });

  test("what follows a SignUp, the words for a broken configuration and for Cognito's exceptions load only when needed", async () => {
    await open(page);
    const loaded = () => page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname.split("/").pop()).filter((f) => /^(after|mistakes|errors)\.js$/.test(f)).sort());
    assert.deepEqual(await loaded(), [], "none of them before the first SignUp");
    await reachConfirm(page, "later");
    assert.deepEqual(await loaded(), ["after.js"], "the confirm step's module, with the SignUp");
    await page.fill(S.code, "000000");
    await page.click(S.confirmButton);
    await page.waitFor((s) => document.querySelector(s)?.textContent !== "", [S.banner], 10_000, "the wrong code said");
    assert.deepEqual(await loaded(), ["after.js", "errors.js"], "Cognito's exceptions, with the first one");
    assert.deepEqual(await problemsOf(page), []);
  });

  test("where storage is refused, a new language on the confirm step still knows whose code it is", async () => {
    await open(page);
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException("refused", "SecurityError");
      };
    });
    const username = await reachConfirm(page, "sandboxed");
    await speak(page, "de", "confirm", de.confirmTitle);
    assert.deepEqual(await shown(page), ["step-confirm"]);
    await page.fill(S.code, "123456");
    await page.click(S.confirmButton);
    await page.waitVisible(S.done);
    const confirm = scripted.proxy.posts.find((p) => p.operation === "ConfirmSignUp" && p.username === username);
    assert.ok(confirm, "ConfirmSignUp went out for the user who signed up");
    assert.deepEqual(await problemsOf(page), []);
  });

  test("the resend button never reads “Resend code” while it cannot be pressed", async () => {
    await open(page);
    await attribute(page, "resend-cooldown", "2");
    const username = await reachConfirm(page, "resend");
    await page.waitFor((s) => !document.querySelector(s).disabled, [S.resend], 10_000, "resend enabled");
    await page.evaluate((s) => {
      const button = document.querySelector(s);
      window.__labels = [];
      const note = () => window.__labels.push([button.textContent, button.disabled]);
      new MutationObserver(note).observe(button, { subtree: true, childList: true, characterData: true, attributes: true });
    }, S.resend);
    await page.click(S.resend);
    await page.waitFor((s) => document.querySelector("[part~=status]").textContent !== "" && !document.querySelector(s).disabled, [S.resend], 10_000, "resent, and the cooldown over");
    const labels = await page.evaluate(() => window.__labels);
    assert.ok(labels.some(([text]) => /^Resend code \(\d s\)$/.test(text)), "the countdown was shown");
    assert.deepEqual(labels.filter(([text, disabled]) => disabled && text === "Resend code"), [], "“Resend code” on a button that cannot be pressed");
    assert.equal(scripted.proxy.posts.filter((p) => p.operation === "ResendConfirmationCode" && p.username === username).length, 1);
    assert.deepEqual(await problemsOf(page), []);
  });

  test("a host's problem for the attribute that is the username stands next to the username field", async () => {
    await open(page);
    await configure(page, { usernameAttributes: ["email"], attributes: [] });
    await page.evaluate(() => (document.querySelector("cognito-sign-up").beforeSignUp = async () => ({ problems: [{ field: "email", message: "Use your work address." }] })));
    await page.fill(S.username, `${unique("host")}@example.com`);
    await page.fill(S.password, PASSWORD);
    await page.click(S.signUpButton);
    await page.waitVisible(`${S.signup} [part~=field-username] [part~=error]`);
    assert.equal(await page.text(`${S.signup} [part~=field-username] [part~=error]`), "Use your work address.");
    assert.equal(await page.text(S.banner), "Check the highlighted fields: Email.");
    assert.equal(await active(page), "username");
    assert.deepEqual(await problemsOf(page), []);
  });

  test("at 360 px the country list shows its whole name and calling code, and a short national number gets advice for its country", async () => {
    await open(page, 360);
    await configure(page, { attributes: [{ name: "phone_number", required: true }], phoneCountry: "DE" });
    await speak(page, "de", "signup", de.title);
    const [room, needed, number] = await page.evaluate(() => {
      const select = document.querySelector("[part~=country]");
      const style = getComputedStyle(select);
      const context = document.createElement("canvas").getContext("2d");
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const padding = parseFloat(style.paddingInlineStart) + parseFloat(style.paddingInlineEnd);
      // The selected name's width, and room for the list's arrow.
      return [select.clientWidth - padding, context.measureText(select.selectedOptions[0].textContent).width + 20, document.querySelector("[name=phone_number]").offsetWidth];
    });
    assert.ok(needed <= room, `the country's name needs ${Math.round(needed)} px and has ${room}`);
    assert.ok(number >= 200, `the number field is ${number} px wide`);
    await page.fill(S.username, unique("phone"));
    await page.fill(S.password, PASSWORD);
    await page.fill("[name=phone_number]", "12");
    await page.click(S.signUpButton);
    await page.waitVisible("[part~=field-phone_number] [part~=error]");
    assert.equal(await page.text("[part~=field-phone_number] [part~=error]"), de.invalidNumber);
    await axe(page, "the phone field at 360 px");
    assert.deepEqual(await problemsOf(page), []);
  });

  test("in Arabic the masked destination keeps its order, and the summary joins fields as Arabic does", async () => {
    await open(page);
    await speak(page, "ar", "signup", "أنشئ حسابك");
    await page.click(S.signUpButton);
    await page.waitVisible(S.banner);
    const summary = await page.text(S.banner);
    assert.ok(!summary.includes(","), `no Latin comma in "${summary}"`);
    assert.match(summary, / و/);
    const username = await reachConfirm(page, "arabic");
    // Where each character of a***@e*** is drawn: left to right, as written, inside the right-to-left sentence.
    const xs = await page.evaluate((s) => {
      const text = document.querySelector(s).firstChild;
      const at = text.data.indexOf("a***@e***");
      return [...Array(9).keys()].map((i) => {
        const range = document.createRange();
        range.setStart(text, at + i);
        range.setEnd(text, at + i + 1);
        return range.getBoundingClientRect().left;
      });
    }, S.destination);
    assert.deepEqual(xs, [...xs].sort((a, b) => a - b), `drawn in order: ${xs.map(Math.round).join(" ")}`);
    await axe(page, "Arabic confirm");
    assert.deepEqual(await problemsOf(page), []);
  });
});
