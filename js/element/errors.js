// English words for Cognito's exceptions, loaded the first time one is to be
// said (i18n.js's `exceptions`): a sign-up that meets none never downloads
// them. The other languages carry their own among their texts. The texts a
// failed network needs (NetworkError, TimeoutError, unknown) stay in en.js,
// since this file cannot load then.
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
};
