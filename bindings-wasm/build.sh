#!/usr/bin/env bash
# Builds the npm package `lgsco` into bindings-wasm/pkg/:
#   package.json, index.cjs / index.mjs (Node), web.js (browsers),
#   wrap.js / wrap.cjs (the API around the glue), the wasm-bindgen glue,
#   lgsco_wasm_bg.wasm (one file for Node and browsers), index.d.ts and
#   types.d.ts (generated from schema/decision.schema.json).
# and copies it to examples/demo/lgsco/ for the demo page.
#
# Needs: the wasm32-unknown-unknown target, the wasm-bindgen CLI at exactly the
# version Cargo.toml pins, and `npm ci` done in bindings-wasm/ (test.sh does
# all of that). Set LGSCO_WASM_OPT=0 to skip wasm-opt.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$here"

want="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" != "$want" ]; then
  echo "build.sh: need wasm-bindgen CLI $want (found: ${have:-none})." >&2
  echo "  cargo install wasm-bindgen-cli --version $want   (or run bindings-wasm/test.sh)" >&2
  exit 1
fi
if [ ! -d node_modules/json-schema-to-typescript ]; then
  echo "build.sh: npm dependencies missing; run 'npm ci' in bindings-wasm/" >&2
  exit 1
fi

echo "build.sh: cargo build (wasm32-unknown-unknown, release, LTO)"
# Size and speed settings for this build only (the workspace profile keeps
# debug info for the native tools).
CARGO_PROFILE_RELEASE_DEBUG=0 \
CARGO_PROFILE_RELEASE_LTO=true \
CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
CARGO_PROFILE_RELEASE_PANIC=abort \
  cargo build --manifest-path "$root/Cargo.toml" -p lgsco-wasm \
    --target wasm32-unknown-unknown --release
target_dir="$(cargo metadata --manifest-path "$root/Cargo.toml" --format-version 1 --no-deps |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
wasm_in="$target_dir/wasm32-unknown-unknown/release/lgsco_wasm.wasm"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for t in nodejs web; do
  wasm-bindgen --target "$t" --out-dir "$tmp/$t" --no-typescript \
    --experimental-reset-state-function "$wasm_in"
done
# Both targets get the same wasm (checked): ship it once.
cmp -s "$tmp/nodejs/lgsco_wasm_bg.wasm" "$tmp/web/lgsco_wasm_bg.wasm" || {
  echo "build.sh: nodejs and web wasm differ; cannot share one file" >&2
  exit 1
}

rm -rf pkg
mkdir -p pkg
wasm="$tmp/web/lgsco_wasm_bg.wasm"
before=$(wc -c <"$wasm")
if [ "${LGSCO_WASM_OPT:-1}" != "0" ]; then
  # npm's binaryen; the features are the ones rustc's wasm32 target enables.
  npx --no-install wasm-opt -O3 \
    --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-reference-types --enable-multivalue \
    "$wasm" -o "$tmp/opt.wasm"
  after=$(wc -c <"$tmp/opt.wasm")
  if [ "$after" -lt "$before" ]; then
    cp "$tmp/opt.wasm" pkg/lgsco_wasm_bg.wasm
  else
    cp "$wasm" pkg/lgsco_wasm_bg.wasm
  fi
  echo "build.sh: wasm $before bytes, after wasm-opt -O3 $after bytes"
else
  cp "$wasm" pkg/lgsco_wasm_bg.wasm
  echo "build.sh: wasm $before bytes (wasm-opt skipped)"
fi

cp "$tmp/nodejs/lgsco_wasm.js" pkg/lgsco_wasm_node.cjs
cp "$tmp/web/lgsco_wasm.js" pkg/lgsco_wasm_web.js
cp js/index.cjs js/index.mjs js/web.js js/wrap.js pkg/
# wrap.cjs: the same code for require().
sed -e 's/^export function makeApi/function makeApi/' js/wrap.js >pkg/wrap.cjs
printf "\nmodule.exports = { makeApi };\n" >>pkg/wrap.cjs

node tools/gen-dts.mjs "$root/schema/decision.schema.json" pkg
cp README.package.md pkg/README.md

version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)"
cat >pkg/package.json <<EOF
{
  "name": "lgsco",
  "version": "$version",
  "description": "Parse UK Local Government and Social Care Ombudsman decision statements into a typed syntax tree (WebAssembly)",
  "license": "MIT OR Apache-2.0",
  "repository": "https://github.com/lgsco/lgsco",
  "main": "./index.cjs",
  "module": "./web.js",
  "browser": "./web.js",
  "types": "./index.d.ts",
  "exports": {
    ".": {
      "types": "./index.d.ts",
      "node": {
        "import": "./index.mjs",
        "require": "./index.cjs"
      },
      "browser": "./web.js",
      "default": "./web.js"
    },
    "./web": {
      "types": "./index.d.ts",
      "default": "./web.js"
    },
    "./types": {
      "types": "./types.d.ts"
    },
    "./lgsco_wasm_bg.wasm": "./lgsco_wasm_bg.wasm",
    "./package.json": "./package.json"
  },
  "files": [
    "index.cjs", "index.mjs", "web.js", "wrap.js", "wrap.cjs",
    "lgsco_wasm_node.cjs", "lgsco_wasm_web.js", "lgsco_wasm_bg.wasm",
    "index.d.ts", "types.d.ts", "README.md"
  ],
  "sideEffects": false,
  "engines": { "node": ">=18" }
}
EOF

# The demo page serves its own copy (examples/demo/lgsco/, git-ignored).
demo="$root/examples/demo/lgsco"
rm -rf "$demo"
mkdir -p "$demo"
cp pkg/web.js pkg/wrap.js pkg/lgsco_wasm_web.js pkg/lgsco_wasm_bg.wasm pkg/package.json "$demo/"
echo "build.sh: built $(ls pkg | wc -l) files in bindings-wasm/pkg/ (and examples/demo/lgsco/)"
