package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// reply is what the load test keeps of a response.
type reply struct {
	status   int
	body     []byte
	location string
}

// createdID is the id at the end of a 303's Location (/corpora/7,
// /vectors/7?duplicate=1), or 0.
func (r reply) createdID() int64 {
	if r.status != http.StatusSeeOther {
		return 0
	}
	loc, _, _ := strings.Cut(r.location, "?")
	id, _ := strconv.ParseInt(path.Base(loc), 10, 64)
	return id
}

// do sends one request (writes with the CSRF token header) and reads the
// answer whole.
func do(c *http.Client, cfg *config, method, p string, body []byte, ctype string) (reply, error) {
	req, err := http.NewRequest(method, cfg.base+p, bytes.NewReader(body))
	if err != nil {
		return reply{}, err
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if method != http.MethodGet {
		req.Header.Set("X-CSRF-Token", cfg.token)
	}
	resp, err := c.Do(req)
	if err != nil {
		return reply{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return reply{status: resp.StatusCode, body: b, location: resp.Header.Get("Location")}, err
}

// demoIDs waits until the demo corpus is built and returns its id and the
// demo vector set's id.
func demoIDs(c *http.Client, base string, wait time.Duration) (corpusID, vectorsID int64, err error) {
	cfg := &config{base: base}
	deadline := time.Now().Add(wait)
	for corpusID == 0 {
		rep, err := do(c, cfg, http.MethodGet, "/api/corpora", nil, "")
		if err != nil {
			return 0, 0, err
		}
		var cs []struct {
			ID     int64  `json:"id"`
			Source string `json:"source"`
			Stats  struct {
				Built bool `json:"built"`
			} `json:"stats"`
		}
		json.Unmarshal(rep.body, &cs)
		for _, x := range cs {
			if x.Source == "demo" && x.Stats.Built {
				corpusID = x.ID
			}
		}
		if corpusID == 0 && time.Now().After(deadline) {
			return 0, 0, errors.New("the demo corpus was not built in time")
		}
		if corpusID == 0 {
			time.Sleep(500 * time.Millisecond)
		}
	}
	rep, err := do(c, cfg, http.MethodGet, "/api/vectors", nil, "")
	if err != nil {
		return 0, 0, err
	}
	var vs []struct {
		ID     int64  `json:"id"`
		Source string `json:"source"`
	}
	json.Unmarshal(rep.body, &vs)
	for _, v := range vs {
		if v.Source == "demo" {
			return corpusID, v.ID, nil
		}
	}
	return 0, 0, errors.New("no demo vector set")
}

type jobRow struct {
	ID     int64  `json:"id"`
	Status string `json:"status"`
}

// activeJobs lists the jobs still queued or running.
func activeJobs(c *http.Client, cfg *config) ([]jobRow, error) {
	rep, err := do(c, cfg, http.MethodGet, "/api/jobs?active=1", nil, "")
	if err != nil {
		return nil, err
	}
	var all []jobRow
	if err := json.Unmarshal(rep.body, &all); err != nil {
		return nil, fmt.Errorf("reading /api/jobs?active=1: %w", err)
	}
	var out []jobRow
	for _, j := range all {
		if j.Status == "queued" || j.Status == "running" {
			out = append(out, j)
		}
	}
	return out, nil
}

// cancelLeftovers cancels every job still queued or running, waits up to
// cfg.settle for them to end and returns how many are still active.
func cancelLeftovers(c *http.Client, cfg *config) (int, error) {
	deadline := time.Now().Add(cfg.settle)
	cancelled := map[int64]bool{}
	for {
		active, err := activeJobs(c, cfg)
		if err != nil {
			return 0, err
		}
		if len(active) == 0 || time.Now().After(deadline) {
			fmt.Printf("leftover jobs cancelled: %d\n", len(cancelled))
			for _, j := range active {
				fmt.Printf("  job %d still %s\n", j.ID, j.Status)
			}
			return len(active), nil
		}
		for _, j := range active {
			if !cancelled[j.ID] {
				do(c, cfg, http.MethodPost, fmt.Sprintf("/api/jobs/%d/cancel", j.ID), nil, "")
				cancelled[j.ID] = true
			}
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// cleanUp deletes what the clients uploaded and still hold.
func cleanUp(c *http.Client, cfg *config, clients []*client) {
	n := 0
	for _, cl := range clients {
		for _, id := range cl.corpora {
			if rep, err := do(c, cfg, http.MethodPost, fmt.Sprintf("/corpora/%d/delete", id), nil, ""); err == nil && rep.status == http.StatusSeeOther {
				n++
			}
		}
		for _, id := range cl.sets {
			if rep, err := do(c, cfg, http.MethodPost, fmt.Sprintf("/vectors/%d/delete", id), nil, ""); err == nil && rep.status == http.StatusSeeOther {
				n++
			}
		}
	}
	fmt.Printf("deleted %d uploads left by the clients\n", n)
}

// summarize prints the figures of res (sent over d) and returns the
// number of responses ≥ 500 plus transport failures.
func summarize(title string, res []result, d time.Duration) int {
	var reads, writes []time.Duration
	statuses := map[int]int{}
	byOp := map[string][]time.Duration{}
	fails := 0
	var failed []string
	for _, r := range res {
		if r.err != nil || r.status >= 500 {
			fails++
			if len(failed) < 10 {
				failed = append(failed, fmt.Sprintf("%s: %d %v", r.op, r.status, r.err))
			}
		}
		statuses[r.status]++
		if r.write {
			writes = append(writes, r.dur)
			byOp[r.op] = append(byOp[r.op], r.dur)
		} else {
			reads = append(reads, r.dur)
		}
	}
	fmt.Printf("%s: %d requests in %s (%.0f/s), %d writes (%.1f %%), %d responses ≥ 500 or failed\n",
		title, len(res), d, float64(len(res))/d.Seconds(), len(writes), 100*float64(len(writes))/float64(max(len(res), 1)), fails)
	fmt.Printf("  reads  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms\n", pct(reads, 0.5), pct(reads, 0.99), pct(reads, 1))
	fmt.Printf("  writes p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms\n", pct(writes, 0.5), pct(writes, 0.99), pct(writes, 1))
	ops := make([]string, 0, len(byOp))
	for op := range byOp {
		ops = append(ops, op)
	}
	slices.Sort(ops)
	for _, op := range ops {
		fmt.Printf("    %-15s n=%5d p50 %7.1f ms p99 %7.1f ms\n", op, len(byOp[op]), pct(byOp[op], 0.5), pct(byOp[op], 0.99))
	}
	codes := make([]int, 0, len(statuses))
	for st := range statuses {
		codes = append(codes, st)
	}
	slices.Sort(codes)
	var sb strings.Builder
	for _, st := range codes {
		fmt.Fprintf(&sb, " %d×%d", statuses[st], st)
	}
	fmt.Printf("  statuses:%s\n", sb.String())
	for _, f := range failed {
		fmt.Println("  failed:", f)
	}
	return fails
}

func pct(d []time.Duration, q float64) float64 {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return float64(s[int(q*float64(len(s)-1))]) / float64(time.Millisecond)
}

// loadAvg is the machine's 1, 5 and 15 minute load averages.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
