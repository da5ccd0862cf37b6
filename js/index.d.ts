// Types of cognito-signup: the Cognito API's own shapes, exactly.

/** A user attribute (`AttributeType`). */
export interface AttributeType {
  /** `email`, `name`, `custom:city`, … (1–32 characters). */
  Name: string;
  /** The value (at most 2048 characters). */
  Value?: string;
}

/** `UserAttributes` / `ValidationData`: the API's list, or a record of names to values. */
export type AttributeList = AttributeType[] | Record<string, string>;

/** `AnalyticsMetadataType`. */
export interface AnalyticsMetadataType {
  AnalyticsEndpointId?: string;
}

/** `UserContextDataType`, for threat protection. */
export interface UserContextDataType {
  IpAddress?: string;
  EncodedData?: string;
}

/** Members every request has. */
interface RequestBase {
  /** The app client id. */
  ClientId: string;
  /** The user's name (1–128 characters, no spaces or control characters). */
  Username: string;
  /** Base64(HMAC-SHA256(client secret, Username + ClientId)); or give `config.clientSecret`. */
  SecretHash?: string;
  /** Key-value pairs for Lambda triggers. */
  ClientMetadata?: Record<string, string>;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
}

/** The request of `SignUp`. */
export interface SignUpRequest extends RequestBase {
  /** At most 256 characters; inner spaces allowed, none at either end. */
  Password?: string;
  UserAttributes?: AttributeList;
  ValidationData?: AttributeList;
}

/** The request of `ConfirmSignUp`. */
export interface ConfirmSignUpRequest extends RequestBase {
  /** The code Cognito sent. */
  ConfirmationCode: string;
  ForceAliasCreation?: boolean;
  /** The session of a passwordless `SignUp` (20–2048 characters). */
  Session?: string;
}

/** The request of `ResendConfirmationCode`. */
export type ResendConfirmationCodeRequest = RequestBase;

/** `AuthParameters` of `InitiateAuth`. */
export interface AuthParametersType {
  /** The user's name, as signed up. */
  USERNAME: string;
  /** `USER_PASSWORD_AUTH`: the password. */
  PASSWORD?: string;
  /** Base64(HMAC-SHA256(client secret, USERNAME + ClientId)); or give `config.clientSecret`. */
  SECRET_HASH?: string;
  /** `USER_AUTH`: the first factor to use where the pool offers several (`PASSWORD`, `EMAIL_OTP`, …). */
  PREFERRED_CHALLENGE?: string;
  [name: string]: string | undefined;
}

/** The request of `InitiateAuth`, for the two flows that need no SRP. */
export interface InitiateAuthRequest {
  /** `USER_AUTH` (with the `Session` of `ConfirmSignUp`: sign-in after sign-up) or `USER_PASSWORD_AUTH` (with `PASSWORD`). */
  AuthFlow: "USER_AUTH" | "USER_PASSWORD_AUTH";
  AuthParameters: AuthParametersType;
  /** The app client id. */
  ClientId: string;
  /** `USER_AUTH`: the session `ConfirmSignUp` returned (20–2048 characters). */
  Session?: string;
  /** Key-value pairs for Lambda triggers. */
  ClientMetadata?: Record<string, string>;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
}

/** The input of `signIn`. */
export interface SignInInput {
  /** The app client id. */
  ClientId: string;
  /** The user's name (or email or phone number, where those sign in). */
  Username: string;
  /** Proven by SRP (never sent), or sent with `AuthFlow: "USER_PASSWORD_AUTH"`; not needed with a `Session`. */
  Password?: string;
  /** The `Session` of `ConfirmSignUp`: signs in with `USER_AUTH`, no password needed. */
  Session?: string;
  /** Where the choice (`USER_AUTH` with a session, else `USER_SRP_AUTH`) is not wanted. */
  AuthFlow?: "USER_AUTH" | "USER_SRP_AUTH" | "USER_PASSWORD_AUTH";
  /**
   * The first factor to sign in with (choice-based sign-in, `USER_AUTH`): with `WEB_AUTHN`, in a
   * browser, `signIn` answers the challenge with the person's passkey itself.
   */
  AuthParameters?: { PREFERRED_CHALLENGE: "WEB_AUTHN" | "EMAIL_OTP" | "SMS_OTP" | "PASSWORD" | "PASSWORD_SRP" };
  /** Key-value pairs for Lambda triggers. */
  ClientMetadata?: Record<string, string>;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
}

/** The request of `RespondToAuthChallenge`. */
export interface RespondToAuthChallengeRequest {
  /** The app client id. */
  ClientId: string;
  /** The challenge answered: `SMS_MFA`, `EMAIL_OTP`, `SOFTWARE_TOKEN_MFA`, `SELECT_MFA_TYPE`, `MFA_SETUP`, … */
  ChallengeName: string;
  /** The last answer's `Session`. */
  Session?: string;
  /** `USERNAME` and the answer (`SMS_MFA_CODE`, `EMAIL_OTP_CODE`, `SOFTWARE_TOKEN_MFA_CODE`, `ANSWER`, …). */
  ChallengeResponses: Record<string, string>;
  /** Key-value pairs for Lambda triggers. */
  ClientMetadata?: Record<string, string>;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
}

/** The request of `AssociateSoftwareToken`: a signed-in user's access token, or the `MFA_SETUP` challenge's session. */
export interface AssociateSoftwareTokenRequest {
  AccessToken?: string;
  Session?: string;
}

/** The response of `AssociateSoftwareToken`. */
export interface AssociateSoftwareTokenResponse {
  /** The authenticator app's secret (Base32), for its QR code. */
  SecretCode?: string;
  /** For `VerifySoftwareToken`, when the request gave a session. */
  Session?: string;
  $metadata: ResponseMetadata;
}

/** The request of `VerifySoftwareToken`. */
export interface VerifySoftwareTokenRequest {
  AccessToken?: string;
  Session?: string;
  /** The six digits the app shows. */
  UserCode: string;
  /** What the user calls the app. */
  FriendlyDeviceName?: string;
}

/** The response of `VerifySoftwareToken`. */
export interface VerifySoftwareTokenResponse {
  Status?: "SUCCESS" | "ERROR";
  /** For `RespondToAuthChallenge` (`MFA_SETUP`), when the request gave a session. */
  Session?: string;
  $metadata: ResponseMetadata;
}

/** A pool's password policy (`PasswordPolicyType`). */
export interface PasswordPolicy {
  /** 6–99. */
  MinimumLength?: number;
  RequireUppercase?: boolean;
  RequireLowercase?: boolean;
  RequireNumbers?: boolean;
  RequireSymbols?: boolean;
  /** Accepted (as DescribeUserPool returns it) and not checked. */
  TemporaryPasswordValidityDays?: number;
  /** Accepted (as DescribeUserPool returns it) and not checked. */
  PasswordHistorySize?: number;
}

/** A rule of a password policy, as `checkPassword` names it. */
export type PasswordRule =
  | "MinimumLength"
  | "RequireUppercase"
  | "RequireLowercase"
  | "RequireNumbers"
  | "RequireSymbols";

/** Where and how to call. */
export interface Config {
  /** e.g. `eu-west-1`. */
  region?: string;
  /** e.g. `eu-west-1_AbC123`: gives the region when `region` is absent. */
  userPoolId?: string;
  /** Overrides the endpoint: `https://`, or `http://` to 127.0.0.1, localhost or [::1]. */
  endpoint?: string;
  useFipsEndpoint?: boolean;
  useDualstackEndpoint?: boolean;
  /** Computes SecretHash with WebCrypto. Server-side only: in a page it is public. */
  clientSecret?: string;
  /** The pool's policy, checked before SignUp is sent. */
  passwordPolicy?: PasswordPolicy;
  /** 1–10, default 3; 1 disables retries. */
  maxAttempts?: number;
  /** The longest one attempt may take, in milliseconds. */
  timeoutMs?: number;
  /** Cancels the request in flight or the wait before a retry. */
  abortSignal?: AbortSignal;
}

/** Facts about the exchange, as the AWS SDK's `$metadata`. */
export interface ResponseMetadata {
  httpStatusCode?: number;
  /** `x-amzn-requestid`, when the response exposes it. */
  requestId?: string;
  /** Requests sent: 0 when the input was refused before sending. */
  attempts: number;
  /** Milliseconds waited between attempts. */
  totalRetryDelay: number;
}

/** `CodeDeliveryDetailsType`: where the code went. */
export interface CodeDeliveryDetailsType {
  /** Masked, e.g. `a***@e***`. */
  Destination?: string;
  DeliveryMedium?: "SMS" | "EMAIL";
  AttributeName?: string;
}

/** The response of `SignUp`. */
export interface SignUpResponse {
  UserConfirmed: boolean;
  UserSub: string;
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
  Session?: string;
  $metadata: ResponseMetadata;
}

/** The response of `ConfirmSignUp`. */
export interface ConfirmSignUpResponse {
  Session?: string;
  $metadata: ResponseMetadata;
}

/** The response of `ResendConfirmationCode`. */
export interface ResendConfirmationCodeResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
  $metadata: ResponseMetadata;
}

/** `AuthenticationResultType`: the tokens of a signed-in user. Keep them in memory, or hand them to your server. */
export interface AuthenticationResultType {
  AccessToken?: string;
  /** Seconds the access and ID tokens are valid for. */
  ExpiresIn?: number;
  TokenType?: string;
  RefreshToken?: string;
  IdToken?: string;
  NewDeviceMetadata?: { DeviceKey?: string; DeviceGroupKey?: string };
}

/** The response of `InitiateAuth`: the tokens, or a challenge when the pool asks for more (MFA, …). */
export interface InitiateAuthResponse {
  AuthenticationResult?: AuthenticationResultType;
  /** e.g. `SMS_MFA`, `SOFTWARE_TOKEN_MFA`, `SELECT_CHALLENGE`, `NEW_PASSWORD_REQUIRED`. */
  ChallengeName?: string;
  /** Carries the challenge on to `RespondToAuthChallenge`. */
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AvailableChallenges?: string[];
  $metadata: ResponseMetadata;
}

/** The names a caller can meet: Cognito's exceptions and the transport's. */
export type ErrorName =
  | "InvalidParameterException"
  | "InvalidPasswordException"
  | "UsernameExistsException"
  | "CodeMismatchException"
  | "ExpiredCodeException"
  | "LimitExceededException"
  | "TooManyRequestsException"
  | "TooManyFailedAttemptsException"
  | "NotAuthorizedException"
  | "UserNotConfirmedException"
  | "PasswordResetRequiredException"
  | "UserNotFoundException"
  | "ResourceNotFoundException"
  | "AliasExistsException"
  | "CodeDeliveryFailureException"
  | "UserLambdaValidationException"
  | "UnexpectedLambdaException"
  | "InvalidLambdaResponseException"
  | "InvalidSmsRoleAccessPolicyException"
  | "InvalidSmsRoleTrustRelationshipException"
  | "InvalidEmailRoleAccessPolicyException"
  | "InternalErrorException"
  | "ForbiddenException"
  | "WebAuthnNotEnabledException"
  | "WebAuthnConfigurationMissingException"
  | "WebAuthnChallengeNotFoundException"
  | "WebAuthnRelyingPartyMismatchException"
  | "WebAuthnOriginNotAllowedException"
  | "WebAuthnClientMismatchException"
  | "WebAuthnCredentialNotSupportedException"
  | "NetworkError"
  | "TimeoutError"
  | "AbortError"
  | "UnknownError";

/** One refused input. */
export interface Problem {
  /** e.g. `Username`, `UserAttributes[2].Name`, `config.region`. */
  field: string;
  /** e.g. `must have at most 128 characters`. */
  message: string;
}

/** What every call rejects with. */
export interface CognitoSignUpError extends Error {
  /** A Cognito exception name, or a transport error's. Other names Cognito may add pass through. */
  name: ErrorName | (string & {});
  $fault: "client" | "server";
  $metadata: ResponseMetadata;
  /** The first refused input, for errors raised before sending. */
  field?: string;
  /** Every refused input, for errors raised before sending. */
  problems?: Problem[];
  /** Of an `InvalidParameterException`, when Cognito gives one. */
  reasonCode?: string;
  /** A SignUp retried after an attempt of unknown outcome met `UsernameExistsException`: the account may be the caller's. */
  earlierAttemptMayHaveSucceeded: boolean;
}

/** Registers a user: Cognito's `SignUp`. Rejects with a `CognitoSignUpError`. */
export declare function signUp(input: SignUpRequest, config: Config): Promise<SignUpResponse>;

/** Confirms a user with the code Cognito sent: `ConfirmSignUp`. Rejects with a `CognitoSignUpError`. */
export declare function confirmSignUp(input: ConfirmSignUpRequest, config: Config): Promise<ConfirmSignUpResponse>;

/** Sends the confirmation code again: `ResendConfirmationCode`. Rejects with a `CognitoSignUpError`. */
export declare function resendConfirmationCode(
  input: ResendConfirmationCodeRequest,
  config: Config,
): Promise<ResendConfirmationCodeResponse>;

/**
 * Signs a user in: Cognito's `InitiateAuth`, with `USER_AUTH` and the `Session` of `ConfirmSignUp`,
 * or `USER_PASSWORD_AUTH` and the password. Any other flow is refused before sending. Rejects
 * with a `CognitoSignUpError` (`NotAuthorizedException`, `UserNotConfirmedException`, …).
 */
export declare function initiateAuth(input: InitiateAuthRequest, config: Config): Promise<InitiateAuthResponse>;

/**
 * Signs a user in with one call: `USER_AUTH` with the `Session` of `ConfirmSignUp` where there is one,
 * else SRP (`USER_SRP_AUTH`: the password is proven, never sent), and `USER_PASSWORD_AUTH` only when
 * `AuthFlow` asks; answers `PASSWORD_VERIFIER` itself. Resolves to the tokens, or to the next challenge
 * (`ChallengeName`, `Session`, `ChallengeParameters`) for `respondToAuthChallenge`. SRP needs
 * `config.userPoolId`. Loads the sign-in module (a `.wasm` of its own) on the first call of the four
 * sign-in calls. Rejects with a `CognitoSignUpError`.
 */
export declare function signIn(input: SignInInput, config: Config): Promise<InitiateAuthResponse>;

/**
 * Answers a challenge: `RespondToAuthChallenge`. A `SELECT_CHALLENGE` answered with `WEB_AUTHN` is
 * followed, in a browser, by the person's passkey. Rejects with a `CognitoSignUpError`.
 */
export declare function respondToAuthChallenge(input: RespondToAuthChallengeRequest, config: Config): Promise<InitiateAuthResponse>;

/** An authenticator app's secret for the user: `AssociateSoftwareToken`. Rejects with a `CognitoSignUpError`. */
export declare function associateSoftwareToken(input: AssociateSoftwareTokenRequest, config: Config): Promise<AssociateSoftwareTokenResponse>;

/** Checks the app's first code: `VerifySoftwareToken`. Rejects with a `CognitoSignUpError`. */
export declare function verifySoftwareToken(input: VerifySoftwareTokenRequest, config: Config): Promise<VerifySoftwareTokenResponse>;

/** `StartWebAuthnRegistration`'s input: the signed-in user's access token. */
export interface StartWebAuthnRegistrationRequest {
  AccessToken: string;
}

/** `StartWebAuthnRegistration`'s answer: the options for `navigator.credentials.create`, as JSON (binary members in base64url). */
export interface StartWebAuthnRegistrationResponse {
  /** A `PublicKeyCredentialCreationOptionsJSON`: `PublicKeyCredential.parseCreationOptionsFromJSON` takes it. */
  CredentialCreationOptions: Record<string, unknown>;
  $metadata: ResponseMetadata;
}

/** `CompleteWebAuthnRegistration`'s input: the access token, and the credential the browser created. */
export interface CompleteWebAuthnRegistrationRequest {
  AccessToken: string;
  /** A `RegistrationResponseJSON` (what `credential.toJSON()` gives). */
  Credential: Record<string, unknown>;
}

/** `CompleteWebAuthnRegistration`'s answer: nothing but its metadata. */
export interface CompleteWebAuthnRegistrationResponse {
  $metadata: ResponseMetadata;
}

/**
 * Starts registering a passkey for a signed-in user: `StartWebAuthnRegistration`. Loads the sign-in
 * module on the first call. Rejects with a `CognitoSignUpError` (`WebAuthnNotEnabledException`,
 * `WebAuthnConfigurationMissingException`, …).
 */
export declare function startWebAuthnRegistration(
  input: StartWebAuthnRegistrationRequest,
  config: Config,
): Promise<StartWebAuthnRegistrationResponse>;

/**
 * Registers the passkey the browser created: `CompleteWebAuthnRegistration`. Rejects with a
 * `CognitoSignUpError` (`WebAuthnChallengeNotFoundException`, `WebAuthnRelyingPartyMismatchException`,
 * `WebAuthnOriginNotAllowedException`, `WebAuthnClientMismatchException`,
 * `WebAuthnCredentialNotSupportedException`, …).
 */
export declare function completeWebAuthnRegistration(
  input: CompleteWebAuthnRegistrationRequest,
  config: Config,
): Promise<CompleteWebAuthnRegistrationResponse>;

/** Every rule of `policy` that `password` does not meet. In a browser, `await init()` once first. */
export declare function checkPassword(password: string, policy: PasswordPolicy): PasswordRule[];

/** Where `init()` may load the wasm module from: its URL, a `Response`, its bytes, or the module compiled. */
export type WasmSource = string | URL | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the wasm module (the calls do it themselves; `checkPassword` needs it done). In a browser,
 * `where` says where it is when the page serves it itself (a CDN, an assets folder); call it before
 * the first call. The server entries carry the module and ignore `where`.
 */
export declare function init(where?: WasmSource): Promise<void>;
