#!/usr/bin/env bash
# Builds the example server (examples/server/: Axum over the Rust API, with a
# confidential app client) into target/server/debug/cognito-signup-server.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd examples/server && CARGO_TARGET_DIR=../../target/server cargo build --quiet --locked)
