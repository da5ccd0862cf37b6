#!/usr/bin/env bash
# Prints the largest items of the optimised wasm, by name (twiggy top on a
# build that keeps its names section; the shipped one drops it).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
dir=target/named
mkdir -p "$dir"
wasm-bindgen --target web --out-dir "$dir" --no-typescript --keep-debug \
  target/wasm32-unknown-unknown/release/cognito_signup.wasm
node_modules/.bin/wasm-opt --flatten --rereloop -Oz -Oz -g \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$dir/cognito_signup_bg.wasm" -o "$dir/named.wasm"
twiggy top -n 16 "$dir/named.wasm" | grep -v '"function names" subsection' | sed 's/::h[0-9a-f]\{16\}//'
