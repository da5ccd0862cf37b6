// The floor: a hand-written fetch of SignUp, with no checks and no retries.
import { CLIENT_ID, PASSWORD, email } from "./common.mjs";

export function createSignUp(endpoint) {
  return async (Username) => {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AWSCognitoIdentityProviderService.SignUp" },
      body: JSON.stringify({ ClientId: CLIENT_ID, Username, Password: PASSWORD, UserAttributes: [{ Name: "email", Value: email(Username) }] }),
    });
    const body = await response.json();
    if (!response.ok) throw Object.assign(new Error(body.message), { name: body.__type });
    return body;
  };
}
