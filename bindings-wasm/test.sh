#!/usr/bin/env bash
# JavaScript tests: installs what they need on a fresh machine (the wasm32
# target, the wasm-bindgen CLI at the pinned version, the npm tools from
# package-lock.json, Debian's chromium), builds the package (build.sh), then
# runs the Rust unit tests of the binding, `node --test` over tests/, and the
# browser test of the demo page (screenshots in test-output/).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
export PATH="$HOME/.cargo/bin:$PATH"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi
}

# Chromium takes a while to install: start it first, in the background.
chromium_pid=""
chromium_log="$(mktemp)"
if [ -z "${CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "==> installing chromium (apt-get, in the background)"
  (as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium) \
    >"$chromium_log" 2>&1 &
  chromium_pid=$!
fi

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "==> rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

want="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" != "$want" ]; then
  echo "==> cargo install wasm-bindgen-cli --version $want (found: ${have:-none})"
  cargo install wasm-bindgen-cli --version "$want"
fi

if ! { [ -d node_modules ] && npm ls --depth=0 >/dev/null 2>&1; }; then
  echo "==> npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "==> build.sh"
bash build.sh

echo "==> cargo test -p lgsco-wasm (span conversion)"
cargo test -q --manifest-path ../Cargo.toml -p lgsco-wasm --lib

echo "==> node --test (golden fixtures, UTF-16 spans, errors, package)"
node --test tests/

if [ -n "$chromium_pid" ]; then
  echo "==> waiting for the chromium install"
  if ! wait "$chromium_pid"; then
    cat "$chromium_log" >&2
    echo "test.sh: installing chromium failed" >&2
    exit 1
  fi
fi
rm -f "$chromium_log"

echo "==> browser test (demo page in headless chromium)"
node --test tests/browser/demo.browser.mjs
