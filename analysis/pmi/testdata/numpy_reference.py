#!/usr/bin/python3
"""Independent reference for package pmi, computed with numpy.

Reads testdata/random.bin (Stanford cooccurrence.bin records: int32 w1,
int32 w2, float64 x; 1-based ids; written by TestWriteRandomFixture with
GLOVEBOARD_WRITE_FIXTURE=1) and writes testdata/numpy_reference.json with
the mutual information (nats and bits), PMI and smoothed PPMI of a few
pairs, and the entropy of the row sums taken as counts.

Run: /usr/bin/python3 analysis/pmi/testdata/numpy_reference.py [OUT.json]
(OUT.json defaults to testdata/numpy_reference.json; TestNumpyReferenceCurrent
writes to a temporary file and compares.)
"""
import json
import os
import sys

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
rec = np.dtype([("w1", "<i4"), ("w2", "<i4"), ("x", "<f8")])
data = np.fromfile(os.path.join(here, "random.bin"), dtype=rec)
n = int(max(data["w1"].max(), data["w2"].max()))
X = np.zeros((n, n))
np.add.at(X, (data["w1"] - 1, data["w2"] - 1), data["x"])

S = X.sum()
row = X.sum(axis=1)
col = X.sum(axis=0)
nz = X > 0
P = X / S
Pi = row / S
Pj = col / S
mi = float(np.sum(P[nz] * np.log(P[nz] / np.outer(Pi, Pj)[nz])))

alpha = 0.75
Pa = col**alpha / np.sum(col[col > 0] ** alpha)
pairs = []
for i, j in [(0, 1), (0, 0), (3, 7), (5, 2), (n - 1, n - 2), (10, 11)]:
    x = X[i, j]
    pmi = None if x == 0 else float(np.log(P[i, j] / (Pi[i] * Pj[j])))
    ppmi = 0.0 if x == 0 else float(max(0.0, np.log(P[i, j] / (Pi[i] * Pa[j]))))
    pairs.append({"i": i, "j": j, "x": float(x), "pmi": pmi, "ppmi_075": ppmi})

counts = np.round(row).astype(np.int64)
p = counts[counts > 0] / counts.sum()
entropy_bits = float(-np.sum(p * np.log2(p)))

out = {
    "n": n,
    "mi_nats": mi,
    "mi_bits": mi / np.log(2),
    "pairs": pairs,
    "entropy_bits_of_rounded_row_sums": entropy_bits,
    "rounded_row_sums": counts.tolist(),
}
dest = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "numpy_reference.json")
with open(dest, "w") as f:
    json.dump(out, f, indent=1)
print("wrote %s: n=%d mi=%.12g nats" % (dest, n, mi))
