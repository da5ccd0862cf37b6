// A webpack 5 app (zero config: src/index.js to dist/main.js) that runs the three steps.
import * as lib from "cognito-signup";
import { showSteps } from "../steps.mjs";

showSteps(lib);
