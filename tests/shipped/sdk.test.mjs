// InitiateAuth beside the AWS SDK v3 (@aws-sdk/client-cognito-identity-provider,
// pinned in package-lock.json), both sending to one local server on
// 127.0.0.1: for the same input, the request each sends must be the same
// JSON with the same target; for the same answer (shaped as the API
// reference's examples: tokens, a choice of first factors, an MFA
// challenge), each must read the same output. The flow USER_AUTH with a
// sign-up Session is checked this way because neither emulator has it; so
// are the challenge calls (RespondToAuthChallenge for each challenge the
// element answers, AssociateSoftwareToken, VerifySoftwareToken), whose
// emulators answer only some of them, and a passkey's registration
// (StartWebAuthnRegistration, CompleteWebAuthnRegistration), which neither
// emulator has: their JSON documents (the options, the credential) cross as
// they are.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  CompleteWebAuthnRegistrationCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  StartWebAuthnRegistrationCommand,
  VerifySoftwareTokenCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import * as shipped from "../../target/shipped/node.js";

const SESSION = "AYABeC1-y8qooiuysEv0uM4wAqQAHQABAAdTZXJ2aWNlABBDb2duaXRvVXNlclBvb2xzAAEAB2F3cy1rbXMAEXAMPLE";
let server;
let endpoint;
/** What the server received, and what it answers next. */
const seen = [];
let answer = "{}";

before(async () => {
  server = createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    seen.push({ target: request.headers["x-amz-target"], type: request.headers["content-type"], body: JSON.parse(Buffer.concat(chunks)) });
    response.writeHead(200, { "Content-Type": "application/x-amz-json-1.1", "x-amzn-requestid": "11111111-2222-3333-4444-555555555555" }).end(answer);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${server.address().port}`;
});
after(() => server?.close());

const sdk = () =>
  new CognitoIdentityProviderClient({ region: "eu-west-1", endpoint, maxAttempts: 1, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "local-only" } });
const withoutMetadata = ({ $metadata, ...rest }) => rest;

const INPUTS = {
  "USER_AUTH with the confirmation's Session": {
    AuthFlow: "USER_AUTH",
    ClientId: "1example23456789",
    AuthParameters: { USERNAME: "alice" },
    Session: SESSION,
    ClientMetadata: { campaign: "spring" },
    UserContextData: { EncodedData: "encoded-context" },
    AnalyticsMetadata: { AnalyticsEndpointId: "endpoint-1" },
  },
  "USER_PASSWORD_AUTH": { AuthFlow: "USER_PASSWORD_AUTH", ClientId: "1example23456789", AuthParameters: { USERNAME: "alice", PASSWORD: "Corr3ct-Horse!" } },
};

for (const [name, input] of Object.entries(INPUTS)) {
  test(`${name}: the request is the JSON the AWS SDK v3 serializes`, async () => {
    seen.length = 0;
    await sdk().send(new InitiateAuthCommand(structuredClone(input)));
    await shipped.initiateAuth(structuredClone(input), { endpoint });
    const [theirs, ours] = seen;
    assert.deepEqual(ours.body, theirs.body);
    assert.equal(ours.target, "AWSCognitoIdentityProviderService.InitiateAuth");
    assert.equal(ours.target, theirs.target);
    assert.equal(ours.type, theirs.type);
  });
}

const ANSWERS = {
  "the tokens": {
    AuthenticationResult: {
      AccessToken: "eyJra456defEXAMPLE",
      ExpiresIn: 3600,
      IdToken: "eyJra789ghiEXAMPLE",
      NewDeviceMetadata: { DeviceGroupKey: "-v7w9UcY6", DeviceKey: "eu-west-1_a1b2c3d4-5678-90ab-cdef-EXAMPLE11111" },
      RefreshToken: "eyJra123abcEXAMPLE",
      TokenType: "Bearer",
    },
    ChallengeParameters: {},
  },
  "a choice of first factors": { AvailableChallenges: ["EMAIL_OTP", "SMS_OTP", "PASSWORD", "WEB_AUTHN"], ChallengeName: "SELECT_CHALLENGE", ChallengeParameters: {}, Session: SESSION },
  "an MFA challenge": {
    ChallengeName: "SMS_MFA",
    ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: "SMS", CODE_DELIVERY_DESTINATION: "+*******0100", USER_ID_FOR_SRP: "alice" },
    Session: SESSION,
  },
};

for (const [name, body] of Object.entries(ANSWERS)) {
  test(`an answer with ${name} reads as the AWS SDK v3 reads it`, async () => {
    answer = JSON.stringify(body);
    const input = INPUTS["USER_AUTH with the confirmation's Session"];
    const theirs = await sdk().send(new InitiateAuthCommand(structuredClone(input)));
    const ours = await shipped.initiateAuth(structuredClone(input), { endpoint });
    assert.deepEqual(withoutMetadata(ours), withoutMetadata(theirs));
    assert.deepEqual(withoutMetadata(ours), body);
    assert.equal(ours.$metadata.requestId, theirs.$metadata.requestId);
    assert.equal(ours.$metadata.httpStatusCode, 200);
  });
}

/** Each challenge call, its inputs (as the API reference shows them) and an answer to read. */
const CHALLENGE_CALLS = {
  respondToAuthChallenge: {
    command: RespondToAuthChallengeCommand,
    target: "RespondToAuthChallenge",
    inputs: {
      "SMS_MFA's code": { ClientId: "1example23456789", ChallengeName: "SMS_MFA", Session: SESSION, ChallengeResponses: { USERNAME: "alice", SMS_MFA_CODE: "123456" }, ClientMetadata: { campaign: "spring" } },
      "EMAIL_OTP's code": { ClientId: "1example23456789", ChallengeName: "EMAIL_OTP", Session: SESSION, ChallengeResponses: { USERNAME: "alice", EMAIL_OTP_CODE: "123456" }, UserContextData: { EncodedData: "encoded-context" } },
      "SOFTWARE_TOKEN_MFA's code": { ClientId: "1example23456789", ChallengeName: "SOFTWARE_TOKEN_MFA", Session: SESSION, ChallengeResponses: { USERNAME: "alice", SOFTWARE_TOKEN_MFA_CODE: "123456" } },
      "SELECT_MFA_TYPE's answer": { ClientId: "1example23456789", ChallengeName: "SELECT_MFA_TYPE", Session: SESSION, ChallengeResponses: { USERNAME: "alice", ANSWER: "SOFTWARE_TOKEN_MFA" } },
      "SELECT_CHALLENGE's answer": { ClientId: "1example23456789", ChallengeName: "SELECT_CHALLENGE", Session: SESSION, ChallengeResponses: { USERNAME: "alice", ANSWER: "EMAIL_OTP" } },
      "MFA_SETUP, the app verified": { ClientId: "1example23456789", ChallengeName: "MFA_SETUP", Session: SESSION, ChallengeResponses: { USERNAME: "alice" } },
    },
    answer: ANSWERS["an MFA challenge"],
  },
  associateSoftwareToken: {
    command: AssociateSoftwareTokenCommand,
    target: "AssociateSoftwareToken",
    inputs: { "the MFA_SETUP session": { Session: SESSION }, "an access token": { AccessToken: "eyJra456defEXAMPLE" } },
    answer: { SecretCode: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", Session: SESSION },
  },
  verifySoftwareToken: {
    command: VerifySoftwareTokenCommand,
    target: "VerifySoftwareToken",
    inputs: { "the app's code with the session": { Session: SESSION, UserCode: "123456", FriendlyDeviceName: "Phone" }, "an access token": { AccessToken: "eyJra456defEXAMPLE", UserCode: "123456" } },
    answer: { Status: "SUCCESS", Session: SESSION },
  },
  startWebAuthnRegistration: {
    command: StartWebAuthnRegistrationCommand,
    target: "StartWebAuthnRegistration",
    inputs: { "the access token": { AccessToken: "eyJra456defEXAMPLE" } },
    answer: {
      CredentialCreationOptions: {
        challenge: "dGhlLWNoYWxsZW5nZQ",
        rp: { id: "example.com", name: "Example" },
        user: { id: "dXNlci1pZA", name: "alice", displayName: "alice" },
        pubKeyCredParams: [{ type: "public-key", alg: -7 }, { type: "public-key", alg: -257 }],
        timeout: 60000,
        excludeCredentials: [],
        authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
      },
    },
  },
  completeWebAuthnRegistration: {
    command: CompleteWebAuthnRegistrationCommand,
    target: "CompleteWebAuthnRegistration",
    inputs: {
      "the credential the browser created": {
        AccessToken: "eyJra456defEXAMPLE",
        Credential: {
          id: "Zm9vYmFy",
          rawId: "Zm9vYmFy",
          type: "public-key",
          response: { clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0", attestationObject: "o2NmbXRkbm9uZQ", transports: ["internal"] },
          clientExtensionResults: {},
          authenticatorAttachment: "platform",
        },
      },
    },
    answer: {},
  },
};

for (const [call, { command: Command, target, inputs, answer: body }] of Object.entries(CHALLENGE_CALLS)) {
  for (const [name, input] of Object.entries(inputs)) {
    test(`${call}, ${name}: the request is the JSON the AWS SDK v3 serializes, and the answer reads as it reads it`, async () => {
      seen.length = 0;
      answer = JSON.stringify(body);
      const theirs = await sdk().send(new Command(structuredClone(input)));
      const ours = await shipped[call](structuredClone(input), { endpoint });
      assert.deepEqual(seen[1].body, seen[0].body);
      assert.equal(seen[1].target, `AWSCognitoIdentityProviderService.${target}`);
      assert.equal(seen[1].target, seen[0].target);
      assert.equal(seen[1].type, seen[0].type);
      assert.deepEqual(withoutMetadata(ours), withoutMetadata(theirs));
      assert.deepEqual(withoutMetadata(ours), body);
    });
  }
}

test("the passkey calls refuse, before sending, a missing access token and a credential that is not an object", async () => {
  seen.length = 0;
  const refused = await shipped.startWebAuthnRegistration({}, { endpoint }).catch((e) => e);
  assert.equal(refused.name, "InvalidParameterException");
  assert.deepEqual(refused.problems, [{ field: "AccessToken", message: "is required" }]);
  const bad = await shipped.completeWebAuthnRegistration({ AccessToken: "eyJra456defEXAMPLE", Credential: "{}" }, { endpoint }).catch((e) => e);
  assert.deepEqual(bad.problems, [{ field: "Credential", message: "must be an object (a JSON document)" }]);
  assert.equal(seen.length, 0, "nothing sent");
  assert.ok(!JSON.stringify(refused).includes("eyJra"), "no token in the error");
});

test("signIn with a preferred first factor: USER_AUTH with PREFERRED_CHALLENGE, no password; another AuthParameters member refused", async () => {
  seen.length = 0;
  const challenge = { ChallengeName: "EMAIL_OTP", Session: SESSION, ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: "EMAIL", CODE_DELIVERY_DESTINATION: "a***@e***" } };
  answer = JSON.stringify(challenge);
  const out = await shipped.signIn({ ClientId: "1example23456789", Username: "alice", AuthParameters: { PREFERRED_CHALLENGE: "EMAIL_OTP" } }, { endpoint });
  assert.deepEqual(withoutMetadata(out), challenge, "outside a browser, the challenge is the caller's");
  assert.deepEqual(seen.map((s) => [s.target, s.body.AuthFlow, s.body.AuthParameters]), [
    ["AWSCognitoIdentityProviderService.InitiateAuth", "USER_AUTH", { USERNAME: "alice", PREFERRED_CHALLENGE: "EMAIL_OTP" }],
  ]);
  const refused = await shipped.signIn({ ClientId: "1example23456789", Username: "alice", Password: "p", AuthParameters: { SRP_A: "02" } }, { endpoint, userPoolId: "eu-west-1_AbC123def" }).catch((e) => e);
  assert.deepEqual(refused.problems, [{ field: "AuthParameters.SRP_A", message: "is not a member of signIn's input" }]);
  assert.equal(seen.length, 1, "nothing more sent");
});
