#!/usr/bin/env bash
# The main job: build the package, start cognito-local on 127.0.0.1 (real,
# random confirmation codes) with a pool and a public client, write the page's
# config from the pool's own description (npx cognito-signup config), write
# the page with its form in index.html (npx cognito-signup html), serve it on http://127.0.0.1:${PAGE_PORT:-8080}/ and print each
# confirmation code as it is issued. Ctrl-C stops everything it started.
# `demo.sh rust` serves the Leptos page (examples/leptos/) instead of www/;
# `demo.sh server` runs the example server (examples/server/) on
# http://127.0.0.1:${SERVER_PORT:-3000}/ with the pool's confidential client.
set -euo pipefail
cd "$(dirname "$0")/.."
export COGNITO_SIGNUP_STATE=$PWD/target/demo-state
. scripts/env.sh
scripts/setup.sh
site=()
if [ "${1:-}" = rust ]; then
  scripts/leptos.sh
  site=("$PWD/target/leptos-site")
elif [ "${1:-}" = server ]; then
  scripts/server.sh
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
node scripts/print-codes.mjs "$CL_DB/$CL_POOL_ID.json" &
pids+=($!)
if [ "${1:-}" = server ]; then
  server=http://127.0.0.1:${SERVER_PORT:-3000}
  COGNITO_ENDPOINT=$CL_ENDPOINT COGNITO_USER_POOL_ID=$CL_POOL_ID COGNITO_CLIENT_ID=$CL_SECRET_CLIENT_ID \
    COGNITO_CLIENT_SECRET=$CL_CLIENT_SECRET ADDRESS=${server#http://} target/server/debug/cognito-signup-server >/dev/null &
  pids+=($!)
  sleep 0.5
  cat <<MSG

  The sign-up API: $server (examples/server/, a confidential client: its secret stays in this process)
  Cognito (cognito-local): $CL_ENDPOINT, pool $CL_POOL_ID
  Try it; confirmation codes appear below as they are sent. Ctrl-C stops everything.

    curl -s $server/sign-up -H 'Content-Type: application/json' \\
      -d '{"username":"alice","password":"Corr3ct-Horse!","attributes":{"email":"alice@example.com"}}'
    curl -s $server/confirm -H 'Content-Type: application/json' -d '{"username":"alice","code":"<the code>"}'

MSG
  wait
  exit
fi
# The page's configuration comes from the pool itself, as a user makes theirs:
# the pool's and the client's descriptions, then `npx cognito-signup config`.
node scripts/describe-pool.mjs "$CL_ENDPOINT" "$CL_POOL_ID" "$CL_CLIENT_ID" "$STATE"
node pkg/cli.js config --endpoint "$CL_ENDPOINT" "$STATE/pool.json" "$STATE/client.json" >"$STATE/config.json"
if [ ${#site[@]} -eq 0 ]; then
  # www/ with its form in index.html, written from the config by npx cognito-signup html.
  node scripts/build-page.mjs "$STATE/config.json" "$STATE/www"
  export WWW=$STATE/www
fi
node scripts/serve.mjs "${PAGE_PORT:-8080}" "$STATE/config.json" "${site[@]}" &
pids+=($!)
sleep 0.5
cat <<MSG

  The sign-up page: http://127.0.0.1:${PAGE_PORT:-8080}/
  Cognito (cognito-local): $CL_ENDPOINT, pool $CL_POOL_ID
  Confirmation codes appear below as they are sent. Ctrl-C stops everything.

MSG
wait
