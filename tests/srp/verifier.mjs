// A Cognito-style SRP verifier for one user, written from the protocol (RFC
// 5054's 3072-bit group, Cognito's hashing, HKDF and claim): the server's
// side of USER_SRP_AUTH, which no emulator checks (moto accepts any
// signature, cognito-local has no SRP). It answers InitiateAuth
// (USER_SRP_AUTH) with PASSWORD_VERIFIER, and RespondToAuthChallenge with
// tokens only for a claim that proves the password; anything else as
// Cognito refuses it. Every request body is kept for `GET /log`, so that a
// test can see that the password never went over the wire.
// Run alone (`node tests/srp/verifier.mjs`), it prints its URL and the
// user's sub, and serves the user of USER below; `startVerifier()` does the
// same in-process.
import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

import { USER } from "./user.mjs";

export { USER };

const N = BigInt(
  "0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
);
const g = 2n;

/** base^exponent mod m, by squaring. */
function modPow(base, exponent, m) {
  let result = 1n;
  base %= m;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * base) % m;
    base = (base * base) % m;
  }
  return result;
}
/** A number's bytes as SRP hashes them: whole bytes, with a zero byte before a high bit. */
function pad(n) {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (/^[89a-f]/.test(hex)) hex = `00${hex}`;
  return Buffer.from(hex, "hex");
}
const sha256 = (...parts) => createHash("sha256").update(Buffer.concat(parts.map((p) => Buffer.from(p)))).digest();
const big = (bytes) => BigInt(`0x${Buffer.from(bytes).toString("hex") || "0"}`);
const k = big(sha256(pad(N), pad(g)));

/** HKDF-SHA256 of `ikm`, salted with `salt`, info "Caldera Derived Key": 16 bytes. */
function hkdf(ikm, salt) {
  const prk = createHmac("sha256", salt).update(ikm).digest();
  return createHmac("sha256", prk).update(Buffer.concat([Buffer.from("Caldera Derived Key"), Buffer.from([1])])).digest().subarray(0, 16);
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** The time a TIMESTAMP in Cognito's format (`Mon Dec 7 12:41:05 UTC 2026`) names, or NaN. */
function timeOf(text) {
  const m = /^(\w{3}) (\w{3}) ([1-9]\d?) (\d\d):(\d\d):(\d\d) UTC (\d{4})$/.exec(text ?? "");
  if (!m || !MONTHS.includes(m[2])) return NaN;
  const at = Date.UTC(Number(m[7]), MONTHS.indexOf(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return DAYS[new Date(at).getUTCDay()] === m[1] ? at : NaN;
}

/** A token with the user's sub, shaped as a JWT (unsigned: the clients read it, nobody verifies it here). */
const token = (claims) => ["eyJhbGciOiJub25lIn0", Buffer.from(JSON.stringify(claims)).toString("base64url"), "c2ln"].join(".");

/** Starts the verifier on 127.0.0.1 (a free port); resolves to `{ url, log, close() }`. */
export function startVerifier(user = USER) {
  const poolName = user.poolId.split("_")[1];
  const salt = big(randomBytes(16));
  const x = big(sha256(pad(salt), sha256(`${poolName}${user.userId}:${user.password}`)));
  const v = modPow(g, x, N);
  const sub = randomUUID();
  const sessions = new Map();
  const log = [];
  const fail = (type, message) => [400, { __type: type, message }];

  function answer(operation, body) {
    if (body.ClientId !== user.clientId) return fail("ResourceNotFoundException", "User pool client does not exist.");
    if (operation === "InitiateAuth") {
      if (body.AuthFlow !== "USER_SRP_AUTH") return fail("InvalidParameterException", "Only USER_SRP_AUTH is verified here.");
      const { USERNAME, SRP_A } = body.AuthParameters ?? {};
      if (USERNAME !== user.username && USERNAME !== user.userId) return fail("UserNotFoundException", "User does not exist.");
      const A = BigInt(`0x${SRP_A}`);
      if (A % N === 0n) return fail("InvalidParameterException", "SRP_A is a multiple of N.");
      const b = big(randomBytes(32));
      const B = (k * v + modPow(g, b, N)) % N;
      const u = big(sha256(pad(A), pad(B)));
      const S = modPow((A * modPow(v, u, N)) % N, b, N);
      const block = randomBytes(64).toString("base64");
      const session = `srp-session-${randomUUID()}`;
      sessions.set(session, { key: hkdf(pad(S), pad(u)), block });
      const ChallengeParameters = { SALT: salt.toString(16), SRP_B: B.toString(16), SECRET_BLOCK: block, USER_ID_FOR_SRP: user.userId, USERNAME: user.userId };
      return [200, { ChallengeName: "PASSWORD_VERIFIER", ChallengeParameters, Session: session }];
    }
    if (operation === "RespondToAuthChallenge") {
      const state = sessions.get(body.Session);
      sessions.delete(body.Session);
      const r = body.ChallengeResponses ?? {};
      if (body.ChallengeName !== "PASSWORD_VERIFIER" || !state) return fail("NotAuthorizedException", "Invalid session for the user.");
      if (r.USERNAME !== user.userId) return fail("NotAuthorizedException", "Incorrect username or password.");
      if (r.PASSWORD_CLAIM_SECRET_BLOCK !== state.block) return fail("NotAuthorizedException", "Incorrect username or password.");
      if (!(Math.abs(timeOf(r.TIMESTAMP) - Date.now()) < 5 * 60_000)) return fail("NotAuthorizedException", "Incorrect timestamp.");
      const message = Buffer.concat([Buffer.from(poolName), Buffer.from(user.userId), Buffer.from(state.block, "base64"), Buffer.from(r.TIMESTAMP)]);
      const expected = createHmac("sha256", state.key).update(message).digest("base64");
      if (r.PASSWORD_CLAIM_SIGNATURE !== expected) return fail("NotAuthorizedException", "Incorrect username or password.");
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub, "cognito:username": user.userId, iat: now, exp: now + 3600, aud: user.clientId, token_use: "id" };
      const AuthenticationResult = {
        AccessToken: token({ ...claims, token_use: "access", username: user.userId }),
        IdToken: token(claims),
        RefreshToken: token({ refresh: randomUUID() }),
        ExpiresIn: 3600,
        TokenType: "Bearer",
      };
      return [200, { AuthenticationResult, ChallengeParameters: {} }];
    }
    return fail("InvalidParameterException", `${operation} is not verified here.`);
  }

  const server = createServer(async (request, response) => {
    const cors = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "content-type, x-amz-target, x-amz-user-agent", "Access-Control-Allow-Methods": "POST" };
    if (request.method === "OPTIONS") return response.writeHead(204, cors).end();
    if (request.method === "GET" && request.url === "/log") return response.writeHead(200, { ...cors, "Content-Type": "application/json" }).end(JSON.stringify(log));
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString();
    const operation = String(request.headers["x-amz-target"]).split(".").pop();
    log.push({ operation, body: text });
    let status;
    let body;
    try {
      [status, body] = answer(operation, JSON.parse(text));
    } catch {
      [status, body] = fail("SerializationException", "The body is not JSON.");
    }
    response.writeHead(status, { ...cors, "Content-Type": "application/x-amz-json-1.1" }).end(JSON.stringify(body));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, sub, log, close: () => new Promise((done) => server.close(done)) }),
    ),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url, sub } = await startVerifier();
  console.log(`${url} ${sub}`);
}
