// A plain page (no bundler) that runs the three steps through the installed package.
import * as lib from "./node_modules/cognito-signup/index.js";
import { showSteps } from "./steps.mjs";

showSteps(lib);
