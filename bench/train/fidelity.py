#!/usr/bin/env python3
"""Compare a gloveboard training run with a Stanford glove run.

Usage:
  fidelity.py STANFORD_LOG OURS_LOSS_CSV STANFORD_VECTORS OURS_VECTORS DATA_DIR

STANFORD_LOG is the standard error of Stanford glove (lines "iter: 001, cost:
0.021236"); OURS_LOSS_CSV is the -loss-out file of "glove train". Both vector
files are GloVe text (no header). DATA_DIR is ../shared/data.

Checks, printed as a table, exit status 1 if one fails:
  - per-epoch cost: |ours - stanford| / stanford <= 2% at every epoch;
  - Google analogy accuracy (gensim evaluate_word_analogies, 3CosAdd, the
    default 300k-word restriction, case-insensitive) within 1 point;
  - WS-353 (all) Spearman rho (gensim evaluate_word_pairs) within 1 point
    (0.01).
gensim is an independent referee here: the same code scores both vector sets.
"""
import csv
import re
import sys

from gensim.models import KeyedVectors


def stanford_costs(path):
    costs = []
    with open(path, errors="replace") as f:
        for line in f:
            m = re.search(r"iter: (\d+), cost: ([0-9.eE+-]+)", line)
            if m:
                costs.append(float(m.group(2)))
    return costs


def our_costs(path):
    with open(path) as f:
        return [float(r["cost"]) for r in csv.DictReader(f)]


def score(path, data):
    kv = KeyedVectors.load_word2vec_format(path, binary=False, no_header=True)
    analogy, _ = kv.evaluate_word_analogies(f"{data}/eval/analogy/questions-words.txt")
    pearson, spearman, oov = kv.evaluate_word_pairs(
        f"{data}/eval/similarity/EN-WS-353-ALL.txt", delimiter="\t")
    return analogy, spearman.statistic if hasattr(spearman, "statistic") else spearman[0], oov


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    slog, ocsv, svec, ovec, data = sys.argv[1:]
    ok = True
    s, o = stanford_costs(slog), our_costs(ocsv)
    if len(s) != len(o) or not s:
        sys.exit(f"epoch counts differ: stanford {len(s)}, ours {len(o)}")
    print(f"{'epoch':>5} {'stanford':>10} {'ours':>10} {'rel diff':>9}")
    worst = 0.0
    for e, (a, b) in enumerate(zip(s, o), 1):
        rel = (b - a) / a
        worst = max(worst, abs(rel))
        print(f"{e:5d} {a:10.6f} {b:10.6f} {100 * rel:8.2f}%")
    print(f"largest per-epoch cost difference: {100 * worst:.2f}% (limit 2%)")
    ok &= worst <= 0.02

    sa, sr, soov = score(svec, data)
    oa, orho, ooov = score(ovec, data)
    print(f"\n{'':>10} {'analogy %':>10} {'WS-353 rho':>11} {'WS-353 OOV %':>13}")
    print(f"{'stanford':>10} {100 * sa:10.2f} {sr:11.4f} {soov:13.1f}")
    print(f"{'ours':>10} {100 * oa:10.2f} {orho:11.4f} {ooov:13.1f}")
    da, dr = 100 * (oa - sa), 100 * (orho - sr)
    print(f"differences: analogy {da:+.2f} points, WS-353 rho {dr:+.2f} points (limits ±1)")
    ok &= abs(da) <= 1 and abs(dr) <= 1
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
