// Node 20 ESM: signs a user up through the installed package and prints the result.
import { signUp } from "cognito-signup";

const Username = `node${Date.now()}`;
const out = await signUp(
  { ClientId: process.env.CLIENT_ID, Username, Password: "Corr3ct-Horse!", UserAttributes: { email: `${Username}@example.com` } },
  { endpoint: process.env.ENDPOINT },
);
console.log(JSON.stringify(out));
