// Misuses the types must refuse: each @ts-expect-error fails the build if the
// line below it starts to type-check, i.e. if the types get looser.
import { signUp, confirmSignUp, checkPassword } from "cognito-signup";
import type { CognitoSignUp } from "cognito-signup/element";

export function elementMisuses(element: CognitoSignUp): void {
  // @ts-expect-error: clientId is required
  element.config = { userPoolId: "eu-west-1_AbC123" };
  // @ts-expect-error: no such field type
  element.config = { clientId: "c", attributes: [{ name: "custom:x", type: "radio" }] };
  // @ts-expect-error: signup-confirmed's detail has no Password
  element.addEventListener("signup-confirmed", (event) => event.detail.Password);
  // @ts-expect-error: a problem names its field by the field's name, a string
  element.beforeSignUp = () => ({ problems: [{ field: 1, message: "x" }] });
}

export async function misuses(): Promise<void> {
  // @ts-expect-error: ClientId is required
  await signUp({ Username: "alice", Password: "x" }, { region: "eu-west-1" });
  // @ts-expect-error: attribute values are strings
  await signUp({ ClientId: "c", Username: "alice", UserAttributes: { age: 42 } }, { region: "eu-west-1" });
  // @ts-expect-error: a list attribute's Value is a string
  await signUp({ ClientId: "c", Username: "alice", UserAttributes: [{ Name: "age", Value: 42 }] }, { region: "eu-west-1" });
  // @ts-expect-error: no such config key
  await signUp({ ClientId: "c", Username: "alice" }, { region: "eu-west-1", retries: 3 });
  // @ts-expect-error: ConfirmationCode is required
  await confirmSignUp({ ClientId: "c", Username: "alice" }, { region: "eu-west-1" });
  // @ts-expect-error: Password is not a member of ConfirmSignUp
  await confirmSignUp({ ClientId: "c", Username: "alice", ConfirmationCode: "1", Password: "x" }, {});
  // @ts-expect-error: MinimumLength is a number
  checkPassword("x", { MinimumLength: "8" });
  const out = await signUp({ ClientId: "c", Username: "alice" }, {});
  // @ts-expect-error: UserConfirmed is a boolean, not a string
  const confirmed: string = out.UserConfirmed;
  void confirmed;
}
