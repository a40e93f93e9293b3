"""Bad input: exceptions, never a crash."""

from __future__ import annotations

import pickle

import pytest

import lgsco


def test_invalid_utf8_bytes():
    with pytest.raises(lgsco.ParseError) as info:
        lgsco.parse(b"\xff\xfe junk")
    e = info.value
    assert isinstance(e, ValueError)
    assert e.code == "invalid_utf8"
    assert e.offset == 0
    assert (e.line, e.column) == (1, 1)
    assert "UTF-8" in str(e) and "0xff" in str(e)


def test_invalid_utf8_later_in_the_text():
    raw = "Café (22 014 796)\nline two £\n".encode("utf-8") + b"bad \xc3\x28 here"
    with pytest.raises(lgsco.ParseError) as info:
        lgsco.parse(raw)
    e = info.value
    assert e.code == "invalid_utf8"
    assert e.offset == raw.index(b"\xc3\x28")
    assert e.line == 3 and e.column == 5
    assert e.char_offset == len(raw[: e.offset].decode("utf-8"))


def test_truncated_character():
    with pytest.raises(lgsco.ParseError) as info:
        lgsco.parse(b"ok \xe2\x82")
    assert info.value.offset == 3
    assert "truncated" in info.value.message


def test_utf16_is_not_utf8():
    with pytest.raises(lgsco.ParseError):
        lgsco.parse("Kent County Council (21 001 933)".encode("utf-16"))


@pytest.mark.parametrize("text", ["", "   \n\n  \t ", b"", "\ufeff"])
def test_empty_input(text):
    with pytest.raises(lgsco.ParseError) as info:
        lgsco.parse(text)
    e = info.value
    assert e.code == "empty"
    assert isinstance(e.line, int) and isinstance(e.column, int)
    assert e.line >= 1 and e.column >= 1


def test_not_a_decision_has_line_and_column():
    with pytest.raises(lgsco.ParseError) as info:
        lgsco.parse("hello world\nthis is a shopping list\n- eggs\n")
    e = info.value
    assert e.code == "not_a_decision"
    assert e.line >= 1 and e.column >= 1
    assert e.offset is not None and e.char_offset is not None
    assert "no decision" in str(e)


def test_lone_surrogate_in_str():
    with pytest.raises(lgsco.ParseError) as info:
        lgsco.parse("Kent County Council (21 001 933)\n\ud800 oops")
    e = info.value
    assert e.code == "invalid_unicode"
    assert e.char_offset == len("Kent County Council (21 001 933)\n")
    assert (e.line, e.column) == (2, 1)


@pytest.mark.parametrize("bad", [None, 42, 4.2, ["text"], {"a": 1}, object()])
def test_wrong_types_raise_type_error(bad):
    with pytest.raises(TypeError):
        lgsco.parse(bad)


def test_parse_error_pickles_and_reprs():
    try:
        lgsco.parse("")
    except lgsco.ParseError as e:
        e2 = pickle.loads(pickle.dumps(e))
        assert type(e2) is lgsco.ParseError
        assert (e2.code, e2.line, e2.column, e2.offset, e2.message) == (
            e.code,
            e.line,
            e.column,
            e.offset,
            e.message,
        )
        assert "ParseError(" in repr(e)


@pytest.mark.parametrize(
    "text",
    [
        "(",
        ")",
        "()",
        "(22 014 796",
        "22 014 796",
        "The Ombudsman's final decision:",
        "Summary:",
        "Back to t",
        "  1. ",
        "- ",
        "\r\r\r",
        "\x00\x01\x02",
        "Category : > \nDecision : \nDecision date : 99 Xyz 0000\n",
        "a" * 100_000,
        "\n".join(["- x"] * 5000),
        "😀" * 1000,
    ],
)
def test_odd_inputs_never_crash(text):
    try:
        d = lgsco.parse(text)
    except lgsco.ParseError as e:
        assert e.line >= 1
    else:
        d.to_dict()
        d.to_json()
        repr(d)
        for p in d.paragraphs:
            for piece in p.content:
                assert text[piece.span.start : piece.span.end] == piece.text
