"""Runs the Spark job (examples/spark/lgsco_spark.py) in local mode
(``local[2]``) on the five seeds plus one file that holds no decision, in a
process of its own, as a user would; then reads the Parquet tables back with
pyarrow (not Spark) and checks them against the ``lgsco`` package parsing the
same files directly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import lgsco

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
JOB = HERE / "lgsco_spark.py"
SEEDS = sorted((ROOT / "tests" / "fixtures").glob("[0-9][0-9][0-9]_*.txt"))


@pytest.fixture(scope="module")
def job(tmp_path_factory: pytest.TempPathFactory) -> dict:
    assert len(SEEDS) == 5
    tmp = tmp_path_factory.mktemp("spark")
    inp = tmp / "in"
    (inp / "nested").mkdir(parents=True)
    for s in SEEDS[:3]:
        shutil.copy(s, inp / s.name)
    for s in SEEDS[3:]:
        shutil.copy(s, inp / "nested" / s.name)  # directories are walked
    (inp / "not-a-decision.txt").write_text("Nothing to see here.\n", encoding="utf-8")
    (inp / "notes.md").write_text("not taken: wrong extension\n", encoding="utf-8")
    out = tmp / "out"
    env = dict(os.environ)
    env.setdefault("PYSPARK_PYTHON", sys.executable)
    env.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    env.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, str(JOB), "--master", "local[2]", str(inp), str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    took = time.monotonic() - started
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-6000:]
    print(f"spark job: {took:.1f}s; {proc.stdout.strip()}")
    return {"in": inp, "out": out, "stdout": proc.stdout}


def table(job: dict, name: str) -> list:
    return pq.read_table(job["out"] / name).to_pylist()


def expected() -> dict:
    return {s.name: lgsco.parse_file(s) for s in SEEDS}


def test_one_decision_row_per_seed(job: dict) -> None:
    rows = table(job, "decisions")
    assert len(rows) == len(SEEDS)
    names = sorted(Path(r["path"].removeprefix("file:")).name for r in rows)
    assert names == [s.name for s in SEEDS]
    want = expected()
    for r in rows:
        d = want[Path(r["path"]).name]
        (rec,) = lgsco.to_records([d])
        for key in ("reference_id", "authority", "outcome_kind", "decision_date", "layout", "fault",
                    "payments_total_pence", "paragraph_count", "entity_count", "char_count"):
            assert r[key] == rec[key], (r["path"], key)
    by_ref = {r["reference_id"]: r for r in rows}
    seed_001 = by_ref["22-014-796"]
    assert seed_001["authority"] == "Knowsley Metropolitan Borough Council"
    assert str(seed_001["decision_date"]) == "2023-08-22"
    assert seed_001["payments_total_pence"] == 30000
    assert "5 decisions" in job["stdout"]


def test_paragraph_rows_match_each_decision(job: dict) -> None:
    rows = table(job, "paragraphs")
    want = expected()
    assert len(rows) == sum(len(d.paragraphs) for d in want.values())
    for name, d in want.items():
        mine = [r for r in rows if Path(r["path"]).name == name]
        assert len(mine) == len(d.paragraphs) == d._native.paragraph_count, name
        ordinals = sorted(r["ordinal"] for r in mine if r["ordinal"] is not None)
        assert ordinals == [p.ordinal for p in d.paragraphs if p.ordinal is not None], name
        (rec,) = lgsco.to_records([d])
        assert len(mine) == rec["paragraph_count"]
    # Paragraph 38 of seed 001, with its section path and text.
    p38 = [r for r in rows if r["reference_id"] == "22-014-796" and r["ordinal"] == 38]
    assert len(p38) == 1
    assert p38[0]["text"] == want[SEEDS[1].name].paragraph(38).text
    assert p38[0]["section"] == "What I found"


def test_files_without_a_decision_go_to_errors(job: dict) -> None:
    rows = table(job, "errors")
    assert len(rows) == 1
    (e,) = rows
    assert Path(e["path"]).name == "not-a-decision.txt"
    assert e["error_code"] == "not_a_decision"
    assert e["error_line"] >= 1 and e["error_message"]
