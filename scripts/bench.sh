#!/usr/bin/env bash
# `make bench`: builds the package, installs the pinned competitors
# (bench/package-lock.json) and twiggy, and runs bench/run.mjs, which writes
# BENCHMARKS.md, then bench/server.mjs, which adds the Rust API on a server
# against the AWS SDK; fails when a budget is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
scripts/setup.sh
scripts/pkg.sh
(cd bench && npm ci --no-audit --no-fund --loglevel=error)
command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked
status=0
node bench/run.mjs || status=$?
node bench/server.mjs || status=$?
exit "$status"
