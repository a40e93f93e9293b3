"""parse_file and parse_dir."""

from __future__ import annotations

import types

import pytest

import lgsco

from conftest import FIXTURE_FILES, FIXTURES, SEED_001


def test_parse_file_sets_path(tmp_path):
    d = lgsco.parse_file(SEED_001)
    assert d.path == str(SEED_001)
    assert d.header.reference_id == "22-014-796"
    assert "path=" in repr(d)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe junk")
    with pytest.raises(lgsco.ParseError) as info:
        lgsco.parse_file(str(bad))
    assert info.value.path == str(bad)
    assert str(bad) in str(info.value)
    with pytest.raises(FileNotFoundError):
        lgsco.parse_file(tmp_path / "missing.txt")


def test_parse_dir_is_a_sorted_generator():
    gen = lgsco.parse_dir(FIXTURES)
    assert isinstance(gen, types.GeneratorType)
    got = list(gen)
    assert [d.path for d in got] == [str(p) for p in FIXTURE_FILES]
    assert got[1].header.reference_id == "22-014-796"
    seeds = list(lgsco.parse_dir(FIXTURES, pattern="00*.txt", batch_size=2, threads=2))
    assert len(seeds) == 5


def test_parse_dir_errors(tmp_path):
    (tmp_path / "a.txt").write_bytes(SEED_001.read_bytes())
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_bytes(SEED_001.read_bytes())
    (tmp_path / "notes.md").write_text("not me", encoding="utf-8")
    gen = lgsco.parse_dir(tmp_path)
    first = next(gen)
    assert first.path.endswith("a.txt")
    with pytest.raises(lgsco.ParseError) as info:
        next(gen)
    assert info.value.path.endswith("b.txt")
    got = list(lgsco.parse_dir(tmp_path, errors="return", recursive=True))
    assert [type(x).__name__ for x in got] == ["Decision", "ParseError", "Decision"]
    assert got[2].path.endswith("c.txt")
    with pytest.raises(NotADirectoryError):
        lgsco.parse_dir(tmp_path / "a.txt")
    with pytest.raises(ValueError):
        lgsco.parse_dir(tmp_path, errors="skip")
