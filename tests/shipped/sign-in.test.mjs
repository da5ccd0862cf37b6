// initiateAuth from the shipped module's Node entry: the password flow end
// to end against moto and cognito-local (sign up, confirm, sign in, and an
// ID token whose sub is the UserSub), refusals that send nothing, and
// errors that hold no password, session or token.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as shipped from "../../target/shipped/node.js";
import { checkedCalls } from "../checked.mjs";
import { call } from "../cognito-local.mjs";

const { signUp, confirmSignUp, initiateAuth } = checkedCalls(shipped);
const env = process.env;
const password = "Corr3ct-Horse!";
const unique = (prefix) => prefix + Math.random().toString(36).slice(2, 10);
const claims = (jwt) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url"));

/** Calls one of the emulator's admin operations. */
const admin = async (endpoint, operation, body) => (await call(endpoint, operation, body)).json();

const SERVERS = {
  // moto sends no code: the user is confirmed by AdminConfirmSignUp.
  moto: { endpoint: env.MOTO_ENDPOINT, client: env.MOTO_CLIENT_ID, confirm: (Username) => admin(env.MOTO_ENDPOINT, "AdminConfirmSignUp", { UserPoolId: env.MOTO_POOL_ID, Username }) },
  "cognito-local": {
    endpoint: env.CL_ENDPOINT,
    client: env.CL_CLIENT_ID,
    confirm: (Username) => confirmSignUp({ ClientId: env.CL_CLIENT_ID, Username, ConfirmationCode: env.CL_CODE }, { endpoint: env.CL_ENDPOINT }),
  },
};

for (const [name, server] of Object.entries(SERVERS)) {
  test(`${name}: sign up, confirm, sign in with the password; the ID token's sub is the UserSub`, async () => {
    const Username = unique("in");
    const config = { endpoint: server.endpoint };
    const up = await signUp({ ClientId: server.client, Username, Password: password, UserAttributes: { email: `${Username}@example.com` } }, config);
    await server.confirm(Username);
    const out = await initiateAuth({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: server.client, AuthParameters: { USERNAME: Username, PASSWORD: password } }, config);
    const { AccessToken, IdToken, RefreshToken } = out.AuthenticationResult;
    assert.equal(claims(IdToken).sub, up.UserSub);
    assert.ok(AccessToken && RefreshToken);
    assert.equal(out.ChallengeName, undefined);
    assert.equal(out.$metadata.attempts, 1);
    assert.equal(out.$metadata.httpStatusCode, 200);
  });
}

test("moto: a wrong password is NotAuthorizedException, an unconfirmed user UserNotConfirmedException; neither says the password", async () => {
  const Username = unique("wrong");
  const config = { endpoint: env.MOTO_ENDPOINT };
  await signUp({ ClientId: env.MOTO_CLIENT_ID, Username, Password: password, UserAttributes: { email: `${Username}@example.com` } }, config);
  const input = (PASSWORD) => ({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: env.MOTO_CLIENT_ID, AuthParameters: { USERNAME: Username, PASSWORD } });
  await assert.rejects(initiateAuth(input(password), config), (e) => e.name === "UserNotConfirmedException" && e.$fault === "client" && e.$metadata.attempts === 1);
  await admin(env.MOTO_ENDPOINT, "AdminConfirmSignUp", { UserPoolId: env.MOTO_POOL_ID, Username });
  await assert.rejects(initiateAuth(input("Wr0ng-Horse!"), config), (e) => e.name === "NotAuthorizedException" && e.$metadata.attempts === 1, "not retried");
});

test("another flow, a missing USERNAME or PASSWORD, and a top-level Username are refused, and nothing is sent", async () => {
  const realFetch = globalThis.fetch;
  let sent = 0;
  globalThis.fetch = (...args) => (sent++, realFetch(...args));
  const config = { endpoint: env.MOTO_ENDPOINT };
  try {
    const refused = async (input, fields, message) =>
      assert.rejects(initiateAuth({ ClientId: env.MOTO_CLIENT_ID, ...input }, config), (e) => {
        assert.equal(e.name, "InvalidParameterException");
        assert.equal(e.$metadata.attempts, 0);
        assert.deepEqual(e.problems.map((p) => p.field), fields);
        if (message) assert.match(e.message, message);
        return true;
      });
    await refused({ AuthFlow: "USER_SRP_AUTH", AuthParameters: { USERNAME: "alice", SRP_A: "abc" } }, ["AuthFlow"], /must be USER_AUTH or USER_PASSWORD_AUTH/);
    await refused({ AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { PASSWORD: password } }, ["AuthParameters.USERNAME"]);
    await refused({ AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "alice" } }, ["AuthParameters.PASSWORD"]);
    await refused({ AuthFlow: "USER_AUTH", Username: "alice", AuthParameters: { USERNAME: "alice" }, Session: "short" }, ["Username", "Session"]);
    await refused({ AuthParameters: { USERNAME: "alice", PASSWORD: 7 } }, ["AuthParameters.PASSWORD", "AuthFlow"]);
    assert.equal(sent, 0);
  } finally {
    globalThis.fetch = realFetch;
  }
});
