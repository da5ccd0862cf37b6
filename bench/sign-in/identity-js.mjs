// amazon-cognito-identity-js's authenticateUser (its AuthenticationHelper's SRP) for bench/sign-in/srp.mjs.
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from "amazon-cognito-identity-js";
import { USER } from "../../tests/srp/user.mjs";

export function signIn(endpoint) {
  const pool = new CognitoUserPool({ UserPoolId: USER.poolId, ClientId: USER.clientId, endpoint });
  const user = new CognitoUser({ Username: USER.username, Pool: pool });
  return new Promise((onSuccess, onFailure) => user.authenticateUser(new AuthenticationDetails({ Username: USER.username, Password: USER.password }), { onSuccess, onFailure }));
}
