// A Vite app that runs the three steps through the installed package: no wasm plugin, no config.
import * as lib from "cognito-signup";
import { showSteps } from "./steps.mjs";

showSteps(lib);
