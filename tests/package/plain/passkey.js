// A plain page (no bundler) on http://localhost: registers a passkey for the
// query's user with the installed package's two passkey calls (the
// browser's authenticator creates it), then signs in with it (signIn with
// PREFERRED_CHALLENGE WEB_AUTHN answers the challenge with the browser's
// assertion), and again through SELECT_CHALLENGE answered WEB_AUTHN: both ID
// tokens' subs, or the failure.
import { completeWebAuthnRegistration, respondToAuthChallenge, signIn, startWebAuthnRegistration } from "./node_modules/cognito-signup/index.js";
import { failure } from "./steps.mjs";

const query = new URLSearchParams(location.search);
const config = { endpoint: query.get("endpoint") };
const AccessToken = query.get("token");
const show = (text) => (document.getElementById("result").textContent = text);
try {
  const { CredentialCreationOptions } = await startWebAuthnRegistration({ AccessToken }, config);
  const created = await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(CredentialCreationOptions) });
  await completeWebAuthnRegistration({ AccessToken, Credential: created.toJSON() }, config);
  const ClientId = query.get("client");
  const Username = query.get("username");
  const out = await signIn({ ClientId, Username, AuthParameters: { PREFERRED_CHALLENGE: "WEB_AUTHN" } }, config);
  // And the other way in: the choice of first factors, answered with the passkey.
  const choice = await signIn({ ClientId, Username, AuthFlow: "USER_AUTH" }, config);
  const chosen = await respondToAuthChallenge({ ClientId, ChallengeName: choice.ChallengeName, Session: choice.Session, ChallengeResponses: { USERNAME: Username, ANSWER: "WEB_AUTHN" } }, config);
  const sub = (result) => JSON.parse(atob(result.AuthenticationResult.IdToken.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))).sub;
  show(`sub ${sub(out)} ${choice.ChallengeName} ${sub(chosen)}`);
} catch (error) {
  show(failure(error));
}
