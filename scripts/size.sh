#!/usr/bin/env bash
# Prints what a page downloads for a sign-up (the wasm after wasm-opt and the
# browser entry: glue, driver and platform steps, minified; raw, gzip -9,
# brotli -q 11) and fails when the gzip total is over the budget; and, beside
# it, what <cognito-sign-up> adds (element.js: the element, its English and its
# styles; another language is one more file, loaded only when asked for).
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${SIZE_BUDGET_GZIP:-19695}
dir=target/shipped
row() { printf '%-26s %9s %9s %9s\n' "$@"; }
measure() { # file -> "raw gzip brotli"
  echo "$(wc -c <"$1") $(gzip -9 -c "$1" | wc -c) $(brotli -q 11 -c "$1" | wc -c)"
}
read -r wr wg wb <<<"$(measure $dir/cognito_signup_bg.wasm)"
read -r jr jg jb <<<"$(measure $dir/index.js)"
row "file" "raw" "gzip -9" "brotli"
row "cognito_signup_bg.wasm" "$wr" "$wg" "$wb"
row "index.js (glue + driver)" "$jr" "$jg" "$jb"
row "total" "$((wr + jr))" "$((wg + jg))" "$((wb + jb))"
read -r er eg eb <<<"$(measure $dir/element.js)"
row "element.js (the element)" "$er" "$eg" "$eb"
total=$((wg + jg))
if [ "$total" -gt "$budget" ]; then
  echo "size: FAIL: $total B gzip is over the budget of $budget B" >&2
  exit 1
fi
echo "size: ok: $total B gzip, budget $budget B ($((budget - total)) B to spare)"
