// cognito-local as the page tests ask it (the CL_* variables of
// scripts/emulators.sh): its admin API, and the code it holds for a user;
// and one JSON 1.1 call to either emulator.
import { readFileSync } from "node:fs";

const { CL_ENDPOINT, CL_POOL_ID, CL_DB } = process.env;

/** Calls `operation` (DescribeUserPool, AdminConfirmSignUp, …) on the emulator at `endpoint` with `body`: the response. */
export const call = (endpoint, operation, body) =>
  fetch(`${endpoint}/`, {
    method: "POST",
    headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });

/** Calls `operation` (AdminGetUser, …) on cognito-local with `body`: the answer's JSON. */
export async function admin(operation, body) {
  return (await call(CL_ENDPOINT, operation, body)).json();
}

/** The confirmation code cognito-local holds for `username`, read from its pool file. */
export function codeFor(username) {
  const pool = JSON.parse(readFileSync(`${CL_DB}/${CL_POOL_ID}.json`, "utf8"));
  return pool.Users[username].ConfirmationCode;
}
