#!/usr/bin/env bash
# Prints the largest items of one optimised wasm module, by name: twiggy top on
# a build that keeps its names section (the shipped one drops it). The module
# is the library's, cognito_signup (the default), or the sign-in module's,
# cognito_signup_signin, each as scripts/build.sh last built it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
name=${1:-cognito_signup}
dir=target/named/$name
mkdir -p "$dir"
wasm-bindgen --target web --out-dir "$dir" --no-typescript --keep-debug "target/named/$name.wasm"
node_modules/.bin/wasm-opt --flatten --rereloop -Oz -Oz -g \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$dir/${name}_bg.wasm" -o "$dir/named.wasm"
twiggy top -n 16 "$dir/named.wasm" | grep -v '"function names" subsection' | sed 's/::h[0-9a-f]\{16\}//'
