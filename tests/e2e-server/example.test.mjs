// The example server (examples/server/, built by scripts/server.sh) over
// HTTP, against cognito-local's confidential app client behind a proxy that
// records what reaches it: a user signs up, meets a wrong code, confirms with
// the right one and is signed in (the ID token in an HttpOnly cookie, its sub
// the user's), and the pool says CONFIRMED; a refusal sends nothing; a taken
// username is a 400 named by Cognito. Every request carries the SecretHash,
// and neither the client secret nor a token appears in an answer's body or
// the server's output.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { background } from "../background.mjs";
import { recorder } from "../recorder.mjs";
import { admin, codeFor } from "../cognito-local.mjs";

const { CL_ENDPOINT, CL_POOL_ID, CL_SECRET_CLIENT_ID, CL_CLIENT_SECRET } = process.env;
const root = new URL("../..", import.meta.url).pathname;
const PASSWORD = "Corr3ct-Horse!";
let proxy;
let server;
let url;
const answers = [];

before(async () => {
  proxy = await recorder(CL_ENDPOINT);
  const env = {
    COGNITO_ENDPOINT: proxy.endpoint,
    COGNITO_USER_POOL_ID: CL_POOL_ID,
    COGNITO_CLIENT_ID: CL_SECRET_CLIENT_ID,
    COGNITO_CLIENT_SECRET: CL_CLIENT_SECRET,
    ADDRESS: "127.0.0.1:0",
  };
  server = await background(root, `${root}target/server/debug/cognito-signup-server`, [], env, /http:\/\/127\.0\.0\.1:\d+/);
  url = server.output().match(/http:\/\/127\.0\.0\.1:\d+/)[0];
});
after(async () => {
  server?.stop();
  await proxy?.close();
});

const unique = (prefix) => prefix + Math.random().toString(36).slice(2, 9);

/** POSTs `body` as JSON to the example's `path`: `{ status, json, cookie }`. */
async function post(path, body) {
  const response = await fetch(url + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const text = await response.text();
  answers.push(text);
  return { status: response.status, json: JSON.parse(text), cookie: response.headers.get("set-cookie") };
}
const tokens = [];

const secretHash = (username) => createHmac("sha256", CL_CLIENT_SECRET).update(username + CL_SECRET_CLIENT_ID).digest("base64");

test("a user signs up and confirms through the server, with the SecretHash on every request", async () => {
  const username = unique("ana");
  const signUp = await post("/sign-up", { username, password: PASSWORD, attributes: { email: `${username}@example.com` } });
  assert.equal(signUp.status, 200, JSON.stringify(signUp.json));
  assert.equal(signUp.json.UserSub.length, 36);
  assert.equal(signUp.json.UserConfirmed, false);
  assert.equal(signUp.json.CodeDeliveryDetails.DeliveryMedium, "EMAIL");
  const wrong = await post("/confirm", { username, code: "000000" });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.json.name, "CodeMismatchException");
  const right = await post("/confirm", { username, code: codeFor(username), password: PASSWORD });
  assert.equal(right.status, 200, JSON.stringify(right.json));
  assert.deepEqual(right.json, { confirmed: true, signedIn: true });
  assert.equal((await admin("AdminGetUser", { UserPoolId: CL_POOL_ID, Username: username })).UserStatus, "CONFIRMED");
  // Signed in: the ID token in an HttpOnly cookie, and it is the new user's.
  const [, idToken] = right.cookie.match(/^id_token=([\w-]+\.[\w-]+\.[\w-]*); HttpOnly; Secure; SameSite=Strict; Path=\/; Max-Age=\d+$/);
  tokens.push(idToken);
  assert.equal(JSON.parse(Buffer.from(idToken.split(".")[1], "base64url")).sub, signUp.json.UserSub);
  const sent = proxy.posts.filter((post) => post.username === username || post.body.AuthParameters?.USERNAME === username);
  assert.deepEqual(sent.map((post) => post.operation), ["SignUp", "ConfirmSignUp", "ConfirmSignUp", "InitiateAuth"]);
  for (const post of sent.slice(0, 3)) {
    assert.equal(post.body.ClientId, CL_SECRET_CLIENT_ID);
    assert.equal(post.body.SecretHash, secretHash(username));
  }
  assert.equal(sent[3].body.AuthFlow, "USER_PASSWORD_AUTH");
  assert.equal(sent[3].body.AuthParameters.SECRET_HASH, secretHash(username));
  assert.equal(sent[3].body.SecretHash, undefined);
});

test("confirming without a password or a session confirms and says it did not sign in", async () => {
  const username = unique("cal");
  assert.equal((await post("/sign-up", { username, password: PASSWORD, attributes: { email: `${username}@example.com` } })).status, 200);
  const confirmed = await post("/confirm", { username, code: codeFor(username) });
  assert.deepEqual(confirmed.json, { confirmed: true, signedIn: false });
  assert.equal(confirmed.cookie, null);
});

test("bad input is a 400 listing every problem, and nothing reaches Cognito", async () => {
  const username = unique("al ice");
  const refused = await post("/sign-up", { username, password: PASSWORD, attributes: { email: "x@example.com" } });
  assert.equal(refused.status, 400);
  assert.equal(refused.json.name, "InvalidParameterException");
  assert.deepEqual(refused.json.problems.map((p) => p.field), ["Username"]);
  assert.equal(proxy.posts.filter((post) => post.username === username).length, 0);
});

test("a taken username is a 400 with Cognito's name", async () => {
  const username = unique("ben");
  const body = { username, password: PASSWORD, attributes: { email: `${username}@example.com` } };
  assert.equal((await post("/sign-up", body)).status, 200);
  const taken = await post("/sign-up", body);
  assert.equal(taken.status, 400);
  assert.equal(taken.json.name, "UsernameExistsException");
});

test("the client secret, the SecretHash, the password and the tokens are in no answer's body and no line the server printed", () => {
  const shown = answers.join("\n") + server.output();
  const hashes = proxy.posts.map((post) => post.body.SecretHash ?? post.body.AuthParameters?.SECRET_HASH);
  assert.equal(tokens.length, 1);
  for (const secret of [CL_CLIENT_SECRET, PASSWORD, ...hashes, ...tokens]) assert.ok(!shown.includes(secret), secret);
});
