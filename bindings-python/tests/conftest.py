"""Shared fixtures: the repository's seed and synthetic decisions and their golden JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = Path(os.environ.get("LGSCO_GOLDEN_DIR") or ROOT / "tests" / "golden")

FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))
SEEDS = [p for p in FIXTURE_FILES if p.name[:3].isdigit()]
SEED_001 = FIXTURES / "001_b4fdc07b486f5ef2.txt"


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def byte_to_char_table(text: str) -> List[int]:
    """table[b] = code-point index of UTF-8 byte offset b (for b on a character boundary)."""
    table: List[int] = []
    for i, ch in enumerate(text):
        table.extend([i] * len(ch.encode("utf-8")))
    table.append(len(text))
    return table


def is_span(value: Any) -> bool:
    return isinstance(value, dict) and value.keys() == {"start", "end", "line"}


def convert_golden(value: Any, table: List[int]) -> Any:
    """The CLI's JSON (byte offsets) with every span turned into code points."""
    if isinstance(value, list):
        return [convert_golden(v, table) for v in value]
    if isinstance(value, dict):
        if is_span(value):
            return {
                "start": table[value["start"]],
                "end": table[value["end"]],
                "line": value["line"],
            }
        return {k: convert_golden(v, table) for k, v in value.items()}
    return value


def walk(value: Any) -> Iterator[Tuple[str, Any]]:
    """Every (key, value) pair of every dict inside, depth first."""
    if isinstance(value, list):
        for v in value:
            yield from walk(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k, v
            yield from walk(v)


def text_leaves(value: Any) -> Iterator[Dict[str, Any]]:
    """Every Text leaf ({"text", "span"}) and entity inside a to_dict() tree."""
    if isinstance(value, list):
        for v in value:
            yield from text_leaves(v)
    elif isinstance(value, dict):
        if value.keys() == {"text", "span"} and is_span(value["span"]):
            yield value
            return
        for v in value.values():
            yield from text_leaves(v)


@pytest.fixture(scope="session")
def seed001_text() -> str:
    return read_text(SEED_001)


@pytest.fixture(scope="session")
def golden() -> Dict[str, Any]:
    out = {}
    for p in FIXTURE_FILES:
        g = GOLDEN / (p.stem + ".json")
        if g.exists():
            out[p.stem] = json.loads(g.read_text(encoding="utf-8"))
    return out
