"""parse_many: order, threads, errors."""

from __future__ import annotations

import threading

import pytest

import lgsco

from conftest import SEEDS, read_text


@pytest.fixture(scope="module")
def texts():
    seeds = [read_text(p) for p in SEEDS]
    out = []
    for i in range(2000):
        t = seeds[i % len(seeds)]
        # Vary the texts: some bytes, some with a marker line appended.
        if i % 3 == 0:
            t = t + f"\n\nBatch item {i}\n"
        out.append(t.encode("utf-8") if i % 2 else t)
    return out


@pytest.fixture(scope="module")
def expected(texts):
    return [lgsco.parse(t).header.reference_id for t in texts]


@pytest.mark.parametrize("threads", [None, 1, 2])
def test_2000_texts_in_order(texts, expected, threads):
    results = lgsco.parse_many(texts, threads=threads)
    assert len(results) == 2000
    assert all(isinstance(d, lgsco.Decision) for d in results)
    assert [d.header.reference_id for d in results] == expected
    # Each result belongs to its own input.
    for i in (0, 3, 1001, 1999):
        assert results[i].source is texts[i]


def test_threads_give_identical_trees(texts):
    sample = texts[:40]
    one = [d.to_dict() for d in lgsco.parse_many(sample, threads=1)]
    two = [d.to_dict() for d in lgsco.parse_many(sample, threads=2)]
    assert one == two
    assert one == [lgsco.parse(t).to_dict() for t in sample]


def test_errors_raise_first_failure_with_index(texts):
    batch = list(texts[:10])
    batch[4] = b"\xff bad"
    batch[7] = ""
    with pytest.raises(lgsco.ParseError) as info:
        lgsco.parse_many(batch, threads=2)
    assert info.value.index == 4
    assert info.value.code == "invalid_utf8"


def test_errors_return_in_place(texts):
    batch = list(texts[:10])
    batch[4] = b"\xff bad"
    batch[7] = ""
    results = lgsco.parse_many(batch, threads=2, errors="return")
    assert len(results) == 10
    assert isinstance(results[4], lgsco.ParseError) and results[4].index == 4
    assert isinstance(results[7], lgsco.ParseError) and results[7].code == "empty"
    assert results[7].index == 7
    others = [r for i, r in enumerate(results) if i not in (4, 7)]
    assert all(isinstance(r, lgsco.Decision) for r in others)


def test_any_iterable_and_empty(texts):
    gen = (t for t in texts[:5])
    assert len(lgsco.parse_many(gen)) == 5
    assert lgsco.parse_many([]) == []
    assert len(lgsco.parse_many(tuple(texts[:3]), threads=3)) == 3


def test_bad_arguments(texts):
    with pytest.raises(ValueError):
        lgsco.parse_many(texts[:2], threads=0)
    with pytest.raises(ValueError):
        lgsco.parse_many(texts[:2], errors="ignore")
    with pytest.raises(TypeError):
        lgsco.parse_many(texts[:2], threads=1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        lgsco.parse_many("a single text")
    with pytest.raises(TypeError):
        lgsco.parse_many([texts[0], None])
    with pytest.raises(TypeError):
        lgsco.parse_many(42)


@pytest.mark.parametrize("threads", [-1, -(2**70)])
def test_negative_threads_is_a_value_error(texts, threads):
    # Not an OverflowError (from converting to an unsigned count): the
    # documented ValueError, with a message that says what is wanted.
    with pytest.raises(ValueError, match=r"threads must be at least 1") as e:
        lgsco.parse_many(texts[:2], threads=threads)
    assert not isinstance(e.value, OverflowError)
    assert str(threads) in str(e.value)


def test_python_threads_can_parse_concurrently(texts):
    results = {}

    def work(k):
        results[k] = [lgsco.parse(t).header.reference_id for t in texts[k * 50 : k * 50 + 50]]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for k in range(4):
        assert results[k] == [lgsco.parse(t).header.reference_id for t in texts[k * 50 : k * 50 + 50]]
