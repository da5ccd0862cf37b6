#!/usr/bin/env bash
# Starts or stops the local Cognito emulators on 127.0.0.1:
#   moto's server (password policies, request ids) on $MOTO_PORT (5000) and
#   cognito-local (real confirmation codes, fixed by CODE=123456) on $CL_PORT (9229).
# `start` creates a fresh pool on each and writes target/state/emulators.env
# (MOTO_*, CL_* variables); `stop` ends both by their recorded pids.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
MOTO_PORT=${MOTO_PORT:-5000}
CL_PORT=${CL_PORT:-9229}
CODE=${CODE:-123456}

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

case "${1:-start}" in
stop)
  stop_one moto
  stop_one cognito-local
  ;;
start)
  stop_one moto
  stop_one cognito-local
  "$VENV/bin/python" -m moto.server -H 127.0.0.1 -p "$MOTO_PORT" </dev/null >"$STATE/moto.log" 2>&1 &
  echo $! >"$STATE/moto.pid"
  rm -rf "$STATE/cognito-local" && mkdir -p "$STATE/cognito-local/.cognito"
  echo '{ "UserPoolDefaults": { "UsernameAttributes": [] } }' >"$STATE/cognito-local/.cognito/config.json"
  (cd "$STATE/cognito-local" && HOST=127.0.0.1 PORT=$CL_PORT CODE=$CODE \
    exec node "$OLDPWD/node_modules/cognito-local/lib/bin/start.js" </dev/null >"$STATE/cognito-local.log" 2>&1) &
  echo $! >"$STATE/cognito-local.pid"
  wait_for "http://127.0.0.1:$MOTO_PORT/moto-api/" "html" moto "$STATE/moto.log"
  wait_for "http://127.0.0.1:$CL_PORT/health" '"ok":true' cognito-local "$STATE/cognito-local.log"
  moto=$(python3 scripts/setup_pool.py "http://127.0.0.1:$MOTO_PORT")
  cl=$(python3 scripts/setup_pool.py "http://127.0.0.1:$CL_PORT")
  python3 - "$moto" "$cl" "$CODE" >"$STATE/emulators.env" <<'PY'
import json, sys
for prefix, raw in (("MOTO", sys.argv[1]), ("CL", sys.argv[2])):
    d = json.loads(raw)
    for key, name in (("endpoint", "ENDPOINT"), ("userPoolId", "POOL_ID"), ("publicClientId", "CLIENT_ID"),
                      ("secretClientId", "SECRET_CLIENT_ID"), ("clientSecret", "CLIENT_SECRET")):
        print(f"export {prefix}_{name}={d[key]}")
print(f"export CL_CODE={sys.argv[3]}")
PY
  echo "emulators: moto on :$MOTO_PORT and cognito-local on :$CL_PORT ready ($STATE/emulators.env)" >&2
  ;;
*)
  echo "usage: $0 start|stop" >&2
  exit 2
  ;;
esac
