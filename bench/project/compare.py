#!/usr/bin/python3
"""Side-by-side timing of analysis/project against scikit-learn.

Run from the repository root (after `go build -o /tmp/project-bench ./bench/project`
and `/tmp/project-bench gen -dir /tmp/benchdata`):

    nice /usr/bin/python3 bench/project/compare.py /tmp/project-bench /tmp/benchdata [reps] [pca|tsne|all] [ROWS.f32 N D]

The optional ROWS.f32 N D replace tsne.f32 with other float32 rows, e.g. the
4,197 demo vectors written by `project-bench rows -in internal/demo/glove.6B.50d.4k.txt
-out /tmp/demo.f32` (N 4197, D 50), the set issue 14's acceptance names.

Runs alternate (Go, then scikit-learn, repeated `reps` times, default 3) so that
both see the same machine load; the report gives medians and ratios. Both sides
use 2 threads at most (OMP/OpenBLAS thread counts are set to 2 below). Inputs are
the files written by `project-bench gen`: pca.f32 (400,000 × 300 float32, decaying
spectrum) and tsne.f32 (5,000 × 50 float32, 20 Gaussian clusters).

t-SNE settings are the same on both sides: 2-D, perplexity 30, early
exaggeration 12 for 250 iterations, 1000 iterations in all, Barnes-Hut
theta 0.5, learning rate max(n/12/4, 50), PCA initialisation. Trustworthiness
(k = 10) of both maps is computed here by sklearn.manifold.trustworthiness.
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
import sklearn  # noqa: E402
from sklearn.decomposition import PCA  # noqa: E402
from sklearn.manifold import TSNE, trustworthiness  # noqa: E402

go_bin, data_dir = sys.argv[1], sys.argv[2]
reps = int(sys.argv[3]) if len(sys.argv) > 3 else 3
which = sys.argv[4] if len(sys.argv) > 4 else "all"


def run_go(args):
    out = subprocess.run([go_bin] + args, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def median(xs):
    return statistics.median(xs)


report = {"sklearn": sklearn.__version__, "numpy": np.__version__, "reps": reps}

if which in ("all", "pca"):
    x = np.fromfile(os.path.join(data_dir, "pca.f32"), dtype=np.float32).reshape(400000, 300).astype(np.float64)
    go_t, full_t, two_t = [], [], []
    go_var = None
    for _ in range(reps):
        r = run_go(["pca", "-in", os.path.join(data_dir, "pca.f32"), "-n", "400000", "-d", "300"])
        go_t.append(r["seconds"])
        go_var = np.array(r["explained_variance"])
        t0 = time.perf_counter()
        full = PCA(svd_solver="full").fit(x)
        full_t.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        PCA(n_components=2, random_state=0).fit_transform(x)
        two_t.append(time.perf_counter() - t0)
    ref = full.explained_variance_
    report["pca"] = {
        "go_seconds": go_t, "sklearn_full_seconds": full_t, "sklearn_2comp_seconds": two_t,
        "go_median": median(go_t), "sklearn_full_median": median(full_t), "sklearn_2comp_median": median(two_t),
        "ratio_go_over_sklearn_full": median(go_t) / median(full_t),
        "ratio_go_over_sklearn_2comp": median(go_t) / median(two_t),
        "max_rel_variance_diff": float(np.max(np.abs(go_var - ref) / ref)),
    }
    print(json.dumps(report["pca"]), file=sys.stderr)
    del x

tsne_in, tsne_n, tsne_d = os.path.join(data_dir, "tsne.f32"), 5000, 50
if len(sys.argv) > 7:
    tsne_in, tsne_n, tsne_d = sys.argv[5], int(sys.argv[6]), int(sys.argv[7])

if which in ("all", "tsne"):
    x = np.fromfile(tsne_in, dtype=np.float32).reshape(tsne_n, tsne_d)
    go_map = os.path.join(data_dir, "go_map.f64")
    go_t, sk_t, go_tw, sk_tw, go_kl, sk_kl = [], [], [], [], [], []
    for rep in range(reps):
        r = run_go(["tsne", "-in", tsne_in, "-n", str(tsne_n), "-d", str(tsne_d), "-out", go_map, "-seed", str(rep + 1)])
        go_t.append(r["seconds"])
        go_kl.append(r["kl"])
        y = np.fromfile(go_map, dtype=np.float64).reshape(tsne_n, 2)
        go_tw.append(trustworthiness(x, y, n_neighbors=10))
        t0 = time.perf_counter()
        ts = TSNE(n_components=2, perplexity=30.0, early_exaggeration=12.0, learning_rate="auto",
                  n_iter=1000, init="pca", method="barnes_hut", angle=0.5, random_state=rep + 1)
        ys = ts.fit_transform(x)
        sk_t.append(time.perf_counter() - t0)
        sk_kl.append(float(ts.kl_divergence_))
        sk_tw.append(trustworthiness(x, ys, n_neighbors=10))
    report["tsne"] = {
        "go_seconds": go_t, "sklearn_seconds": sk_t,
        "go_median": median(go_t), "sklearn_median": median(sk_t),
        "ratio_go_over_sklearn": median(go_t) / median(sk_t),
        "go_trustworthiness": go_tw, "sklearn_trustworthiness": sk_tw,
        "trustworthiness_go_minus_sklearn": median(go_tw) - median(sk_tw),
        "go_kl": go_kl, "sklearn_kl": sk_kl,
    }
    print(json.dumps(report["tsne"]), file=sys.stderr)

json.dump(report, sys.stdout, indent=1)
print()
