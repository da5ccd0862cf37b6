// Signs the README's seed user up against a local Cognito emulator, then
// confirms the account with the code the emulator issued.
// Run by `make demo`, which starts the emulator and sets the variables.
import { readFileSync } from "node:fs";

const dir = new URL("../target/shipped/", import.meta.url);
const { initSync, signUp, confirmSignUp } = await import(new URL("cognito_signup.js", dir));
initSync({ module: readFileSync(new URL("cognito_signup_bg.wasm", dir)) });

const config = { endpoint: process.env.CL_ENDPOINT };
const username = `alice-${Date.now()}`;
const signedUp = await signUp(
  {
    ClientId: process.env.CL_CLIENT_ID,
    Username: username,
    Password: "Corr3ct-Horse!",
    UserAttributes: {
      email: "alice@example.com",
      name: "Alice",
      family_name: "Liddell",
      "custom:city": "Oslo",
    },
  },
  config,
);
console.log("signUp ->", JSON.stringify(signedUp, null, 2));

const code = process.env.CL_CODE;
console.log(`confirmation code (printed by the emulator instead of e-mailed): ${code}`);
const confirmed = await confirmSignUp({ ClientId: process.env.CL_CLIENT_ID, Username: username, ConfirmationCode: code }, config);
console.log("confirmSignUp ->", JSON.stringify(confirmed, null, 2));

try {
  await signUp({ ClientId: process.env.CL_CLIENT_ID, Username: "has space", Password: "x" }, config);
} catch (error) {
  console.log(`bad input is refused before sending: ${error.name} (${error.field}): ${error.message}`);
}
