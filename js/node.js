// The server entry (Node, Deno, Bun, Next.js server code): the wasm is inside
// the module, so importing reads no file and needs no permission, and a
// server bundler has no asset to copy. It is instantiated synchronously on
// first use, so `checkPassword` needs no `init()`. Also bundled as CommonJS, so
// `require()` works on every supported Node.
import { loadSync } from "./load.js";
import { wasmBytes } from "./wasm_inline.js";

export const { init, signUp, confirmSignUp, resendConfirmationCode, initiateAuth, checkPassword } = loadSync(wasmBytes);
