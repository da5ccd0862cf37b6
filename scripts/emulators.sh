#!/usr/bin/env bash
# Starts or stops the local Cognito emulators on 127.0.0.1:
#   moto's server (password policies, request ids) on $MOTO_PORT (5000), and
#   cognito-local (real confirmation codes; CODE=123456 fixes them, CODE= makes
#   them random) on $CL_PORT (9229).
# `start [moto] [cognito-local]` (default: both) creates a fresh pool on each
# and writes $STATE/emulators.env (MOTO_* and CL_* variables); `stop` ends
# what was started, by the recorded pids.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
MOTO_PORT=${MOTO_PORT:-5000}
CL_PORT=${CL_PORT:-9229}
CODE=${CODE-123456}

stop_one() {
  local pidfile=$STATE/$1.pid
  if [ -f "$pidfile" ]; then
    kill "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  fi
}

wait_for() { # url pattern name log
  for _ in $(seq 300); do
    if curl -fsS "$1" 2>/dev/null | grep -q "$2"; then return 0; fi
    sleep 0.1
  done
  echo "emulators: $3 did not start; its log:" >&2
  cat "$4" >&2
  return 1
}

# Prints `export PREFIX_NAME=value` lines for a pool description from setup_pool.py.
exports() {
  python3 -c '
import json, sys
d = json.loads(sys.argv[2])
for key, name in (("endpoint", "ENDPOINT"), ("userPoolId", "POOL_ID"), ("publicClientId", "CLIENT_ID"),
                  ("secretClientId", "SECRET_CLIENT_ID"), ("clientSecret", "CLIENT_SECRET")):
    print(f"export {sys.argv[1]}_{name}={d[key]}")
' "$1" "$2"
}

start_moto() {
  stop_one moto
  # TOTP codes checked, as Cognito checks them (moto accepts any code without it).
  MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP=true \
    "$VENV/bin/python" -m moto.server -H 127.0.0.1 -p "$MOTO_PORT" </dev/null >"$STATE/moto.log" 2>&1 &
  echo $! >"$STATE/moto.pid"
  wait_for "http://127.0.0.1:$MOTO_PORT/moto-api/" "html" moto "$STATE/moto.log"
  exports MOTO "$(python3 scripts/setup_pool.py "http://127.0.0.1:$MOTO_PORT")" >>"$STATE/emulators.env"
}

start_cognito_local() {
  stop_one cognito-local
  local home=$STATE/cognito-local
  rm -rf "$home" && mkdir -p "$home/.cognito"
  echo '{ "UserPoolDefaults": { "UsernameAttributes": [] } }' >"$home/.cognito/config.json"
  local start=$PWD/node_modules/cognito-local/lib/bin/start.js
  if [ -n "$CODE" ]; then export CODE; else unset CODE; fi
  (cd "$home" && HOST=127.0.0.1 PORT=$CL_PORT exec node "$start" </dev/null >"$STATE/cognito-local.log" 2>&1) &
  echo $! >"$STATE/cognito-local.pid"
  wait_for "http://127.0.0.1:$CL_PORT/health" '"ok":true' cognito-local "$STATE/cognito-local.log"
  exports CL "$(python3 scripts/setup_pool.py "http://127.0.0.1:$CL_PORT")" >>"$STATE/emulators.env"
  {
    echo "export CL_CODE=${CODE:-}"
    echo "export CL_DB=$home/.cognito/db"
    echo "export CL_LOG=$STATE/cognito-local.log"
  } >>"$STATE/emulators.env"
}

case "${1:-start}" in
stop)
  stop_one moto
  stop_one cognito-local
  ;;
start)
  shift || true
  servers=${*:-moto cognito-local}
  : >"$STATE/emulators.env"
  for server in $servers; do
    case $server in
    moto) start_moto ;;
    cognito-local) start_cognito_local ;;
    *) echo "emulators: unknown server $server" >&2; exit 2 ;;
    esac
  done
  echo "emulators: $servers ready ($STATE/emulators.env)" >&2
  ;;
*)
  echo "usage: $0 start [moto] [cognito-local] | stop" >&2
  exit 2
  ;;
esac
