#!/usr/bin/env python3
"""Write a large test corpus: bench-prose repeated N times, lines shuffled.

    bench/train/big_corpus.py [-repeat 25] [-seed 1] SRC.txt.gz OUT.txt.gz

bench-prose (6.13 M tokens by the dashboard's words tokenizer) repeated 25
times gives about 153 M tokens. The lines of all copies are shuffled
together (fixed seed) so the corpus is not 25 identical blocks; the output
is gzip (level 1) and belongs in /tmp, never in the repository.
"""
import argparse
import gzip
import random
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-repeat", type=int, default=25)
    ap.add_argument("-seed", type=int, default=1)
    ap.add_argument("src")
    ap.add_argument("out")
    a = ap.parse_args()
    with gzip.open(a.src, "rb") as f:
        lines = [ln if ln.endswith(b"\n") else ln + b"\n" for ln in f]
    n = len(lines)
    # Shuffle indices, not copies of the lines: 25 × 345 k ints is small.
    order = [i % n for i in range(n * a.repeat)]
    random.Random(a.seed).shuffle(order)
    with gzip.open(a.out, "wb", compresslevel=1) as out:
        buf = []
        for k, i in enumerate(order, 1):
            buf.append(lines[i])
            if k % 65536 == 0:
                out.write(b"".join(buf))
                buf.clear()
        out.write(b"".join(buf))
    print(f"{n} lines × {a.repeat} = {len(order)} lines -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
