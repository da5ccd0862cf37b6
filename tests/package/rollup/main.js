// A Rollup app: Rollup copies no `.wasm` asset, so it imports the entry with the wasm inside.
import * as lib from "cognito-signup/inline";
import { showSteps } from "./steps.mjs";

showSteps(lib);
