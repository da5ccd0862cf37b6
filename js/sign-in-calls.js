// signIn and the challenge calls (RespondToAuthChallenge, AssociateSoftwareToken,
// VerifySoftwareToken) and a passkey's registration (StartWebAuthnRegistration,
// CompleteWebAuthnRegistration), from the sign-in module: the crate built with SRP
// (src/wasm/sign_in.rs), a .wasm of its own that loads the first time one of
// them is called, so that a sign-up page pays for none of it before. The
// entries load this file on that first call (sign-in-web.js, sign-in-node.js).
// The glue is the sign-in module's (scripts/build.sh binds it).
import { initSync, signInStart, signInAnswer } from "cognito-signup-glue";
import { operation, run } from "./call.js";
import { compile } from "./compile.js";
import { credentialJSON, requestOptions } from "./webauthn.js";

/** The sign-in calls, with the sign-in module compiled from `source()` (what `compile` takes) on the first one. */
export function signInCalls(source) {
  let ready;
  let loaded = false;
  const init = () =>
    (ready ??= compile(source()).then(
      (module) => {
        initSync({ module });
        loaded = true;
      },
      (error) => {
        ready = undefined;
        throw error;
      },
    ));
  const op = (n) => operation(n, init, () => loaded);
  const respond = op(4);
  /** Answers Cognito's WEB_AUTHN challenge `out` with the passkey the browser gets for it. */
  const passkey = async (out, input, config) => {
    const { CREDENTIAL_REQUEST_OPTIONS, USERNAME = input.Username } = out.ChallengeParameters ?? {};
    const publicKey = requestOptions(JSON.parse(CREDENTIAL_REQUEST_OPTIONS));
    const credential = await navigator.credentials.get({ publicKey, signal: config?.abortSignal });
    const ChallengeResponses = { USERNAME, CREDENTIAL: JSON.stringify(credentialJSON(credential)) };
    return respond({ ClientId: input.ClientId, ChallengeName: "WEB_AUTHN", Session: out.Session, ChallengeResponses, ClientMetadata: input.ClientMetadata }, config);
  };
  return {
    /**
     * Signs a user in: `USER_AUTH` with the `Session` where there is one,
     * else SRP (the password never sent), the password flow only when
     * `AuthFlow` asks; answers `PASSWORD_VERIFIER` itself, and in a browser
     * `WEB_AUTHN` with the person's passkey (`AuthParameters.PREFERRED_CHALLENGE`).
     * Resolves to the tokens, or to the next challenge for the caller.
     */
    async signIn(input, config) {
      await init();
      const started = signInStart(input, config);
      // The module forgets the sign-in (and its secret) whatever InitiateAuth's answer.
      const first = await run(started).catch((error) => {
        signInAnswer(started.call, undefined, 0);
        throw error;
      });
      const next = signInAnswer(started.call, first, Date.now() / 1000);
      const out = next ? await run(next) : first;
      // A passkey asked for (PREFERRED_CHALLENGE WEB_AUTHN, or a choice answered so): in a browser, the
      // person's authenticator answers it, and Cognito's tokens come back.
      return out.ChallengeName === "WEB_AUTHN" && globalThis.navigator?.credentials ? passkey(out, input, config) : out;
    },
    /**
     * Answers a challenge: RespondToAuthChallenge. A choice answered with
     * `WEB_AUTHN` is followed, in a browser, by the passkey's own answer, as
     * `signIn` follows a preferred one.
     */
    async respondToAuthChallenge(input, config) {
      const out = await respond(input, config);
      const { ANSWER, USERNAME } = input.ChallengeResponses ?? {};
      const asked = ANSWER === "WEB_AUTHN" && out.ChallengeName === "WEB_AUTHN" && globalThis.navigator?.credentials;
      return asked ? passkey(out, { ClientId: input.ClientId, Username: USERNAME, ClientMetadata: input.ClientMetadata }, config) : out;
    },
    associateSoftwareToken: op(5),
    verifySoftwareToken: op(6),
    startWebAuthnRegistration: op(7),
    completeWebAuthnRegistration: op(8),
  };
}
