// A fault server on 127.0.0.1 for the wasm suites and the native client
// tests, in front of moto: prints its URL, then answers by path. `/slow/…`
// never answers (for timeouts and cancellation); `/flaky/<id>` answers the
// first request for each id with an HTML 503 and forwards the later ones to
// moto (for retries); `/cognito/…` answers as Cognito does where neither
// emulator can (see `scripted`); any other path is forwarded to moto. `GET
// /log` is its log: every request's path and body, in order, and whether the
// client closed the connection before an answer. Every answer allows CORS,
// as Cognito does, so that browsers can call it.
import { createServer } from "node:http";

const { MOTO_ENDPOINT } = process.env;
const seen = new Set();
const log = [];
const cors = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "content-type, x-amz-target",
  "Access-Control-Allow-Methods": "POST",
};

/** The sessions handed out by the scripted Cognito, by username: after SignUp, then after ConfirmSignUp. */
const sessions = new Map();
const token = (claims) => ["eyJhbGciOiJub25lIn0", Buffer.from(JSON.stringify(claims)).toString("base64url"), "c2ln"].join(".");

/**
 * Cognito's sign-up and sign-in after it, for a pool with choice-based
 * sign-in, as the API reference describes them: SignUp returns a Session;
 * ResendConfirmationCode sends the code again (and no Session);
 * ConfirmSignUp, given the code 123456 and that Session, returns a new one; InitiateAuth with
 * USER_AUTH, the USERNAME and that second Session (and no password) signs
 * the user in. A username's start chooses what InitiateAuth answers instead
 * (`CHALLENGES`): `refused` a NotAuthorizedException, the others a
 * challenge, which RespondToAuthChallenge takes as the API reference shows
 * it (the latest Session, ChallengeResponses with the USERNAME and the code
 * 654321, or an ANSWER naming an offered factor), answering with the next
 * challenge or the tokens; `expired` meets an expired session at its first
 * answer. Any other session, flow or answer is refused as Cognito refuses it.
 */
/** What the scripted Cognito answers: InitiateAuth for a username's start, RespondToAuthChallenge for a choice and its ANSWER. */
const SMS = { CODE_DELIVERY_DELIVERY_MEDIUM: "SMS", CODE_DELIVERY_DESTINATION: "+*******0100" };
const EMAIL = { CODE_DELIVERY_DELIVERY_MEDIUM: "EMAIL", CODE_DELIVERY_DESTINATION: "a***@e***" };
const CHALLENGES = {
  mfa: ["SMS_MFA", { ChallengeParameters: SMS }],
  expired: ["SMS_MFA", { ChallengeParameters: SMS }],
  email: ["EMAIL_OTP", { ChallengeParameters: EMAIL }],
  choose: ["SELECT_MFA_TYPE", { ChallengeParameters: { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' } }],
  select: ["SELECT_CHALLENGE", { AvailableChallenges: ["WEB_AUTHN", "EMAIL_OTP", "SMS_OTP"] }],
  nofactor: ["MFA_SETUP", { ChallengeParameters: { MFAS_CAN_SETUP: '["SMS_MFA"]' } }],
  custom: ["CUSTOM_CHALLENGE", { ChallengeParameters: { question: "colour?" } }],
  "SELECT_MFA_TYPE:SMS_MFA": ["SMS_MFA", { ChallengeParameters: SMS }],
  "SELECT_MFA_TYPE:SOFTWARE_TOKEN_MFA": ["SOFTWARE_TOKEN_MFA"],
  "SELECT_CHALLENGE:EMAIL_OTP": ["EMAIL_OTP", { ChallengeParameters: EMAIL }],
  "SELECT_CHALLENGE:SMS_OTP": ["SMS_OTP", { ChallengeParameters: SMS }],
};

function scripted(target, body) {
  const fail = (type, message) => [400, { __type: type, message }];
  const operation = target.split(".").pop();
  const username = body.Username ?? body.AuthParameters?.USERNAME ?? body.ChallengeResponses?.USERNAME ?? "";
  const known = sessions.get(username);
  if (operation === "SignUp") {
    const first = `signup-session-${username}-${"x".repeat(24)}`;
    sessions.set(username, { first, sub: crypto.randomUUID() });
    const CodeDeliveryDetails = { Destination: "a***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" };
    return [200, { UserConfirmed: false, UserSub: sessions.get(username).sub, CodeDeliveryDetails, Session: first }];
  }
  if (operation === "ResendConfirmationCode") {
    if (!known) return fail("UserNotFoundException", "Username/client id combination not found.");
    return [200, { CodeDeliveryDetails: { Destination: "a***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" } }];
  }
  if (operation === "ConfirmSignUp") {
    if (body.ConfirmationCode !== "123456") return fail("CodeMismatchException", "Invalid verification code provided, please try again.");
    if (!known || body.Session !== known.first) return fail("NotAuthorizedException", "Invalid session provided");
    known.second = `confirm-session-${username}-${"y".repeat(24)}`;
    return [200, { Session: known.second }];
  }
  const challenge = (name, extra = {}) => {
    known.challenge = name;
    known.session = `${name.toLowerCase()}-session-${crypto.randomUUID()}`;
    return [200, { ChallengeName: name, Session: known.session, ChallengeParameters: {}, ...extra }];
  };
  if (operation === "RespondToAuthChallenge") {
    const { ChallengeName, ChallengeResponses: answers = {}, Session } = body;
    if (!known?.session || Session !== known.session || ChallengeName !== known.challenge) return fail("NotAuthorizedException", "Invalid session for the user.");
    if (username.startsWith("expired")) return fail("NotAuthorizedException", "Invalid session for the user, session is expired.");
    if (ChallengeName.startsWith("SELECT_")) {
      const next = CHALLENGES[`${ChallengeName}:${answers.ANSWER}`];
      return next ? challenge(...next) : fail("InvalidParameterException", `${answers.ANSWER} is not an offered factor`);
    }
    if (answers[`${ChallengeName}_CODE`] !== "654321") return fail("CodeMismatchException", "Invalid code or auth state for the user.");
  } else if (operation !== "InitiateAuth") {
    return fail("InvalidParameterException", `${operation} is not scripted`);
  } else {
    if (body.AuthFlow !== "USER_AUTH" || "PASSWORD" in (body.AuthParameters ?? {})) return fail("InvalidParameterException", "USER_AUTH expected");
    if (!known?.second || body.Session !== known.second || username.startsWith("refused")) return fail("NotAuthorizedException", "Invalid session for the user.");
    const first = Object.keys(CHALLENGES).find((start) => username.startsWith(start));
    if (first) return challenge(...CHALLENGES[first]);
  }
  const claims = { sub: known.sub, "cognito:username": username, token_use: "id" };
  const AuthenticationResult = { AccessToken: token({ ...claims, token_use: "access" }), ExpiresIn: 3600, IdToken: token(claims), RefreshToken: token({ refresh: username }), TokenType: "Bearer" };
  return [200, { AuthenticationResult, ChallengeParameters: {} }];
}

const server = createServer(async (request, response) => {
  if (request.method === "OPTIONS") return response.writeHead(204, cors).end();
  if (request.method === "GET" && request.url === "/log") {
    return response.writeHead(200, { ...cors, "Content-Type": "application/json" }).end(JSON.stringify(log));
  }
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const entry = { path: request.url, body: Buffer.concat(chunks).toString(), closed: false };
  log.push(entry);
  response.on("close", () => (entry.closed = !response.writableFinished));
  if (request.url.startsWith("/slow/")) return; // never answers
  if (request.url.startsWith("/cognito/")) {
    const [status, answer] = scripted(String(request.headers["x-amz-target"]), JSON.parse(entry.body));
    return response.writeHead(status, { ...cors, "Content-Type": "application/x-amz-json-1.1" }).end(JSON.stringify(answer));
  }
  if (request.url.startsWith("/flaky/") && !seen.has(request.url)) {
    seen.add(request.url);
    return response.writeHead(503, { ...cors, "Content-Type": "text/html" }).end("<h1>503 busy</h1>");
  }
  const answer = await fetch(`${MOTO_ENDPOINT}/`, {
    method: "POST",
    headers: { "Content-Type": request.headers["content-type"], "X-Amz-Target": request.headers["x-amz-target"] },
    body: Buffer.concat(chunks),
  });
  response.writeHead(answer.status, { ...cors, "Content-Type": answer.headers.get("content-type") });
  response.end(await answer.text());
});
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${server.address().port}`));
