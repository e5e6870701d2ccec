"""Side-by-side benchmarks of gloveboard's word-vector loader and neighbour
search against gensim, alternating the two in one run.

    cd <repo root>
    nice /usr/bin/python3 bench/vectors/run.py [--reps 3] [--queries 20]

Steps:
  1. build bench/vectors/vecbench to /tmp/vecbench;
  2. generate /tmp/vectors-bench-400k-300d-seed1.txt (400,000 x 300 GloVe
     text, fixed seed 1, about 1 GB) unless it is already there;
  3. loading: run `vecbench load` and gensim's
     KeyedVectors.load_word2vec_format(path, binary=False, no_header=True)
     as separate processes, alternating (the order flips every repetition);
     each reports its own load time; peak RSS comes from wait4;
  4. neighbours: start both sides once in serve mode (vectors loaded, unit
     vectors / norms computed), then send the same query words to each in
     alternation; each side times every top-10 query itself.
Medians and ratios are printed; targets: load >= 5x faster than gensim,
our peak RSS <= 1.3x the float32 payload, neighbours <= 1.0x gensim's time.
"""
import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GO_BIN = "/tmp/vecbench"
PY = "/usr/bin/python3"
GENSIM = os.path.join(HERE, "gensim_bench.py")


def run_measured(cmd):
    """Runs cmd, returns (parsed JSON stdout, wall seconds, peak RSS bytes,
    CPU seconds user+system)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{cmd} failed with status {status}")
    return json.loads(out), wall, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime


class Server:
    """A vecbench or gensim_bench process in serve mode."""

    def __init__(self, cmd):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        ready = json.loads(self.proc.stdout.readline())
        assert ready.get("ready"), ready

    def query(self, words):
        self.proc.stdin.write(" ".join(words) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def machine():
    load = os.getloadavg()
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"{cpu}, {os.cpu_count()} cores, {platform.platform()}, load average {load[0]:.1f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--queries", type=int, default=20)
    ap.add_argument("--rows", type=int, default=400000)
    ap.add_argument("--dim", type=int, default=300)
    ap.add_argument("--skip-load", action="store_true")
    ap.add_argument("--skip-neighbors", action="store_true")
    args = ap.parse_args()
    path = f"/tmp/vectors-bench-{args.rows // 1000}k-{args.dim}d-seed1.txt"

    subprocess.run(["go", "build", "-o", GO_BIN, "./bench/vectors/vecbench"], cwd=ROOT, check=True)
    if not os.path.exists(path):
        print(f"generating {path} ...", flush=True)
        subprocess.run([GO_BIN, "gen", "-out", path, "-rows", str(args.rows), "-dim", str(args.dim), "-seed", "1"], check=True)
    payload = args.rows * args.dim * 4
    print(f"machine: {machine()}")
    print(f"file: {path}, {os.path.getsize(path) / 1e6:.0f} MB, float32 payload {payload / 1e6:.0f} MB")

    if not args.skip_load:
        ours, theirs = [], []
        for rep in range(args.reps):
            order = [("go", [GO_BIN, "load", path]), ("gensim", [PY, GENSIM, "load", path])]
            if rep % 2:
                order.reverse()
            for name, cmd in order:
                res, wall, rss, cpu = run_measured(cmd)
                assert res["rows"] == args.rows and res["dim"] == args.dim, res
                (ours if name == "go" else theirs).append((res["seconds"], wall, rss, cpu))
                print(f"  load rep {rep + 1} {name:6s}: {res['seconds']:7.2f} s (process {wall:7.2f} s, CPU {cpu:7.2f} s), "
                      f"peak RSS {rss / 1e6:6.0f} MB", flush=True)
        o = statistics.median(x[0] for x in ours)
        g = statistics.median(x[0] for x in theirs)
        ocpu = statistics.median(x[3] for x in ours)
        gcpu = statistics.median(x[3] for x in theirs)
        pair = statistics.median(t[0] / u[0] for u, t in zip(ours, theirs))
        orss = statistics.median(x[2] for x in ours)
        grss = statistics.median(x[2] for x in theirs)
        print(f"LOAD median: ours {o:.2f} s, gensim {g:.2f} s, speed-up {g / o:.1f}x "
              f"(median of per-repetition ratios {pair:.1f}x; target >= 5x)")
        print(f"LOAD CPU time median (user+system, less sensitive to other load): ours {ocpu:.2f} s, gensim {gcpu:.2f} s, "
              f"ratio {gcpu / ocpu:.1f}x")
        print(f"LOAD peak RSS median: ours {orss / 1e6:.0f} MB = {orss / payload:.2f}x payload (target <= 1.3x); gensim {grss / 1e6:.0f} MB")

    if not args.skip_neighbors:
        rng = random.Random(1)
        words = [f"w{rng.randrange(args.rows)}" for _ in range(args.queries)]
        go = Server([GO_BIN, "serve", path])
        gs = Server([PY, GENSIM, "serve", path])
        ours, theirs, agree, total = [], [], 0, 0
        for rep in range(args.reps):
            sides = [("go", go), ("gensim", gs)]
            if rep % 2:
                sides.reverse()
            replies = {}
            for name, srv in sides:
                replies[name] = srv.query(words)
            ours += replies["go"]["seconds"]
            theirs += replies["gensim"]["seconds"]
            for a, b in zip(replies["go"]["top"], replies["gensim"]["top"]):
                total += 1
                agree += a == b
            print(f"  neighbours rep {rep + 1}: ours median {statistics.median(replies['go']['seconds']) * 1e3:.1f} ms, "
                  f"gensim median {statistics.median(replies['gensim']['seconds']) * 1e3:.1f} ms", flush=True)
        go.close()
        gs.close()
        o, g = statistics.median(ours), statistics.median(theirs)
        print(f"NEIGHBOURS top-10 per query median: ours {o * 1e3:.1f} ms, gensim {g * 1e3:.1f} ms, "
              f"ratio ours/gensim {o / g:.2f}x (target <= 1.0x); identical top-10 lists {agree}/{total}")


if __name__ == "__main__":
    main()
