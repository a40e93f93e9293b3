#!/usr/bin/env bash
# A short, bounded fuzz run of every cargo-fuzz target (fuzz/), starting from
# the committed corpus: FUZZ_SECONDS (default 10) per target, one process
# each, new inputs kept in a temporary directory (the committed corpus is not
# touched). Skips cleanly, exit 0, when the nightly toolchain or cargo-fuzz
# is missing: the corpus replay (core/tests/fuzz_corpus.rs) is the part of
# the test suite that needs neither.
#
# CI does not install cargo-fuzz for this (a 2-3 minute build for a 30-second
# run); set FUZZ_INSTALL=1 to install it here. FUZZ_SECONDS=0 skips.
#
# Long runs (what the corpus came from), from fuzz/:
#   cargo +nightly fuzz run -s none -a --no-trace-compares TARGET corpus/TARGET -- \
#     -dict=lgsco.dict -max_len=2048 -reload=0 -use_memcmp=0 -runs=10000000
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-10}"
[ "$seconds" != 0 ] || { echo "fuzz-smoke: FUZZ_SECONDS=0, skipped"; exit 0; }

if ! command -v cargo >/dev/null 2>&1 && [ -f "${CARGO_HOME:-$HOME/.cargo}/env" ]; then
  # shellcheck disable=SC1091
  . "${CARGO_HOME:-$HOME/.cargo}/env"
fi
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz-smoke: no nightly toolchain, skipped (the corpus replay still ran)"
  exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  if [ "${FUZZ_INSTALL:-0}" = 1 ]; then
    cargo install cargo-fuzz --version '^0.13' --locked
  else
    echo "fuzz-smoke: cargo-fuzz not installed, skipped (FUZZ_INSTALL=1 installs it)"
    exit 0
  fi
fi

cd fuzz
targets=(parser entities json_roundtrip)
flags=(-s none -a --no-trace-compares)
echo "==> cargo +nightly fuzz build ${flags[*]}"
cargo +nightly fuzz build "${flags[@]}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for t in "${targets[@]}"; do
  mkdir -p "$work/$t" "$work/artifacts/$t"
  echo "==> fuzz $t for ${seconds}s"
  # New inputs go to $work/$t; corpus/$t is only read.
  if ! cargo +nightly fuzz run "${flags[@]}" "$t" "$work/$t" "corpus/$t" -- \
      -dict=lgsco.dict -max_len=2048 -max_total_time="$seconds" -reload=0 \
      -artifact_prefix="$work/artifacts/$t/" -print_final_stats=1 >"$work/$t.log" 2>&1; then
    tail -n 60 "$work/$t.log" >&2
    mkdir -p artifacts/"$t"
    cp "$work/artifacts/$t/"* artifacts/"$t"/ 2>/dev/null || true
    echo "fuzz-smoke: $t found a failure (input copied to fuzz/artifacts/$t/)" >&2
    exit 1
  fi
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log")"
  echo "fuzz-smoke: $t ok, ${runs:-?} executions"
done
