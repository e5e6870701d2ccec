// Command load measures the dashboard under a mixed load on loopback, as
// issue 13's acceptance asks: it starts a long GloVe training run on the
// demo corpus, then sends requests from -conns clients for -rounds rounds
// of -duration each, of which about -writes are writes: corpus and
// vector-set uploads and deletes, t-SNE submit + cancel, training-run
// submit + cancel. Afterwards it cancels every job still queued or running
// (the training run included), waits for them to end, deletes what it
// uploaded, and reports per round and overall: requests/s, the share of
// writes, the statuses, read and write latency percentiles, the responses
// ≥ 500 and the jobs left queued or running. The exit status is 1 when
// any response was ≥ 500, a request failed in transport, or a job was
// left active.
//
//	go run ./cmd/web -addr 127.0.0.1:8080 -data /tmp/gb-load &
//	go run ./bench/load -url http://127.0.0.1:8080 -conns 50 -rounds 3 -duration 20s -writes 0.15
//
// Only loopback addresses are accepted. README.md beside this file has
// the figures of the acceptance runs.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	var cfg config
	flag.StringVar(&cfg.base, "url", "http://127.0.0.1:8080", "dashboard address (loopback only)")
	flag.DurationVar(&cfg.duration, "duration", 20*time.Second, "length of one round")
	flag.IntVar(&cfg.rounds, "rounds", 3, "rounds of load")
	flag.IntVar(&cfg.conns, "conns", 50, "concurrent clients")
	flag.Float64Var(&cfg.writes, "writes", 0.15, "share of requests that are write operations (0..1)")
	flag.IntVar(&cfg.epochs, "epochs", 1000, "epochs of the background training run (long enough to outlast the load; cancelled at the end)")
	flag.DurationVar(&cfg.settle, "settle", 60*time.Second, "how long to wait for cancelled jobs to end")
	flag.Parse()
	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

type config struct {
	base            string
	duration        time.Duration
	rounds, conns   int
	writes          float64
	epochs          int
	settle          time.Duration
	token           string
	corpusID, setID int64
}

// result is one HTTP request: the operation it belonged to, whether it
// writes, its status (0 on a transport error) and latency.
type result struct {
	op     string
	write  bool
	status int
	dur    time.Duration
	err    error
}

// client is one simulated user: its own random source and the entries it
// uploaded and may delete.
type client struct {
	cfg     *config
	http    *http.Client
	rng     *rand.Rand
	id      int
	n       int
	corpora []int64
	sets    []int64
	// setWords holds the words of each set the client uploaded (its
	// t-SNE maps use them, racing with its deletes).
	setWords map[int64][]string
	out      chan<- result
}

func run(cfg config) error {
	u, err := url.Parse(cfg.base)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(u.Hostname()); (ip == nil || !ip.IsLoopback()) && u.Hostname() != "localhost" {
		return fmt.Errorf("refusing %s: only loopback addresses are allowed", u.Hostname())
	}
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, Timeout: 60 * time.Second,
		Transport:     &http.Transport{MaxIdleConnsPerHost: cfg.conns, MaxConnsPerHost: cfg.conns},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	// A page visit sets the CSRF cookie and names its token.
	resp, err := hc.Get(cfg.base + "/")
	if err != nil {
		return err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if cfg.token = resp.Header.Get("X-CSRF-Token"); cfg.token == "" {
		return errors.New("the home page named no CSRF token (X-CSRF-Token header)")
	}
	if cfg.corpusID, cfg.setID, err = demoIDs(hc, cfg.base, 120*time.Second); err != nil {
		return err
	}
	runBody, _ := json.Marshal(map[string]any{"corpus_id": cfg.corpusID, "vector_size": 50, "epochs": cfg.epochs})
	rep, err := do(hc, &cfg, http.MethodPost, "/api/runs", runBody, "application/json")
	if err != nil {
		return err
	}
	var started struct {
		RunID int64 `json:"run_id"`
		JobID int64 `json:"job_id"`
	}
	json.Unmarshal(rep.body, &started)
	if rep.status != http.StatusAccepted {
		return fmt.Errorf("starting the training run: %d %s", rep.status, rep.body)
	}
	fmt.Printf("training run %d (job %d) started on corpus %d; %d clients, %d × %s, %.0f %% writes\n",
		started.RunID, started.JobID, cfg.corpusID, cfg.conns, cfg.rounds, cfg.duration, 100*cfg.writes)

	reads := readPaths(cfg.corpusID, cfg.setID, started.RunID)
	clients := make([]*client, cfg.conns)
	for i := range clients {
		clients[i] = &client{cfg: &cfg, http: hc, rng: rand.New(rand.NewPCG(uint64(i), 13)), id: i, setWords: map[int64][]string{}}
	}
	var all []result
	for r := 1; r <= cfg.rounds; r++ {
		load := loadAvg()
		res := round(clients, reads, cfg.duration)
		all = append(all, res...)
		summarize(fmt.Sprintf("round %d (load average before: %s)", r, load), res, cfg.duration)
	}
	fmt.Printf("load average after the rounds: %s\n", loadAvg())

	// The training run must still be training: the load ran beside it.
	rep, err = do(hc, &cfg, http.MethodGet, fmt.Sprintf("/api/runs/%d", started.RunID), nil, "")
	if err != nil {
		return err
	}
	var runState struct {
		Status string `json:"status"`
		Loss   []any  `json:"loss"`
	}
	json.Unmarshal(rep.body, &runState)
	fmt.Printf("training run after the load: %s, %d epochs recorded\n", runState.Status, len(runState.Loss))

	left, err := cancelLeftovers(hc, &cfg)
	if err != nil {
		return err
	}
	cleanUp(hc, &cfg, clients)
	fails := summarize("all rounds", all, time.Duration(cfg.rounds)*cfg.duration)
	fmt.Printf("jobs left queued or running after cancelling the leftovers: %d\n", left)
	if fails > 0 || left > 0 {
		return fmt.Errorf("%d responses ≥ 500 or failed requests, %d jobs left active", fails, left)
	}
	return nil
}

// readPaths are the pages and API answers the clients read.
func readPaths(corpusID, setID, runID int64) []string {
	return []string{
		"/", "/corpora", "/vectors", "/train", "/explore", "/healthz",
		fmt.Sprintf("/corpora/%d", corpusID),
		fmt.Sprintf("/corpora/%d/ratio?i=ice&j=steam", corpusID),
		fmt.Sprintf("/runs/%d", runID),
		fmt.Sprintf("/runs/%d/progress", runID),
		"/api/corpora", "/api/vectors", "/api/jobs",
		fmt.Sprintf("/api/corpora/%d/stats", corpusID),
		fmt.Sprintf("/api/corpora/%d/ratio?i=ice&j=steam", corpusID),
		fmt.Sprintf("/api/runs/%d", runID),
		fmt.Sprintf("/api/vectors/%d/neighbors?word=king&n=10", setID),
		fmt.Sprintf("/api/vectors/%d/analogy?a=man&b=king&c=woman", setID),
	}
}

// round runs every client for d and returns the requests they sent.
func round(clients []*client, reads []string, d time.Duration) []result {
	out := make(chan result, 4096)
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for _, c := range clients {
		wg.Add(1)
		c.out = out
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				if c.rng.Float64() < c.cfg.writes {
					c.write()
				} else {
					p := reads[c.rng.IntN(len(reads))]
					start := time.Now()
					rep, err := do(c.http, c.cfg, http.MethodGet, p, nil, "")
					c.out <- result{op: "read", status: rep.status, dur: time.Since(start), err: err}
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	var res []result
	for r := range out {
		res = append(res, r)
	}
	return res
}

// write performs the client's next write operation, in turn: upload a
// corpus, upload a vector set, t-SNE submit + cancel, delete a corpus,
// training-run submit + cancel, delete a vector set.
func (c *client) write() {
	c.n++
	switch c.n % 6 {
	case 0:
		c.uploadCorpus()
	case 1:
		c.uploadVectors()
	case 2:
		c.tsne()
	case 3:
		c.deleteOne("delete corpus", "/corpora/", &c.corpora)
	case 4:
		c.trainAndCancel()
	case 5:
		c.deleteOne("delete vectors", "/vectors/", &c.sets)
	}
}

// timed sends one write request and records it.
func (c *client) timed(op, method, path string, body []byte, ctype string) reply {
	start := time.Now()
	rep, err := do(c.http, c.cfg, method, path, body, ctype)
	c.out <- result{op: op, write: true, status: rep.status, dur: time.Since(start), err: err}
	return rep
}

func (c *client) uploadCorpus() {
	var text strings.Builder
	fmt.Fprintf(&text, "load client %d upload %d\n", c.id, c.n)
	for i := range 200 {
		fmt.Fprintf(&text, "the king and the queen walk to the castle %d times\n", i%17)
	}
	body, ctype := uploadBody(c.cfg.token, fmt.Sprintf("load %d-%d", c.id, c.n), "load.txt", []byte(text.String()))
	if id := c.timed("upload corpus", http.MethodPost, "/corpora", body, ctype).createdID(); id > 0 {
		c.corpora = append(c.corpora, id)
	}
}

func (c *client) uploadVectors() {
	var text strings.Builder
	words := make([]string, 30)
	for w := range words {
		words[w] = fmt.Sprintf("w%d_%d_%d", c.id, c.n, w)
		text.WriteString(words[w])
		for d := range 8 {
			fmt.Fprintf(&text, " %.4f", float64((w*7+d*3+c.n)%19)/19-0.5)
		}
		text.WriteByte('\n')
	}
	body, ctype := uploadBody(c.cfg.token, fmt.Sprintf("load %d-%d", c.id, c.n), "load.vec", []byte(text.String()))
	if id := c.timed("upload vectors", http.MethodPost, "/vectors", body, ctype).createdID(); id > 0 {
		c.sets = append(c.sets, id)
		c.setWords[id] = words
	}
}

// tsne submits a t-SNE map and cancels it at once: every other time of
// the built-in word groups of the demo set, else of the words of a set
// the client uploaded (which its next delete may race).
func (c *client) tsne() {
	form := url.Values{"method": {"tsne"}, "source": {"builtin"}, "perplexity": {"5"}}
	set := c.cfg.setID
	if len(c.sets) > 0 && c.n%12 < 6 {
		set = c.sets[len(c.sets)-1]
		form.Set("source", "words")
		form.Set("words", strings.Join(c.setWords[set], "\n"))
	}
	c.cancel(c.timed("t-SNE submit", http.MethodPost, fmt.Sprintf("/api/vectors/%d/map", set),
		[]byte(form.Encode()), "application/x-www-form-urlencoded"))
}

// trainAndCancel submits a tiny training run and cancels it at once.
func (c *client) trainAndCancel() {
	body, _ := json.Marshal(map[string]any{"corpus_id": c.cfg.corpusID, "vector_size": 10, "epochs": 3})
	c.cancel(c.timed("run submit", http.MethodPost, "/api/runs", body, "application/json"))
}

func (c *client) cancel(submitted reply) {
	if submitted.status != http.StatusAccepted {
		return
	}
	var job struct {
		JobID int64 `json:"job_id"`
	}
	if json.Unmarshal(submitted.body, &job) == nil && job.JobID > 0 {
		c.timed("cancel", http.MethodPost, fmt.Sprintf("/api/jobs/%d/cancel", job.JobID), nil, "")
	}
}

func (c *client) deleteOne(op, prefix string, ids *[]int64) {
	if len(*ids) == 0 {
		return
	}
	id := (*ids)[0]
	if st := c.timed(op, http.MethodPost, prefix+strconv.FormatInt(id, 10)+"/delete", nil, "").status; st == http.StatusSeeOther || st == http.StatusNotFound {
		*ids = (*ids)[1:]
	}
}

// uploadBody is a multipart upload form with the CSRF token first, as the
// dashboard's upload forms send it.
func uploadBody(token, name, filename string, content []byte) ([]byte, string) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("_csrf", token)
	w.WriteField("name", name)
	fw, _ := w.CreateFormFile("file", filename)
	fw.Write(content)
	w.Close()
	return buf.Bytes(), w.FormDataContentType()
}
