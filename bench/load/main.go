// Command load measures the dashboard under load on loopback: it starts a
// GloVe training job on the demo corpus, then sends page and API requests
// from several connections for a fixed time while the job runs, and
// reports requests/s, errors and latency percentiles.
//
//	go run ./cmd/web -addr 127.0.0.1:8080 -data /tmp/gb-load &
//	go run ./bench/load -url http://127.0.0.1:8080 -duration 30s -conns 8
//
// Only loopback addresses are accepted. Any non-2xx answer or transport
// error counts as an error; the exit status is 1 if there was any.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"slices"
	"sync"
	"time"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "dashboard address (loopback only)")
	duration := flag.Duration("duration", 30*time.Second, "how long to send requests")
	conns := flag.Int("conns", 8, "concurrent connections")
	epochs := flag.Int("epochs", 200, "epochs of the background training job (long enough to outlast the load)")
	flag.Parse()
	if err := run(*base, *duration, *conns, *epochs); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

type result struct {
	path string
	dur  time.Duration
	err  error
}

func run(base string, duration time.Duration, conns, epochs int) error {
	u, err := url.Parse(base)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(u.Hostname()); (ip == nil || !ip.IsLoopback()) && u.Hostname() != "localhost" {
		return fmt.Errorf("refusing %s: only loopback addresses are allowed", u.Hostname())
	}
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: conns}}

	// A page visit sets the CSRF cookie, which is also the token.
	if _, err := get(client, base+"/"); err != nil {
		return err
	}
	var token string
	for _, c := range jar.Cookies(u) {
		if c.Name == "_csrf" {
			token = c.Value
		}
	}
	if token == "" {
		return errors.New("no _csrf cookie from the home page")
	}
	corpusID, vectorsID, err := demoIDs(client, base, 60*time.Second)
	if err != nil {
		return err
	}
	body, _ := json.Marshal(map[string]any{"corpus_id": corpusID, "vector_size": 50, "epochs": epochs})
	req, _ := http.NewRequest(http.MethodPost, base+"/api/runs", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", token)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	var started struct {
		RunID int64 `json:"run_id"`
		JobID int64 `json:"job_id"`
	}
	json.NewDecoder(resp.Body).Decode(&started)
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		return fmt.Errorf("starting the training job: %s", resp.Status)
	}
	fmt.Printf("training run %d (job %d) started: %d epochs on corpus %d\n", started.RunID, started.JobID, epochs, corpusID)

	paths := []string{
		"/", "/corpora", "/vectors", "/train", "/explore",
		fmt.Sprintf("/corpora/%d", corpusID),
		fmt.Sprintf("/corpora/%d/ratio?i=ice&j=steam", corpusID),
		fmt.Sprintf("/runs/%d", started.RunID),
		fmt.Sprintf("/runs/%d/progress", started.RunID),
		"/api/corpora", "/api/vectors", "/api/jobs",
		fmt.Sprintf("/api/corpora/%d/stats", corpusID),
		fmt.Sprintf("/api/corpora/%d/ratio?i=ice&j=steam", corpusID),
		fmt.Sprintf("/api/runs/%d", started.RunID),
		fmt.Sprintf("/api/vectors/%d/neighbors?word=king&n=10", vectorsID),
		fmt.Sprintf("/api/vectors/%d/analogy?a=man&b=king&c=woman", vectorsID),
	}
	results := make(chan result, 1024)
	deadline := time.Now().Add(duration)
	var wg sync.WaitGroup
	for w := 0; w < conns; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; time.Now().Before(deadline); i++ {
				p := paths[i%len(paths)]
				start := time.Now()
				_, err := get(client, base+p)
				results <- result{path: p, dur: time.Since(start), err: err}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	var all []time.Duration
	byPath := map[string][]time.Duration{}
	var errs []string
	for r := range results {
		if r.err != nil {
			errs = append(errs, r.path+": "+r.err.Error())
			continue
		}
		all = append(all, r.dur)
		byPath[r.path] = append(byPath[r.path], r.dur)
	}
	status, err := get(client, fmt.Sprintf("%s/api/runs/%d", base, started.RunID))
	if err != nil {
		return err
	}
	var run struct {
		Status string `json:"status"`
		Loss   []any  `json:"loss"`
	}
	json.Unmarshal(status, &run)
	// Stop the job so that the server is left idle.
	req, _ = http.NewRequest(http.MethodPost, fmt.Sprintf("%s/api/jobs/%d/cancel", base, started.JobID), nil)
	req.Header.Set("X-CSRF-Token", token)
	if resp, err := client.Do(req); err == nil {
		resp.Body.Close()
	}

	total := len(all) + len(errs)
	fmt.Printf("%d requests in %s over %d connections: %.0f requests/s, %d errors\n",
		total, duration, conns, float64(total)/duration.Seconds(), len(errs))
	fmt.Printf("latency p50 %.2f ms, p99 %.2f ms (all routes)\n", pct(all, 0.5), pct(all, 0.99))
	keys := make([]string, 0, len(byPath))
	for k := range byPath {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Printf("  %-45s n=%5d p50 %7.2f ms p99 %7.2f ms\n", k, len(byPath[k]), pct(byPath[k], 0.5), pct(byPath[k], 0.99))
	}
	fmt.Printf("training job while measuring: status %q after the load, %d epochs done\n", run.Status, len(run.Loss))
	if len(errs) > 0 {
		for _, e := range errs[:min(len(errs), 10)] {
			fmt.Println("  error:", e)
		}
		return fmt.Errorf("%d errors", len(errs))
	}
	return nil
}

// get fetches url and fails on a non-2xx status.
func get(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("%s", resp.Status)
	}
	return b, nil
}

// demoIDs waits until the demo corpus is built and returns its id and the
// demo vector set's id.
func demoIDs(c *http.Client, base string, wait time.Duration) (corpusID, vectorsID int64, err error) {
	deadline := time.Now().Add(wait)
	for {
		b, err := get(c, base+"/api/corpora")
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
		json.Unmarshal(b, &cs)
		for _, x := range cs {
			if x.Source == "demo" && x.Stats.Built {
				corpusID = x.ID
			}
		}
		if corpusID != 0 {
			break
		}
		if time.Now().After(deadline) {
			return 0, 0, errors.New("the demo corpus was not built in time")
		}
		time.Sleep(500 * time.Millisecond)
	}
	b, err := get(c, base+"/api/vectors")
	if err != nil {
		return 0, 0, err
	}
	var vs []struct {
		ID     int64  `json:"id"`
		Source string `json:"source"`
	}
	json.Unmarshal(b, &vs)
	for _, v := range vs {
		if v.Source == "demo" {
			return corpusID, v.ID, nil
		}
	}
	return 0, 0, errors.New("no demo vector set")
}

func pct(d []time.Duration, q float64) float64 {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return float64(s[int(q*float64(len(s)-1))]) / float64(time.Millisecond)
}
