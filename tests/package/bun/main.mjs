// A server script (ESM): runs the three steps and prints what they gave, and
// whether renderSignUp writes the form here.
// Arguments: endpoint, client id, username.
import * as lib from "cognito-signup";
import { renderSignUp } from "cognito-signup/element/html";
import { threeSteps, failure, writes } from "./steps.mjs";

const [endpoint, clientId, username] = process.argv.slice(2);
threeSteps(lib, { endpoint, clientId, username }).then(
  async (out) => console.log(JSON.stringify({ ...out, written: await writes(renderSignUp) })),
  (error) => console.log(failure(error)),
);
