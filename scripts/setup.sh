#!/usr/bin/env bash
# Installs every tool the build and the tests need, idempotently, from the
# package registries only: the wasm target, wasm-bindgen-cli pinned to
# Cargo.lock's wasm-bindgen, geckodriver, the three browser engines and their
# drivers from Debian (chromium + chromium-driver, firefox-esr,
# webkit2gtk-driver under xvfb) and brotli, moto's server in a venv, and the
# npm tools from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

step() { printf '\n== setup: %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt

want=$(bindgen_version)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
  step "cargo install wasm-bindgen-cli $want (about 4 minutes on 2 cores)"
  # --locked first; its lockfile pins webpki-roots 1.0.11, which the registry
  # no longer serves, so fall back to a fresh resolution of the same version.
  cargo install wasm-bindgen-cli --version "$want" --locked ||
    cargo install wasm-bindgen-cli --version "$want"
fi

if [ "$(geckodriver --version 2>/dev/null | awk 'NR==1 {print $2}')" != "$GECKODRIVER_VERSION" ]; then
  step "cargo install geckodriver $GECKODRIVER_VERSION (about 2 minutes on 2 cores)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

missing=()
for pkg in chromium chromium-driver firefox-esr webkit2gtk-driver xvfb xauth brotli; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! "$VENV/bin/python" -c 'import moto, flask, flask_cors' 2>/dev/null; then
  step "moto[server] $MOTO_VERSION into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "moto[server]==$MOTO_VERSION"
fi

if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.lock-stamp; then
  step "npm ci (tools from package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.lock-stamp
fi
