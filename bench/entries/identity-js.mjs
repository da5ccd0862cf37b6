// amazon-cognito-identity-js: CognitoUserPool.signUp.
import { CognitoUserPool, CognitoUserAttribute } from "amazon-cognito-identity-js";
import { CLIENT_ID, USER_POOL_ID, PASSWORD, email } from "./common.mjs";

export function createSignUp(endpoint) {
  const pool = new CognitoUserPool({ UserPoolId: USER_POOL_ID, ClientId: CLIENT_ID, endpoint });
  return (Username) =>
    new Promise((resolve, reject) =>
      pool.signUp(Username, PASSWORD, [new CognitoUserAttribute({ Name: "email", Value: email(Username) })], null, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
}
