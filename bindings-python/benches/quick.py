"""Quick timings of the Python package (not a test; not shipped in the wheel).

    python bindings-python/benches/quick.py [--n 2000]

Prints, per seed: lgsco.parse (median of runs, CPU microseconds), the same
plus to_dict(), and parse_many over N texts with threads=1 and threads=2
(wall time: needs two idle cores to mean anything).
Compare lgsco.parse with the native parse of the same seeds (issue 6's Rust
benches) to see the binding's overhead.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import lgsco

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "tests" / "fixtures").glob("[0-9][0-9][0-9]_*.txt"))


def per_call(fn, number: int, repeat: int = 7) -> float:
    # CPU time of this process: on a shared machine wall time is noisy.
    times = []
    for _ in range(repeat):
        t = time.process_time()
        for _ in range(number):
            fn()
        times.append((time.process_time() - t) / number * 1e6)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000, help="texts for parse_many")
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    for p, t in zip(SEEDS, texts):
        for _ in range(50):
            lgsco.parse(t)
        parse = per_call(lambda: lgsco.parse(t), 300)
        full = per_call(lambda: lgsco.parse(t).to_dict(), 100)
        paras = per_call(lambda: lgsco.parse(t).paragraphs, 100)
        print(
            f"{p.name}: {len(t.encode()):>6} B  parse {parse:7.1f} us   "
            f"parse+paragraphs {paras:7.1f} us   parse+to_dict {full:7.1f} us"
        )
    batch = [texts[i % len(texts)] for i in range(args.n)]
    res = {}
    for threads in (1, 2):
        lgsco.parse_many(batch[:100], threads=threads)
        runs = []
        for _ in range(5):
            t = time.perf_counter()
            out = lgsco.parse_many(batch, threads=threads)
            runs.append(time.perf_counter() - t)
            assert len(out) == args.n
        res[threads] = statistics.median(runs)
        print(f"parse_many {args.n} texts, threads={threads}: {res[threads] * 1e3:.1f} ms")
    print(f"speed-up 2 threads vs 1: {res[1] / res[2]:.2f}x")


if __name__ == "__main__":
    main()
