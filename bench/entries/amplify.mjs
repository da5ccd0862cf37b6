// Amplify v6: aws-amplify/auth signUp.
import { Amplify } from "aws-amplify";
import { signUp } from "aws-amplify/auth";
import { CLIENT_ID, USER_POOL_ID, PASSWORD, email } from "./common.mjs";

export function createSignUp(endpoint) {
  Amplify.configure({ Auth: { Cognito: { userPoolId: USER_POOL_ID, userPoolClientId: CLIENT_ID, userPoolEndpoint: endpoint } } });
  return (username) => signUp({ username, password: PASSWORD, options: { userAttributes: { email: email(username) } } });
}
