#!/usr/bin/env bash
# Assembles the npm package in pkg/ from the shipped build: the wasm, the
# entries (index.js for browsers and bundlers, inline.js with no asset,
# node.js/node.cjs for servers, worker.js for Cloudflare Workers), the types
# (js/index.d.ts, and a .d.cts copy for require), the element (element.js,
# element/<language>.js, element.d.ts), the `cognito-signup` command
# (cli.js), the README, both licenses, the
# changelog and package.json, whose version and repository are Cargo.toml's.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
rm -rf pkg && mkdir -p pkg
files=(cognito_signup_bg.wasm index.js inline.js node.js node.cjs worker.js cli.js sign-in.js sign-in-inline.js sign-in-worker.js cognito_signup_signin_bg.wasm)
for file in "${files[@]}"; do cp "target/shipped/$file" pkg/; done
cp -r target/shipped/element target/shipped/element.js target/shipped/element.css pkg/
cp js/index.d.ts js/element.d.ts js/element-react.d.ts js/README.md LICENSE-MIT LICENSE-APACHE CHANGELOG.md pkg/
cp js/index.d.ts pkg/index.d.cts
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
repository=$(awk -F'"' '/^repository = / { print $2; exit }' Cargo.toml)
node - "$version" "$repository" <<'JS'
const fs = require("node:fs");
const [version, repository] = process.argv.slice(2);
const pkg = {
  name: "cognito-signup",
  version,
  description: "Register users in an Amazon Cognito user pool from the browser: SignUp, ConfirmSignUp and ResendConfirmationCode in under 20 KB gzip (a wasm module and its entry).",
  license: "MIT OR Apache-2.0",
  repository: { type: "git", url: `git+${repository}.git` },
  homepage: `${repository}#readme`,
  bugs: { url: `${repository}/issues` },
  type: "module",
  main: "./index.js",
  types: "./index.d.ts",
  exports: {
    // `es2015` is a condition only Angular's builder sets: it copies no .wasm,
    // so it gets the entries with the wasm inside, with no configuration.
    ".": {
      workerd: { types: "./index.d.ts", default: "./worker.js" },
      node: { import: { types: "./index.d.ts", default: "./node.js" }, require: { types: "./index.d.cts", default: "./node.cjs" } },
      types: "./index.d.ts",
      es2015: "./inline.js",
      default: "./index.js",
    },
    "./inline": { types: "./index.d.ts", default: "./inline.js" },
    "./element": { types: "./element.d.ts", es2015: "./element/inline.js", default: "./element.js" },
    "./element/inline": { types: "./element.d.ts", default: "./element/inline.js" },
    "./element/react": { types: "./element-react.d.ts", es2015: "./element/inline.js", default: "./element.js" },
    "./element.css": "./element.css",
    "./element/*": "./element/*.js",
    "./cognito_signup_bg.wasm": "./cognito_signup_bg.wasm",
    "./package.json": "./package.json",
  },
  // npx cognito-signup config|check: the element's configuration from the pool itself.
  bin: { "cognito-signup": "./cli.js" },
  engines: { node: ">=18" },
  // Importing the element defines <cognito-sign-up>: bundlers must keep that import.
  sideEffects: ["./element.js", "./element/inline.js"],
  // npm adds README.md and package.json by itself.
  files: ["LICENSE-MIT", "LICENSE-APACHE", "index.js", "inline.js", "node.js", "node.cjs", "worker.js", "index.d.ts", "index.d.cts", "cognito_signup_bg.wasm", "sign-in.js", "sign-in-inline.js", "sign-in-worker.js", "cognito_signup_signin_bg.wasm", "element.js", "element.css", "element.d.ts", "element-react.d.ts", "element/", "cli.js", "CHANGELOG.md"],
  keywords: ["cognito", "signup", "sign-up", "aws", "amazon-cognito", "user-pool", "authentication", "wasm", "web-component", "custom-element"],
};
fs.writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
JS
echo "pkg: $(ls pkg | tr '\n' ' ')" >&2
