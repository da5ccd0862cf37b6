// cognito-signup (this repository's pkg/).
import { signUp, init } from "cognito-signup";
import { CLIENT_ID, PASSWORD, email } from "./common.mjs";

export function createSignUp(endpoint) {
  return (Username) =>
    signUp({ ClientId: CLIENT_ID, Username, Password: PASSWORD, UserAttributes: { email: email(Username) } }, { endpoint });
}

/** Loads the module now (it otherwise loads on the first call), for the import + instantiate time. */
export const ready = init;
