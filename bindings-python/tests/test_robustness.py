"""Robustness (issue 7): hostile input gets an exception, never a crash.

A crash here is a segfault or abort (which kills the interpreter) or a Rust
panic surfacing as ``pyo3_runtime.PanicException``, which derives from
``BaseException``, so ``pytest.raises(Exception)`` does not swallow it. The
sweep over the whole API runs in a subprocess so that even a hard crash is
reported as a failed test with its output.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

import lgsco

from conftest import FIXTURES, read_text

HEAD = (
    "West Sussex County Council (19 011 114)\n\nDecision : Upheld\n\n"
    "The Ombudsman's final decision:\n\nSummary: Ms X complained.\n\n"
)
DECISION = HEAD + "The complaint\n\n  1. Ms X complains about £300.\n"
LIMIT = 64 * 1024 * 1024  # lgsco::DEFAULT_MAX_INPUT_BYTES


def still_works() -> None:
    d = lgsco.parse(DECISION)
    assert d.header.reference_id == "19-011-114"
    assert d.paragraph(1).text == "Ms X complains about £300."


@pytest.mark.parametrize(
    "raw",
    [
        b"\xff",
        b"\x80\x80\x80",
        b"\xc0\xaf",  # overlong '/'
        b"\xed\xa0\x80",  # an encoded surrogate
        b"\xf4\x90\x80\x80",  # above U+10FFFF
        DECISION.encode() + b"\xe2\x82",  # truncated at the end
        b"\x00" * 1000 + b"\xfe",
    ],
)
def test_invalid_utf8_is_a_parse_error(raw):
    with pytest.raises(lgsco.ParseError) as info:
        lgsco.parse(raw)
    assert info.value.code == "invalid_utf8"
    assert 0 <= info.value.offset < len(raw)
    still_works()


@pytest.mark.parametrize(
    "text",
    ["\ud800", "\udfff", DECISION + "\udc80", "\ud83d" + DECISION, "a\ud800\udc00b\ud800"],
)
def test_lone_surrogates_are_a_parse_error(text):
    with pytest.raises(lgsco.ParseError) as info:
        lgsco.parse(text)
    assert info.value.code == "invalid_unicode"
    assert text[info.value.char_offset] in "\ud800\udfff\udc80\ud83d" or "\ud800" <= text[
        info.value.char_offset
    ] <= "\udfff"
    still_works()


@pytest.mark.parametrize(
    "bad",
    [None, 0, -1, 2**100, 4.2, True, ["text"], ("text",), {"text": 1}, object(), memoryview(b"x"), lgsco],
)
def test_wrong_types_are_type_errors(bad):
    with pytest.raises(TypeError):
        lgsco.parse(bad)
    with pytest.raises(TypeError):
        lgsco.parse_many([DECISION, bad])
    still_works()


def test_str_and_bytes_subclasses_parse():
    class S(str):
        pass

    class B(bytes):
        pass

    assert lgsco.parse(S(DECISION)).header.reference_id == "19-011-114"
    assert lgsco.parse(B(DECISION.encode())).header.reference_id == "19-011-114"
    assert lgsco.parse(bytearray(DECISION.encode())).header.reference_id == "19-011-114"


def test_over_the_size_limit_is_too_large():
    huge = " " * LIMIT + "x"
    with pytest.raises(lgsco.ParseError) as info:
        lgsco.parse(huge)
    assert info.value.code == "too_large"
    with pytest.raises(lgsco.ParseError) as info:
        lgsco.parse(huge.encode())
    assert info.value.code == "too_large"
    del huge
    still_works()


def test_huge_strings_parse():
    # A 10 MB paragraph with non-ASCII text: spans are code points.
    words = "the Council paid £300 on 13 September 2021 – ‘late’ … " * 190_000
    d = lgsco.parse(HEAD + "The complaint\n\n  1. " + words)
    (p,) = d.paragraphs
    assert p.text == words.rstrip()
    assert len(d.entities) >= 190_000
    money = [e for e in d.entities if e.kind == "money"]
    last = money[-1]
    assert (HEAD + "The complaint\n\n  1. " + words)[last.span.start : last.span.end] == "£300"
    # A million lines.
    body = "".join(f"  {i % 40 + 1}. Ms X.\n" for i in range(1_000_000))
    d = lgsco.parse(HEAD + "The complaint\n\n" + body)
    assert len(d.paragraphs) == 1_000_000


@pytest.mark.parametrize(
    "text,code",
    [
        ("", "empty"),
        (" \n\t\r\n\u00a0\ufeff", "empty"),
        ("\x00" * 10_000, "not_a_decision"),
        ("".join(map(chr, range(32))) + "\x7f", "not_a_decision"),
        ("Back to top\nPrint this page\nLGO logogram\n", "not_a_decision"),
    ],
)
def test_degenerate_inputs_are_typed_errors(text, code):
    with pytest.raises(lgsco.ParseError) as info:
        lgsco.parse(text)
    assert info.value.code == code
    with pytest.raises(lgsco.ParseError) as info:
        lgsco.parse(text.encode())
    assert info.value.code == code


def test_parse_many_with_hostile_items_returns_errors_in_place():
    items = [DECISION, b"\xff", "", "\ud800", "\x00" * 100, DECISION.encode()]
    out = lgsco.parse_many(items, errors="return")
    assert [type(x).__name__ for x in out] == [
        "Decision",
        "ParseError",
        "ParseError",
        "ParseError",
        "ParseError",
        "Decision",
    ]
    assert [x.code for x in out if isinstance(x, lgsco.ParseError)] == [
        "invalid_utf8",
        "empty",
        "invalid_unicode",
        "not_a_decision",
    ]
    with pytest.raises(lgsco.ParseError) as info:
        lgsco.parse_many(items)
    assert info.value.index == 1
    with pytest.raises(ValueError):
        lgsco.parse_many(items, threads=0)
    with pytest.raises(ValueError, match="at least 1"):
        lgsco.parse_many(items, threads=-1)
    with pytest.raises((TypeError, OverflowError)):
        lgsco.parse_many(items, threads=2**100)
    with pytest.raises(ValueError):
        lgsco.parse_many(items, errors="ignore")
    with pytest.raises(TypeError):
        lgsco.parse_many(None)
    with pytest.raises(TypeError):
        lgsco.parse_many(42)

    def broken():
        yield DECISION
        raise RuntimeError("generator failed")

    with pytest.raises(RuntimeError):
        lgsco.parse_many(broken())
    still_works()


def test_files_that_are_not_decisions(tmp_path):
    binary = tmp_path / "random.bin"
    binary.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(lgsco.ParseError) as info:
        lgsco.parse_file(binary)
    assert info.value.code == "invalid_utf8"
    with pytest.raises(OSError):
        lgsco.parse_file(tmp_path / "missing.txt")
    with pytest.raises(OSError):
        lgsco.parse_file(tmp_path)
    with pytest.raises((OSError, ValueError)):
        lgsco.parse_dir(tmp_path / "missing")
    still_works()


def test_methods_with_hostile_arguments_raise():
    d = lgsco.parse(read_text(FIXTURES / "001_b4fdc07b486f5ef2.txt"))
    for bad in (-1, 0, 2**31, 2**63, 2**100):
        try:
            assert d.paragraph(bad) is None
        except (OverflowError, ValueError):
            pass
    for bad in (-1, 2**64, 2**100):
        with pytest.raises((OverflowError, ValueError, IndexError)):
            d.char_index(bad)
    # Past the end or inside a character: an error or an index in range.
    for offset in (len(d.source.encode()) + 1, 10**9):
        try:
            assert 0 <= d.char_index(offset) <= len(d.source)
        except (ValueError, IndexError):
            pass
    for bad in ("x", None, 1.5):
        try:
            assert d.paragraph(bad) is None
        except TypeError:
            pass
        with pytest.raises(TypeError):
            d.char_index(bad)
    with pytest.raises((TypeError, ValueError)):
        d.to_json(indent="x")
    still_works()


SWEEP = textwrap.dedent(
    r"""
    import random, lgsco
    random.seed(7)
    hostile = [None, 0, 2**100, 1.5, b"\xff", "\ud800", "", "\x00" * 99, bytearray(b"\xfe"),
               "".join(map(chr, range(32))), "\ufeff" * 1000, "\r" * 10000, object()]
    for _ in range(300):
        n = random.randrange(0, 2000)
        hostile.append(bytes(random.randrange(256) for _ in range(n)))
        hostile.append("".join(chr(random.choice([random.randrange(0x20, 0x7f), random.randrange(0x10FFFF)]))
                               for _ in range(n // 4)))
    names = ["parse", "parse_many", "parse_file", "parse_dir", "to_records", "paragraph_records"]
    ok = errors = 0
    for h in hostile:
        for name in names:
            f = getattr(lgsco, name)
            for arg in (h, [h], [h, h]):
                try:
                    r = f(arg)
                    if isinstance(r, lgsco.Decision):
                        r.to_dict(); r.to_json(); r.paragraphs; r.entities
                    ok += 1
                except Exception:
                    errors += 1
    d = lgsco.parse("Kent County Council (21 001 933)\n\nThe complaint\n\n  1. Ms X.\n")
    for attr in dir(d):
        if attr.startswith("__"):
            continue
        v = getattr(d, attr)
        if callable(v):
            for arg in ((), (None,), (-1,), (2**100,), ("x",), (b"\xff",)):
                try:
                    v(*arg)
                except Exception:
                    pass
    print("survived", ok, errors)
    """
)


def test_the_whole_api_survives_hostile_arguments_in_a_subprocess():
    r = subprocess.run([sys.executable, "-c", SWEEP], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-4000:]
    assert "PanicException" not in r.stderr
    assert r.stdout.startswith("survived"), r.stdout + r.stderr[-2000:]


def test_trees_outlive_the_callers_references_to_their_text():
    # The native tree's text leaves borrow from the parsed object's buffer:
    # the decision must keep it alive and unchanged, whatever the caller
    # does with its own references (or, for a bytearray, its contents).
    import gc

    base = read_text(FIXTURES / "001_b4fdc07b486f5ef2.txt")
    expected = lgsco.parse(base).to_dict()
    fresh_str = "".join([base[:100], base[100:]])  # a new str object
    ba = bytearray(base.encode("utf-8"))
    singles = [lgsco.parse(fresh_str), lgsco.parse(base.encode("utf-8")), lgsco.parse(ba)]
    many = lgsco.parse_many(["".join([base, ""]) + "", base.encode("utf-8"), ba], threads=2)
    del fresh_str
    ba[:] = b"x" * len(ba)
    gc.collect()
    # Churn the allocator so freed buffers would be reused.
    junk = [("%d" % i) * 50 for i in range(20000)]
    del junk
    for d in singles + many:
        assert d.to_dict() == expected
        assert d.paragraphs[0].text == lgsco.parse(base).paragraphs[0].text
