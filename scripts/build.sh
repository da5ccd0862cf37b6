#!/usr/bin/env bash
# Builds the shipped module into target/shipped/: the wasm as a cdylib (so
# LTO really runs), `wasm-opt -Oz` from npm's binaryen (Debian's 108 breaks
# the externref glue), its imports renamed short and wasm-bindgen's glue
# trimmed (scripts/short-imports.mjs, scripts/trim-glue.mjs), and the entries, each bundled with wasm-bindgen's `web`
# glue and js/ (the driver and the platform steps) and minified: index.js for
# browsers and bundlers (fetches the .wasm), inline.js (the wasm inside, as
# Base64), node.js and node.cjs for servers (the wasm inside), worker.js for
# Cloudflare Workers (imports the .wasm as a module); the sign-in module
# (the crate with SRP, cognito_signup_signin_bg.wasm) and its loaders, which
# each entry loads on the first sign-in call: sign-in.js (fetches the .wasm),
# sign-in-inline.js (the .wasm inside) and sign-in-worker.js (imports it); then the element (element.js and element/<language>.js,
# scripts/build-element.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
out=target/shipped
module() { # out-name, cargo features, the inline module's export and file: builds, optimises and writes one wasm module
  cargo rustc --quiet --release --target wasm32-unknown-unknown --crate-type cdylib --no-default-features --features "$2"
  # Kept, with its names, for scripts/twiggy-top.sh.
  mkdir -p target/named && cp target/wasm32-unknown-unknown/release/cognito_signup.wasm "target/named/$1.wasm"
  wasm-bindgen --target web --out-name "$1" --out-dir "$out/src" \
    --no-typescript "target/named/$1.wasm"
  node_modules/.bin/wasm-opt --flatten --rereloop -Oz -Oz --strip-target-features --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/src/$1_bg.wasm" -o "$out/$1_bg.wasm"
  node scripts/short-imports.mjs "$out/$1_bg.wasm" "$out/src/$1.js"
  node scripts/trim-glue.mjs "$out/src/$1.js"
  printf '// The wasm module as Base64, for the entries that carry it inside.\nexport const %s = () => Uint8Array.from(atob("%s"), (c) => c.charCodeAt(0));\n' \
    "$3" "$(base64 -w0 "$out/$1_bg.wasm")" >"$out/src/$4"
}
rm -rf "$out" && mkdir -p "$out/src"
module cognito_signup npm wasmBytes wasm_inline.js
# The sign-in module: the same crate with SRP and the sign-in calls.
module cognito_signup_signin npm,srp signInWasmBytes signin_inline.js
cp js/*.js "$out/src/"
bundle() { # entry, format, out, [esbuild options]
  # wasm-bindgen imports a snippet module once per function: a harmless duplicate key. The driver
  # (js/call.js) imports "cognito-signup-glue": the sign-up module's glue, or the sign-in module's.
  node_modules/.bin/esbuild --log-level=warning --log-override:duplicate-object-key=silent --bundle --minify --format="$2" \
    --alias:cognito-signup-glue="./$out/src/${GLUE:-cognito_signup}.js" \
    --platform=neutral --external:./cognito_signup_bg.wasm --external:./sign-in.js --external:./sign-in-inline.js \
    --external:./sign-in-worker.js --external:./cognito_signup_signin_bg.wasm \
    "$out/src/$1.js" --outfile="$out/$3" "${@:4}"
}
for entry in index inline node worker; do bundle $entry esm $entry.js; done
GLUE=cognito_signup_signin bundle sign-in-web esm sign-in.js
GLUE=cognito_signup_signin bundle sign-in-inline esm sign-in-inline.js
GLUE=cognito_signup_signin bundle sign-in-worker esm sign-in-worker.js
# The CommonJS build keeps wasm-bindgen's unused async loader, which names import.meta.
bundle node cjs node.cjs --log-override:empty-import-meta=silent
node scripts/build-element.mjs "$out"
# `npx cognito-signup`: one file, plain Node (its shebang kept), not minified so that it reads as it runs.
node_modules/.bin/esbuild --log-level=warning --bundle --platform=node --format=esm js/cli.js --outfile="$out/cli.js"
