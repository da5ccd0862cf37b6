// An esbuild bundle (--bundle --platform=browser, no loader): esbuild copies
// no .wasm, so the app imports the entry that carries it inside.
import * as lib from "cognito-signup/inline";
import { showSteps } from "./steps.mjs";

showSteps(lib);
