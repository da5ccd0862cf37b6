// An Angular app with its default application builder and no configuration
// for cognito-signup: the element, and the library's three steps (app.ts).
import "cognito-signup/element";
import { bootstrapApplication } from "@angular/platform-browser";
import { App } from "./app";

bootstrapApplication(App).catch((error) => console.error(error));
