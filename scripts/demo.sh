#!/usr/bin/env bash
# The main job (until the sign-up page lands): build the module, start the
# local emulators, sign the seed user up and confirm it from Node.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
scripts/setup.sh
scripts/build.sh
trap 'scripts/emulators.sh stop' EXIT
scripts/emulators.sh start
. "$STATE/emulators.env"
node examples/signup.mjs
