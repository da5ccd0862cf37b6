#!/usr/bin/env bash
# Checks, with `cargo tree`, that each build compiles only its own driver:
# the default features give a native build reqwest, rustls and tokio and a
# wasm32 build gloo-net; neither has the other's, and the npm module has
# neither. Prints what is wrong and exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
NATIVE=(reqwest rustls tokio hmac sha2 icu_properties)
WEB=(gloo-net gloo-timers wasm-bindgen-futures)
status=0
# The crates a build compiles (normal dependencies only), one per line.
crates() { cargo tree --quiet -e normal --prefix none --format '{p}' "$@" | awk '{ print $1 }' | sort -u; }
# expect BUILD-NAME HAS|LACKS CRATES-OF-THAT-BUILD CRATE...
expect() {
  local build=$1 want=$2 have=$3
  shift 3
  for crate in "$@"; do
    if grep -qx "$crate" <<<"$have"; then found=has; else found=lacks; fi
    if [ "$found" != "$want" ]; then
      echo "features: the $build build $found $crate; it should not" >&2
      status=1
    fi
  done
}
native=$(crates)
web=$(crates --target wasm32-unknown-unknown)
npm=$(crates --target wasm32-unknown-unknown --no-default-features --features npm)
expect native has "$native" "${NATIVE[@]}"
expect native lacks "$native" "${WEB[@]}"
expect wasm32 has "$web" "${WEB[@]}"
expect wasm32 lacks "$web" "${NATIVE[@]}"
expect npm lacks "$npm" "${NATIVE[@]}" "${WEB[@]}"
[ "$status" = 0 ] && echo "features: native builds send with reqwest on tokio, wasm32 builds with gloo-net, the npm module with neither" >&2
exit "$status"
