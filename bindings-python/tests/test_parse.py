"""lgsco.parse on the seeds: facts that can be checked in the text."""

from __future__ import annotations

import datetime
import pickle

import pytest

import lgsco

from conftest import SEEDS, SEED_001, read_text


def test_seed_001_header(seed001_text):
    d = lgsco.parse(seed001_text)
    h = d.header
    assert h.authority == "Knowsley Metropolitan Borough Council"
    assert h.reference == "22 014 796"
    assert h.reference_id == "22-014-796"
    assert h.category.area == "Children's care services"
    assert h.category.subcategory == "Looked after children"
    assert str(h.category) == "Children's care services > Looked after children"
    assert h.outcome == "Upheld"
    assert h.outcome_kind == "upheld"
    assert h.decision_date == datetime.date(2023, 8, 22)
    assert h.title is not None
    assert h.title.text == "Knowsley Metropolitan Borough Council (22 014 796)"
    assert seed001_text[h.title.span.start : h.title.span.end] == h.title.text
    assert [f.name for f in h.fields] == ["category", "decision", "decision_date"]
    assert h.fields[2].date == datetime.date(2023, 8, 22)
    assert h.marker is not None and h.marker.text == "The Ombudsman's final decision:"


def test_seed_001_paragraph_38(seed001_text):
    d = lgsco.parse(seed001_text)
    p = d.paragraph(38)
    assert p is not None
    assert p.ordinal == 38
    assert p.text.startswith("As already set out")
    # It is the 38th numbered paragraph of the flat list, printed as "1." in the scrape.
    numbered = [q for q in d.paragraphs if q.ordinal is not None]
    assert numbered[37] == p
    assert p.number == 1
    assert p.marker is not None and p.marker.text == "1."
    assert seed001_text[p.span.start : p.span.end].startswith("1. As already set out")


def test_seed_001_sections(seed001_text):
    d = lgsco.parse(seed001_text)
    titles = [s.title for s in d.sections]
    assert titles[0] == "The complaint"
    assert "What I found" in titles
    assert titles[-1] == "Final decision"
    found = d.sections[titles.index("What I found")]
    assert found.kind == "what_found"
    assert "My findings" in [s.title for s in found.subsections]
    assert d.summary is not None
    assert d.summary.text.strip()
    assert d.layout == "numbered"


def test_paragraphs_are_flat_in_ordinal_order(seed001_text):
    d = lgsco.parse(seed001_text)
    ords = [p.ordinal for p in d.paragraphs if p.ordinal is not None]
    assert ords == list(range(1, len(ords) + 1))
    assert len(ords) >= 38
    # The same paragraphs as the sections hold, in the same order.
    via_sections = [p for s in d.sections for p in s.paragraphs]
    assert via_sections == d.paragraphs


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seeds_parse_with_reference_in_title(path):
    text = read_text(path)
    d = lgsco.parse(text)
    ref = d.header.reference
    assert ref is not None
    assert f"({ref})" in text.splitlines()[0]
    assert d.header.reference_id == ref.replace(" ", "-")
    assert d.header.authority and d.header.authority in text.splitlines()[0]
    assert d.paragraphs


def test_curly_apostrophe_paragraph_spans(seed001_text):
    d = lgsco.parse(seed001_text)
    text = d.text
    curly = [p for p in d.paragraphs if "\u2019" in p.text]
    assert curly, "seed 001 has paragraphs with curly apostrophes"
    # The input has multi-byte characters before them, so byte offsets would be off.
    assert len(text.encode("utf-8")) != len(text)
    for p in curly:
        for piece in p.content:
            assert text[piece.span.start : piece.span.end] == piece.text
        if len(p.content) == 1 and not p.items:
            assert text[p.span.start : p.span.end] == p.marker.text + " " + p.text
    # Paragraph 2 of seed 001: "... the Council’s children’s social care department ..."
    p2 = d.paragraph(2)
    assert "Council\u2019s children\u2019s" in p2.text
    piece = p2.content[0]
    assert text[piece.span.start : piece.span.end] == piece.text


def test_non_ascii_offsets_in_code_points():
    """£, non-breaking spaces, curly quotes, an ellipsis and a 4-byte character."""
    body = (
        "Northmere District Council (23 004 517)\n\n"
        "Category : Housing > Homelessness\n\n"
        "Decision : Upheld\n\n"
        "Decision date : 14 Mar 2024\n\n"
        "The Ombudsman's final decision:\n\n"
        "Summary: Mr X’s complaint about “delay” … 😀 £300.\n\n"
        "The complaint\n\n"
        "  1. Mr X complains the Council took 12\u00a0months and paid £1,950 – late.\n\n"
        "  2. He says it’s caused him distress 😀😀 and costs of £250 a month.\n\n"
        "Final decision\n\n"
        "  3. I find fault.\n"
    )
    d = lgsco.parse(body)
    assert d.header.reference_id == "23-004-517"
    for p in d.paragraphs:
        for piece in p.content:
            assert body[piece.span.start : piece.span.end] == piece.text
    p2 = d.paragraph(2)
    assert p2.text.startswith("He says it’s caused him distress 😀😀")
    assert d.summary is not None
    for piece in d.summary.content:
        assert body[piece.span.start : piece.span.end] == piece.text
    assert d.span.end == len(body)
    # Byte offsets are still there on request.
    raw = body.encode("utf-8")
    bd = d.to_dict(byte_offsets=True)
    first = bd["sections"][0]["blocks"][0]["content"][0]
    assert raw[first["span"]["start"] : first["span"]["end"]].decode("utf-8") == first["text"]
    assert d.char_index(len(raw)) == len(body)


def test_bytes_with_bom(seed001_text):
    raw = b"\xef\xbb\xbf" + seed001_text.encode("utf-8")
    d = lgsco.parse(raw)
    assert d.header.reference_id == "22-014-796"
    # Spans index the decoded text, BOM included (as bytes.decode("utf-8") gives it).
    assert d.text == raw.decode("utf-8")
    assert d.text[0] == "\ufeff"
    t = d.header.title
    assert d.text[t.span.start : t.span.end] == t.text
    p = d.paragraph(38)
    assert d.text[p.content[0].span.start : p.content[0].span.end] == p.content[0].text


def test_crlf_and_bytearray(seed001_text):
    crlf = seed001_text.replace("\n", "\r\n")
    d = lgsco.parse(bytearray(crlf.encode("utf-8")))
    assert d.header.reference_id == "22-014-796"
    assert d.paragraph(38).text.startswith("As already set out")
    assert d.text == crlf
    for piece in d.paragraph(38).content:
        assert crlf[piece.span.start : piece.span.end] == piece.text


def test_decision_repr_and_text(seed001_text):
    d = lgsco.parse(seed001_text)
    r = repr(d)
    assert r.startswith("<Decision 22-014-796")
    assert "Knowsley Metropolitan Borough Council" in r
    assert "Upheld" in r and "2023-08-22" in r
    assert d.text is seed001_text
    assert d.source is seed001_text
    assert "Header(" in repr(d.header)
    assert repr(d.paragraph(38)).startswith("Paragraph(38, 'As already set out")
    assert repr(d.paragraph(38).span).startswith("Span(")


def test_views():
    d = lgsco.parse(read_text(SEED_001))
    p = d.paragraph(38)
    # Attribute access falls back to the dict's keys; unknown names raise.
    assert p.type == "paragraph"
    with pytest.raises(AttributeError):
        p.no_such_field
    assert "ordinal" in dir(p)
    assert "ordinal" in p.keys()
    # to_dict() is an independent copy.
    copy = p.to_dict()
    copy["text"] = "changed"
    assert d.paragraph(38).text.startswith("As already set out")
    assert d.to_dict() is not d.to_dict()
    start, end = p.span
    assert (start, end) == (p.span.start, p.span.end)
    assert len(p.span) == end - start
    assert p.span.slice(d.text) == d.text[start:end]
    assert str(p.content[0]) == p.content[0].text


def test_pickle(seed001_text):
    d = lgsco.parse(seed001_text)
    d2 = pickle.loads(pickle.dumps(d))
    assert d2.to_dict() == d.to_dict()
    p = pickle.loads(pickle.dumps(d.paragraph(38)))
    assert p == d.paragraph(38)


def test_seed_001_entities_and_findings(seed001_text):
    d = lgsco.parse(seed001_text)
    text = d.text
    money = [e for e in d.entities if e.kind == "money"]
    assert any(isinstance(e.value, lgsco.Money) and e.value.pence == 30000 for e in money)
    assert all(e.text.startswith("£") for e in money)
    refs = [e for e in d.entities if e.kind == "paragraph_ref" and e.text == "paragraph 38"]
    assert refs
    ref = refs[0].value
    assert isinstance(ref, lgsco.ParagraphRef)
    assert ref.targets == [38]
    # The resolved span is paragraph 38's span, in code points like every span.
    assert ref.resolved[0] == d.paragraph(38).span
    assert text[ref.resolved[0].start : ref.resolved[0].end].startswith("1. As already set out")
    for e in d.entities:
        assert text[e.span.start : e.span.end] == e.text
        if isinstance(e.value, lgsco.Party):
            assert e.value.mentions[0].span == e.span
            for m in e.value.mentions:
                assert e.value.letter in text[m.span.start : m.span.end]
        if isinstance(e.value, lgsco.RemedyAction) and e.value.deadline is not None:
            dl = e.value.deadline
            assert text[dl.span.start : dl.span.end] == dl.text
    f = d.findings
    assert f.fault.value == "yes" and f.injustice.value == "yes"
    assert f.payments_total.pence == 30000
    assert f.fault.span is not None
    assert text[f.fault.span.start : f.fault.span.end] == f.fault.text
    for s in f.payments_total.sources:
        assert text[s.start : s.end].startswith("£")


def test_offsets_survive_random_multibyte_characters(seed001_text):
    """Sprinkle 2-, 3- and 4-byte characters over seed 001: every leaf still slices to its text."""
    import random

    rng = random.Random(4)
    chars = ["é", "£", "\u00a0", "’", "“", "–", "…", "😀", "𝔄"]
    lines = seed001_text.split("\n")
    for _ in range(5):
        out = []
        for line in lines:
            words = line.split(" ")
            for i in range(len(words)):
                if words[i] and rng.random() < 0.15:
                    words[i] = words[i] + rng.choice(chars)
            out.append(" ".join(words))
        text = "\n".join(out)
        d = lgsco.parse(text)
        tree = d.to_dict()
        from conftest import text_leaves

        n = 0
        for leaf in text_leaves(tree):
            s = leaf["span"]
            assert text[s["start"] : s["end"]] == leaf["text"]
            n += 1
        assert n > 100
        for e in tree["entities"]:
            assert text[e["span"]["start"] : e["span"]["end"]] == e["text"]
        assert tree["span"]["end"] == len(text)
        # And back: byte offsets give the same text from the UTF-8 bytes.
        raw = text.encode("utf-8")
        for leaf in text_leaves(d.to_dict(byte_offsets=True)):
            s = leaf["span"]
            assert raw[s["start"] : s["end"]].decode("utf-8") == leaf["text"]
