// The requests the AWS SDK v3 (@aws-sdk/client-cognito-identity-provider,
// pinned in package-lock.json) serializes for sign-in's calls and a
// passkey's registration (whose Credential is a JSON document): each case's
// input, X-Amz-Target and JSON body, captured before anything is sent (a
// middleware stops the request). tests/sign_in.rs builds the same input with
// the Rust API and holds its body to the SDK's; sdk-requests.test.mjs holds
// the committed file to this script.
// Usage: node tests/srp/sdk-requests.mjs > tests/fixtures/sdk-requests.json
import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  CompleteWebAuthnRegistrationCommand,
  RespondToAuthChallengeCommand,
  StartWebAuthnRegistrationCommand,
  VerifySoftwareTokenCommand,
} from "@aws-sdk/client-cognito-identity-provider";

const SESSION = "AYABeC1-y8qooiuysEv0uM4wAqQAHQABAAdTZXJ2aWNlABBDb2duaXRvVXNlclBvb2xzAAEAB2F3cy1rbXMAEXAMPLE";
const CASES = [
  ["RespondToAuthChallenge", RespondToAuthChallengeCommand, {
    ClientId: "1example23456789",
    ChallengeName: "PASSWORD_VERIFIER",
    Session: SESSION,
    ChallengeResponses: { USERNAME: "8a2b6c1e-0f3d-4e5a-9b7c-112233445566", PASSWORD_CLAIM_SECRET_BLOCK: "c2VjcmV0LWJsb2Nr", TIMESTAMP: "Mon Dec 7 12:41:05 UTC 2026", PASSWORD_CLAIM_SIGNATURE: "c2lnbmF0dXJl" },
    ClientMetadata: { campaign: "spring" },
  }],
  ["RespondToAuthChallenge", RespondToAuthChallengeCommand, { ClientId: "1example23456789", ChallengeName: "SMS_MFA", Session: SESSION, ChallengeResponses: { USERNAME: "alice", SMS_MFA_CODE: "123456" } }],
  ["RespondToAuthChallenge", RespondToAuthChallengeCommand, { ClientId: "1example23456789", ChallengeName: "SELECT_MFA_TYPE", Session: SESSION, ChallengeResponses: { USERNAME: "alice", ANSWER: "SOFTWARE_TOKEN_MFA" } }],
  ["RespondToAuthChallenge", RespondToAuthChallengeCommand, { ClientId: "1example23456789", ChallengeName: "MFA_SETUP", Session: SESSION, ChallengeResponses: { USERNAME: "alice" } }],
  ["AssociateSoftwareToken", AssociateSoftwareTokenCommand, { Session: SESSION }],
  ["AssociateSoftwareToken", AssociateSoftwareTokenCommand, { AccessToken: "eyJra456defEXAMPLE" }],
  ["VerifySoftwareToken", VerifySoftwareTokenCommand, { Session: SESSION, UserCode: "123456", FriendlyDeviceName: "My phone" }],
  ["VerifySoftwareToken", VerifySoftwareTokenCommand, { AccessToken: "eyJra456defEXAMPLE", UserCode: "654321" }],
  ["StartWebAuthnRegistration", StartWebAuthnRegistrationCommand, { AccessToken: "eyJra456defEXAMPLE" }],
  ["CompleteWebAuthnRegistration", CompleteWebAuthnRegistrationCommand, {
    AccessToken: "eyJra456defEXAMPLE",
    Credential: {
      id: "Zm9vYmFy",
      rawId: "Zm9vYmFy",
      type: "public-key",
      response: { clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0", attestationObject: "o2NmbXRkbm9uZQ", transports: ["internal", "hybrid"] },
      clientExtensionResults: { credProps: { rk: true } },
      authenticatorAttachment: "platform",
    },
  }],
];

const client = new CognitoIdentityProviderClient({ region: "eu-west-1", endpoint: "http://127.0.0.1:9", maxAttempts: 1, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "local-only" } });
let captured;
client.middlewareStack.add(
  () => async (args) => {
    captured = args.request;
    throw new Error("captured");
  },
  { step: "finalizeRequest", priority: "low" },
);

const out = [];
for (const [operation, Command, input] of CASES) {
  await client.send(new Command(structuredClone(input))).catch((error) => (error.message === "captured" ? null : Promise.reject(error)));
  out.push({ operation, input, target: captured.headers["x-amz-target"], body: JSON.parse(captured.body) });
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
