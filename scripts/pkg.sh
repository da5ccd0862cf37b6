#!/usr/bin/env bash
# Assembles the npm package in pkg/ from the shipped build: the wasm, the
# lazy-loading browser entry (index.js), the synchronous Node entry
# (node.js), the types (js/index.d.ts) and package.json.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
rm -rf pkg && mkdir -p pkg
cp target/shipped/cognito_signup_bg.wasm target/shipped/index.js target/shipped/node.js pkg/
cp js/index.d.ts js/README.md pkg/
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
node - "$version" <<'JS'
const fs = require("node:fs");
const pkg = {
  name: "cognito-signup",
  version: process.argv[2],
  description: "Register users in an Amazon Cognito user pool from the browser: SignUp, ConfirmSignUp and ResendConfirmationCode in under 20 KB gzip (a wasm module and its entry).",
  license: "MIT OR Apache-2.0",
  type: "module",
  main: "./index.js",
  types: "./index.d.ts",
  exports: {
    ".": { types: "./index.d.ts", node: "./node.js", default: "./index.js" },
    "./cognito_signup_bg.wasm": "./cognito_signup_bg.wasm",
    "./package.json": "./package.json",
  },
  sideEffects: ["./node.js"],
  files: ["index.js", "index.d.ts", "node.js", "cognito_signup_bg.wasm"],
  keywords: ["cognito", "signup", "aws", "wasm", "user-pool"],
};
fs.writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
JS
echo "pkg: $(ls pkg | tr '\n' ' ')" >&2
