// InitiateAuth beside the AWS SDK v3 (@aws-sdk/client-cognito-identity-provider,
// pinned in package-lock.json), both sending to one local server on
// 127.0.0.1: for the same input, the request each sends must be the same
// JSON with the same target; for the same answer (shaped as the API
// reference's examples: tokens, a choice of first factors, an MFA
// challenge), each must read the same output. The flow USER_AUTH with a
// sign-up Session is checked this way because neither emulator has it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { CognitoIdentityProviderClient, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
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
