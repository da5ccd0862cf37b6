// A client secret where WebCrypto may be missing (Node 18 has no global
// `crypto`): prints the error's name, message and attempts, or what it sent.
// Argument: the endpoint.
import { signUp } from "cognito-signup";

signUp({ ClientId: "abc", Username: "alice", Password: "Corr3ct-Horse!" }, { endpoint: process.argv[2], clientSecret: "s3cret-s3cret" }).then(
  (out) => console.log(JSON.stringify(["sent", out.$metadata.attempts])),
  (error) => console.log(JSON.stringify([error.name, error.message, error.$metadata.attempts])),
);
