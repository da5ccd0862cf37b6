// A plain page (no bundler) on http://localhost: registers a passkey for the
// query's user with the installed package's two passkey calls (the
// browser's authenticator creates it), then signs in with it (signIn with
// PREFERRED_CHALLENGE WEB_AUTHN answers the challenge with the browser's
// assertion): the ID token's sub, or the failure.
import { completeWebAuthnRegistration, signIn, startWebAuthnRegistration } from "./node_modules/cognito-signup/index.js";
import { failure } from "./steps.mjs";

const query = new URLSearchParams(location.search);
const config = { endpoint: query.get("endpoint") };
const AccessToken = query.get("token");
const show = (text) => (document.getElementById("result").textContent = text);
try {
  const { CredentialCreationOptions } = await startWebAuthnRegistration({ AccessToken }, config);
  const created = await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(CredentialCreationOptions) });
  await completeWebAuthnRegistration({ AccessToken, Credential: created.toJSON() }, config);
  const out = await signIn({ ClientId: query.get("client"), Username: query.get("username"), AuthParameters: { PREFERRED_CHALLENGE: "WEB_AUTHN" } }, config);
  show(`sub ${JSON.parse(atob(out.AuthenticationResult.IdToken.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))).sub}`);
} catch (error) {
  show(failure(error));
}
