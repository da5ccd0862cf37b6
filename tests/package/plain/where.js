// init(where) with the wasm somewhere of the page's own (/cdn/lib.wasm, as a
// CDN or an assets folder would serve it), given as the query's `where`
// says: a URL, a string, a Response, bytes or a compiled Module; then the
// three steps.
import * as lib from "./node_modules/cognito-signup/index.js";
import { showSteps, failure } from "./steps.mjs";

const url = new URL("/cdn/lib.wasm", location.href);
const sources = {
  url: () => url,
  string: () => url.href,
  response: () => fetch(url),
  bytes: async () => new Uint8Array(await (await fetch(url)).arrayBuffer()),
  module: () => WebAssembly.compileStreaming(fetch(url)),
};

const where = new URLSearchParams(location.search).get("where");
lib.init(await sources[where]()).then(
  () => showSteps(lib),
  (error) => (document.getElementById("result").textContent = failure(error)),
);
