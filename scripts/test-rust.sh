#!/usr/bin/env bash
# Rust tests: core (unit, golden, property) and the CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --all-targets
