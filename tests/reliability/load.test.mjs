// 500 concurrent sign-ups from one Node process through the package against
// moto's server on 127.0.0.1: every user is created exactly once, or the
// call ends in a typed error. Prints the throughput and the error counts.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as pkg from "../../pkg/node.js";
import { checkedCalls } from "../checked.mjs";

const { signUp } = checkedCalls(pkg);

const { MOTO_ENDPOINT, MOTO_CLIENT_ID, MOTO_POOL_ID } = process.env;
const COUNT = 500;
const NAMES = new Set(["NetworkError", "TimeoutError", "UnknownError", "UsernameExistsException", "TooManyRequestsException", "InternalErrorException"]);

async function listUsers(prefix) {
  const names = [];
  let token;
  do {
    const response = await fetch(`${MOTO_ENDPOINT}/`, {
      method: "POST",
      headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AWSCognitoIdentityProviderService.ListUsers" },
      body: JSON.stringify({ UserPoolId: MOTO_POOL_ID, Limit: 60, ...(token && { PaginationToken: token }) }),
    });
    const page = await response.json();
    names.push(...page.Users.map((u) => u.Username).filter((n) => n.startsWith(prefix)));
    token = page.PaginationToken;
  } while (token);
  return names;
}

test(`${COUNT} concurrent sign-ups: each user created exactly once, or a typed error`, { timeout: 120_000 }, async () => {
  const prefix = `load${Math.random().toString(36).slice(2, 8)}-`;
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: COUNT }, (_, i) =>
      signUp(
        { ClientId: MOTO_CLIENT_ID, Username: `${prefix}${i}`, Password: "Corr3ct-Horse!", UserAttributes: { email: `u${i}@example.com` } },
        { endpoint: MOTO_ENDPOINT, timeoutMs: 30_000 },
      ).then(
        (value) => ({ username: `${prefix}${i}`, value }),
        (error) => ({ username: `${prefix}${i}`, error }),
      ),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const errors = {};
  for (const { error } of outcomes) if (error) errors[error.name] = (errors[error.name] ?? 0) + 1;
  const created = await listUsers(prefix);
  assert.equal(new Set(created).size, created.length, "no user twice");
  for (const { username, value, error } of outcomes) {
    if (value) assert.ok(created.includes(username), `${username} succeeded and exists`);
    if (error) {
      assert.ok(error instanceof Error && NAMES.has(error.name), `${error.name}: ${error.message}`);
      if (error.name === "UsernameExistsException") assert.equal(error.earlierAttemptMayHaveSucceeded, true);
    }
  }
  const succeeded = outcomes.filter((o) => o.value).length;
  const attempts = outcomes.reduce((n, o) => n + (o.value ?? o.error).$metadata.attempts, 0);
  console.log(
    `load: ${COUNT} sign-ups in ${seconds.toFixed(2)} s (${(COUNT / seconds).toFixed(0)}/s), ${succeeded} succeeded, ` +
      `${created.length} users created, ${attempts} requests, errors ${JSON.stringify(errors)}`,
  );
  assert.ok(succeeded > 0);
});
