// The usual Rollup set-up for a browser app: node-resolve and nothing for wasm.
import { nodeResolve } from "@rollup/plugin-node-resolve";

export default { input: "main.js", output: { dir: "dist", format: "es" }, plugins: [nodeResolve({ browser: true })] };
