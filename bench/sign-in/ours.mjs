// This package's signIn (the sign-in module, SRP in Rust) for bench/sign-in/srp.mjs.
import { signIn as packageSignIn } from "cognito-signup";
import { USER } from "../../tests/srp/user.mjs";

export const signIn = (endpoint) => packageSignIn({ ClientId: USER.clientId, Username: USER.username, Password: USER.password }, { endpoint, userPoolId: USER.poolId, maxAttempts: 1 });
