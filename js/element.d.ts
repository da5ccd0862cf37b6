// Types of cognito-signup/element: <cognito-sign-up>, its configuration and its events.
import type { AuthenticationResultType, CodeDeliveryDetailsType, PasswordPolicy, SignUpRequest } from "./index.js";

/** A text given per language (`{ en: "City", de: "Stadt" }`), or one text for all. */
export type LocalText = string | Record<string, string>;

/** One attribute the form asks for. */
export interface AttributeField {
  /** The Cognito attribute: `email`, `given_name`, `custom:city`, … */
  name: string;
  /** The label; standard attributes have one in every shipped language. */
  label?: LocalText;
  /** The input: standard attributes default to theirs (`email`, `tel`, `date`, …), others to `text`. */
  type?: "text" | "email" | "tel" | "date" | "url" | "checkbox" | "select";
  /** The choices of a `select`. */
  options?: Array<string | { value: string; label?: LocalText }>;
  required?: boolean;
  /** The `autocomplete` token; standard attributes default to theirs. */
  autocomplete?: string;
  /** A hint shown under the input. */
  hint?: LocalText;
}

/** The element's configuration: `www/config.example.json`'s format. */
export interface CognitoSignUpConfig {
  /** The public app client's id (attribute `client-id`). */
  clientId: string;
  /** Gives the region when `region` is absent (attribute `user-pool-id`). */
  userPoolId?: string;
  region?: string;
  /** A proxy or a local emulator: `https://`, or `http://` to loopback only. */
  endpoint?: string;
  /** The pool's password policy: the live checklist, and checked before sending. */
  passwordPolicy?: PasswordPolicy;
  /** The attributes to ask for, in order: a name (`"email"`) or a field. */
  attributes?: Array<string | AttributeField>;
  /** The pool's `UsernameAttributes`: the username is an email address or a phone number. */
  usernameAttributes?: Array<"email" | "phone_number">;
  /** A pool with passwordless sign-up: no password field, and SignUp with no `Password`. */
  passwordless?: boolean;
  /** Ask for the password twice (off by default: there is a show-password button). */
  confirmPassword?: boolean;
  /** A terms-of-service checkbox that must be ticked, with its link. */
  terms?: { url: string; label?: LocalText };
  /** Seconds before "Resend code" can be used again (default 30; attribute `resend-cooldown`). */
  resendCooldownSeconds?: number;
  /** `ValidationData` sent on SignUp, for the pool's pre sign-up Lambda trigger. */
  validationData?: Record<string, string>;
  /** `ClientMetadata` sent on SignUp, ConfirmSignUp and ResendConfirmationCode, for the pool's Lambda triggers. */
  clientMetadata?: Record<string, string>;
  /** The region a phone number is taken to be from, until the person picks another (ISO 3166, such as `"DE"`); else the language's region. */
  phoneCountry?: string;
  /** The regions the phone number's country list offers (ISO 3166 codes); all by default. */
  phoneCountries?: string[];
  /**
   * Sign the person in when they confirm (attribute `sign-in`): with the confirmation's `Session`
   * (USER_AUTH), else with SRP (the password never sent); `"USER_PASSWORD_AUTH"` uses the password
   * flow instead. A code, a choice of factor or an authenticator app's setup that the pool asks for
   * is a step of the element; the tokens go to `signup-signed-in`.
   */
  signIn?: boolean | "USER_SRP_AUTH" | "USER_PASSWORD_AUTH";
  /** The second factors the pool can ask for (`npx cognito-signup config` writes them): their steps load early. */
  mfa?: Array<"SMS_MFA" | "SOFTWARE_TOKEN_MFA" | "EMAIL_OTP">;
  /** The issuer an authenticator app shows for the account it sets up; the page's host by default. */
  totpIssuer?: string;
  /**
   * Offer a passkey once the person is signed in (attribute `passkey`): where the browser can make one,
   * a step with "Add a passkey" and "Not now"; `signup-passkey-added` when one is added.
   */
  passkey?: boolean;
}

/** Amplify Gen 2's `amplify_outputs.json`: the element reads its `auth` section and ignores the rest. */
export interface AmplifyOutputs {
  /** The user pool and its app client, as `npx ampx` writes them. */
  auth: {
    user_pool_id: string;
    user_pool_client_id: string;
    aws_region?: string;
    /** The pool's password policy. */
    password_policy?: { min_length?: number; require_lowercase?: boolean; require_uppercase?: boolean; require_numbers?: boolean; require_symbols?: boolean };
    /** What the username is: `"email"`, `"phone_number"` (`"username"` is the plain one). */
    username_attributes?: string[];
    /** The standard attributes the pool requires: asked for, and required. */
    standard_required_attributes?: string[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** What `beforeSignUp` may return: nothing or `true` (go on), `false` (send nothing), problems to show, or Lambda data to send. */
export type BeforeSignUpResult =
  | void
  | boolean
  | {
      /** Each shown next to its field (a form field's name: `username`, `email`, `custom:city`, …), or in the banner. */
      problems: Array<{ field: string; message: string }>;
    }
  | {
      /** Laid over the configuration's `validationData`. */
      ValidationData?: Record<string, string>;
      /** Laid over the configuration's `clientMetadata`. */
      ClientMetadata?: Record<string, string>;
    };

/** Partial dictionaries by language, laid over the shipped ones: `{ de: { submit: "Los geht's" } }`. */
export type Translations = Record<string, Record<string, string>>;

/** `signup-submit`'s detail: the SignUp input without the password. */
export type SignUpSubmitDetail = Omit<SignUpRequest, "Password" | "UserAttributes" | "ValidationData" | "ClientMetadata"> & {
  UserAttributes: Array<{ Name: string; Value: string }>;
  /** The configuration's `validationData`. */
  ValidationData?: Record<string, string>;
  /** The configuration's `clientMetadata`. */
  ClientMetadata?: Record<string, string>;
};
/** `signup-code-sent`'s detail: where the code went. */
export type SignUpCodeSentDetail = CodeDeliveryDetailsType | null;
/** `signup-confirmed`'s detail. */
export interface SignUpConfirmedDetail {
  username: string;
  userSub: string | null;
}
/**
 * `signup-signed-in`'s detail: the tokens (`AuthenticationResult`), or the challenge the pool asks
 * for (`ChallengeName`, `Session`, `ChallengeParameters`) for the host's own sign-in UI to go on.
 */
export interface SignUpSignedInDetail {
  username: string;
  userSub: string | null;
  AuthenticationResult?: AuthenticationResultType;
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AvailableChallenges?: string[];
}
/** `signup-error`'s detail: the error's name (`UsernameExistsException`, …), its message and the refused input. */
export interface SignUpErrorDetail {
  name: string;
  message: string;
  field: string | null;
}

/** The element's events: they bubble and are composed. */
export interface CognitoSignUpEventMap {
  /** Before any request; cancelable (`preventDefault()` sends nothing). */
  "signup-submit": CustomEvent<SignUpSubmitDetail>;
  "signup-code-sent": CustomEvent<SignUpCodeSentDetail>;
  "signup-confirmed": CustomEvent<SignUpConfirmedDetail>;
  /** After confirmation, with `signIn`: the only event that carries tokens. */
  "signup-signed-in": CustomEvent<SignUpSignedInDetail>;
  /** A passkey was added at the end of sign-up: who it is for. */
  "signup-passkey-added": CustomEvent<{ username: string; userSub: string | null }>;
  "signup-error": CustomEvent<SignUpErrorDetail>;
}

/** `<cognito-sign-up>`: the whole sign-up flow. */
export declare class CognitoSignUp extends HTMLElement {
  /** The configuration (or `amplify_outputs.json`); wins over the `config` attribute (a URL). */
  config: CognitoSignUpConfig | AmplifyOutputs | null;
  /** Partial dictionaries by language. */
  translations: Translations;
  /** Values to fill the fields with before the person types, by field name; never the password. */
  values: Record<string, string | boolean>;
  /** The host's own check, after the element's and before anything is sent (the submit button is busy meanwhile). */
  beforeSignUp?: ((input: SignUpSubmitDetail) => BeforeSignUpResult | Promise<BeforeSignUpResult>) | null;
  addEventListener<K extends keyof CognitoSignUpEventMap>(type: K, listener: (this: CognitoSignUp, event: CognitoSignUpEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof CognitoSignUpEventMap>(type: K, listener: (this: CognitoSignUp, event: CognitoSignUpEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The element's attributes and properties, as JSX gives them (React 19 sets `config` and `translations` as properties). */
export interface CognitoSignUpAttributes {
  config?: string | CognitoSignUpConfig | AmplifyOutputs;
  translations?: Translations;
  values?: Record<string, string | boolean>;
  beforeSignUp?: CognitoSignUp["beforeSignUp"];
  children?: unknown;
  "client-id"?: string;
  "user-pool-id"?: string;
  region?: string;
  endpoint?: string;
  lang?: string;
  "resend-cooldown"?: number | string;
  /** Sign in when confirmed. */
  "sign-in"?: boolean | "" | "true" | "false";
  /** Start at the confirm step for this user. */
  username?: string;
  theme?: "light" | "dark";
  id?: string;
  class?: string;
  className?: string;
  "onsignup-submit"?: (event: CognitoSignUpEventMap["signup-submit"]) => void;
  "onsignup-code-sent"?: (event: CognitoSignUpEventMap["signup-code-sent"]) => void;
  "onsignup-confirmed"?: (event: CognitoSignUpEventMap["signup-confirmed"]) => void;
  "onsignup-signed-in"?: (event: CognitoSignUpEventMap["signup-signed-in"]) => void;
  "onsignup-passkey-added"?: (event: CognitoSignUpEventMap["signup-passkey-added"]) => void;
  "onsignup-error"?: (event: CognitoSignUpEventMap["signup-error"]) => void;
}

declare global {
  interface HTMLElementTagNameMap {
    "cognito-sign-up": CognitoSignUp;
  }
}
