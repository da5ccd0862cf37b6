#!/usr/bin/env bash
# The main job: build the package, start cognito-local on 127.0.0.1 (real,
# random confirmation codes) with a pool and a public client, write the page's
# config, serve the page on http://127.0.0.1:${PAGE_PORT:-8080}/ and print each
# confirmation code as it is issued. Ctrl-C stops everything it started.
# `demo.sh rust` serves the Leptos page (examples/leptos/) instead of www/.
set -euo pipefail
cd "$(dirname "$0")/.."
export COGNITO_SIGNUP_STATE=$PWD/target/demo-state
. scripts/env.sh
scripts/setup.sh
site=()
if [ "${1:-}" = rust ]; then
  scripts/leptos.sh
  site=("$PWD/target/leptos-site")
else
  scripts/pkg.sh
fi
pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  scripts/emulators.sh stop
}
trap cleanup EXIT INT TERM
CODE= scripts/emulators.sh start cognito-local
. "$STATE/emulators.env"
python3 scripts/page-config.py "$STATE/config.json"
node scripts/serve.mjs "${PAGE_PORT:-8080}" "$STATE/config.json" "${site[@]}" &
pids+=($!)
node scripts/print-codes.mjs "$CL_DB/$CL_POOL_ID.json" &
pids+=($!)
sleep 0.5
cat <<MSG

  The sign-up page: http://127.0.0.1:${PAGE_PORT:-8080}/
  Cognito (cognito-local): $CL_ENDPOINT, pool $CL_POOL_ID
  Confirmation codes appear below as they are sent. Ctrl-C stops everything.

MSG
wait
