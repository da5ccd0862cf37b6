#!/usr/bin/env bash
# Prints what a page downloads for a sign-up (the wasm after wasm-opt and the
# browser entry: glue, driver and platform steps, minified; raw, gzip -9,
# brotli -q 11) and fails when the gzip total is over the budget; and, beside
# it, what <cognito-sign-up> adds (element.js: the element, its English and its
# styles; another language is one more file, loaded only when asked for).
set -euo pipefail
cd "$(dirname "$0")/.."
# 19,640 B before InitiateAuth, which was given 700 B (20,340 B); each operation's members said once,
# in one table that drives the checks (#34), then cost 130 B: 20,470 B. The four sign-in calls
# (#35: signIn and the challenge calls), each a stub that loads the sign-in module on its first call,
# took 120 B of the 1,000 B #35 allows before the first SignUp: 20,591 B. The two passkey calls
# (#36: startWebAuthnRegistration, completeWebAuthnRegistration), stubs too: 36 B more, 20,630 B.
# wasm-bindgen's glue trimmed of what no entry reaches (scripts/trim-glue.mjs): 207 B less, 20,423 B.
# A custom endpoint checked as bytes, not as str slices (src/endpoint.rs): 102 B less, 20,321 B;
# the password policy's classes tested on bytes, not chars: 39 B less, 20,282 B; each partition's
# region pattern as one string, not a slice of slices (their pointers): 83 B less, 20,199 B.
budget=${SIZE_BUDGET_GZIP:-20210}
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
read -r sr sg sb <<<"$(measure $dir/cognito_signup_signin_bg.wasm)"
read -r lr lg lb <<<"$(measure $dir/sign-in.js)"
row "sign-in module (on the first sign-in call): .wasm" "$sr" "$sg" "$sb"
row "sign-in.js (its loader and glue)" "$lr" "$lg" "$lb"
read -r er eg eb <<<"$(measure $dir/element.js)"
row "element.js (the element)" "$er" "$eg" "$eb"
read -r pr pg pb <<<"$(measure $dir/element/phone.js)"
row "element/phone.js (on demand)" "$pr" "$pg" "$pb"
read -r ar ag ab <<<"$(measure $dir/element/amplify.js)"
row "element/amplify.js (on demand)" "$ar" "$ag" "$ab"
read -r xr xg xb <<<"$(measure $dir/element/errors.js)"
row "element/errors.js (on demand)" "$xr" "$xg" "$xb"
read -r fr fg fb <<<"$(measure $dir/element/after.js)"
row "element/after.js (after SignUp)" "$fr" "$fg" "$fb"
read -r hr hg hb <<<"$(measure $dir/element/challenge.js)"
row "element/challenge.js (on a sign-in challenge)" "$hr" "$hg" "$hb"
read -r kr kg kb <<<"$(measure $dir/element/passkey.js)"
row "element/passkey.js (where a passkey is offered)" "$kr" "$kg" "$kb"
read -r qr qg qb <<<"$(measure $dir/element/passkey-words.js)"
row "element/passkey-words.js (the step in another language)" "$qr" "$qg" "$qb"
read -r zr zg zb <<<"$(measure $dir/element/webauthn.js)"
row "element/webauthn.js (a browser without WebAuthn's JSON)" "$zr" "$zg" "$zb"
read -r mr mg mb <<<"$(measure $dir/element/mistakes.js)"
row "element/mistakes.js (on demand)" "$mr" "$mg" "$mb"
read -r br bg bb <<<"$(measure $dir/element/bare.js)"
row "element/bare.js (no styles)" "$br" "$bg" "$bb"
read -r cr cg cb <<<"$(measure $dir/element.css)"
row "element.css" "$cr" "$cg" "$cb"
total=$((wg + jg))
fail=0
over() { # what bytes budget
  if [ "$2" -gt "$3" ]; then
    echo "size: FAIL: $1 is $2 B gzip, over its budget of $3 B" >&2
    fail=1
  fi
}
over "the library (wasm + index.js)" "$total" "$budget"
# The element: 9,352 B before the production features (given 1,200 B: 10,537 B) and sign-in (given
# 400 B: 10,837 B); taking over markup written by a server then added 574 B, which had no budget. The
# flow as steps (one state, one table, one paint) and the fixes of its nine faults then took it to
# 12,6xx B. Then what follows a SignUp (confirm, resend, sign-in) moved to element/after.js, loaded
# while the SignUp is on its way, and the sentences for a broken configuration and the finer words for
# Cognito's exceptions to modules loaded when needed: 11,3xx B, within the 11,400 B of before. The
# sign-in steps (codes, choices, an authenticator app) are element/challenge.js, loaded on a
# challenge; what the element carries for them (their rows, the hooks, the calls) kept it under 11,400.
# The passkey step (#36) is element/passkey.js, loaded where it is offered; its rows and its attribute
# take 56 B: 11,450 B.
# Its country data: 2,000 B.
over "element.js" "$eg" "${ELEMENT_BUDGET_GZIP:-11460}"
over "element/phone.js" "$pg" "${PHONE_BUDGET_GZIP:-2000}"
# The passkey step where it is offered, in English on a browser with WebAuthn's JSON (#36): 1,500 B.
over "element/passkey.js" "$kg" "${PASSKEY_BUDGET_GZIP:-1500}"
[ "$fail" = 0 ] || exit 1
echo "size: ok: $total B gzip, budget $budget B ($((budget - total)) B to spare); element.js $eg B gzip, element/phone.js $pg B"
