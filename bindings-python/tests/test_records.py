"""to_records and paragraph_records: flat dicts for data frames."""

from __future__ import annotations

import datetime

import pytest

import lgsco

from conftest import SEEDS, read_text


@pytest.fixture(scope="module")
def decisions():
    return [lgsco.parse_file(p) for p in SEEDS]


def test_to_records(decisions):
    recs = lgsco.to_records(decisions)
    assert len(recs) == len(decisions)
    keys = list(recs[0])
    assert all(list(r) == keys for r in recs)
    for k in [
        "reference",
        "reference_id",
        "authority",
        "category_area",
        "category_subcategory",
        "outcome",
        "outcome_kind",
        "decision_date",
        "fault",
        "injustice",
        "payments_total_pence",
        "paragraph_count",
    ]:
        assert k in keys
    r = recs[1]
    assert r["reference_id"] == "22-014-796"
    assert r["authority"] == "Knowsley Metropolitan Borough Council"
    assert r["category_area"] == "Children's care services"
    assert r["category_subcategory"] == "Looked after children"
    assert r["outcome"] == "Upheld" and r["outcome_kind"] == "upheld"
    assert r["decision_date"] == datetime.date(2023, 8, 22)
    assert r["paragraph_count"] == len(decisions[1].paragraphs)
    assert r["section_count"] == len(decisions[1].sections)
    assert r["path"].endswith("001_b4fdc07b486f5ef2.txt")
    for v in r.values():
        assert v is None or isinstance(v, (str, int, float, bool, datetime.date))


def test_records_skip_errors(decisions):
    mixed = lgsco.parse_many([read_text(SEEDS[0]), ""], errors="return")
    assert len(lgsco.to_records(mixed)) == 1
    assert len(lgsco.paragraph_records(mixed)) == len(mixed[0].paragraphs)
    with pytest.raises(TypeError):
        lgsco.to_records([42])


def test_paragraph_records(decisions):
    rows = lgsco.paragraph_records(decisions)
    assert len(rows) == sum(len(d.paragraphs) for d in decisions)
    keys = list(rows[0])
    assert all(list(r) == keys for r in rows)
    d1 = [r for r in rows if r["reference_id"] == "22-014-796"]
    assert [r["ordinal"] for r in d1] == [p.ordinal for p in decisions[1].paragraphs]
    r38 = next(r for r in d1 if r["ordinal"] == 38)
    assert r38["text"].startswith("As already set out")
    assert r38["section"] == "What I found"
    assert r38["headings"].startswith("What I found > ")
    text = decisions[1].text
    assert text[r38["start"] : r38["end"]].startswith("1. As already set out")


def test_pandas_frames(decisions):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(lgsco.to_records(decisions))
    assert len(df) == 5
    assert df.loc[1, "reference_id"] == "22-014-796"
    pf = pd.DataFrame(lgsco.paragraph_records(decisions))
    assert pf.groupby("reference_id").size()["22-014-796"] == len(decisions[1].paragraphs)
