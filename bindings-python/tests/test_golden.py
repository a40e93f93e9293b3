"""to_dict() is the CLI's JSON (tests/golden/*.json, byte offsets) with spans in code points."""

from __future__ import annotations

import json

import pytest

import lgsco

from conftest import (
    FIXTURE_FILES,
    GOLDEN,
    byte_to_char_table,
    convert_golden,
    is_span,
    read_text,
    text_leaves,
    walk,
)

IDS = [p.stem for p in FIXTURE_FILES]


def load_golden(stem: str):
    path = GOLDEN / (stem + ".json")
    if not path.exists():
        pytest.skip(f"no golden JSON for {stem} yet")
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_fixture_has_golden_json():
    missing = [p.stem for p in FIXTURE_FILES if not (GOLDEN / (p.stem + ".json")).exists()]
    assert FIXTURE_FILES, "no fixtures found"
    assert not missing, f"no golden JSON for {missing}"


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=IDS)
def test_to_dict_equals_golden_in_code_points(path):
    gold = load_golden(path.stem)
    text = read_text(path)
    expected = convert_golden(gold, byte_to_char_table(text))
    d = lgsco.parse(text)
    assert d.to_dict() == expected
    # The same from bytes.
    assert lgsco.parse(path.read_bytes()).to_dict() == expected


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=IDS)
def test_byte_offsets_equal_golden_exactly(path):
    gold = load_golden(path.stem)
    d = lgsco.parse(path.read_bytes())
    assert d.to_dict(byte_offsets=True) == gold
    assert json.loads(d.to_json(byte_offsets=True)) == gold


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=IDS)
def test_to_json_is_to_dict(path):
    d = lgsco.parse(read_text(path))
    assert json.loads(d.to_json()) == d.to_dict()
    assert json.loads(d.to_json(indent=2)) == d.to_dict()
    assert "\n  " in d.to_json(indent=2)


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=IDS)
def test_every_leaf_and_entity_slices_to_its_text(path):
    text = read_text(path)
    d = lgsco.parse(text)
    tree = d.to_dict()
    leaves = list(text_leaves(tree))
    assert leaves, "no Text leaves"
    for leaf in leaves:
        s = leaf["span"]
        assert text[s["start"] : s["end"]] == leaf["text"], leaf
    for e in tree["entities"]:
        assert text[e["span"]["start"] : e["span"]["end"]] == e["text"], e
    # The same through the attribute views.
    for e in d.entities:
        assert d.text[e.span.start : e.span.end] == e.text


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=IDS)
def test_every_span_key_holds_a_span(path):
    """The conversion rule (objects of exactly start/end/line) catches every `span`."""
    tree = lgsco.parse(read_text(path)).to_dict()
    n = 0
    for key, value in walk(tree):
        if key == "span":
            assert value is None or is_span(value), value
            n += 1
    assert n > 10


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=IDS)
def test_views_match_to_dict(path):
    d = lgsco.parse(read_text(path))
    tree = d.to_dict()
    assert d.layout == tree["layout"]
    assert d.header.to_dict() == tree["header"]
    assert [s.to_dict() for s in d.sections] == tree["sections"]
    assert [e.to_dict() for e in d.entities] == tree["entities"]
    assert [x.to_dict() for x in d.diagnostics] == tree["diagnostics"]
    assert d.findings.to_dict() == tree["findings"]
    assert (d.summary.to_dict() if d.summary else None) == tree["summary"]
    assert (d.contents.to_dict() if d.contents else None) == tree["contents"]
    assert (d.closing.to_dict() if d.closing else None) == tree["closing"]
    assert [b.to_dict() for b in d.boilerplate] == tree["boilerplate"]
    assert d.span.to_dict() == tree["span"]
    assert d.span.end == len(d.text)
