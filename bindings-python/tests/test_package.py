"""The package itself: docstrings, stubs, typing."""

from __future__ import annotations

import inspect
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import lgsco


def test_public_names_have_docstrings():
    missing = []
    for name in lgsco.__all__:
        if name == "__version__":
            continue
        obj = getattr(lgsco, name)
        if name in ("Block", "EntityValue"):  # typing aliases
            continue
        if not inspect.getdoc(obj):
            missing.append(name)
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if attr.startswith("_"):
                    continue
                if isinstance(member, (property, staticmethod, classmethod)) or inspect.isfunction(member):
                    if not inspect.getdoc(member):
                        missing.append(f"{name}.{attr}")
    assert not missing, f"no docstring: {missing}"


def test_typed_package_files():
    pkg = Path(lgsco.__file__).parent
    assert (pkg / "py.typed").exists()
    assert (pkg / "_lgsco.pyi").exists()
    assert lgsco.__version__


def test_parse_error_is_value_error():
    assert issubclass(lgsco.ParseError, ValueError)


@pytest.mark.skipif(shutil.which("mypy") is None and not any(
    (Path(p) / "mypy").exists() for p in sys.path
), reason="mypy not installed")
def test_mypy_knows_every_attribute(tmp_path):
    pytest.importorskip("mypy")
    script = tmp_path / "use_lgsco.py"
    script.write_text(
        textwrap.dedent(
            """
            import datetime
            from typing import List, Optional, Union
            import lgsco

            d: lgsco.Decision = lgsco.parse(b"...")
            ref: Optional[str] = d.header.reference_id
            area: Optional[str] = d.header.category.area
            day: Optional[datetime.date] = d.header.decision_date
            p: Optional[lgsco.Paragraph] = d.paragraph(38)
            start: int = d.paragraphs[0].span.start
            text: str = d.paragraphs[0].content[0].text
            heading: Optional[lgsco.Text] = d.sections[0].heading
            many: List[lgsco.Decision] = lgsco.parse_many(["a"], threads=2)
            mixed: List[Union[lgsco.Decision, lgsco.ParseError]] = lgsco.parse_many(["a"], errors="return")
            line: Optional[int] = lgsco.ParseError("x").line
            rows = lgsco.to_records(many)
            kind: str = d.entities[0].kind
            v = d.entities[0].value
            if isinstance(v, lgsco.Money):
                pence: Optional[int] = v.pence
            fault: str = d.findings.fault.value
            total: Optional[int] = d.findings.payments_total.pence
            code: str = d.diagnostics[0].code
            """
        ),
        encoding="utf-8",
    )
    bad = tmp_path / "bad.py"
    bad.write_text("import lgsco\nx: int = lgsco.parse('a').header.authority\n", encoding="utf-8")
    run = lambda f: subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(f)],
        capture_output=True,
        text=True,
    )
    ok = run(script)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    wrong = run(bad)
    assert wrong.returncode != 0 and "incompatible types" in wrong.stdout.lower()


def test_stubs_match_the_native_module():
    pytest.importorskip("mypy")
    r = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "lgsco._lgsco"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_package_passes_mypy_strict():
    pytest.importorskip("mypy")
    r = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "-p", "lgsco"],
        capture_output=True,
        text=True,
        cwd=str(Path(__file__).parent),
    )
    assert r.returncode == 0, r.stdout + r.stderr
