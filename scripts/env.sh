# Shared settings for the scripts: sourced, not run.
# shellcheck shell=bash
export PATH="$HOME/.cargo/bin:$PATH"
MOTO_VERSION=5.2.5
GECKODRIVER_VERSION=0.37.1
VENV="${COGNITO_SIGNUP_VENV:-$HOME/.cache/cognito-signup/venv}"
STATE="${COGNITO_SIGNUP_STATE:-$PWD/target/state}"
mkdir -p "$STATE"

# The wasm-bindgen version that Cargo.lock pins; the CLI must equal it.
bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}
