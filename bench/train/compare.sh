#!/usr/bin/env bash
# Compare "glove train" with the Stanford GloVe tool: fidelity (per-epoch
# cost, analogy accuracy, WS-353 rho) and training throughput.
#
# Usage (from the repository root):
#   bench/train/compare.sh STANFORD_BUILD_DIR [OFAST_BUILD_DIR]
#
#   STANFORD_BUILD_DIR  directory holding Stanford's vocab_count, cooccur,
#                       shuffle and glove, already built (e.g. with its
#                       Makefile: -O3 -march=native). This script never builds
#                       Stanford code.
#   OFAST_BUILD_DIR     optional directory holding a second glove binary
#                       built with -Ofast, added to the speed comparison.
#
# Environment:
#   WORK      scratch directory (default /tmp/gloveboard-bench-train)
#   THREADS   threads for both tools (default 2)
#   REPS      speed repetitions (default 3)
#   SPEED_EPOCHS  epochs per speed run, the first dropped as warm-up (default 2)
#   PYTHON    interpreter with gensim for fidelity.py (default /usr/bin/python3)
#   SKIP_FIDELITY=1 / SKIP_SPEED=1  run only one half
#
# Data: ../shared/data/corpora/bench-prose.txt.gz (6.4 M tokens). The
# Stanford tools build vocab.txt (min-count 5), cooccurrence.bin (window
# 10) and a shuffled copy; both trainers then read the same shuffled file.
# Fidelity: d 50, 15 epochs, x_max 100, alpha 0.75, eta 0.05, THREADS
# threads, compared by fidelity.py (needs python3 with gensim). Speed:
# timeruns.py runs the trainers interleaved, REPS times, at d 50 and 100,
# and prints median seconds per epoch and nonzeros*epochs/s.
set -euo pipefail

if [[ $# -lt 1 ]]; then
	sed -n '2,30p' "$0"
	exit 2
fi
STANFORD=$(cd "$1" && pwd)
OFAST=${2:+$(cd "$2" && pwd)}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=$(cd "$ROOT/../shared/data" && pwd)
WORK=${WORK:-/tmp/gloveboard-bench-train}
THREADS=${THREADS:-2}
REPS=${REPS:-3}
SPEED_EPOCHS=${SPEED_EPOCHS:-2}
PYTHON=${PYTHON:-/usr/bin/python3}
mkdir -p "$WORK"
cd "$WORK"

for tool in vocab_count cooccur shuffle glove; do
	[[ -x "$STANFORD/$tool" ]] || { echo "missing $STANFORD/$tool" >&2; exit 1; }
done

echo "== building glove (ours)"
(cd "$ROOT" && go build -o "$WORK/glove-ours" ./cmd/glove)

if [[ ! -s cooccurrence.shuf.bin ]]; then
	echo "== co-occurrences of bench-prose with the Stanford tools"
	gzip -dc "$DATA/corpora/bench-prose.txt.gz" > corpus.txt
	"$STANFORD/vocab_count" -min-count 5 -verbose 0 < corpus.txt > vocab.txt
	"$STANFORD/cooccur" -window-size 10 -vocab-file vocab.txt -memory 4 -verbose 0 < corpus.txt > cooccurrence.bin
	"$STANFORD/shuffle" -memory 4 -seed 1 -verbose 0 < cooccurrence.bin > cooccurrence.shuf.bin
	rm -f corpus.txt cooccurrence.bin
fi
NNZ=$(( $(stat -c %s cooccurrence.shuf.bin) / 16 ))
echo "vocabulary $(wc -l < vocab.txt) words, $NNZ nonzeros"

if [[ -z "${SKIP_FIDELITY:-}" ]]; then
	echo "== fidelity: d 50, 15 epochs, $THREADS threads"
	"$STANFORD/glove" -input-file cooccurrence.shuf.bin -vocab-file vocab.txt -save-file stanford-vectors \
		-vector-size 50 -iter 15 -threads "$THREADS" -x-max 100 -alpha 0.75 -eta 0.05 -seed 1 -verbose 2 \
		2> stanford-train.log
	./glove-ours train -cooccur cooccurrence.shuf.bin -vocab vocab.txt -out ours-vectors.txt -loss-out ours-loss.csv \
		-vector-size 50 -iter 15 -threads "$THREADS" -x-max 100 -alpha 0.75 -eta 0.05 -seed 1 \
		> ours-train.log 2>&1
	"$PYTHON" "$HERE/fidelity.py" stanford-train.log ours-loss.csv stanford-vectors.txt ours-vectors.txt "$DATA" \
		| tee fidelity.txt
fi

if [[ -z "${SKIP_SPEED:-}" ]]; then
	for d in 50 100; do
		echo "== speed: d $d, $THREADS threads, $SPEED_EPOCHS epochs per run, $REPS interleaved repetitions"
		runs=(
			"ours=./glove-ours train -cooccur cooccurrence.shuf.bin -vocab vocab.txt -out speed-ours.txt -vector-size $d -iter $SPEED_EPOCHS -threads $THREADS"
			"stanford-O3=$STANFORD/glove -input-file cooccurrence.shuf.bin -vocab-file vocab.txt -save-file speed-o3 -vector-size $d -iter $SPEED_EPOCHS -threads $THREADS -seed 1"
		)
		if [[ -n "$OFAST" ]]; then
			runs+=("stanford-Ofast=$OFAST/glove -input-file cooccurrence.shuf.bin -vocab-file vocab.txt -save-file speed-ofast -vector-size $d -iter $SPEED_EPOCHS -threads $THREADS -seed 1")
		fi
		"$PYTHON" "$HERE/timeruns.py" --reps "$REPS" --nnz "$NNZ" --out "speed-d$d.csv" "${runs[@]}" | tee "speed-d$d.txt"
	done
fi
