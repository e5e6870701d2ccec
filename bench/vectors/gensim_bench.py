"""gensim side of the word-vector benchmarks driven by run.py.

    gensim_bench.py load FILE    # prints {"seconds": ..., "rows": ..., "dim": ...}
    gensim_bench.py serve FILE   # loads, fills norms, answers query lines on stdin

Run with Debian's /usr/bin/python3 (python3-gensim).
"""
import json
import sys
import time

from gensim.models import KeyedVectors


def load(path):
    start = time.perf_counter()
    kv = KeyedVectors.load_word2vec_format(path, binary=False, no_header=True)
    return kv, time.perf_counter() - start


def main():
    mode, path = sys.argv[1], sys.argv[2]
    kv, secs = load(path)
    if mode == "load":
        print(json.dumps({"seconds": secs, "rows": len(kv), "dim": kv.vector_size}), flush=True)
        return
    kv.fill_norms()  # norms computed before timing, as in the brief
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        words = line.split()
        secs, tops = [], []
        for word in words:
            start = time.perf_counter()
            res = kv.most_similar(word, topn=10)
            secs.append(time.perf_counter() - start)
            tops.append([w for w, _ in res])
        print(json.dumps({"seconds": secs, "top": tops}), flush=True)


if __name__ == "__main__":
    main()
