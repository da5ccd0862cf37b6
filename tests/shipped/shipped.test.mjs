// The shipped module itself (wasm-opt'd, no_std with its trapping panic
// handler, bundled and minified entry), through its Node entry, against the
// emulators started by scripts/emulators.sh. The wasm-bindgen suites test
// the Rust steps built with std; this proves the shipped bytes and the
// driver (js/call.js) work end to end.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as shipped from "../../target/shipped/node.js";
import { checkedCalls } from "../checked.mjs";

const { checkPassword } = shipped;
const { signUp, confirmSignUp, resendConfirmationCode } = checkedCalls(shipped);
const env = process.env;
const password = "Corr3ct-Horse!";
const unique = (prefix) => prefix + Math.random().toString(36).slice(2, 10);

test("signUp registers the seed user on moto", async () => {
  const Username = unique("seed");
  const out = await signUp(
    {
      ClientId: env.MOTO_CLIENT_ID,
      Username,
      Password: password,
      UserAttributes: { email: `${Username}@example.com`, name: "Alice", family_name: "Liddell", "custom:city": "Oslo" },
    },
    { endpoint: env.MOTO_ENDPOINT },
  );
  assert.equal(out.UserConfirmed, false);
  assert.match(out.UserSub, /^[0-9a-f-]{36}$/);
  assert.equal(out.$metadata.httpStatusCode, 200);
  assert.equal(out.$metadata.attempts, 1);
  assert.equal(out.$metadata.requestId.length, 52);
});

test("a taken username is a UsernameExistsException", async () => {
  const input = { ClientId: env.CL_CLIENT_ID, Username: unique("dup"), Password: password, UserAttributes: { email: "d@example.com" } };
  await signUp(input, { endpoint: env.CL_ENDPOINT });
  await assert.rejects(signUp(input, { endpoint: env.CL_ENDPOINT }), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.name, "UsernameExistsException");
    assert.equal(e.$fault, "client");
    assert.equal(e.$metadata.attempts, 1);
    assert.ok(!e.message.includes(password) && !e.stack.includes(password));
    return true;
  });
});

test("confirmSignUp takes the right code and refuses a wrong one", async () => {
  const Username = unique("conf");
  await signUp({ ClientId: env.CL_CLIENT_ID, Username, Password: password, UserAttributes: { email: "c@example.com" } }, { endpoint: env.CL_ENDPOINT });
  await assert.rejects(
    confirmSignUp({ ClientId: env.CL_CLIENT_ID, Username, ConfirmationCode: "000000" }, { endpoint: env.CL_ENDPOINT }),
    { name: "CodeMismatchException" },
  );
  const out = await confirmSignUp({ ClientId: env.CL_CLIENT_ID, Username, ConfirmationCode: env.CL_CODE }, { endpoint: env.CL_ENDPOINT });
  assert.equal(out.$metadata.httpStatusCode, 200);
});

test("bad input is refused with every problem and nothing is sent", async () => {
  const realFetch = globalThis.fetch;
  let sent = 0;
  globalThis.fetch = (...args) => (sent++, realFetch(...args));
  try {
    await assert.rejects(
      signUp({ ClientId: "bad id", Username: "", Password: " x" }, { region: "eu-west-1", timeoutMs: -1 }),
      (e) => {
        assert.equal(e.name, "InvalidParameterException");
        assert.equal(e.$metadata.attempts, 0);
        assert.deepEqual(e.problems.map((p) => p.field), ["config.timeoutMs", "ClientId", "Username", "Password"]);
        assert.equal(e.field, "config.timeoutMs");
        return true;
      },
    );
    assert.equal(sent, 0);
  } finally {
    globalThis.fetch = realFetch;
  }
});

test("a config is read again whenever what it holds changed, however it changed", async () => {
  // The module keeps the last valid config it read: each call below must
  // still see exactly what its config holds. The input is always refused
  // (a space in Username), so nothing is sent, and the config's problems
  // come with it.
  const bad = { ClientId: env.MOTO_CLIENT_ID, Username: "has space", Password: password };
  const configProblems = async (config) => {
    const error = await signUp(bad, config).then(
      () => assert.fail("refused"),
      (e) => e,
    );
    assert.equal(error.name, "InvalidParameterException");
    return error.problems.map((p) => p.field).filter((field) => field !== "Username");
  };
  const endpoint = "https://cognito-idp.us-east-1.amazonaws.com/";
  const config = { endpoint };
  assert.deepEqual(await configProblems(config), []);
  assert.deepEqual(await configProblems({ endpoint }), [], "a new object holding the same");
  config.endpoint = "ftp://example.com/";
  assert.deepEqual(await configProblems(config), ["config.endpoint"], "a value changed in place");
  config.endpoint = endpoint;
  config.maxAttempts = 0;
  assert.deepEqual(await configProblems(config), ["config.maxAttempts"], "a key added");
  delete config.maxAttempts;
  assert.deepEqual(await configProblems(config), []);
  const getter = Object.defineProperty({}, "endpoint", { get: () => "ftp://example.com/", enumerable: true });
  assert.deepEqual(await configProblems(getter), ["config.endpoint"], "a getter");
  assert.deepEqual(await configProblems(Object.create({ endpoint: "ftp://example.com/" })), ["config.endpoint"], "inherited");
  const passwordPolicy = { MinimumLength: 8 };
  assert.deepEqual(await configProblems({ endpoint, passwordPolicy }), []);
  passwordPolicy.MinimumLength = 100;
  assert.deepEqual(await configProblems({ endpoint, passwordPolicy }), ["config.passwordPolicy.MinimumLength"], "a nested change");
  assert.deepEqual(await configProblems({ region: "us-east-1" }), []);
  assert.deepEqual(await configProblems({ region: "us-east-1", endpoint }), [], "another key");
  assert.deepEqual(await configProblems({ endpoint, region: "xx-nowhere-1" }), [], "the endpoint wins over a region");
  assert.deepEqual(await configProblems({ region: "xx-nowhere-1" }), ["config.region"]);
});

test("a getter that calls the module again while its input is read spoils neither call", async () => {
  const realFetch = globalThis.fetch;
  const sent = [];
  globalThis.fetch = (url, init) => (sent.push(JSON.parse(init.body)), realFetch(url, init));
  const member = (prefix) => {
    const Username = unique(prefix);
    return { ClientId: env.MOTO_CLIENT_ID, Username, Password: password, UserAttributes: { email: `${Username}@example.com` } };
  };
  try {
    let inner;
    const outer = member("outer");
    // Read after the outer input's first five members: a nested reading must not touch them.
    Object.defineProperty(outer, "ValidationData", {
      enumerable: true,
      get: () => void (inner ??= signUp(member("inner"), { endpoint: env.MOTO_ENDPOINT })),
    });
    const outerOut = await signUp(outer, { endpoint: env.MOTO_ENDPOINT });
    const innerOut = await inner;
    assert.match(outerOut.UserSub, /^[0-9a-f-]{36}$/);
    assert.match(innerOut.UserSub, /^[0-9a-f-]{36}$/);
    assert.deepEqual(
      sent.map((body) => [body.Username.replace(/[^a-z]+$/, "").slice(0, 5), body.UserAttributes, body.Password]),
      ["inner", "outer"].map((who, i) => [who, [{ Name: "email", Value: `${sent[i].Username}@example.com` }], password]),
    );
  } finally {
    globalThis.fetch = realFetch;
  }
});

test("SecretHash comes from WebCrypto and matches the known vector", async () => {
  const realFetch = globalThis.fetch;
  let body;
  let sent;
  globalThis.fetch = (url, init) => ((sent = { url, init }), (body = JSON.parse(init.body)), realFetch(url, init));
  try {
    await assert.rejects(
      signUp({ ClientId: "abcdefghij1234567890", Username: "alice", Password: password }, { endpoint: env.MOTO_ENDPOINT, clientSecret: "client-secret-123" }),
      { name: "ResourceNotFoundException" },
    );
    assert.equal(body.SecretHash, "5jugCT9w8FrdHCnt345KqRl16xXMKAnYMNA9E7nLzqo=");
    assert.equal(sent.url, env.MOTO_ENDPOINT);
    assert.equal(sent.init.method, "POST");
    assert.equal(sent.init.credentials, "omit");
    assert.deepEqual(sent.init.headers, {
      "Content-Type": "application/x-amz-json-1.1",
      "X-Amz-Target": "AWSCognitoIdentityProviderService.SignUp",
    });
  } finally {
    globalThis.fetch = realFetch;
  }
});

test("moto's HTML 500 for ResendConfirmationCode is a retried UnknownError", async () => {
  await assert.rejects(
    resendConfirmationCode({ ClientId: env.MOTO_CLIENT_ID, Username: "nobody" }, { endpoint: env.MOTO_ENDPOINT, maxAttempts: 2 }),
    (e) => {
      assert.equal(e.name, "UnknownError");
      assert.equal(e.$fault, "server");
      assert.equal(e.$metadata.httpStatusCode, 500);
      assert.equal(e.$metadata.attempts, 2);
      assert.ok(e.$metadata.totalRetryDelay <= 100);
      return true;
    },
  );
});

test("checkPassword lists the unmet rules", () => {
  assert.deepEqual(checkPassword("abc", { MinimumLength: 8, RequireNumbers: true }), ["MinimumLength", "RequireNumbers"]);
  assert.deepEqual(checkPassword(password, { MinimumLength: 8, RequireNumbers: true }), []);
  assert.throws(() => checkPassword(1, {}), { name: "InvalidParameterException", field: "password" });
});

/** A local HTTP server on 127.0.0.1 whose `handle(request, response, body, count)` decides each answer. */
async function server(handle) {
  const { createServer } = await import("node:http");
  let count = 0;
  const s = createServer((request, response) => {
    let body = "";
    request.on("data", (d) => (body += d));
    request.on("end", () => Promise.resolve(handle(request, response, body, ++count)).catch(() => response.socket?.destroy()));
  });
  await new Promise((resolve) => s.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${s.address().port}`, requests: () => count, close: () => (s.closeAllConnections(), s.close()) };
}

test("an already-aborted signal sends nothing", async () => {
  const local = await server((_, response) => response.end("{}"));
  try {
    await assert.rejects(
      signUp({ ClientId: "c", Username: "u", Password: password }, { endpoint: local.url, abortSignal: AbortSignal.abort() }),
      (e) => e.name === "AbortError" && e.$metadata.attempts === 0 && e.$fault === "client",
    );
    assert.equal(local.requests(), 0);
  } finally {
    local.close();
  }
});

test("each attempt is bounded by timeoutMs", async () => {
  const local = await server(() => {}); // never answers
  try {
    const started = Date.now();
    await assert.rejects(
      signUp({ ClientId: "c", Username: "u", Password: password }, { endpoint: local.url, timeoutMs: 150, maxAttempts: 2 }),
      (e) => e.name === "TimeoutError" && e.$metadata.attempts === 2,
    );
    assert.equal(local.requests(), 2);
    assert.ok(Date.now() - started >= 300, "two attempts of 150 ms");
  } finally {
    local.close();
  }
});

test("an abort cancels the request in flight and rejects at once", async () => {
  const local = await server(() => {}); // never answers
  const controller = new AbortController();
  try {
    const call = signUp({ ClientId: "c", Username: "u", Password: password }, { endpoint: local.url, abortSignal: controller.signal });
    while (local.requests() < 1) await new Promise((r) => setTimeout(r, 5));
    const aborted = Date.now();
    controller.abort();
    await assert.rejects(call, (e) => e.name === "AbortError" && e.$metadata.attempts === 1 && e.$fault === "client");
    assert.ok(Date.now() - aborted < 100);
    assert.equal(local.requests(), 1, "not retried");
  } finally {
    local.close();
  }
});

test("an abort during the wait before a retry rejects at once", async () => {
  const local = await server((_, response) => response.writeHead(503).end());
  const controller = new AbortController();
  try {
    const call = signUp({ ClientId: "c", Username: "u", Password: password }, { endpoint: local.url, abortSignal: controller.signal, maxAttempts: 10 });
    while (local.requests() < 3) await new Promise((r) => setTimeout(r, 5));
    const aborted = Date.now();
    controller.abort();
    await assert.rejects(call, (e) => e.name === "AbortError" && e.$metadata.attempts >= 3);
    assert.ok(Date.now() - aborted < 100);
  } finally {
    local.close();
  }
});

test("a sign-up retried after a lost answer that meets UsernameExistsException says the account may be its own", async () => {
  // The first request reaches moto, which creates the user; its answer is lost.
  const local = await server(async (request, response, body, count) => {
    const answer = await fetch(env.MOTO_ENDPOINT + "/", { method: "POST", headers: request.headers, body });
    if (count === 1) return response.socket.destroy();
    response.writeHead(answer.status, { "Content-Type": "application/json" }).end(await answer.text());
  });
  const Username = unique("lost");
  try {
    await assert.rejects(
      signUp({ ClientId: env.MOTO_CLIENT_ID, Username, Password: password, UserAttributes: { email: "l@example.com" } }, { endpoint: local.url }),
      (e) => {
        assert.equal(e.name, "UsernameExistsException");
        assert.equal(e.earlierAttemptMayHaveSucceeded, true);
        assert.match(e.message, /may have created the account/);
        assert.equal(e.$metadata.attempts, 2);
        return true;
      },
    );
  } finally {
    local.close();
  }
});
