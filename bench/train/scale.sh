#!/usr/bin/env bash
# Whole-process comparison of "glove train" with the Stanford GloVe trainer,
# in memory and streamed, on the same Stanford-format cooccurrence.bin.
#
# Usage (from the repository root):
#   bench/train/scale.sh STANFORD_BUILD_DIR OFAST_GLOVE [OLD_GLOVE]
#
#   STANFORD_BUILD_DIR  directory holding Stanford's vocab_count, cooccur and
#                       shuffle, already built (they make the data).
#   OFAST_GLOVE         Stanford's glove binary built with -Ofast, e.g.
#                         gcc -pthread -Ofast -march=native -funroll-loops \
#                           src/glove.c src/common.c -o /tmp/stanford/ofast/glove -lm
#   OLD_GLOVE           optional: a gloveboard glove binary built from an
#                       earlier commit, for a before/after of the start-up.
#
# This script never fetches or builds Stanford code.
#
# Environment: WORK (scratch, default /tmp/gloveboard-bench-scale), THREADS
# (2), REPS (3), EPOCHS (3), DIM (50).
#
# Data: ../shared/data/corpora/bench-prose.txt.gz; Stanford's tools build
# vocab.txt (min-count 5), cooccurrence.bin (window 15) and its shuffled
# copy, which every trainer reads. Runs (interleaved, REPS times, each repetition in a shuffled order, by
# scale.py; medians):
#   stanford-Ofast  OFAST_GLOVE, DIM, EPOCHS, THREADS, seed 1
#   ours            glove train in memory (-memory 1024 GiB)
#   ours-stream     glove train with -memory a quarter of the matrix
#   ours-old        OLD_GLOVE (if given)
# Then it checks the acceptance figures of issue 18 and prints PASS/FAIL
# lines.
set -euo pipefail

if [[ $# -lt 2 ]]; then
	sed -n '2,32p' "$0"
	exit 2
fi
STANFORD=$(cd "$1" && pwd)
OFAST=$(realpath "$2")
OLD=${3:+$(realpath "$3")}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=$(cd "$ROOT/../shared/data" && pwd)
WORK=${WORK:-/tmp/gloveboard-bench-scale}
THREADS=${THREADS:-2}
REPS=${REPS:-3}
EPOCHS=${EPOCHS:-3}
DIM=${DIM:-50}
mkdir -p "$WORK"
cd "$WORK"

for tool in vocab_count cooccur shuffle; do
	[[ -x "$STANFORD/$tool" ]] || { echo "missing $STANFORD/$tool" >&2; exit 1; }
done
[[ -x "$OFAST" ]] || { echo "missing $OFAST" >&2; exit 1; }

echo "== building glove (ours)"
(cd "$ROOT" && go build -o "$WORK/glove-ours" ./cmd/glove)

if [[ ! -s cooccurrence.shuf.bin ]]; then
	echo "== co-occurrences of bench-prose (window 15, min-count 5) with the Stanford tools"
	gzip -dc "$DATA/corpora/bench-prose.txt.gz" > corpus.txt
	"$STANFORD/vocab_count" -min-count 5 -verbose 0 < corpus.txt > vocab.txt
	"$STANFORD/cooccur" -window-size 15 -vocab-file vocab.txt -memory 4 -verbose 0 < corpus.txt > cooccurrence.bin
	"$STANFORD/shuffle" -memory 4 -seed 1 -verbose 0 < cooccurrence.bin > cooccurrence.shuf.bin
	rm -f corpus.txt cooccurrence.bin
fi
BYTES=$(stat -c %s cooccurrence.shuf.bin)
NNZ=$(( BYTES / 16 ))
VOCAB=$(wc -l < vocab.txt)
QUARTER_GIB=$(python3 -c "print($BYTES / 4 / 2**30)")
echo "vocabulary $VOCAB words, $NNZ nonzeros ($BYTES bytes); streaming budget $QUARTER_GIB GiB"

common="-vector-size $DIM -iter $EPOCHS -threads $THREADS -x-max 100 -alpha 0.75 -eta 0.05 -seed 1"
runs=(
	"stanford-Ofast=$OFAST -input-file cooccurrence.shuf.bin -vocab-file vocab.txt -save-file stanford-vectors -vector-size $DIM -iter $EPOCHS -threads $THREADS -x-max 100 -alpha 0.75 -eta 0.05 -seed 1 -verbose 2"
	"ours=./glove-ours train -cooccur cooccurrence.shuf.bin -vocab vocab.txt -out ours-vectors.txt -memory 1024 $common"
	"ours-stream=./glove-ours train -cooccur cooccurrence.shuf.bin -vocab vocab.txt -out stream-vectors.txt -memory $QUARTER_GIB -temp-dir $WORK $common"
)
if [[ -n "$OLD" ]]; then
	runs+=("ours-old=$OLD train -cooccur cooccurrence.shuf.bin -vocab vocab.txt -out old-vectors.txt $common")
fi
python3 "$HERE/scale.py" --reps "$REPS" --nnz "$NNZ" --out scale.csv "${runs[@]}" | tee scale.txt

echo "== acceptance (issue 18)"
python3 - "$VOCAB" "$DIM" "$QUARTER_GIB" <<'EOF'
import csv, os, statistics, sys
vocab, dim, quarter_gib = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
rows = list(csv.DictReader(open("scale.csv")))
def med(label, key):
    return statistics.median(float(r[key]) for r in rows if r["label"] == label)
def costs(label):
    runs = [[float(c) for c in r["costs"].split()] for r in rows if r["label"] == label]
    return [statistics.median(col) for col in zip(*runs)]
stride = -(-2 * (dim + 1) // 16) * 16
model = 2 * vocab * stride * 4
matrix = os.path.getsize("cooccurrence.shuf.bin")
chunk = max(int(quarter_gib * 2**30) // 32 // 256 * 256, 64 << 10)
mib = 2**20
def check(name, ok, detail):
    print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}")
ratio = med("stanford-Ofast", "total_s") / med("ours", "total_s")
check("whole process ≥ 3× Stanford -Ofast", ratio >= 3, f"{med('stanford-Ofast', 'total_s'):.2f} s / {med('ours', 'total_s'):.2f} s = {ratio:.2f}×")
cpu = med("stanford-Ofast", "cpu_s") / med("ours", "cpu_s")
print(f"      CPU time (user + system): {med('stanford-Ofast', 'cpu_s'):.2f} s / {med('ours', 'cpu_s'):.2f} s = {cpu:.2f}× "
      "(less sensitive than wall time to other jobs on a shared machine)")
def per_rep(label):
    return {r["rep"]: float(r["total_s"]) for r in rows if r["label"] == label}
st, ou = per_rep("stanford-Ofast"), per_rep("ours")
print("      per repetition (same repetition, so the same stretch of machine load): "
      + ", ".join(f"{st[k] / ou[k]:.2f}×" for k in sorted(st, key=int)))
cs, co, cst = costs("stanford-Ofast"), costs("ours"), costs("ours-stream")
worst = max(abs(b - a) / a for a, b in zip(cs, co))
check("per-epoch cost within 2 % of Stanford", worst <= 0.02, " ".join(f"{a:.6f}/{b:.6f}" for a, b in zip(cs, co)) + f" (worst {100*worst:.2f} %)")
bound = 1.3 * (matrix + model)
rss = med("ours", "peak_rss_mib") * mib
check("in-memory peak RSS ≤ 1.3 × (matrix + model)", rss <= bound, f"{rss/mib:.0f} MiB ≤ {bound/mib:.0f} MiB (matrix {matrix/mib:.0f}, model {model/mib:.1f}); {rss/(matrix+model):.2f}×")
bound = model + 2 * chunk * 16 + 64 * mib
rss = med("ours-stream", "peak_rss_mib") * mib
check("streamed peak RSS ≤ model + 2 blocks + 64 MiB", rss <= bound, f"{rss/mib:.0f} MiB ≤ {bound/mib:.0f} MiB (blocks of {chunk} nonzeros, {chunk*16/mib:.1f} MiB)")
worst = max(abs(b - a) / a for a, b in zip(co, cst))
check("streamed cost within 1 % of in-memory", worst <= 0.01, " ".join(f"{a:.6f}/{b:.6f}" for a, b in zip(co, cst)) + f" (worst {100*worst:.2f} %)")
tr = med("ours-stream", "total_s") / med("ours", "total_s")
check("streamed time ≤ 1.5 × in-memory", tr <= 1.5, f"{med('ours-stream', 'total_s'):.2f} s / {med('ours', 'total_s'):.2f} s = {tr:.2f}×")
su = med("ours", "startup_s")
check("time to the first epoch ≤ 1 s (scaled to 13 M nonzeros)", su * 13.25e6 / (matrix / 16) <= 1,
      f"{su:.2f} s for {matrix//16} nonzeros = {su * 13.25e6 / (matrix / 16):.2f} s per 13.25 M")
if any(r["label"] == "ours-old" for r in rows):
    print(f"      start-up before/after: {med('ours-old', 'startup_s'):.2f} s → {su:.2f} s; "
          f"peak RSS {med('ours-old', 'peak_rss_mib'):.0f} → {med('ours', 'peak_rss_mib'):.0f} MiB")
EOF
