// Faults injected on purpose between the package and a real Cognito
// emulator: a proxy on 127.0.0.1, written here, sits in front of moto's
// server and is scripted per test (one action per request it receives).
// For each fault: the typed error or the eventual success the design
// promises, the exact attempt count, and moto's admin API showing exactly
// one user (or none) afterwards. The table of all of them is printed last.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import * as pkg from "../../pkg/node.js";
import { checkedCalls } from "../checked.mjs";

const { signUp } = checkedCalls(pkg);

const { MOTO_ENDPOINT, MOTO_CLIENT_ID, MOTO_POOL_ID } = process.env;
const PASSWORD = "Corr3ct-Horse!";
const table = [];

/** Forwards a request to moto; resolves to its status, headers and body. */
async function forward(request, body) {
  const answer = await fetch(`${MOTO_ENDPOINT}/`, {
    method: "POST",
    headers: { "Content-Type": request.headers["content-type"], "X-Amz-Target": request.headers["x-amz-target"] },
    body,
  });
  return { status: answer.status, type: answer.headers.get("content-type"), text: await answer.text() };
}

const ACTIONS = {
  pass: async (request, response, body) => {
    const a = await forward(request, body);
    response.writeHead(a.status, { "Content-Type": a.type }).end(a.text);
  },
  resetBefore: (request, response) => response.socket.destroy(),
  resetAfter: async (request, response, body) => {
    await forward(request, body);
    response.socket.destroy();
  },
  // Forwards at once (the user is created) and answers after the client's timeout.
  answerLate: async (request, response, body) => {
    const a = await forward(request, body);
    await new Promise((r) => setTimeout(r, 600));
    if (!response.socket.destroyed) response.writeHead(a.status, { "Content-Type": a.type }).end(a.text);
  },
  // Forwards only after the client's timeout: the retry reaches moto first.
  forwardLate: async (request, response, body) => {
    await new Promise((r) => setTimeout(r, 600));
    const a = await forward(request, body);
    if (!response.socket.destroyed) response.writeHead(a.status, { "Content-Type": a.type }).end(a.text);
  },
  html500: (request, response) =>
    response.writeHead(500, { "Content-Type": "text/html" }).end("<!doctype html><title>500 Internal Server Error</title>"),
  empty502: (request, response) => response.writeHead(502).end(),
  throttled: (request, response) =>
    response
      .writeHead(400, { "Content-Type": "application/x-amz-json-1.1" })
      .end('{"__type":"TooManyRequestsException","message":"Rate exceeded"}'),
  tooMany429: (request, response) => response.writeHead(429, { "Content-Type": "text/plain" }).end("Too Many Requests"),
  truncated: async (request, response, body) => {
    const a = await forward(request, body);
    response.writeHead(a.status, { "Content-Type": a.type }).end(a.text.slice(0, a.text.length >> 1));
  },
  tenMegabytes: async (request, response, body) => {
    await forward(request, body);
    response.writeHead(200, { "Content-Type": "application/x-amz-json-1.1" }).end("x".repeat(10 * 1024 * 1024));
  },
  wrongContentType: async (request, response, body) => {
    const a = await forward(request, body);
    response.writeHead(a.status, { "Content-Type": "text/plain" }).end(a.text);
  },
};

/** A proxy answering its n-th request with `script[n]` (the last action repeats). */
async function proxy(script) {
  let count = 0;
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (d) => (body += d));
    request.on("end", () =>
      Promise.resolve(ACTIONS[script[Math.min(count++, script.length - 1)]](request, response, body)).catch(() =>
        response.socket?.destroy(),
      ),
    );
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests: () => count,
    close: () => (server.closeAllConnections(), server.close()),
  };
}

async function usersNamed(username) {
  const response = await fetch(`${MOTO_ENDPOINT}/`, {
    method: "POST",
    headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AWSCognitoIdentityProviderService.ListUsers" },
    body: JSON.stringify({ UserPoolId: MOTO_POOL_ID, Filter: `username = "${username}"` }),
  });
  return (await response.json()).Users.length;
}

/**
 * Runs one sign-up through a proxy scripted with `script` and checks the
 * outcome: `expect` is "success" or an error name, `attempts` the requests
 * sent, `users` how many accounts moto holds afterwards.
 */
function fault(name, script, { expect, attempts, users, config = {}, check = () => {} }) {
  test(`${name}: ${expect}, ${attempts} attempt(s), ${users} user(s)`, { timeout: 30_000 }, async () => {
    const p = await proxy(script);
    const username = `fault${Math.random().toString(36).slice(2, 10)}`;
    let outcome;
    try {
      outcome = await signUp(
        { ClientId: MOTO_CLIENT_ID, Username: username, Password: PASSWORD, UserAttributes: { email: `${username}@example.com` } },
        { endpoint: p.url, ...config },
      ).then(
        (value) => ({ name: "success", value, metadata: value.$metadata }),
        (error) => ({ name: error.name, error, metadata: error.$metadata }),
      );
    } finally {
      p.close();
    }
    const found = await usersNamed(username);
    table.push({ fault: name, expected: `${expect}, attempts ${attempts}, users ${users}`, observed: `${outcome.name}, attempts ${outcome.metadata.attempts}, users ${found}` });
    assert.equal(outcome.name, expect, outcome.error?.message);
    assert.equal(outcome.metadata.attempts, attempts);
    assert.equal(p.requests(), attempts, "requests the proxy saw");
    assert.equal(found, users);
    if (outcome.error) {
      assert.ok(outcome.error instanceof Error);
      assert.ok(!JSON.stringify(outcome.error).includes(PASSWORD) && !outcome.error.stack.includes(PASSWORD));
    }
    check(outcome);
  });
}

fault("reset before forwarding, twice, then pass", ["resetBefore", "resetBefore", "pass"], {
  expect: "success",
  attempts: 3,
  users: 1,
  check: ({ metadata }) => assert.ok(metadata.totalRetryDelay <= 100 + 200),
});
fault("reset before forwarding, every time", ["resetBefore"], { expect: "NetworkError", attempts: 3, users: 0 });
fault("reset after forwarding (the user was created, the answer lost)", ["resetAfter", "pass"], {
  expect: "UsernameExistsException",
  attempts: 2,
  users: 1,
  check: ({ error }) => {
    assert.equal(error.earlierAttemptMayHaveSucceeded, true);
    assert.match(error.message, /may have created the account/);
  },
});
fault("the answer delayed past timeoutMs, then pass", ["answerLate", "pass"], {
  expect: "UsernameExistsException",
  attempts: 2,
  users: 1,
  config: { timeoutMs: 200 },
  check: ({ error }) => assert.equal(error.earlierAttemptMayHaveSucceeded, true),
});
fault("the request delayed past timeoutMs, then pass", ["forwardLate", "pass"], {
  expect: "success",
  attempts: 2,
  users: 1,
  config: { timeoutMs: 200 },
});
fault("the answer delayed past timeoutMs, every time", ["answerLate"], {
  expect: "TimeoutError",
  attempts: 2,
  users: 1,
  config: { timeoutMs: 150, maxAttempts: 2 },
});
fault("500 with HTML, twice, then pass", ["html500", "html500", "pass"], { expect: "success", attempts: 3, users: 1 });
fault("500 with HTML, every time", ["html500"], {
  expect: "UnknownError",
  attempts: 3,
  users: 0,
  check: ({ error }) => assert.equal(error.$metadata.httpStatusCode, 500),
});
fault("502 with an empty body, then pass", ["empty502", "pass"], { expect: "success", attempts: 2, users: 1 });
fault("TooManyRequestsException twice, then pass", ["throttled", "throttled", "pass"], {
  expect: "success",
  attempts: 3,
  users: 1,
  check: ({ metadata }) => assert.ok(metadata.totalRetryDelay <= 500 + 1000),
});
fault("a bare HTTP 429 twice, then pass", ["tooMany429", "tooMany429", "pass"], {
  expect: "success",
  attempts: 3,
  users: 1,
  check: ({ metadata }) => assert.ok(metadata.totalRetryDelay <= 500 + 1000),
});
fault("TooManyRequestsException, with maxAttempts 1", ["throttled"], {
  expect: "TooManyRequestsException",
  attempts: 1,
  users: 0,
  config: { maxAttempts: 1 },
});
fault("truncated JSON on a 200 (the user exists: not retried)", ["truncated"], {
  expect: "UnknownError",
  attempts: 1,
  users: 1,
  check: ({ error }) => assert.equal(error.$metadata.httpStatusCode, 200),
});
fault("a 10 MB body that is not JSON", ["tenMegabytes"], { expect: "UnknownError", attempts: 1, users: 1 });
fault("a wrong content type on a good answer", ["wrongContentType"], {
  expect: "success",
  attempts: 1,
  users: 1,
  check: ({ value }) => assert.match(value.UserSub, /^[0-9a-f-]{36}$/),
});

after(() => {
  const rows = table.map((r) => `| ${r.fault} | ${r.expected} | ${r.observed} |`);
  console.log(["", "| fault | expected | observed |", "|---|---|---|", ...rows].join("\n"));
});
