// WebAuthn's JSON forms (base64url for every binary member), as Cognito
// sends and takes them, turned into what `navigator.credentials` takes and
// back: the browser's own `PublicKeyCredential.parse…FromJSON` and
// `toJSON()` where it has them, this small decoder where it does not.

/** The bytes of base64url `text` (padded or not). */
const bytes = (text) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

/** `buffer` in base64url, unpadded. */
const base64url = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** Credential descriptors with their ids as bytes. */
const descriptors = (list) => list?.map((c) => ({ ...c, id: bytes(c.id) }));

/** `navigator.credentials.create`'s `publicKey` from StartWebAuthnRegistration's `CredentialCreationOptions`. */
export const creationOptions = (json) =>
  PublicKeyCredential.parseCreationOptionsFromJSON?.(json) ?? { ...json, challenge: bytes(json.challenge), user: { ...json.user, id: bytes(json.user.id) }, excludeCredentials: descriptors(json.excludeCredentials) };

/** `navigator.credentials.get`'s `publicKey` from the WEB_AUTHN challenge's `CREDENTIAL_REQUEST_OPTIONS`. */
export const requestOptions = (json) =>
  PublicKeyCredential.parseRequestOptionsFromJSON?.(json) ?? { ...json, challenge: bytes(json.challenge), allowCredentials: descriptors(json.allowCredentials) };

/** A created or asserted credential as its JSON (`RegistrationResponseJSON`, `AuthenticationResponseJSON`). */
export function credentialJSON(credential) {
  if (typeof credential.toJSON === "function") return credential.toJSON();
  const r = credential.response;
  const response = r.attestationObject
    ? {
        clientDataJSON: base64url(r.clientDataJSON),
        attestationObject: base64url(r.attestationObject),
        authenticatorData: r.getAuthenticatorData && base64url(r.getAuthenticatorData()),
        publicKey: r.getPublicKey?.() ? base64url(r.getPublicKey()) : undefined,
        publicKeyAlgorithm: r.getPublicKeyAlgorithm?.(),
        transports: r.getTransports?.() ?? [],
      }
    : {
        clientDataJSON: base64url(r.clientDataJSON),
        authenticatorData: base64url(r.authenticatorData),
        signature: base64url(r.signature),
        userHandle: r.userHandle ? base64url(r.userHandle) : undefined,
      };
  const { id, rawId, type, authenticatorAttachment } = credential;
  return { id, rawId: base64url(rawId), type, response, clientExtensionResults: credential.getClientExtensionResults?.() ?? {}, authenticatorAttachment: authenticatorAttachment ?? undefined };
}
