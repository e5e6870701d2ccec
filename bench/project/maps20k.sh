#!/bin/sh
# maps20k.sh: PCA, UMAP and t-SNE of 20,000 rows (the 4,197 demo vectors
# and jittered copies, `project-bench jitter`), once each, with wall-clock
# seconds, peak memory and the load average. Targets (issue 14): PCA ≤ 1 s,
# UMAP ≤ 30 s, t-SNE ≤ 60 s on the 2-core machine.
#
#   sh bench/project/maps20k.sh [DIR]     # from the repository root
set -eu
dir=${1:-/tmp/maps20k}
mkdir -p "$dir"
go build -o "$dir/project-bench" ./bench/project
# The demo vectors as float32 rows (the first line is a word2vec header).
/usr/bin/python3 - "$dir/demo.f32" <<'PY'
import sys, numpy as np
rows = []
with open("internal/demo/glove.6B.50d.4k.txt", encoding="utf-8") as f:
    for i, line in enumerate(f):
        parts = line.split()
        if i == 0 and len(parts) == 2:
            continue
        rows.append([float(x) for x in parts[1:]])
np.asarray(rows, dtype="<f4").tofile(sys.argv[1])
print(len(rows), "rows", file=sys.stderr)
PY
"$dir/project-bench" jitter -in "$dir/demo.f32" -n 4197 -d 50 -rows 20000 -out "$dir/20k.f32"
for mode in pca-map umap tsne; do
	printf '%s load %s: ' "$mode" "$(cut -d' ' -f1-3 /proc/loadavg)"
	"$dir/project-bench" "$mode" -in "$dir/20k.f32" -n 20000 -d 50 -seed 1
done
printf 'load after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
