#!/usr/bin/env bash
# Builds the shipped module into target/shipped/: the wasm as a cdylib (so
# LTO really runs), wasm-bindgen's `web` glue, `wasm-opt -Oz` from npm's
# binaryen (Debian's 108 breaks the externref glue), and the glue bundled
# with its snippet (js/platform.js) and minified into one file.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
out=target/shipped
cargo rustc --quiet --release --target wasm32-unknown-unknown --crate-type cdylib
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --out-name cognito_signup --out-dir "$out" \
  --no-typescript target/wasm32-unknown-unknown/release/cognito_signup.wasm
node_modules/.bin/wasm-opt --flatten --rereloop -Oz -Oz --strip-target-features --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/cognito_signup_bg.wasm" -o "$out/cognito_signup_bg.wasm"
node_modules/.bin/esbuild --log-level=warning --bundle --minify --format=esm \
  "$out/cognito_signup.js" --outfile="$out/cognito_signup.min.js"
mv "$out/cognito_signup.min.js" "$out/cognito_signup.js"
