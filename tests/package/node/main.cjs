// Node 20 CommonJS: require() of the package works too (its Node entry has no top-level await).
const { signUp } = require("cognito-signup");

const Username = `cjs${Date.now()}`;
signUp(
  { ClientId: process.env.CLIENT_ID, Username, Password: "Corr3ct-Horse!", UserAttributes: { email: `${Username}@example.com` } },
  { endpoint: process.env.ENDPOINT },
).then((out) => console.log(JSON.stringify(out)));
