#!/usr/bin/env bash
# Every test: set-up, fmt, clippy (native and wasm32), native tests, the
# shipped build and its size budget, then against moto and cognito-local on
# 127.0.0.1 the wasm suite in Node and in headless Chromium and the shipped
# module in Node.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
step() { printf '\n== test: %s\n' "$*" >&2; }
wasm_test() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
    cargo test --target wasm32-unknown-unknown --features std "$@"
}

scripts/setup.sh
step "cargo fmt --check"
cargo fmt --check
step "clippy (native, wasm32 shipped, wasm32 tests)"
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings
cargo clippy --quiet --all-targets --features std --target wasm32-unknown-unknown -- -D warnings
step "native tests of the core"
cargo test
step "shipped build and size"
scripts/build.sh
scripts/size.sh
step "emulators"
trap 'scripts/emulators.sh stop' EXIT
scripts/emulators.sh start
. "$STATE/emulators.env"
step "wasm suite in Node"
wasm_test --test node
step "wasm suite in headless Chromium"
wasm_test --test browser
step "the shipped module in Node"
node --test tests/shipped/
step "the sign-up page in headless Chromium (playwright-core)"
scripts/pkg.sh
RESEND_COOLDOWN=2 python3 scripts/page-config.py "$STATE/config.json"
node scripts/serve.mjs "${PAGE_PORT:-8190}" "$STATE/config.json" &
server=$!
trap 'kill $server 2>/dev/null; scripts/emulators.sh stop' EXIT
export PAGE_URL=http://127.0.0.1:${PAGE_PORT:-8190}/
node --test tests/e2e/
step "the npm package from its tarball: Node, a Vite app, a plain page, the types"
node --test tests/package/
step "reliability: injected faults and 500 concurrent sign-ups against moto"
node --test tests/reliability/
