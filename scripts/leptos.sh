#!/usr/bin/env bash
# Builds the Leptos sign-up page (examples/leptos/) into target/leptos-site/:
# the wasm with wasm-bindgen's `web` glue and `wasm-opt -Oz`, its index.html
# and loader, its stylesheet, and www/'s icon. Prints the wasm's gzip size.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
site=target/leptos-site
(cd examples/leptos && CARGO_TARGET_DIR=../../target/leptos cargo build --quiet --locked --release --target wasm32-unknown-unknown)
rm -rf "$site" && mkdir -p "$site/pkg"
wasm-bindgen --target web --no-typescript --out-name cognito_signup_leptos --out-dir "$site/pkg" \
  target/leptos/wasm32-unknown-unknown/release/cognito-signup-leptos.wasm
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$site/pkg/cognito_signup_leptos_bg.wasm" -o "$site/pkg/cognito_signup_leptos_bg.wasm"
cp examples/leptos/index.html examples/leptos/main.js examples/leptos/style.css www/icon.svg "$site/"
echo "leptos: $site/pkg/cognito_signup_leptos_bg.wasm is $(gzip -9c "$site/pkg/cognito_signup_leptos_bg.wasm" | wc -c) B gzip" >&2
