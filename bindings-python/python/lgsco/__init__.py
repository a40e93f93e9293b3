"""lgsco: LGSCO decision statements as a typed syntax tree.

Parses the text of UK Local Government and Social Care Ombudsman decision
statements (as scraped from its website) into a tree: header (authority,
reference, category, outcome, decision date), summary, sections,
paragraphs with their document-wide ordinals, entities (money, dates,
legislation, ...), findings and diagnostics.

>>> import lgsco
>>> d = lgsco.parse(open("decision.txt", encoding="utf-8").read())  # doctest: +SKIP
>>> d.header.reference_id, d.header.outcome  # doctest: +SKIP
('22-014-796', 'Upheld')
>>> d.text[d.paragraphs[0].span.start:d.paragraphs[0].span.end]  # doctest: +SKIP

Spans are Python string indices (code points) into :attr:`Decision.text`.
The parsing is done by the Rust crate ``lgsco``; this package converts its
tree, offsets and errors.
"""

from __future__ import annotations

from . import _lgsco
from ._api import Decision, parse, parse_dir, parse_file, parse_many
from ._errors import ParseError
from ._nodes import (
    Block,
    Boilerplate,
    Category,
    Contents,
    Diagnostic,
    Entity,
    Field,
    Findings,
    Finding,
    Investigated,
    PaymentsTotal,
    EntityValue,
    Money,
    DatePoint,
    DateValue,
    Legislation,
    Deadline,
    RemedyAction,
    ParagraphRef,
    Party,
    Mention,
    Header,
    Item,
    ListBlock,
    Node,
    Paragraph,
    Section,
    Span,
    Subsection,
    Summary,
    Text,
)
from ._records import paragraph_records, to_records

__version__: str = _lgsco.__version__
"""The package version (that of the Rust crates it was built from)."""

__all__ = [
    "__version__",
    "parse",
    "parse_many",
    "parse_file",
    "parse_dir",
    "to_records",
    "paragraph_records",
    "ParseError",
    "Decision",
    "Node",
    "Span",
    "Text",
    "Header",
    "Category",
    "Field",
    "Summary",
    "Contents",
    "Section",
    "Subsection",
    "Block",
    "Paragraph",
    "ListBlock",
    "Item",
    "Boilerplate",
    "Entity",
    "Findings",
    "Finding",
    "Investigated",
    "PaymentsTotal",
    "EntityValue",
    "Money",
    "DatePoint",
    "DateValue",
    "Legislation",
    "Deadline",
    "RemedyAction",
    "ParagraphRef",
    "Party",
    "Mention",
    "Diagnostic",
]
