"""Flat records (one dict per decision or per paragraph) for data frames.

``pandas.DataFrame(lgsco.to_records(decisions))`` gives one row per
decision; :func:`paragraph_records` one row per paragraph. pandas is not a
dependency: these are plain lists of dicts with the same keys in every row.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

from ._api import Decision
from ._errors import ParseError

__all__ = ["to_records", "paragraph_records"]

Record = Dict[str, Any]


def _decisions(decisions: Iterable[Union[Decision, ParseError]]) -> Iterable[Decision]:
    if isinstance(decisions, Decision):
        decisions = [decisions]
    for d in decisions:
        if isinstance(d, Decision):
            yield d
        elif isinstance(d, ParseError):
            continue
        else:
            raise TypeError(f"expected Decision objects, got {type(d).__name__}")


def _value(finding: Any, key: str = "value") -> Any:
    return finding.get(key) if isinstance(finding, dict) else None


def _findings(f: Dict[str, Any]) -> Record:
    """The findings' columns (``None`` where the findings are absent)."""
    payments = _value(f.get("payments_total"), "pence")
    return {
        "fault": _value(f.get("fault")),
        "injustice": _value(f.get("injustice")),
        "investigated": _value(f.get("investigated")),
        "not_investigated_reason": _value(f.get("investigated"), "reason"),
        "payments_total_pence": payments,
        "payments_total": None if payments is None else payments / 100,
    }


def _date(value: Optional[str]) -> Optional[_dt.date]:
    return None if value is None else _dt.date.fromisoformat(value)


def to_records(decisions: Iterable[Union[Decision, ParseError]]) -> List[Record]:
    """One flat dict per decision, ready for ``pandas.DataFrame(...)``.

    Keys (the same in every record): ``path``, ``reference``,
    ``reference_id``, ``authority``, ``category_area``,
    ``category_subcategory``, ``outcome``, ``outcome_kind``,
    ``decision_date`` (``datetime.date``), ``layout``, ``fault``,
    ``injustice``, ``investigated`` (each ``yes``/``no``/``unknown``),
    ``not_investigated_reason``, ``payments_total_pence``,
    ``payments_total`` (pounds), ``remedy_action_count``, ``summary``, ``section_count``,
    ``paragraph_count``, ``entity_count``, ``money_count``,
    ``diagnostic_count``, ``char_count``. Values the text does not give are
    ``None``.

    ``ParseError`` items (from ``parse_many(..., errors="return")``) are
    skipped.
    """
    out: List[Record] = []
    for d in _decisions(decisions):
        h = d._get("header")
        cat = h["category"]
        summary = d._get("summary")
        entities = d._get("entities")
        rec: Record = {
            "path": d.path,
            "reference": h["reference"],
            "reference_id": h["reference_id"],
            "authority": h["authority"],
            "category_area": cat["area"],
            "category_subcategory": cat["subcategory"],
            "outcome": h["outcome"],
            "outcome_kind": h["outcome_kind"],
            "decision_date": _date(h["decision_date"]),
            "layout": d._get("layout"),
        }
        rec.update(_findings(d._get("findings")))
        rec.update(
            {
                "summary": None if summary is None else summary["text"],
                "section_count": len(d._get("sections")),
                "paragraph_count": d._native.paragraph_count,
                "entity_count": len(entities),
                "money_count": sum(1 for e in entities if e.get("kind") == "money"),
                "remedy_action_count": sum(1 for e in entities if e.get("kind") == "remedy_action"),
                "diagnostic_count": len(d._get("diagnostics")),
                "char_count": len(d.text),
            }
        )
        out.append(rec)
    return out


def _walk(
    node: Dict[str, Any],
    path: List[Dict[str, Any]],
    out: List[Tuple[Dict[str, Any], List[Dict[str, Any]]]],
) -> None:
    for b in node["blocks"]:
        if b.get("type") == "paragraph":
            out.append((b, path))
    for s in node["subsections"]:
        _walk(s, path + [s], out)


def paragraph_records(decisions: Iterable[Union[Decision, ParseError]]) -> List[Record]:
    """One flat dict per paragraph of every decision, in document order.

    Keys: ``path``, ``reference_id``, ``ordinal``, ``number``, ``section``
    (the top-level heading), ``section_kind``, ``subsection`` (the innermost
    sub-heading, or ``None``), ``subsection_kind``, ``headings`` (the heading
    path joined with ``" > "``), ``text`` (the paragraph's own text),
    ``item_count``, ``items_text`` (its items' text joined by newlines),
    ``entity_count``, ``start``, ``end`` (string indices into the decision's
    text) and ``line``.

    ``ParseError`` items are skipped.
    """
    out: List[Record] = []
    for d in _decisions(decisions):
        ref = d._get("header")["reference_id"]
        by_paragraph: Dict[Optional[int], int] = {}
        for e in d._get("entities"):
            key = e.get("paragraph")
            by_paragraph[key] = by_paragraph.get(key, 0) + 1
        for section in d._get("sections"):
            found: List[Tuple[Dict[str, Any], List[Dict[str, Any]]]] = []
            _walk(section, [], found)
            heading = section["heading"]
            section_title = None if heading is None else heading["text"]
            for p, sub in found:
                titles = [section_title] + [s["heading"]["text"] for s in sub]
                span = p["span"]
                ordinal = p["ordinal"]
                out.append(
                    {
                        "path": d.path,
                        "reference_id": ref,
                        "ordinal": ordinal,
                        "number": p["number"],
                        "section": section_title,
                        "section_kind": section["kind"],
                        "subsection": sub[-1]["heading"]["text"] if sub else None,
                        "subsection_kind": sub[-1]["kind"] if sub else None,
                        "headings": " > ".join(t for t in titles if t),
                        "text": p["text"],
                        "item_count": len(p["items"]),
                        "items_text": "\n".join(_item_texts(p["items"])),
                        "entity_count": by_paragraph.get(ordinal, 0) if ordinal is not None else 0,
                        "start": span["start"],
                        "end": span["end"],
                        "line": span["line"],
                    }
                )
    return out


def _item_texts(items: List[Dict[str, Any]]) -> List[str]:
    texts: List[str] = []
    for i in items:
        texts.append(i["text"])
        texts.extend(_item_texts(i["items"]))
    return texts
