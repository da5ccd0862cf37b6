// Cognito's passkey calls (and a passwordless sign-up before them), scripted
// on 127.0.0.1 as the API reference describes them, with the WebAuthn
// ceremonies checked by
// @simplewebauthn/server (an independent relying party, pinned in
// package-lock.json), since no emulator has them:
// StartWebAuthnRegistration (for an access token it issued) answers
// CredentialCreationOptions; CompleteWebAuthnRegistration registers the
// credential only if its attestation verifies for that challenge, origin and
// relying party; InitiateAuth with USER_AUTH and PREFERRED_CHALLENGE
// WEB_AUTHN answers the WEB_AUTHN challenge (CREDENTIAL_REQUEST_OPTIONS, a
// JSON string), and without a preference SELECT_CHALLENGE, whose answer
// WEB_AUTHN leads to the same; RespondToAuthChallenge signs in only with an assertion that
// verifies against the registered public key. Every request is logged.
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse } from "@simplewebauthn/server";

const token = (claims) => ["eyJhbGciOiJub25lIn0", Buffer.from(JSON.stringify(claims)).toString("base64url"), "c2ln"].join(".");

/**
 * Starts the scripted Cognito for pages at `origin` (relying party `rpID`); resolves to `{ url, log,
 * users, accessToken(name), origin (settable), exclude (settable: credential ids every registration's
 * options list in excludeCredentials, as Cognito lists the user's own), close() }`.
 */
export async function startPasskeyCognito({ origin, rpID = "localhost" }) {
  const rp = { origin, exclude: [] }; // settable once the page's port is known
  const users = new Map(); // name → { sub, challenge, credential }
  const sessions = new Map(); // session → { name, challenge }
  const log = [];
  const fail = (type, message) => [400, { __type: type, message }];
  const accessToken = (name) => {
    if (!users.has(name)) users.set(name, { sub: randomUUID() });
    return token({ sub: users.get(name).sub, username: name, token_use: "access" });
  };
  const who = (AccessToken) => {
    try {
      return JSON.parse(Buffer.from(String(AccessToken).split(".")[1], "base64url")).username;
    } catch {
      return undefined;
    }
  };

  async function answer(operation, body) {
    // A passwordless sign-up before it: SignUp (no password) gives a Session, which ConfirmSignUp
    // needs with the code 123456 (after a wrong code and a resend too), and which gives the Session
    // that USER_AUTH signs in with; its tokens carry the access token the passkey calls take.
    if (operation === "SignUp") {
      if ("Password" in body) return fail("InvalidParameterException", "a passwordless sign-up was expected");
      accessToken(body.Username);
      const user = users.get(body.Username);
      user.signUp = `signup-session-${randomUUID()}`;
      const CodeDeliveryDetails = { Destination: "a***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" };
      return [200, { UserConfirmed: false, UserSub: user.sub, CodeDeliveryDetails, Session: user.signUp }];
    }
    if (operation === "ResendConfirmationCode") {
      return [200, { CodeDeliveryDetails: { Destination: "a***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" } }];
    }
    if (operation === "ConfirmSignUp") {
      const user = users.get(body.Username);
      if (body.ConfirmationCode !== "123456") return fail("CodeMismatchException", "Invalid verification code provided, please try again.");
      if (!user || body.Session !== user.signUp) return fail("NotAuthorizedException", "Invalid session provided");
      user.confirm = `confirm-session-${randomUUID()}`;
      return [200, { Session: user.confirm }];
    }
    if (operation === "InitiateAuth" && body.Session) {
      const user = users.get(body.AuthParameters?.USERNAME);
      if (body.AuthFlow !== "USER_AUTH" || !user || body.Session !== user.confirm) return fail("NotAuthorizedException", "Invalid session for the user.");
      const claims = { sub: user.sub, "cognito:username": body.AuthParameters.USERNAME, token_use: "id" };
      return [200, { AuthenticationResult: { AccessToken: accessToken(body.AuthParameters.USERNAME), IdToken: token(claims), RefreshToken: token({ r: randomUUID() }), ExpiresIn: 3600, TokenType: "Bearer" }, ChallengeParameters: {} }];
    }
    if (operation === "StartWebAuthnRegistration") {
      const user = users.get(who(body.AccessToken));
      if (!user) return fail("NotAuthorizedException", "Invalid Access Token");
      const options = await generateRegistrationOptions({ rpName: "Example", rpID, userName: who(body.AccessToken), attestationType: "none", authenticatorSelection: { residentKey: "required", userVerification: "preferred" }, excludeCredentials: rp.exclude.map((id) => ({ id })), timeout: 3000 });
      user.challenge = options.challenge;
      return [200, { CredentialCreationOptions: options }];
    }
    if (operation === "CompleteWebAuthnRegistration") {
      const user = users.get(who(body.AccessToken));
      if (!user?.challenge) return fail("WebAuthnChallengeNotFoundException", "No registration is under way.");
      const verified = await verifyRegistrationResponse({ response: body.Credential, expectedChallenge: user.challenge, expectedOrigin: rp.origin, expectedRPID: rpID }).catch((e) => ({ error: e.message }));
      if (!verified.verified) return fail(/origin/i.test(verified.error) ? "WebAuthnOriginNotAllowedException" : "WebAuthnRelyingPartyMismatchException", verified.error ?? "not verified");
      const { id, publicKey, counter } = verified.registrationInfo.credential;
      user.credential = { id, publicKey, counter };
      return [200, {}];
    }
    // The WEB_AUTHN challenge for `name`: its request options, a JSON string.
    const webAuthn = async (name) => {
      const user = users.get(name);
      const options = await generateAuthenticationOptions({ rpID, allowCredentials: [{ id: user.credential.id }], userVerification: "preferred" });
      const Session = `webauthn-session-${randomUUID()}`;
      sessions.set(Session, { name, challenge: options.challenge });
      return [200, { ChallengeName: "WEB_AUTHN", Session, ChallengeParameters: { USERNAME: name, CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(options) } }];
    };
    if (operation === "InitiateAuth") {
      const { USERNAME, PREFERRED_CHALLENGE } = body.AuthParameters ?? {};
      if (body.AuthFlow !== "USER_AUTH" || (PREFERRED_CHALLENGE ?? "WEB_AUTHN") !== "WEB_AUTHN") return fail("InvalidParameterException", "USER_AUTH expected, with WEB_AUTHN or no preference");
      if (!users.get(USERNAME)?.credential) return fail("UserNotFoundException", "User does not exist.");
      if (PREFERRED_CHALLENGE) return webAuthn(USERNAME);
      // No preference: the choice of first factors.
      const Session = `select-session-${randomUUID()}`;
      sessions.set(Session, { name: USERNAME, select: true });
      return [200, { ChallengeName: "SELECT_CHALLENGE", Session, AvailableChallenges: ["WEB_AUTHN", "EMAIL_OTP"], ChallengeParameters: {} }];
    }
    if (operation === "RespondToAuthChallenge" && body.ChallengeName === "SELECT_CHALLENGE") {
      const state = sessions.get(body.Session);
      sessions.delete(body.Session);
      const { USERNAME, ANSWER } = body.ChallengeResponses ?? {};
      if (!state?.select || USERNAME !== state.name) return fail("NotAuthorizedException", "Invalid session for the user.");
      return ANSWER === "WEB_AUTHN" ? webAuthn(USERNAME) : fail("InvalidParameterException", `${ANSWER} is not scripted`);
    }
    if (operation === "RespondToAuthChallenge") {
      const state = sessions.get(body.Session);
      sessions.delete(body.Session);
      const { USERNAME, CREDENTIAL } = body.ChallengeResponses ?? {};
      if (body.ChallengeName !== "WEB_AUTHN" || !state || USERNAME !== state.name) return fail("NotAuthorizedException", "Invalid session for the user.");
      const user = users.get(state.name);
      const verified = await verifyAuthenticationResponse({ response: JSON.parse(CREDENTIAL), expectedChallenge: state.challenge, expectedOrigin: rp.origin, expectedRPID: rpID, credential: user.credential }).catch((e) => ({ error: e.message }));
      if (!verified.verified) return fail("NotAuthorizedException", `The passkey was not accepted: ${verified.error ?? "not verified"}`);
      const claims = { sub: user.sub, "cognito:username": state.name, token_use: "id" };
      return [200, { AuthenticationResult: { AccessToken: token({ ...claims, token_use: "access" }), IdToken: token(claims), RefreshToken: token({ r: randomUUID() }), ExpiresIn: 3600, TokenType: "Bearer" }, ChallengeParameters: {} }];
    }
    return fail("InvalidParameterException", `${operation} is not scripted`);
  }

  const cors = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "content-type, x-amz-target", "Access-Control-Allow-Methods": "POST" };
  const server = createServer(async (request, response) => {
    if (request.method === "OPTIONS") return response.writeHead(204, cors).end();
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const operation = String(request.headers["x-amz-target"]).split(".").pop();
    const body = JSON.parse(Buffer.concat(chunks).toString() || "{}");
    log.push({ operation, body });
    const [status, out] = await answer(operation, body);
    response.writeHead(status, { ...cors, "Content-Type": "application/x-amz-json-1.1" }).end(JSON.stringify(out));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    log,
    users,
    accessToken,
    set origin(value) {
      rp.origin = value;
    },
    set exclude(ids) {
      rp.exclude = ids;
    },
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(r))),
  };
}
