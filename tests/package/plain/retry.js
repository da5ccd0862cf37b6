// checkPassword before the module is loaded, then a first load of the wasm
// that fails (the test's server refuses it once); the three steps then load
// it again themselves.
import * as lib from "./node_modules/cognito-signup/index.js";
import { showSteps, failure } from "./steps.mjs";

try {
  lib.checkPassword("abc", {});
} catch (error) {
  document.getElementById("early").textContent = failure(error);
}

lib.init().then(
  () => (document.getElementById("first").textContent = "loaded"),
  (error) => (document.getElementById("first").textContent = failure(error)),
).then(() => showSteps(lib));
