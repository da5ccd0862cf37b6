// Types of cognito-signup/element/react: the element's, plus the tag in React 19's JSX
// (`<cognito-sign-up config={…} onsignup-confirmed={…} />`). At run time it is the element's entry.
import type { CognitoSignUpAttributes } from "./element.js";

export * from "./element.js";

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "cognito-sign-up": CognitoSignUpAttributes & { ref?: unknown; key?: string | number };
    }
  }
}
