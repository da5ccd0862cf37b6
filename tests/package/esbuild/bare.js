// The bare import in the same bundle: its .wasm was not copied, and the
// first call must say which import works instead.
import * as lib from "cognito-signup";
import { showSteps } from "./steps.mjs";

showSteps(lib);
