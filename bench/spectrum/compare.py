#!/usr/bin/python3
"""Side-by-side: analysis/spectrum's randomized SVD vs scipy.sparse.linalg.svds.

Run from the repository root:

    go build -o /tmp/spectrum-bench ./bench/spectrum
    /tmp/spectrum-bench prepare -corpus ../shared/data/corpora/bench-prose.txt.gz \
        -top-n 50000 -out /tmp/benchdata/ppmi50k.csr
    nice /usr/bin/python3 bench/spectrum/compare.py /tmp/spectrum-bench \
        /tmp/benchdata/ppmi50k.csr [k] [reps] [go flags...]

The matrix is the PPMI matrix (alpha = 0.75) of the 50,000 most frequent words
of bench-prose (window 10, 1/d weighting, symmetric; min-count 1). Runs
alternate Go and scipy (`reps` times each, default 2; scipy's svds with the
ARPACK solver, k values, no vectors). The error is the relative difference of
each Go singular value from svds' (both sorted descending): max and median over
the top k, and over the top 50. Both sides are limited to 2 threads.
"""
import json
import os
import statistics
import subprocess
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")

import numpy as np  # noqa: E402
import scipy  # noqa: E402
import scipy.sparse as sp  # noqa: E402
from scipy.sparse.linalg import svds  # noqa: E402

go_bin, path = sys.argv[1], sys.argv[2]
k = int(sys.argv[3]) if len(sys.argv) > 3 else 300
reps = int(sys.argv[4]) if len(sys.argv) > 4 else 2
go_flags = sys.argv[5:]


def load_csr(p):
    with open(p, "rb") as f:
        rows, cols, nnz = np.fromfile(f, dtype="<i8", count=3)
        ptr = np.fromfile(f, dtype="<i8", count=rows + 1)
        idx = np.fromfile(f, dtype="<i4", count=nnz)
        val = np.fromfile(f, dtype="<f8", count=nnz)
    return sp.csr_matrix((val, idx, ptr), shape=(rows, cols))


a = load_csr(path)
go_t, sp_t = [], []
go_sv = sp_sv = go_fit = None
for rep in range(reps):
    out = subprocess.run([go_bin, "svd", "-in", path, "-k", str(k), "-seed", str(rep + 1)] + go_flags,
                         check=True, capture_output=True, text=True).stdout
    r = json.loads(out)
    go_t.append(r["seconds"])
    go_sv = np.array(r["singular_values"])
    go_fit = r.get("fit")
    t0 = time.perf_counter()
    s = svds(a, k=k, return_singular_vectors=False, random_state=rep + 1)
    sp_t.append(time.perf_counter() - t0)
    sp_sv = np.sort(s)[::-1]
    print(json.dumps({"rep": rep, "go": go_t[-1], "scipy": sp_t[-1]}), file=sys.stderr, flush=True)

rel = np.abs(go_sv - sp_sv) / sp_sv
report = {
    "scipy": scipy.__version__, "shape": list(a.shape), "nnz": int(a.nnz), "k": k, "go_flags": go_flags,
    "go_seconds": go_t, "scipy_seconds": sp_t,
    "go_median": statistics.median(go_t), "scipy_median": statistics.median(sp_t),
    "ratio_go_over_scipy": statistics.median(go_t) / statistics.median(sp_t),
    "max_rel_error": float(rel.max()), "median_rel_error": float(np.median(rel)),
    "max_rel_error_top50": float(rel[:50].max()),
    "sigma_1": float(sp_sv[0]), "sigma_k": float(sp_sv[-1]),
    "go_power_law_fit": go_fit,
    "go_singular_values": go_sv.tolist(),
    "scipy_singular_values": sp_sv.tolist(),
}
json.dump(report, sys.stdout, indent=1)
print()
