#!/usr/bin/env python3
"""Whole-process figures of GloVe trainers, interleaved, on a shared machine.

Usage:
  scale.py --reps N --nnz NNZ [--out results.csv] LABEL=COMMAND [LABEL=COMMAND ...]

Every repetition runs each COMMAND once, so that all trainers see the same
machine load, in an order shuffled by a generator seeded with the
repetition's number (printed), so that no trainer always follows the same
one. The order matters on the development VM: the first process to fault
in hundreds of MiB after a smaller one (Stanford's trainer holds 90 MiB)
spends up to 1 s more in the kernel backing and compacting fresh huge
pages (system time 1.04 s against 0.19 s for the same run placed after
another large one). Each command's standard output and error
are read line by line and timestamped on arrival:
  - the start of training is the line containing "training d=" (glove train,
    printed after loading and shuffling, just before the first epoch) or
    "alpha:" (Stanford glove, printed just before its epoch loop);
  - a line starting with "epoch" (ours) or containing "iter:" (Stanford)
    ends an epoch and carries its cost ("cost 0.0203" / "cost: 0.0203").
Peak RSS and CPU time come from wait4(2) for the command's own process (the
command is exec'd directly, without a shell).

For every label it prints the medians over the repetitions of: seconds from
launch to the first epoch (start-up), the whole process, the mean epoch time,
peak RSS in MiB, and the per-epoch costs of the first repetition.
"""
import argparse
import csv
import os
import random
import re
import shlex
import statistics
import subprocess
import sys
import time

COST = re.compile(r"cost[:]?\s+([0-9.eE+-]+)")


def run_once(cmd):
    launch = time.monotonic()
    proc = subprocess.Popen(shlex.split(cmd), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, bufsize=1)
    start, marks, costs = None, [], []
    for line in proc.stdout:
        now = time.monotonic()
        if start is None and ("training d=" in line or "alpha:" in line):
            start = now
        elif start is not None and (line.startswith("epoch") or "iter:" in line):
            marks.append(now)
            m = COST.search(line)
            costs.append(float(m.group(1)) if m else float("nan"))
    _, status, usage = os.wait4(proc.pid, 0)
    end = time.monotonic()
    if status != 0:
        sys.exit(f"command failed (status {status}): {cmd}")
    if start is None or not marks:
        sys.exit(f"no start or epoch lines seen from: {cmd}")
    epochs = [b - a for a, b in zip([start] + marks[:-1], marks)]
    return {
        "startup": start - launch,
        "total": end - launch,
        "epoch": statistics.mean(epochs),
        "rss_mib": usage.ru_maxrss / 1024,
        "cpu": usage.ru_utime + usage.ru_stime,
        "costs": costs,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--nnz", type=int, required=True, help="nonzeros per epoch")
    ap.add_argument("--out", help="CSV of every run")
    ap.add_argument("runs", nargs="+", help="LABEL=COMMAND")
    args = ap.parse_args()
    runs = [r.split("=", 1) for r in args.runs]
    results = {label: [] for label, _ in runs}
    for rep in range(args.reps):
        order = runs[:]
        random.Random(rep).shuffle(order)
        print(f"rep {rep + 1}/{args.reps} order: {' '.join(label for label, _ in order)}", flush=True)
        for label, cmd in order:
            r = run_once(cmd)
            results[label].append(r)
            print(f"rep {rep + 1}/{args.reps} {label:>16}: start-up {r['startup']:.2f}s, total {r['total']:.2f}s, "
                  f"epoch {r['epoch']:.2f}s, peak RSS {r['rss_mib']:.0f} MiB, CPU {r['cpu']:.2f}s, "
                  f"costs {' '.join(f'{c:.6f}' for c in r['costs'])}", flush=True)
    if args.out:
        with open(args.out, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["rep", "label", "startup_s", "total_s", "epoch_s", "peak_rss_mib", "cpu_s", "costs"])
            for label, rs in results.items():
                for i, r in enumerate(rs):
                    w.writerow([i + 1, label, f"{r['startup']:.3f}", f"{r['total']:.3f}", f"{r['epoch']:.3f}",
                                f"{r['rss_mib']:.1f}", f"{r['cpu']:.2f}", " ".join(f"{c:.9g}" for c in r["costs"])])
    print(f"\nmedians of {args.reps}; {args.nnz} nonzeros")
    print(f"{'label':>16} {'start-up s':>10} {'total s':>8} {'s/epoch':>8} {'M nnz/s':>8} {'peak MiB':>9} {'CPU s':>7}  costs (rep 1)")
    for label, rs in results.items():
        med = {k: statistics.median(r[k] for r in rs) for k in ("startup", "total", "epoch", "rss_mib", "cpu")}
        print(f"{label:>16} {med['startup']:10.2f} {med['total']:8.2f} {med['epoch']:8.2f} "
              f"{args.nnz / med['epoch'] / 1e6:8.2f} {med['rss_mib']:9.0f} {med['cpu']:7.2f}  "
              + " ".join(f"{c:.6f}" for c in rs[0]["costs"]))


if __name__ == "__main__":
    main()
