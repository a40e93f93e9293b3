#!/usr/bin/env bash
# Spark example test: runs examples/spark/lgsco_spark.py in local mode
# (local[2]) on the seeds and checks its Parquet tables (test_spark.py).
#
# Installs what it needs on a fresh machine: Java 17+ (Debian's
# openjdk-17-jre-headless, if no java 17+ is found) and PySpark + pyarrow
# from PyPI into the venv that bindings-python/test.sh makes (which has the
# lgsco package installed; if it is missing, the package is installed here).
#
#   LGSCO_VENV=path   venv to use (default: bindings-python/.venv)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${LGSCO_VENV:-$root/bindings-python/.venv}"
python="${PYTHON:-python3}"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi
}

java_major() {
  java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
}
if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ]; then
  echo "--> installing Java 17 (openjdk-17-jre-headless)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq openjdk-17-jre-headless
fi
echo "--> java $(java_major)"

if [ ! -x "$venv/bin/python" ]; then
  echo "--> creating venv $venv"
  "$python" -m venv "$venv"
fi
py="$venv/bin/python"
pip_install() {
  local i
  for i in 1 2 3; do
    if "$py" -m pip install --disable-pip-version-check -q "$@"; then return 0; fi
    echo "pip install failed (try $i), retrying" >&2
    sleep 5
  done
  return 1
}

if ! "$py" -c "import lgsco" 2>/dev/null; then
  echo "--> pip install ./bindings-python"
  pip_install "$root/bindings-python"
fi
if ! "$py" -c "import pyspark, pyarrow, pytest" 2>/dev/null; then
  echo "--> pip install pyspark pyarrow pytest (PySpark is ~450 MB)"
  pip_install "pyspark>=4.0,<5" "pyarrow>=15" "pytest>=7"
fi
"$py" -c "import pyspark, pyarrow; print('--> pyspark', pyspark.__version__, '/ pyarrow', pyarrow.__version__)"

export PYSPARK_PYTHON="$py"
export PYSPARK_DRIVER_PYTHON="$py"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
echo "--> pytest examples/spark (Spark local[2])"
cd "$here"
"$py" -m pytest -q -s -p no:cacheprovider test_spark.py
