// Drives <cognito-sign-up sign-in> (element.js, the package's, beside the page) for bench/sign-in.mjs: signs up, waits at
// the code's step as a person reading their email would (`read` ms, while
// the element loads what sign-in needs), types the code, taps Confirm, and
// times the tap to `signup-signed-in` (window.timing), against the stub
// Cognito at `endpoint` (SRP: a PASSWORD_VERIFIER, then tokens).
import { USER } from "../../tests/srp/user.mjs";

const query = new URLSearchParams(location.search);
const form = document.querySelector("cognito-sign-up");
const step = (name) => new Promise((resolve) => {
  const check = () => (form.getAttribute("step") === name ? resolve() : setTimeout(check, 20));
  check();
});
form.config = { userPoolId: USER.poolId, clientId: USER.clientId, endpoint: query.get("endpoint"), signIn: true, resendCooldownSeconds: 0 };
try {
  await step("signup");
  form.querySelector("[name=username]").value = `${USER.username}${query.get("run")}`;
  form.querySelector("[name=password]").value = USER.password;
  form.querySelector("form").requestSubmit();
  await step("confirm");
  await new Promise((resolve) => setTimeout(resolve, Number(query.get("read"))));
  form.querySelector("[name=code]").value = "123456";
  const signedIn = new Promise((resolve, reject) => {
    form.addEventListener("signup-signed-in", (e) => (e.detail.AuthenticationResult ? resolve() : reject(new Error("no tokens"))));
    form.addEventListener("signup-error", (e) => reject(new Error(e.detail.name)));
  });
  const tap = performance.now();
  form.querySelector("[part~=step-confirm] form").requestSubmit();
  await signedIn;
  window.timing = { confirmToSignedIn: performance.now() - tap };
} catch (error) {
  window.timing = { error: error.message };
}
console.log("done");
