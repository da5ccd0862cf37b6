// The `cognito-signup/element` entry: defines <cognito-sign-up> once, and only
// where there is a DOM (importing it in Node, a server render or a Worker
// does nothing), and exports its class.
import { CognitoSignUp } from "./element/element.js";

export { CognitoSignUp };

if (globalThis.customElements && !customElements.get("cognito-sign-up")) customElements.define("cognito-sign-up", CognitoSignUp);
