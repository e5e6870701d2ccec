#!/usr/bin/env python3
"""Time the epochs of several GloVe trainers, interleaved, on a noisy machine.

Usage:
  timeruns.py --reps N --nnz NNZ --out results.csv  LABEL=COMMAND [LABEL=COMMAND ...]

Every repetition runs each COMMAND once, in the order given, so that all
trainers see the same machine load over the measurement. Each command's
standard output and error are read line by line and timestamped on arrival:
  - the training start is the line containing "alpha:" (Stanford glove, printed
    just before its epoch loop) or "training d=" (glove train, printed just
    before its first epoch);
  - every line containing "iter:" (Stanford) or starting with "epoch" (ours)
    ends an epoch.
An epoch's wall time is the gap between consecutive marks, so loading the data
and writing vectors are excluded for both tools. The first epoch of every run
is dropped as a warm-up (page faults of fresh parameter arrays).

Prints, per label, the median epoch time over all runs, the throughput in
nonzeros*epochs/s, and the ratio of the first label's throughput to each one.
"""
import argparse
import csv
import statistics
import subprocess
import sys
import time


def run_once(cmd):
    start = None
    marks = []
    proc = subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, bufsize=1)
    for line in proc.stdout:
        now = time.monotonic()
        if start is None and ("alpha:" in line or "training d=" in line):
            start = now
        elif start is not None and ("iter:" in line or line.startswith("epoch")):
            marks.append(now)
    if proc.wait() != 0:
        sys.exit(f"command failed ({proc.returncode}): {cmd}")
    if start is None or len(marks) < 2:
        sys.exit(f"no epoch lines seen from: {cmd}")
    times = [b - a for a, b in zip([start] + marks[:-1], marks)]
    return times[1:]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--nnz", type=int, required=True, help="nonzeros per epoch")
    ap.add_argument("--out", help="CSV of every epoch time")
    ap.add_argument("runs", nargs="+", help="LABEL=COMMAND")
    args = ap.parse_args()
    runs = [r.split("=", 1) for r in args.runs]
    epochs = {label: [] for label, _ in runs}
    rows = []
    for rep in range(args.reps):
        for label, cmd in runs:
            t = run_once(cmd)
            epochs[label].extend(t)
            rows += [(rep, label, i + 2, s) for i, s in enumerate(t)]
            print(f"rep {rep + 1}/{args.reps} {label:>14}: epochs "
                  + " ".join(f"{s:.2f}s" for s in t), flush=True)
    if args.out:
        with open(args.out, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["rep", "label", "epoch", "seconds"])
            w.writerows(rows)
    first = runs[0][0]
    base = args.nnz / statistics.median(epochs[first])
    print(f"\n{'label':>14} {'median s/epoch':>15} {'M nnz/s':>8} {first + ' speed-up':>20}")
    for label, _ in runs:
        med = statistics.median(epochs[label])
        rate = args.nnz / med
        print(f"{label:>14} {med:15.3f} {rate / 1e6:8.3f} {base / rate:20.3f}")


if __name__ == "__main__":
    main()
