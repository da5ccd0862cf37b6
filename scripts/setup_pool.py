#!/usr/bin/env python3
"""Creates a user pool and two app clients on a local Cognito emulator.

Usage: setup_pool.py ENDPOINT
Prints one JSON object: endpoint, userPoolId, publicClientId,
secretClientId, clientSecret. Unsigned JSON 1.1 calls, standard library only.
"""
import json
import sys
import urllib.request

POLICY = {
    "MinimumLength": 8,
    "RequireUppercase": True,
    "RequireLowercase": True,
    "RequireNumbers": True,
    "RequireSymbols": True,
}


def call(endpoint, operation, body):
    request = urllib.request.Request(
        endpoint + "/",
        data=json.dumps(body).encode(),
        headers={
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": "AWSCognitoIdentityProviderService." + operation,
        },
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def main(endpoint):
    pool = call(endpoint, "CreateUserPool", {
        "PoolName": "cognito-signup-test",
        "Policies": {"PasswordPolicy": POLICY},
        "Schema": [
            {"Name": "email", "AttributeDataType": "String", "Required": True, "Mutable": True},
            {"Name": "city", "AttributeDataType": "String", "Mutable": True,
             "StringAttributeConstraints": {"MinLength": "1", "MaxLength": "64"}},
        ],
        "AutoVerifiedAttributes": ["email"],
        # moto >= 5.2.5 reports an SMS destination without this.
        "AccountRecoverySetting": {"RecoveryMechanisms": [{"Priority": 1, "Name": "verified_email"}]},
    })["UserPool"]

    def client(name, secret):
        return call(endpoint, "CreateUserPoolClient", {
            "UserPoolId": pool["Id"],
            "ClientName": name,
            "GenerateSecret": secret,
            "ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        })["UserPoolClient"]

    public, confidential = client("public", False), client("confidential", True)
    print(json.dumps({
        "endpoint": endpoint,
        "userPoolId": pool["Id"],
        "publicClientId": public["ClientId"],
        "secretClientId": confidential["ClientId"],
        "clientSecret": confidential["ClientSecret"],
        "passwordPolicy": POLICY,
    }))


if __name__ == "__main__":
    main(sys.argv[1])
