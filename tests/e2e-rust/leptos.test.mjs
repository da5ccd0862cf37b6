// The Leptos sign-up page (examples/leptos/, built by scripts/leptos.sh) in
// headless Chromium, against cognito-local behind a proxy that records what
// reaches it: a refusal sends nothing, the password checklist is live, and a
// user signs up, meets a wrong code, confirms with the right one, and the pool
// says CONFIRMED.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { launch } from "../browsers/webdriver.mjs";
import { background } from "../background.mjs";
import { recorder } from "../recorder.mjs";
import { admin, codeFor } from "../cognito-local.mjs";

const { PAGE_CONFIG, CL_ENDPOINT, CL_POOL_ID } = process.env;
const root = new URL("../..", import.meta.url).pathname;
const PASSWORD = "Corr3ct-Horse!";
let proxy;
let server;
let page;
let url;

before(async () => {
  proxy = await recorder(CL_ENDPOINT);
  mkdirSync(`${root}target/e2e-rust`, { recursive: true });
  const config = `${root}target/e2e-rust/config.json`;
  writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(PAGE_CONFIG, "utf8")), endpoint: proxy.endpoint }));
  const site = `${root}target/leptos-site`;
  server = await background(root, process.execPath, ["scripts/serve.mjs", "0", config, site], {}, /http:\/\/127\.0\.0\.1:\d+\//);
  url = server.output().match(/http:\/\/127\.0\.0\.1:\d+\//)[0];
  page = await launch("chromium");
});
after(async () => {
  await page?.close();
  server?.stop();
  await proxy?.close();
});

const unique = (prefix) => prefix + Math.random().toString(36).slice(2, 9);

async function fill(username, password = PASSWORD) {
  await page.goto(url);
  await page.waitVisible("#step-signup");
  await page.fill("#username", username);
  await page.fill("#attribute-0", `${username.replace(/\s/g, "")}@example.com`);
  await page.fill("#attribute-3", "Oslo");
  await page.fill("#password", password);
}

test("the app gets none of the npm module's exports from the crate (and its panic handler would not link beside std)", () => {
  const glue = readFileSync(`${root}target/leptos-site/pkg/cognito_signup_leptos.js`, "utf8");
  for (const name of ["start", "answered", "hashed", "waited", "checkPassword"]) {
    assert.doesNotMatch(glue, new RegExp(`export function ${name}\\b`), name);
  }
});

test("a refused username is shown next to its field and nothing is sent", async () => {
  const username = unique("has space");
  await fill(username);
  await page.click("#signup-submit");
  await page.waitVisible("#username-error");
  assert.match(await page.text("#username-error"), /must not contain/);
  assert.equal(proxy.posts.filter((p) => p.username === username).length, 0);
});

test("the password checklist follows what is typed", async () => {
  await fill(unique("pat"), "abc");
  const met = () => page.evaluate(() => document.querySelectorAll("#password-rules li.met").length);
  assert.equal(await met(), 1, "only a lowercase letter");
  await page.fill("#password", PASSWORD);
  await page.waitFor(() => document.querySelectorAll("#password-rules li.met").length === 5);
});

test("a user signs up, meets a wrong code, confirms, and the pool says CONFIRMED", async () => {
  const username = unique("leo");
  await fill(username);
  await page.click("#signup-submit");
  await page.waitVisible("#step-confirm");
  assert.match(await page.text("#confirm-destination"), new RegExp(`${username}@example.com`));
  assert.match(await page.text("#resend"), /Resend code \(\d+ s\)/);
  const posts = proxy.posts.filter((p) => p.username === username);
  assert.equal(posts.length, 1);
  assert.deepEqual(posts[0].body.UserAttributes, [
    { Name: "email", Value: `${username}@example.com` },
    { Name: "custom:city", Value: "Oslo" },
  ]);
  const code = codeFor(username);
  await page.fill("#code", code === "000000" ? "111111" : "000000");
  await page.click("#confirm-submit");
  await page.waitVisible("#banner");
  assert.match(await page.text("#banner"), /That code is not right/);
  await page.fill("#code", code);
  await page.click("#confirm-submit");
  await page.waitVisible("#step-done");
  const user = await admin("AdminGetUser", { UserPoolId: CL_POOL_ID, Username: username });
  assert.equal(user.UserStatus, "CONFIRMED");
});
