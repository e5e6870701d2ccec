"""Computes the reference figures in gensim_expected.json with gensim.

Run from the repository root with Debian's python (python3-gensim):

    /usr/bin/python3 analysis/evaluate/testdata/gensim_reference.py > analysis/evaluate/testdata/gensim_expected.json

The shipped sample internal/demo/glove.6B.50d.4k.txt has a header
"4196 50" but 4197 rows; gensim would trust the header and drop the last
row, so the header line is removed and the rest loaded with no_header=True
(all 4197 rows, as gloveboard reads them). TestGensimReferenceCurrent
runs it when Debian's gensim is installed and compares with the JSON.
"""
import json
import os
import sys
import tempfile

import logging
from gensim.models import KeyedVectors

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
VECTORS = os.path.join(ROOT, "internal", "demo", "glove.6B.50d.4k.txt")  # the shipped copy
EVAL = os.path.join(ROOT, "internal", "evalsets")  # analogy/ and similarity/ as shipped


def main():
    logging.disable(logging.CRITICAL)
    with open(VECTORS, encoding="utf8") as f:
        f.readline()  # the lying header
        body = f.read()
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf8") as tmp:
        tmp.write(body)
    try:
        kv = KeyedVectors.load_word2vec_format(tmp.name, binary=False, no_header=True)
    finally:
        os.unlink(tmp.name)

    out = {"vectors": "vectors/glove.6B.50d.4k.txt", "rows": len(kv), "dim": kv.vector_size}

    # Analogies: gensim's defaults are case_insensitive=True, 3CosAdd
    # (most_similar), restrict_vocab=300000 (more than the 4197 rows).
    score, sections = kv.evaluate_word_analogies(
        os.path.join(EVAL, "analogy", "questions-words.txt"), case_insensitive=True)
    out["analogy"] = {
        "total_accuracy": score,
        "sections": [
            {"section": s["section"], "correct": len(s["correct"]), "covered": len(s["correct"]) + len(s["incorrect"])}
            for s in sections
        ],
    }

    sims = []
    for name in sorted(os.listdir(os.path.join(EVAL, "similarity"))):
        if not name.startswith("EN-"):
            continue
        path = os.path.join(EVAL, "similarity", name)
        pearson, spearman, oov_ratio = kv.evaluate_word_pairs(path, case_insensitive=True)
        with open(path, encoding="utf8") as f:
            total = sum(1 for line in f if line.strip() and not line.startswith("#"))
        oov = round(oov_ratio * total / 100)
        sims.append({"file": name, "spearman": float(spearman[0]), "pearson": float(pearson[0]),
                     "pairs": total - oov, "oov": oov})
    out["similarity"] = sims

    out["king_man_woman"] = [[w, float(s)] for w, s in kv.most_similar(positive=["king", "woman"], negative=["man"], topn=5)]
    out["king_man_woman_mul"] = [[w, float(s)] for w, s in kv.most_similar_cosmul(positive=["king", "woman"], negative=["man"], topn=5)]
    out["neighbors_science"] = [[w, float(s)] for w, s in kv.most_similar("science", topn=10)]
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
