// Amplify UI's Authenticator as its docs set it up for sign-up only (React,
// built by Vite), against the bench's stub endpoint (the query's `endpoint`):
// the same fields as the element page (username, email, password).
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { Amplify } from "aws-amplify";
import { Authenticator } from "@aws-amplify/ui-react";
import "@aws-amplify/ui-react/styles.css";
import { CLIENT_ID, USER_POOL_ID } from "../entries/common.mjs";

const endpoint = new URLSearchParams(location.search).get("endpoint");
Amplify.configure({
  Auth: { Cognito: { userPoolId: USER_POOL_ID, userPoolClientId: CLIENT_ID, userPoolEndpoint: endpoint, userAttributes: { email: { required: true } } } },
});
createRoot(document.getElementById("root")).render(
  createElement(Authenticator, { initialState: "signUp", hideSignIn: true, loginMechanisms: ["username"], signUpAttributes: ["email"] }),
);
