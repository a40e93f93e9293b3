#!/usr/bin/env bash
# Runs every test of the project: Rust (core, CLI, property tests), Python,
# JavaScript (Node), the browser test and the Spark example (local mode).
# Each step installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
for step in scripts/test-rust.sh bindings-python/test.sh bindings-wasm/test.sh examples/spark/test.sh; do
  if [ -f "$step" ]; then
    echo "==> $step"
    bash "$step"
  fi
done
echo "==> all tests passed"
