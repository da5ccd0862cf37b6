// AWS SDK v3: CognitoIdentityProviderClient and SignUpCommand.
import { CognitoIdentityProviderClient, SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import { CLIENT_ID, PASSWORD, email } from "./common.mjs";

export function createSignUp(endpoint) {
  const client = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint });
  return (Username) =>
    client.send(new SignUpCommand({ ClientId: CLIENT_ID, Username, Password: PASSWORD, UserAttributes: [{ Name: "email", Value: email(Username) }] }));
}
