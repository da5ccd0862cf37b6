#!/usr/bin/env bash
# Every test: set-up, fmt, clippy (native and wasm32), native tests, the
# shipped build and its size budget, then against moto and cognito-local on
# 127.0.0.1: the wasm suite in Node, Chromium, Firefox and WebKit, the
# shipped module in Node, the sign-up page in the three engines, the npm
# package from its tarball everywhere it runs, and the fault suite.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
started=$SECONDS
step() { printf '\n== test (%d s in): %s\n' "$((SECONDS - started))" "$*" >&2; }
# The wasm suite with only the driver named in $1 (VAR=path, or "") set, run
# under $XVFB if given; the rest are cargo test's arguments.
wasm_test() {
  local driver=$1
  shift
  env -u CHROMEDRIVER -u GECKODRIVER -u SAFARIDRIVER CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner $driver \
    ${XVFB:-} cargo test --target wasm32-unknown-unknown --features std "$@"
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
wasm_test "" --test node
step "wasm suite in Chromium"
wasm_test CHROMEDRIVER=/usr/bin/chromedriver --test browser
step "wasm suite in Firefox"
wasm_test GECKODRIVER="$(command -v geckodriver)" --test browser
step "wasm suite in WebKit (under xvfb)"
XVFB="xvfb-run -a" wasm_test SAFARIDRIVER=/usr/bin/WebKitWebDriver --test browser
step "the shipped module in Node"
node --test tests/shipped/
scripts/pkg.sh
rm -rf target/fixtures && mkdir -p target/fixtures
TARBALL="$PWD/target/fixtures/$(cd pkg && npm pack --pack-destination ../target/fixtures --loglevel=error | tail -1)"
export TARBALL
step "the sign-up page in Chromium, Firefox and WebKit (WebDriver)"
RESEND_COOLDOWN=2 python3 scripts/page-config.py "$STATE/config.json"
PAGE_CONFIG="$STATE/config.json" node --test tests/e2e/
step "the npm package from its tarball: three engines, four bundlers, Next.js, Node 18 to 22, Deno, Bun, Workers, the types"
node --test --test-concurrency=1 tests/package/
step "reliability: injected faults and 500 concurrent sign-ups against moto"
node --test tests/reliability/
step "done"
