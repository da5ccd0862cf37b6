// The package's calls, with every error they raise checked for secrets:
// neither its message, its stack nor its JSON form may hold the password,
// the client secret, the SecretHash (computed here from the inputs) or a
// session.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";

/** The secrets of a call: strings of 4 or more characters only, so that a
 * one-letter test password cannot match ordinary text. */
function secretsOf(input, config) {
  const auth = input?.AuthParameters;
  const username = input?.Username ?? auth?.USERNAME;
  const secrets = [input?.Password, input?.SecretHash, input?.Session, auth?.PASSWORD, auth?.SECRET_HASH, config?.clientSecret];
  if (typeof config?.clientSecret === "string" && typeof username === "string" && typeof input?.ClientId === "string") {
    secrets.push(createHmac("sha256", config.clientSecret).update(username + input.ClientId).digest("base64"));
  }
  return secrets.filter((s) => typeof s === "string" && s.length >= 4);
}

/** Asserts that `error` shows none of `secrets`. */
export function assertHides(error, secrets) {
  const shown = `${error?.message} ${error?.stack} ${JSON.stringify(error)}`;
  for (const secret of secrets) assert.ok(!shown.includes(secret), `a secret is shown by ${error?.name}`);
}

/** `call` with its errors checked. */
export const checked = (call) => (input, config) =>
  call(input, config).catch((error) => {
    assertHides(error, secretsOf(input, config));
    throw error;
  });

/** The package's four calls, checked, from `entry` (a module namespace). */
export const checkedCalls = (entry) => ({
  signUp: checked(entry.signUp),
  confirmSignUp: checked(entry.confirmSignUp),
  resendConfirmationCode: checked(entry.resendConfirmationCode),
  initiateAuth: checked(entry.initiateAuth),
});
