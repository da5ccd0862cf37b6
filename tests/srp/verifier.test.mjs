// The SRP verifier (verifier.mjs) is proven by the reference client first:
// amazon-cognito-identity-js's own authenticateUser signs in against it, and
// is refused for a wrong password. Only then does it judge this package's
// SRP (tests/sign_in.rs, natively).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { USER, startVerifier } from "./verifier.mjs";

const require = createRequire(import.meta.url);
const { AuthenticationDetails, CognitoUser, CognitoUserPool } = require("amazon-cognito-identity-js");

let verifier;
before(async () => (verifier = await startVerifier()));
after(() => verifier?.close());

/** A Storage that keeps nothing past the test. */
const memory = () => {
  const items = new Map();
  return { setItem: (k, v) => items.set(k, v), getItem: (k) => items.get(k) ?? null, removeItem: (k) => items.delete(k), clear: () => items.clear() };
};

/** identity-js's authenticateUser against the verifier: resolves to the session, or rejects with the error. */
function authenticate(password) {
  const pool = new CognitoUserPool({ UserPoolId: USER.poolId, ClientId: USER.clientId, endpoint: verifier.url, Storage: memory() });
  const user = new CognitoUser({ Username: USER.username, Pool: pool, Storage: memory() });
  user.setAuthenticationFlowType("USER_SRP_AUTH");
  return new Promise((resolve, reject) => user.authenticateUser(new AuthenticationDetails({ Username: USER.username, Password: password }), { onSuccess: resolve, onFailure: reject }));
}

test("amazon-cognito-identity-js signs in against the verifier with the right password", async () => {
  const session = await authenticate(USER.password);
  assert.equal(session.getIdToken().decodePayload().sub, verifier.sub);
  const sent = verifier.log.map((entry) => entry.operation);
  assert.deepEqual(sent.slice(-2), ["InitiateAuth", "RespondToAuthChallenge"]);
  assert.ok(verifier.log.every((entry) => !entry.body.includes(USER.password)), "the password never went over the wire");
});

test("the verifier refuses identity-js's claim for a wrong password", async () => {
  await assert.rejects(authenticate("not the password"), (error) => error.code === "NotAuthorizedException" || error.name === "NotAuthorizedException");
});
