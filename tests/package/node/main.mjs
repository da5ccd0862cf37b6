// A server script (ESM): runs the three steps and prints what they gave.
// Arguments: endpoint, client id, username.
import * as lib from "cognito-signup";
import { threeSteps, failure } from "./steps.mjs";

const [endpoint, clientId, username] = process.argv.slice(2);
threeSteps(lib, { endpoint, clientId, username }).then((out) => console.log(JSON.stringify(out)), (error) => console.log(failure(error)));
