#!/usr/bin/env bash
# Every test: set-up, fmt, clippy (native and wasm32), native tests, the
# shipped build and its size budget, the element's model in Node, then against moto and cognito-local on
# 127.0.0.1: the Rust API natively and the example server, the wasm suite in Node, Chromium, Firefox and WebKit, the
# shipped module in Node, the sign-up page in the three engines, the
# configuration command on the emulators' pools, the Leptos page in Chromium, the release check, the npm package from its tarball
# everywhere it runs, and the fault suite.
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
    ${XVFB:-} cargo test --target wasm32-unknown-unknown --features std,npm "$@"
}

scripts/setup.sh
step "cargo fmt --check (the crate and the Leptos example)"
cargo fmt --check
(cd examples/leptos && cargo fmt --check)
(cd examples/server && cargo fmt --check)
step "clippy (native, wasm32: the npm module, the Rust API, the tests)"
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --all-targets --features srp -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features npm,srp -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features npm -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings
cargo clippy --quiet --all-targets --features std,npm --target wasm32-unknown-unknown -- -D warnings
(cd examples/leptos && CARGO_TARGET_DIR=../../target/leptos cargo clippy --quiet --locked --target wasm32-unknown-unknown -- -D warnings)
(cd examples/server && CARGO_TARGET_DIR=../../target/server cargo clippy --quiet --locked -- -D warnings)
step "features: each target compiles only its own driver (cargo tree)"
scripts/check-features.sh
step "the Leptos page's components compile natively too, as an SSR build compiles them for the server"
(cd examples/leptos && CARGO_TARGET_DIR=../../target/leptos-native cargo check --quiet --locked)
step "cargo doc, warnings denied (the crate docs' example is a doctest of the native tests)"
RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps
step "native tests of the core"
cargo test
step "SRP (feature srp): held to amazon-cognito-identity-js's own vectors; a verifier written from the protocol, which identity-js signs in against; client.sign_in() against it"
node --test tests/srp/
cargo test --features srp --test srp --test sign_in
step "shipped build and size"
scripts/build.sh
scripts/size.sh
step "the element's form model and dictionaries, and its import without a DOM, in Node"
node --test tests/element/
step "emulators, and the wasm suites' fault server in front of moto"
trap 'kill "${faults:-}" 2>/dev/null; scripts/emulators.sh stop' EXIT
scripts/emulators.sh start
. "$STATE/emulators.env"
: >"$STATE/faults.url"
node tests/wasm_suite/faults.mjs >"$STATE/faults.url" &
faults=$!
until [ -s "$STATE/faults.url" ]; do sleep 0.1; done
FAULTS_ENDPOINT=$(cat "$STATE/faults.url")
export FAULTS_ENDPOINT
step "the Rust API on a server: reqwest on tokio against moto, cognito-local and the fault server"
cargo test --test server -- --ignored
step "the example server (examples/server/, Axum, a confidential client) over HTTP against cognito-local"
scripts/server.sh
node --test tests/e2e-server/
step "wasm suite in Node"
wasm_test "" --test node
step "wasm suite in Chromium"
wasm_test CHROMEDRIVER=/usr/bin/chromedriver --test browser
step "wasm suite in Firefox"
wasm_test GECKODRIVER="$(command -v geckodriver)" --test browser
step "wasm suite in WebKit (under xvfb)"
XVFB="xvfb-run -a" wasm_test SAFARIDRIVER=/usr/bin/WebKitWebDriver --test browser
step "the shipped module in Node (signIn with SRP against the verifier among it)"
node --test tests/shipped/
scripts/pkg.sh
rm -rf target/fixtures && mkdir -p target/fixtures
TARBALL="$PWD/target/fixtures/$(cd pkg && npm pack --pack-destination ../target/fixtures --loglevel=error | tail -1)"
export TARBALL
step "release check: one version, the changelog, cargo package, npm publish --dry-run, the tarball against its exports"
node scripts/release-check.mjs
step "the sign-up page (<cognito-sign-up>) in Chromium, Firefox and WebKit (WebDriver), axe-core at every step"
RESEND_COOLDOWN=2 python3 scripts/page-config.py "$STATE/config.json"
PAGE_CONFIG="$STATE/config.json" node --test tests/e2e/
step "npx cognito-signup config and check on moto's and cognito-local's pool descriptions; each generated config signs up through the element in Chromium"
node --test tests/cli/
step "the Leptos page (examples/leptos/, the Rust API) in Chromium"
scripts/leptos.sh
PAGE_CONFIG="$STATE/config.json" node --test tests/e2e-rust/
step "the npm package from its tarball: three engines, five bundlers, React, Vue, Svelte, Angular, Next.js, Node 18 to 22, Deno, Bun, Workers, the types"
node --test --test-concurrency=1 tests/package/
step "reliability: injected faults and 500 concurrent sign-ups against moto"
node --test tests/reliability/
step "done"
