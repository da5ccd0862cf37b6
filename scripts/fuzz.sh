#!/usr/bin/env bash
# `make fuzz`: runs each cargo-fuzz target (fuzz/) for FUZZ_SECONDS (60)
# with libFuzzer, on the nightly toolchain, and prints the runs it made.
# Not part of `make test`: a bounded run, for whoever changes the core.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for target in response_reader request_building; do
  echo "== fuzz: $target for ${FUZZ_SECONDS:-60} s" >&2
  cargo +nightly fuzz run --fuzz-dir fuzz "$target" -- -max_total_time="${FUZZ_SECONDS:-60}" 2>&1 |
    grep -E '^(Done|#[0-9]+ +DONE)|SUMMARY|panicked|ERROR' || true
done
