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
