// signIn in Node, from the shipped server entry (target/shipped/node.js, its
// sign-in module inside), against the SRP verifier that amazon-cognito-identity-js
// proves first (tests/srp/verifier.test.mjs): the right password gets the verifier's
// tokens with the password on no request, a wrong one is refused, and what
// cannot work is refused before anything is sent. The sign-up module alone
// does not load the sign-in module.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { USER, startVerifier } from "../srp/verifier.mjs";

const root = new URL("../..", import.meta.url).pathname;
let verifier;
let shipped;
before(async () => {
  verifier = await startVerifier();
  shipped = await import(`${root}target/shipped/node.js`);
});
after(() => verifier?.close());

const config = () => ({ endpoint: verifier.url, userPoolId: USER.poolId });
const input = (password) => ({ ClientId: USER.clientId, Username: USER.username, Password: password });

test("signIn runs SRP: the verifier's tokens, and the password on no request", async () => {
  const before = verifier.log.length;
  const out = await shipped.signIn(input(USER.password), config());
  const idToken = JSON.parse(Buffer.from(out.AuthenticationResult.IdToken.split(".")[1], "base64url"));
  assert.equal(idToken.sub, verifier.sub);
  assert.equal(out.$metadata.httpStatusCode, 200);
  const sent = verifier.log.slice(before);
  assert.deepEqual(sent.map((e) => e.operation), ["InitiateAuth", "RespondToAuthChallenge"]);
  assert.equal(JSON.parse(sent[0].body).AuthFlow, "USER_SRP_AUTH");
  assert.ok(sent.every((e) => !e.body.includes(USER.password)), "the password never went over the wire");
});

test("a wrong password is refused by the verifier, and said without it", async () => {
  await assert.rejects(shipped.signIn(input("not the password"), config()), (error) => {
    assert.equal(error.name, "NotAuthorizedException");
    assert.ok(!JSON.stringify({ ...error, message: error.message }).includes("not the password"));
    return true;
  });
});

test("what cannot work is refused before anything is sent, every problem at once", async () => {
  const before = verifier.log.length;
  // AuthParameters may carry only PREFERRED_CHALLENGE: the others are signIn's own to set.
  await assert.rejects(shipped.signIn({ ClientId: USER.clientId, Password: 7, AuthParameters: { SRP_A: "02" } }, config()), (error) => {
    assert.deepEqual(error.problems.map((p) => p.field), ["Password", "AuthParameters.SRP_A", "Username"]);
    return true;
  });
  await assert.rejects(shipped.signIn(input(USER.password), { endpoint: verifier.url }), (error) => error.field === "config.userPoolId");
  await assert.rejects(shipped.signIn({ ...input(), AuthFlow: "CUSTOM_AUTH" }, config()), (error) => error.field === "AuthFlow");
  assert.equal(verifier.log.length, before, "nothing reached the verifier");
});
