// The page that times SRP's client work (bench/sign-in.mjs): `library` is
// this package's signIn or amazon-cognito-identity-js's authenticateUser
// (the bundle's alias). Cognito is answered in the page, at once, by a
// fetch laid over the browser's (one PASSWORD_VERIFIER the SRP verifier
// gave, then tokens), so what is timed is the client's work alone: A, then
// the claim from B and the salt. One untimed sign-in first (loading and
// compiling), then `runs` timed ones; the times go to `window.times`.
import { signIn } from "library";

const query = new URLSearchParams(location.search);
const challenge = query.get("challenge");
const tokens = JSON.stringify({ AuthenticationResult: { AccessToken: "a", IdToken: "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln", RefreshToken: "r", ExpiresIn: 3600, TokenType: "Bearer" }, ChallengeParameters: {} });
const ENDPOINT = "https://cognito-idp.eu-west-1.amazonaws.com/";
const real = fetch.bind(globalThis);
globalThis.fetch = async (url, init = {}) => {
  if (String(url) !== ENDPOINT) return real(url, init);
  const target = new Headers(init.headers).get("x-amz-target") ?? "";
  const body = target.endsWith(".InitiateAuth") ? challenge : tokens;
  return new Response(body, { status: 200, headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "1" } });
};

const times = [];
try {
  await signIn(ENDPOINT);
  for (let i = 0; i < Number(query.get("runs")); i++) {
    const start = performance.now();
    await signIn(ENDPOINT);
    times.push(performance.now() - start);
  }
  window.times = times;
} catch (error) {
  window.times = { error: `${error.name}: ${error.message}` };
}
console.log("done");
