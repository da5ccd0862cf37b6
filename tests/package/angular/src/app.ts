// The element in an Angular template (CUSTOM_ELEMENTS_SCHEMA, its config
// bound as a property, its event with (…)), and the library's three steps
// when the query names a username for them (`steps`).
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from "@angular/core";
import * as lib from "cognito-signup";
import { threeSteps, failure } from "../steps.mjs";

const query = new URLSearchParams(location.search);

@Component({
  selector: "app-root",
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <cognito-sign-up [config]="config" (signup-confirmed)="confirmed.set($any($event).detail.username)"></cognito-sign-up>
    <p id="confirmed">{{ confirmed() }}</p>
    <pre id="result">{{ result() }}</pre>
  `,
})
export class App {
  config = { clientId: query.get("client"), endpoint: query.get("endpoint"), attributes: ["email"] };
  confirmed = signal("");
  result = signal("running");

  constructor() {
    const where = { endpoint: query.get("endpoint"), clientId: query.get("client"), username: query.get("steps") };
    if (!where.username) return;
    threeSteps(lib, where).then(
      (out) => this.result.set(JSON.stringify(out)),
      (error) => this.result.set(failure(error)),
    );
  }
}
