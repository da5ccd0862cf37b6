// CommonJS: `require` resolves the package's `node.require` condition and its
// types (index.d.cts); this file must type-check under --strict.
import { checkPassword, init, signUp, type PasswordRule, type SignUpResponse } from "cognito-signup";

export const ready: Promise<void> = init();
export const rules: PasswordRule[] = checkPassword("abc", { MinimumLength: 8, RequireNumbers: true });
export const out: Promise<SignUpResponse> = signUp({ ClientId: "client", Username: "carol", Password: "Corr3ct-Horse!" }, { region: "eu-west-1" });
