// cognito-local as the page tests ask it (the CL_* variables of
// scripts/emulators.sh): its admin API, and the code it holds for a user.
import { readFileSync } from "node:fs";

const { CL_ENDPOINT, CL_POOL_ID, CL_DB } = process.env;

/** Calls `operation` (AdminGetUser, …) on cognito-local with `body`. */
export async function admin(operation, body) {
  const response = await fetch(`${CL_ENDPOINT}/`, {
    method: "POST",
    headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });
  return response.json();
}

/** The confirmation code cognito-local holds for `username`, read from its pool file. */
export function codeFor(username) {
  const pool = JSON.parse(readFileSync(`${CL_DB}/${CL_POOL_ID}.json`, "utf8"));
  return pool.Users[username].ConfirmationCode;
}
