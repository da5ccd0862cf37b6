// Correct uses of cognito-signup's types: this file must type-check under --strict.
import {
  signUp,
  confirmSignUp,
  resendConfirmationCode,
  checkPassword,
  init,
  type CognitoSignUpError,
  type Config,
  type PasswordRule,
  type SignUpResponse,
} from "cognito-signup";

const config: Config = { userPoolId: "eu-west-1_AbC123", maxAttempts: 2, timeoutMs: 5000, abortSignal: new AbortController().signal };

export async function seed(): Promise<string> {
  const out: SignUpResponse = await signUp(
    {
      ClientId: "client",
      Username: "alice",
      Password: "Corr3ct-Horse!",
      UserAttributes: { email: "alice@example.com", name: "Alice", family_name: "Liddell", "custom:city": "Oslo" },
      ValidationData: [{ Name: "source", Value: "web" }],
      ClientMetadata: { campaign: "spring" },
    },
    config,
  );
  const confirmed: boolean = out.UserConfirmed;
  const where: string | undefined = out.CodeDeliveryDetails?.Destination;
  const attempts: number = out.$metadata.attempts;
  await confirmSignUp({ ClientId: "client", Username: "alice", ConfirmationCode: "123456", ForceAliasCreation: false }, config);
  const resent = await resendConfirmationCode({ ClientId: "client", Username: "alice" }, { region: "eu-west-1" });
  const medium: "SMS" | "EMAIL" | undefined = resent.CodeDeliveryDetails?.DeliveryMedium;
  return `${confirmed} ${where} ${attempts} ${medium}`;
}

export async function rules(password: string): Promise<PasswordRule[]> {
  await init();
  await init(new URL("https://cdn.example/cognito_signup_bg.wasm"));
  await init("/assets/cognito_signup_bg.wasm");
  await init(await fetch("/assets/cognito_signup_bg.wasm"));
  await init(new Uint8Array(8));
  return checkPassword(password, { MinimumLength: 8, RequireNumbers: true });
}

export function describe(error: unknown): string {
  const e = error as CognitoSignUpError;
  const fields: string[] = (e.problems ?? []).map((p) => p.field);
  const fault: "client" | "server" = e.$fault;
  const retried: boolean = e.earlierAttemptMayHaveSucceeded;
  return `${e.name} ${e.field ?? ""} ${fields.join(",")} ${fault} ${retried}`;
}

// The entry with the wasm inside has the same types.
import { signUp as signUpInline } from "cognito-signup/inline";
export const inlined: Promise<SignUpResponse> = signUpInline({ ClientId: "client", Username: "bob", Password: "Corr3ct-Horse!" }, config);

// The element: its class, configuration, properties and typed events.
import { CognitoSignUp, type AmplifyOutputs, type CognitoSignUpConfig } from "cognito-signup/element";

export function mountSignUp(parent: HTMLElement): CognitoSignUp {
  const element = document.createElement("cognito-sign-up");
  const config: CognitoSignUpConfig = {
    clientId: "client",
    userPoolId: "eu-west-1_AbC123",
    attributes: ["email", { name: "custom:plan", type: "select", options: ["free", { value: "pro", label: { en: "Pro", de: "Profi" } }], required: true }],
    usernameAttributes: ["email"],
    terms: { url: "/terms" },
    resendCooldownSeconds: 60,
    validationData: { invite: "abc" },
    clientMetadata: { campaign: "spring" },
    phoneCountry: "DE",
    phoneCountries: ["DE", "AT", "CH"],
  };
  element.config = config;
  const outputs: AmplifyOutputs = { version: "1.4", auth: { user_pool_id: "eu-west-1_AbC123", user_pool_client_id: "client", password_policy: { min_length: 8 } } };
  if (parent.dataset.amplify) element.config = outputs;
  element.values = { email: "invited@example.com" };
  element.beforeSignUp = async (input) =>
    input.Username.endsWith("!") ? { problems: [{ field: "username", message: "No exclamation marks" }] } : { ValidationData: { captcha: "token" } };
  element.translations = { de: { submit: "Los geht's" } };
  element.addEventListener("signup-confirmed", (event) => {
    const sub: string | null = event.detail.userSub;
    console.log(event.detail.username, sub);
  });
  element.addEventListener("signup-submit", (event) => {
    if (event.detail.Username.startsWith("test")) event.preventDefault();
  });
  parent.append(element);
  const same: CognitoSignUp | null = document.querySelector("cognito-sign-up");
  return same ?? element;
}
