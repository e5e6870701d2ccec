#!/usr/bin/env bash
# Side-by-side benchmark and exactness check of `glove cooccur` against the
# Stanford GloVe tools (vocab_count + cooccur) on bench-prose, window 15,
# symmetric, 1/d weighting, min-count 5, whitespace tokens.
#
#   bash bench/cooccur/compare.sh STANFORD_BUILD_DIR [RUNS]
#
# STANFORD_BUILD_DIR holds vocab_count and cooccur built from the Stanford
# sources by their own Makefile (this project does not ship or build them).
# Runs alternate ours/theirs RUNS times (default 5); the script prints
# each run and the medians of wall time, tokens/s and peak RSS, then
# compares the two cooccurrence.bin files entry for entry (1e-9 relative).
# Needs GNU time (/usr/bin/time, Debian package "time").
set -euo pipefail
stanford=${1:?usage: compare.sh STANFORD_BUILD_DIR [RUNS]}
runs=${2:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
data="$root/../shared/data/corpora/bench-prose.txt.gz"
[[ -f $data ]] || { echo "missing $data (../shared/data beside the repository)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
zcat "$data" > "$work/corpus.txt"
(cd "$root" && go build -o "$work/glove" ./cmd/glove)
tokens=$(wc -w < "$work/corpus.txt")
window=15
timed() { # timed OUTFILE cmd... : appends "seconds kilobytes"
  local out=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/t" "$@"
  cat "$work/t" >> "$out"
}
: > "$work/ours"; : > "$work/theirs"
for ((i = 1; i <= runs; i++)); do
  timed "$work/ours" "$work/glove" cooccur -corpus "$work/corpus.txt" -tokenizer whitespace \
    -window $window -min-count 5 -out "$work/ours.bin" -vocab-out "$work/ours.vocab" 2>/dev/null
  /usr/bin/time -f "%e %M" -o "$work/t1" "$stanford/vocab_count" -min-count 5 -verbose 0 \
    < "$work/corpus.txt" > "$work/theirs.vocab"
  /usr/bin/time -f "%e %M" -o "$work/t2" "$stanford/cooccur" -window-size $window -symmetric 1 \
    -distance-weighting 1 -verbose 0 -vocab-file "$work/theirs.vocab" -overflow-file "$work/overflow" \
    < "$work/corpus.txt" > "$work/theirs.bin"
  paste "$work/t1" "$work/t2" | awk '{printf "%.2f %d\n", $1 + $3, ($2 > $4 ? $2 : $4)}' >> "$work/theirs"
  echo "run $i: ours $(tail -1 "$work/ours") | stanford $(tail -1 "$work/theirs")  (seconds, peak KB)"
done
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
ours_s=$(cut -d' ' -f1 "$work/ours" | median); theirs_s=$(cut -d' ' -f1 "$work/theirs" | median)
ours_kb=$(cut -d' ' -f2 "$work/ours" | median); theirs_kb=$(cut -d' ' -f2 "$work/theirs" | median)
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "tokens (wc -w): $tokens, runs: $runs"
awk -v t="$tokens" -v os="$ours_s" -v ts="$theirs_s" -v ok="$ours_kb" -v tk="$theirs_kb" 'BEGIN {
  printf "median wall      ours %.2f s   stanford %.2f s\n", os, ts
  printf "median tokens/s  ours %.0f   stanford %.0f   ratio %.2fx\n", t / os, t / ts, ts / os
  printf "median peak RSS  ours %.0f MB   stanford %.0f MB   ratio %.2f\n", ok / 1024, tk / 1024, ok / tk
}'
cmp -s "$work/ours.vocab" "$work/theirs.vocab" && echo "vocabularies identical" || { echo "vocabularies differ"; exit 1; }
(cd "$root" && go run ./bench/cmpcooccur -rel 1e-9 "$work/ours.bin" "$work/theirs.bin")
