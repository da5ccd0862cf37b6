// The form in the first paint, in Chromium, Firefox and WebKit: www/ written
// with its form in index.html (scripts/build-page.mjs: npx cognito-signup
// html) and the element's rules inline (npx cognito-signup style, allowed by
// their hash under the page's strict CSP), the element's script held back two
// seconds by the page server. Before it comes the form is there, styled,
// typed into, and can send nothing; then the element takes the same nodes
// over, and the person signs up and confirms against cognito-local. The
// element's own drawing and renderSignUp's string are held equal for each
// configuration the e2e suites use, and hostile texts stay text in both.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { KEYS } from "../browsers/webdriver.mjs";
import { codeFor } from "../cognito-local.mjs";
import { S, SHOTS, axe, inEachEngine, problemsOf, root, servePage, unique, watch } from "./page.mjs";

const { PAGE_CONFIG, CL_ENDPOINT, CL_POOL_ID, CL_CLIENT_ID } = process.env;
const PASSWORD = "Corr3ct-Horse!";
const HOLD_MS = 2000;
let served;
let german;
let tagged;

/**
 * The page written with its form in index.html (in `lang`), the element's script (the full one, with
 * its styles) held back; `attributes` are written on the tag, beside `config`.
 */
async function writtenPage(name, lang, attributes = "") {
  const config = JSON.parse(readFileSync(PAGE_CONFIG, "utf8"));
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(`${SHOTS}${name}.json`, JSON.stringify(config));
  const www = `${SHOTS}${name}-www`;
  execFileSync(process.execPath, [`${root}scripts/build-page.mjs`, `${SHOTS}${name}.json`, www, ...(lang ? [lang] : [])]);
  // The full element (with its styles inside) in place of the bare one: it must add no rules where the page carries them.
  const html = readFileSync(`${www}/index.html`, "utf8").replace("pkg/element/bare.js", "pkg/element.js");
  writeFileSync(`${www}/index.html`, html.replace('<cognito-sign-up config="config.json"', `<cognito-sign-up config="config.json"${attributes}`));
  return servePage(CL_ENDPOINT, `${SHOTS}${name}.json`, `${name}-config.json`, { WWW: www, HOLD: `/pkg/element.js:${HOLD_MS}` });
}

before(async () => {
  served = await writtenPage("first-paint");
  german = await writtenPage("first-paint-de", "de");
  tagged = await writtenPage("first-paint-tagged", null, ' resend-cooldown="7" sign-in');
});
after(async () => {
  await served?.close();
  await german?.close();
  await tagged?.close();
});

/**
 * Opens `url` (navigation returns at once) and waits for its form, not the
 * last page's; a script cut short by the navigation's unload is tried again.
 */
let loads = 0;
async function open(page, at) {
  const url = `${at}?load=${++loads}`; // each load its own URL, told from the last by location.href
  await page.goto(url);
  for (const end = Date.now() + 1500; ; ) {
    const there = await page
      .evaluate((u, s) => location.href === u && document.querySelector(s)?.getClientRects().length > 0, url, S.username)
      .catch((error) => (/unload|frame|navigat/i.test(error.message) ? false : Promise.reject(error)));
    if (there) return;
    if (Date.now() > end) throw new Error(`${page.engine}: ${url}'s form did not show`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
const takenOver = (page) => page.waitFor(() => customElements.get("cognito-sign-up") && !document.querySelector("[part~=actions] [part~=submit]").disabled, [], 15_000, "the element to take over");

inEachEngine((page, engine) => {
  test("the form is there and styled before the script; what is typed stays, nothing is sent, and the element takes the same nodes over", async () => {
    const early = () => page.evaluate(() => !customElements.get("cognito-sign-up"));
    await open(page, served.url);
    // Before the script: the form, styled by the rules inline (a CSP that refused them would leave it unstyled), its
    // submit button disabled and busy, clean under axe; no stylesheet is downloaded (the page's own few rules are inline too).
    assert.ok(await early(), "the script has not come yet");
    assert.equal(await page.evaluate((s) => getComputedStyle(document.querySelector(s)).backgroundColor, S.signUpButton), "rgb(11, 92, 173)");
    assert.deepEqual(await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".css")).map((e) => new URL(e.name).pathname)), []);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("main")).paddingTop), "24px", "the page's own rules, inline, allowed too");
    assert.equal(await page.attribute(S.signUpButton, "aria-busy"), "true");
    assert.ok(await page.evaluate((s) => document.querySelector(s).disabled, S.signUpButton));
    await axe(page, "the written form, before the script");
    assert.ok(await early(), "axe ran before the script came");
    // A fresh load: what is typed before the script, and Enter, which does nothing (no navigation,
    // no request: the form is method="dialog" and its only submit button disabled).
    await open(page, served.url);
    await watch(page);
    const username = unique("paint");
    await page.fill(S.username, username);
    await page.fill(S.email, `${username}@example.com`);
    await page.fill(S.password, PASSWORD);
    await page.evaluate((s) => (document.querySelector(s).__mark = "typed before the script", true), S.username);
    const postsBefore = served.proxy.posts.length;
    await page.keys(KEYS.Enter);
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(await early(), "all of that happened before the script came");
    assert.match(await page.evaluate(() => location.search + location.hash), /^\?load=\d+$/, "no navigation");
    assert.equal(served.proxy.posts.length, postsBefore, "nothing reached Cognito");
    await takenOver(page);
    assert.equal(await page.evaluate((s) => document.querySelector(s).__mark, S.username), "typed before the script", "the same node");
    assert.equal(await page.evaluate((s) => document.querySelector(s).value, S.password), PASSWORD, "what was typed stays");
    assert.equal(await page.evaluate(() => document.activeElement.name), "password", "the focus stays");
    assert.equal(await page.evaluate(() => document.querySelectorAll("cognito-sign-up [part~=step-signup]").length), 1, "one form");
    assert.equal(await page.evaluate(() => document.querySelectorAll("cognito-sign-up input[name=username]").length), 2, "the sign-up field and the confirm step's anchor");
    assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0, "no second copy of the rules");
    if (engine === "chromium") {
      const shift = await page.evaluate(() => new Promise((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => list.getEntries().forEach((e) => (total += e.value))).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(total), 300);
      }));
      assert.equal(shift, 0, "CLS");
    }
    await axe(page, "the written form, taken over");
    await page.click(S.signUpButton);
    await page.waitVisible(S.confirm);
    assert.equal(served.proxy.posts.filter((p) => p.username === username).length, 1);
    await page.fill(S.code, codeFor(username));
    await page.click(S.confirmButton);
    await page.waitVisible(S.done);
    assert.deepEqual(await problemsOf(page), []);
  });

  test("markup written for the form is taken over when the tag also sets what the markup does not show (resend-cooldown, sign-in)", async () => {
    await open(page, tagged.url);
    await watch(page);
    const username = unique("tagged");
    await page.fill(S.username, username);
    await page.evaluate((s) => (document.querySelector(s).__mark = "typed before the script", true), S.username);
    await takenOver(page);
    assert.equal(await page.evaluate((s) => document.querySelector(s).__mark, S.username), "typed before the script", "the same node");
    assert.equal(await page.evaluate((s) => document.querySelector(s).value, S.username), username, "what was typed stays");
    assert.equal(await page.evaluate(() => document.querySelectorAll("cognito-sign-up [data-csu]").length), 5, "the element's five nodes, no more");
    assert.deepEqual(await problemsOf(page), []);
  });

  test("markup written for another language is replaced, not patched", async () => {
    await open(page, german.url);
    assert.ok(await page.evaluate(() => !customElements.get("cognito-sign-up")), "the German form, before the script");
    assert.equal(await page.text(`${S.signup} [part~=title]`), "Konto erstellen");
    await takenOver(page);
    await page.waitFor((s) => document.querySelector(s).textContent === "Create your account", [`${S.signup} [part~=title]`]);
    assert.equal(await page.evaluate(() => document.querySelectorAll("cognito-sign-up [part~=step-signup]").length), 1);
    assert.equal(await page.evaluate(() => document.querySelectorAll("cognito-sign-up [data-csu]").length), 5, "the element's five nodes, no more");
  });

  test("the element's drawing equals renderSignUp's string for each configuration the e2e suites use; hostile texts stay text", async () => {
    await open(page, served.url);
    await takenOver(page);
    const base = JSON.parse(readFileSync(PAGE_CONFIG, "utf8"));
    const hostile = "<img src=x onerror=window.__hacked=1>";
    const configs = [
      [base, "en"],
      [{ ...base, terms: { url: "/terms" }, confirmPassword: true }, "en"],
      [{ ...base, passwordless: true, usernameAttributes: ["email"] }, "fr"],
      [{ ...base, attributes: [...base.attributes, "phone_number"], phoneCountries: ["DE", "AT"] }, "de"],
      [{ ...base, usernameAttributes: ["phone_number"] }, "ar"],
      [{ ...base, attributes: [{ name: "custom:x", label: hostile, hint: hostile, type: "select", options: [hostile, { value: `"${hostile}`, label: hostile }] }], terms: { url: "/t?a=1&b=2", label: hostile } }, "ja"],
      [{ version: "1.4", auth: { user_pool_id: CL_POOL_ID, user_pool_client_id: CL_CLIENT_ID, aws_region: "us-east-1", standard_required_attributes: ["email"] } }, "es"],
    ];
    for (const [config, lang] of configs) {
      const [drawn, written] = await page.evaluate(
        async (config, lang, hostile) => {
          const { renderSignUp } = await import("/pkg/element/html.js");
          const written = await renderSignUp(config, { lang, translations: { [lang]: { submit: hostile } } });
          const host = document.createElement("cognito-sign-up");
          host.setAttribute("lang", lang);
          host.translations = { [lang]: { submit: hostile } };
          host.config = config;
          document.body.append(host);
          for (let i = 0; i < 100 && host.getAttribute("step") !== "signup"; i++) await new Promise((r) => setTimeout(r, 50));
          // What the element changes on taking over: its submit button is no longer disabled and busy.
          const drawn = [...host.querySelectorAll(":scope>[data-csu]")].map((n) => n.outerHTML).join("");
          host.remove();
          return [drawn, written];
        },
        config,
        lang,
        hostile,
      );
      const same = (markup) => markup.replace(/csu\d*-/g, "csu-").replace(' disabled="" aria-busy="true"', "");
      assert.equal(same(drawn), same(written), `${lang}: ${JSON.stringify(config).slice(0, 80)}`);
      assert.ok(!written.includes("<img") && !drawn.includes("<img"), "a hostile text is text");
    }
    assert.equal(await page.evaluate(() => window.__hacked ?? null), null);
  });
}, { pageLoadStrategy: "none" });
