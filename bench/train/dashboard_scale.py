#!/usr/bin/env python3
"""Upload, build and train a large corpus through the dashboard's HTTP API,
recording the time and peak RSS of the server for each stage.
Run each stage in its own server process (-stages) for a peak that is the
stage's own: the Go runtime keeps memory an earlier stage freed.

    go build -o /tmp/gb-web ./cmd/web
    bench/train/big_corpus.py ../shared/data/corpora/bench-prose.txt.gz /tmp/big-prose.txt.gz
    bench/train/dashboard_scale.py -web /tmp/gb-web -data /tmp/big-data \
        -budget 512MiB -corpus /tmp/big-prose.txt.gz [-stages upload,build,train,stats]

The server runs on a loopback port with the given -memory-budget. Before
each stage the server's peak RSS is reset (``echo 5 > /proc/PID/clear_refs``)
and VmHWM is read after it, with VmRSS sampled every 0.2 s as a check. A
stage already done in the data directory (the corpus uploaded, or built) is
reused when it is not among -stages, so the build and the training can be
measured by separate server processes with different budgets. Prints one
line a stage and a JSON summary; writes nothing into the repository.
"""
import argparse
import http.cookiejar
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request


def status_kib(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


class Sampler:
    """Peak VmRSS of pid sampled every 0.2 s, and VmHWM since reset()."""

    def __init__(self, pid):
        self.pid, self.peak, self.stop = pid, 0, False
        threading.Thread(target=self.loop, daemon=True).start()

    def loop(self):
        while not self.stop:
            try:
                self.peak = max(self.peak, status_kib(self.pid, "VmRSS"))
            except OSError:
                return
            time.sleep(0.2)

    def reset(self):
        with open(f"/proc/{self.pid}/clear_refs", "w") as f:
            f.write("5")  # resets VmHWM to the current RSS
        self.peak = status_kib(self.pid, "VmRSS")

    def hwm_mib(self):
        return max(status_kib(self.pid, "VmHWM"), self.peak) / 1024


class Client:
    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        # GET / sets the _csrf cookie (a nonce); the token that goes with
        # it comes in the X-CSRF-Token header of the answer.
        with self.op.open(base + "/") as r:
            r.read()
            self.token = r.headers["X-CSRF-Token"]

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("X-CSRF-Token", self.token)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with self.op.open(req) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null")

    def cookie_header(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def wait_job(cl, job_id, what):
    last = ""
    while True:
        code, j = cl.call("GET", f"/api/jobs/{job_id}")
        msg = j.get("message", "") if isinstance(j, dict) else ""
        if msg != last:
            print(f"  [{time.strftime('%H:%M:%S')}] {what}: {msg}", flush=True)
            last = msg
        if j.get("status") not in ("queued", "running"):
            return j
        time.sleep(1)


def find_corpus(cl, name):
    _, cs = cl.call("GET", "/api/corpora")
    for c in cs or []:
        if c.get("name") == name:
            return c
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-web", default="/tmp/gb-web")
    ap.add_argument("-data", default="/tmp/big-data")
    ap.add_argument("-addr", default="127.0.0.1:18931")
    ap.add_argument("-budget", default="512MiB")
    ap.add_argument("-corpus", default="/tmp/big-prose.txt.gz")
    ap.add_argument("-name", default="big-prose")
    ap.add_argument("-stages", default="upload,build,train,stats")
    ap.add_argument("-vector-size", type=int, default=50)
    ap.add_argument("-threads", type=int, default=2)
    a = ap.parse_args()
    stages = a.stages.split(",")
    log = open(os.path.join(a.data + ".log"), "ab")
    srv = subprocess.Popen([a.web, "-addr", a.addr, "-data", a.data, "-memory-budget", a.budget,
                            "-max-upload", "2GiB", "-eval-dir", ""], stdout=log, stderr=log)
    out = {"budget": a.budget, "load_average": os.getloadavg(), "stages": {}}
    try:
        base = "http://" + a.addr
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/healthz").read()
                break
            except OSError:
                time.sleep(0.5)
        cl = Client(base)
        smp = Sampler(srv.pid)
        # The demo corpus's start-up build runs first; let it finish.
        _, jobs = cl.call("GET", "/api/jobs")
        for j in jobs or []:
            if j.get("status") in ("queued", "running"):
                wait_job(cl, j["id"], "start-up job")

        def stage(name, fn):
            smp.reset()
            start_rss = status_kib(srv.pid, "VmRSS") / 1024
            t0 = time.time()
            info = fn() or {}
            info.update(seconds=round(time.time() - t0, 1), start_rss_mib=round(start_rss),
                        peak_rss_mib=round(smp.hwm_mib()),
                        load_average=[round(x, 1) for x in os.getloadavg()])
            out["stages"][name] = info
            print(f"{name}: {json.dumps(info)}", flush=True)
            return info

        corp = find_corpus(cl, a.name)
        if "upload" in stages and corp is None:
            def upload():
                r = subprocess.run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-H",
                                    "X-CSRF-Token: " + cl.token, "-b", cl.cookie_header(),
                                    "-F", "name=" + a.name, "-F", "file=@" + a.corpus, base + "/corpora"],
                                   capture_output=True, text=True, check=True)
                return {"http": r.stdout, "bytes": os.path.getsize(a.corpus)}
            stage("upload", upload)
            corp = find_corpus(cl, a.name)
        if corp is None:
            sys.exit("no corpus named " + a.name)
        cid = corp["id"]

        if "build" in stages:
            def build():
                code, j = cl.call("POST", f"/api/corpora/{cid}/build", {})
                if code != 202:
                    return {"http": code, "error": j}
                j = wait_job(cl, j["id"], "build")
                return {"status": j.get("status"), "error": j.get("error", "")}
            stage("build", build)

        if "train" in stages:
            def train():
                code, r = cl.call("POST", "/api/runs", {"corpus_id": cid, "epochs": 1, "threads": a.threads,
                                                         "vector_size": a.vector_size, "seed": 1})
                if code != 202 and code != 201 and code != 200:
                    return {"http": code, "error": r}
                job = r.get("job_id") or r.get("job", {}).get("id")
                msgs = []
                last = ""
                while True:
                    _, run = cl.call("GET", f"/api/runs/{r.get('id') or r.get('run_id')}")
                    _, j = cl.call("GET", f"/api/jobs/{job}")
                    if j.get("message", "") != last:
                        last = j.get("message", "")
                        # The peak so far, at each new message: which phase of the job needs what.
                        msgs.append(f"{last} [peak so far {round(smp.hwm_mib())} MiB]")
                        print(f"  [{time.strftime('%H:%M:%S')}] train: {msgs[-1]}", flush=True)
                    if run.get("status") not in ("queued", "running"):
                        break
                    time.sleep(0.25)
                return {"status": run.get("status"), "messages": msgs, "loss": run.get("loss"),
                        "error": (run.get("results") or {}).get("error", "")}
            stage("train", train)

        if "stats" in stages:
            def stats():
                code, s = cl.call("GET", f"/api/corpora/{cid}/stats")
                keep = ("tokens", "types", "vocab_size", "nnz", "sum_x", "seconds")
                return {"http": code, **{k: s.get(k) for k in keep if isinstance(s, dict)}}
            stage("stats", stats)
    finally:
        srv.terminate()
        srv.wait(timeout=60)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
