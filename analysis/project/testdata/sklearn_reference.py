#!/usr/bin/python3
"""Reference values for analysis/project tests, from scikit-learn.

Run from the repository root:

    /usr/bin/python3 analysis/project/testdata/sklearn_reference.py \
        internal/demo/glove.6B.50d.4k.txt > analysis/project/testdata/sklearn_expected.json

Inputs (fixed): the first 1000 rows of glove.6B.50d.4k.txt (its first line is
a word2vec header and is skipped) for PCA; the first 300 rows and, as a map,
their first two coordinates for trustworthiness.
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.decomposition import PCA
from sklearn.manifold import trustworthiness


def load(path, limit):
    rows = []
    with open(path, encoding="utf-8") as f:
        first = f.readline().split()
        if len(first) != 2:
            rows.append([float(v) for v in first[1:]])
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            rows.append([float(v) for v in parts[1:]])
            if len(rows) == limit:
                break
    # The Go side reads float32, as the vectors package stores them.
    return np.asarray(rows, dtype=np.float32).astype(np.float64)


x = load(sys.argv[1], 1000)
pca = PCA(svd_solver="full").fit(x)
scores = pca.transform(x)[:5, :2]
small = x[:300]
out = {
    "sklearn_version": sklearn.__version__,
    "pca_rows": 1000,
    "explained_variance": pca.explained_variance_.tolist(),
    "explained_variance_ratio": pca.explained_variance_ratio_.tolist(),
    "first_scores_abs": np.abs(scores).tolist(),
    "trust_rows": 300,
    "trustworthiness_first2_k10": trustworthiness(small, small[:, :2], n_neighbors=10),
    "trustworthiness_first2_k5": trustworthiness(small, small[:, :2], n_neighbors=5),
}
json.dump(out, sys.stdout, indent=1)
print()
