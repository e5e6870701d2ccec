#!/usr/bin/env python3
"""Side-by-side UMAP benchmark: gloveboard's project.UMAP against umap-js.

    go build -o /tmp/project-bench ./bench/project
    (mkdir -p /tmp/umapjs && cd /tmp/umapjs && npm install umap-js@1.4)
    nice /usr/bin/python3 bench/project/umap_compare.py /tmp/project-bench /tmp/umapjs VECTORS [reps] [epochs]

VECTORS is a GloVe text file (e.g. internal/demo/glove.6B.50d.4k.txt). Both
sides get the same float32 rows, n_neighbors 15, min_dist 0.1 and the same
number of epochs; runs alternate (Go, then umap-js) and the medians and their
ratio are printed, with scikit-learn's trustworthiness (k = 10) of every map.
"""
import json, os, subprocess, sys, tempfile
import numpy as np
from sklearn.manifold import trustworthiness

bench, umapjs, vectors = sys.argv[1:4]
reps = int(sys.argv[4]) if len(sys.argv) > 4 else 3
epochs = int(sys.argv[5]) if len(sys.argv) > 5 else 500
here = os.path.dirname(os.path.abspath(__file__))

rows = []
with open(vectors, encoding="utf-8-sig") as f:
    for line in f:
        parts = line.rstrip("\n").split(" ")
        if len(parts) == 2:  # a word2vec header line
            continue
        rows.append([np.float32(v) for v in parts[1:]])
x = np.array(rows, dtype=np.float32)
n, d = x.shape
tmp = tempfile.mkdtemp()
inp = os.path.join(tmp, "in.f32")
x.tofile(inp)

def median(v):
    v = sorted(v)
    return v[len(v) // 2]

results = {"go": [], "umap-js": []}
for rep in range(reps):
    seed = str(rep + 1)
    out = os.path.join(tmp, "go.f64")
    r = json.loads(subprocess.check_output([bench, "umap", "-in", inp, "-n", str(n), "-d", str(d),
        "-neighbors", "15", "-min-dist", "0.1", "-epochs", str(epochs), "-seed", seed, "-out", out]))
    emb = np.fromfile(out, dtype=np.float64).reshape(n, 2)
    results["go"].append((r["seconds"], trustworthiness(x, emb, n_neighbors=10)))
    out = os.path.join(tmp, "js.f64")
    r = json.loads(subprocess.check_output(["node", os.path.join(here, "umapjs.cjs"), umapjs, inp, str(n), str(d),
        "15", "0.1", str(epochs), seed, out]))
    emb = np.fromfile(out, dtype=np.float64).reshape(n, 2)
    results["umap-js"].append((r["seconds"], trustworthiness(x, emb, n_neighbors=10)))
    print(f"rep {rep + 1}: go {results['go'][-1]}, umap-js {results['umap-js'][-1]}", file=sys.stderr)

report = {"n": n, "d": d, "epochs": epochs}
for side, runs in results.items():
    report[side] = {"seconds": [round(s, 3) for s, _ in runs], "median_seconds": round(median([s for s, _ in runs]), 3),
                    "trustworthiness": [round(t, 5) for _, t in runs], "median_trustworthiness": round(median([t for _, t in runs]), 5)}
report["time_ratio"] = round(report["go"]["median_seconds"] / report["umap-js"]["median_seconds"], 3)
report["trust_difference"] = round(report["go"]["median_trustworthiness"] - report["umap-js"]["median_trustworthiness"], 5)
print(json.dumps(report, indent=1))
