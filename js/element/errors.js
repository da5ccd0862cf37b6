// Cognito's exceptions, as a person is told of them: English words for each,
// and `errorText`, which knows which ones only a misconfigured pool raises.
// Loaded the first time an exception is to be said (i18n.js's
// `exceptions`): a sign-up that meets none never downloads this. The other
// languages carry their own words among their texts. What a failed network
// needs (NetworkError, TimeoutError, unknown) stays in en.js and i18n.js,
// since this file cannot load then.

/** The exceptions that only a misconfigured pool or an outage raises: one message for all. */
const UNAVAILABLE = /^(Forbidden|InternalError|InvalidEmailRoleAccessPolicy|InvalidLambdaResponse|InvalidSmsRole\w*|ResourceNotFound|UnexpectedLambda)Exception$|^UnknownError$/;

/**
 * The user-facing text of `error` in `dict`'s language, given `plain`
 * (i18n.js's: an error said by its name's words, else generically): a
 * Lambda's own message without its prefix, and the detail of an invalid
 * parameter.
 */
export function errorText(dict, error, plain) {
  if (UNAVAILABLE.test(error.name)) return plain(dict, { name: "unavailable" });
  const message = error.name === "UserLambdaValidationException" ? error.message.replace(/^\w+ failed with error /, "") : error.message;
  const said = plain(dict, { name: error.name, message });
  return error.name === "InvalidParameterException" && message ? `${said} (${message})` : said;
}

export default {
  UsernameExistsException: "That username is already taken. Choose another one, or sign in if the account is yours.",
  AliasExistsException: "An account with this email or phone number already exists.",
  InvalidPasswordException: "That password does not meet the requirements.",
  InvalidParameterException: "Some details are not valid.",
  CodeMismatchException: "That code is not right. Check the message we sent and try again.",
  ExpiredCodeException: "That code has expired. Ask for a new one with “Resend code”.",
  CodeDeliveryFailureException: "We could not send the code. Check your email address or phone number.",
  LimitExceededException: "Too many attempts. Please wait a few minutes, then try again.",
  TooManyRequestsException: "We are receiving a lot of requests. Please try again in a moment.",
  TooManyFailedAttemptsException: "Too many wrong codes. Please wait, then ask for a new code.",
  UserNotFoundException: "We could not find that account. Please sign up again.",
  NotAuthorizedException: "This is not allowed. If your account is already confirmed, you can sign in.",
  UserLambdaValidationException: "Your details were not accepted: {message}",
  unavailable: "Sign-up is not available right now. Please try again later.",
  WebAuthnNotEnabledException: "Passkeys are not turned on for this app.",
  WebAuthnConfigurationMissingException: "Passkeys are not set up for this app yet.",
  WebAuthnChallengeNotFoundException: "The passkey request expired. Please try again.",
  WebAuthnRelyingPartyMismatchException: "This passkey was made for another website.",
  WebAuthnOriginNotAllowedException: "Passkeys cannot be added from this website.",
  WebAuthnClientMismatchException: "This passkey request belongs to another app. Please try again.",
  WebAuthnCredentialNotSupportedException: "This kind of passkey is not supported. Try another device or password manager.",
};
