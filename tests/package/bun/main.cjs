// A server script (CommonJS): require() of the package, then the three steps.
// Arguments: endpoint, client id, username.
const lib = require("cognito-signup");

const [endpoint, clientId, username] = process.argv.slice(2);
import("./steps.mjs").then(({ threeSteps, failure }) =>
  threeSteps(lib, { endpoint, clientId, username }).then((out) => console.log(JSON.stringify(out)), (error) => console.log(failure(error))),
);
