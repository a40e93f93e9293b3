#!/usr/bin/env bash
# Rust tests: core (unit, golden, property, adversarial, fuzz corpus replay,
# doc), the CLI (unit, integration, the README's Rust example as a doctest),
# clippy on core, a short fuzz run when nightly and cargo-fuzz are present,
# and a smoke run of the README's first command
# (`cargo run --release -- parse <seed>`).
#
# Works on a fresh machine: only the Rust toolchain and crates.io are needed;
# the bindings (Python, wasm) are tested by their own scripts.
set -euo pipefail
cd "$(dirname "$0")/.."

# rustup installs put cargo in ~/.cargo/bin, which a non-login shell may lack.
if ! command -v cargo >/dev/null 2>&1 && [ -f "${CARGO_HOME:-$HOME/.cargo}/env" ]; then
  # shellcheck disable=SC1091
  . "${CARGO_HOME:-$HOME/.cargo}/env"
fi
command -v cargo >/dev/null 2>&1 || { echo "test-rust.sh: cargo not found" >&2; exit 1; }

# Registry hiccups should not fail a run: retry downloads.
export CARGO_NET_RETRY="${CARGO_NET_RETRY:-10}"
if [ -n "${CI:-}" ]; then
  # Cold builds in CI: incremental compilation only costs time and disk.
  export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
fi

fetched=0
for attempt in 1 2 3; do
  if cargo fetch; then fetched=1; break; fi
  echo "test-rust.sh: cargo fetch failed (attempt $attempt), retrying" >&2
  sleep $((attempt * 10))
done
[ "$fetched" = 1 ] || { echo "test-rust.sh: cannot fetch crates" >&2; exit 1; }

# The default members (the CLI and core): every lib, bin, test, bench and
# example target. The CLI enables core's `schema` feature, so core's schema
# test runs here too.
cargo test --all-targets
# Doctests (not part of --all-targets): core's examples and the README's.
cargo test --doc
# The committed JSON Schema, with core built on its own.
cargo test -p lgsco --features schema --test schema_current

# Lints: core's library code may not unwrap, expect, panic or index (denied
# in core/src/lib.rs; tests may); everything else clippy warns about fails too.
if ! cargo clippy --version >/dev/null 2>&1; then
  rustup component add clippy
fi
cargo clippy -p lgsco --all-targets -- -D warnings

# The fuzz corpus is replayed by `cargo test` (core/tests/fuzz_corpus.rs);
# with nightly and cargo-fuzz installed, fuzz briefly too (skips otherwise).
bash scripts/fuzz-smoke.sh

# The README's first command, as a newcomer runs it.
echo "==> cargo run --release -- parse tests/fixtures/001_b4fdc07b486f5ef2.txt"
out="$(cargo run --release --quiet -- parse tests/fixtures/001_b4fdc07b486f5ef2.txt)"
case "$out" in
  *'"reference_id": "'*) echo "README command: ok ($(printf '%s' "$out" | wc -c) bytes of JSON)" ;;
  *) echo "README command printed no decision" >&2; exit 1 ;;
esac
test -x target/release/lgsco
