// The built element where there is no DOM: importing it in Node (as a
// server render or a Worker would) throws nothing, defines nothing, and still
// exports the class.
import { test } from "node:test";
import assert from "node:assert/strict";

test("importing the element without a DOM does nothing and exports CognitoSignUp", async () => {
  assert.equal(globalThis.customElements, undefined);
  const module = await import("../../target/shipped/element.js");
  assert.equal(typeof module.CognitoSignUp, "function");
  assert.deepEqual(Object.keys(module), ["CognitoSignUp"]);
  const again = await import("../../target/shipped/element.js?twice");
  assert.equal(typeof again.CognitoSignUp, "function");
});
