#!/usr/bin/env bash
# Time and peak memory of phrase learning on bench-prose (36 MB of text),
# next to the plain vocabulary count it starts with, and the cost of NFC
# normalisation on the vocabulary count:
#
#   bash bench/phrases/run.sh [RUNS]
#
# Runs each command RUNS times (default 3), interleaved, and prints every
# run and the medians of wall time, CPU time (user + system: on a shared,
# loaded machine the wall time mostly measures the wait for a core) and
# peak RSS. Needs GNU time
# (/usr/bin/time, Debian package "time").
set -euo pipefail
runs=${1:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
data="$root/../shared/data/corpora/bench-prose.txt.gz"
[[ -f $data ]] || { echo "missing $data (../shared/data beside the repository)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && go build -o "$work/glove" ./cmd/glove)
names=(vocab-nfc vocab-none phrases)
cmd() {
  case $1 in
    vocab-nfc) "$work/glove" vocab -corpus "$data" ;;
    vocab-none) "$work/glove" vocab -corpus "$data" -normalize none ;;
    phrases) "$work/glove" phrases -corpus "$data" ;;
  esac
}
for ((i = 1; i <= runs; i++)); do
  for n in "${names[@]}"; do
    /usr/bin/time -f "%e %M %U %S" -o "$work/t" bash -c "$(declare -f cmd); work=$work data=$data cmd $n" > /dev/null
    echo "run $i $n: $(awk '{printf "%.2f s wall, %.2f s CPU, %.0f MiB", $1, $3+$4, $2/1024}' "$work/t")"
    cat "$work/t" >> "$work/$n"
  done
done
for n in "${names[@]}"; do
  sort -n -k1 "$work/$n" | awk -v n="$n" '{t[NR]=$1} END {printf "median %-11s %.2f s wall", n, t[int((NR+1)/2)]}'
  awk '{print $3+$4}' "$work/$n" | sort -n | awk '{c[NR]=$1} END {printf ", %.2f s CPU", c[int((NR+1)/2)]}'
  sort -n -k2 "$work/$n" | awk '{m[NR]=$2} END {printf ", peak RSS %.0f MiB\n", m[int((NR+1)/2)]/1024}'
done
