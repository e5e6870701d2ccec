package handlers_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/gloveboard/gloveboard/internal/store"
)

// badCase is one bad input sent to the dashboard: what is sent, the status
// wanted and a phrase the user must see (in the page's <main>, or in the
// JSON "error" of the API).
type badCase struct {
	name     string
	send     func(t *testing.T, a *app) *httptest.ResponseRecorder
	wantCode int
	wantMsg  string
}

// catalogue is what must survive every bad input: the corpora and vector
// sets with their hashes, and the demo corpus's statistics.
type catalogue struct {
	corpora, vectors map[int64]string // id → sha256
	demoStats        string
}

func snapshot(t *testing.T, a *app) catalogue {
	t.Helper()
	ctx := context.Background()
	cat := catalogue{corpora: map[int64]string{}, vectors: map[int64]string{}}
	cs, err := a.st.Corpora(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		cat.corpora[c.ID] = c.SHA256
	}
	vs, err := a.st.VectorSets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		cat.vectors[v.ID] = v.SHA256
	}
	cat.demoStats = a.get(fmt.Sprintf("/api/corpora/%d/stats", minKey(cat.corpora))).Body.String()
	return cat
}

func minKey(m map[int64]string) int64 {
	k := int64(-1)
	for id := range m {
		if k < 0 || id < k {
			k = id
		}
	}
	return k
}

// intact fails unless the server still serves, the catalogue holds what
// it held before (plus the ids in added) and no upload is left half-way.
func intact(t *testing.T, a *app, before catalogue) {
	t.Helper()
	if rec := a.get("/healthz"); rec.Code != http.StatusOK {
		t.Errorf("healthz = %d after the bad input", rec.Code)
	}
	after := snapshot(t, a)
	for id, sha := range before.corpora {
		if after.corpora[id] != sha {
			t.Errorf("corpus %d changed or vanished", id)
		}
	}
	for id, sha := range before.vectors {
		if after.vectors[id] != sha {
			t.Errorf("vector set %d changed or vanished", id)
		}
	}
	if after.demoStats != before.demoStats {
		t.Errorf("demo corpus statistics changed:\n%s\n%s", before.demoStats, after.demoStats)
	}
	a.tmpEmpty(t)
}

// message returns what the user reads: the error of a JSON body, or the
// text of the page's <main>.
func message(t *testing.T, rec *httptest.ResponseRecorder) string {
	t.Helper()
	if strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		var e struct{ Error string }
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
			t.Fatalf("JSON error body %q: %v", rec.Body, err)
		}
		return e.Error
	}
	m := find(parse(t, rec.Body.String()), "main", "")
	if m == nil {
		return rec.Body.String()
	}
	return text(m)
}

func gzipOf(t *testing.T, r io.Reader) []byte {
	t.Helper()
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if _, err := io.Copy(w, r); err != nil {
		t.Fatal(err)
	}
	w.Close()
	return b.Bytes()
}

// gzipMembers is a gzip stream of times identical members, each the gzip
// of r: it decodes to times copies of r's bytes. A 1 GiB bomb built so
// takes milliseconds where compressing 1 GiB takes seconds.
func gzipMembers(t *testing.T, r io.Reader, times int) []byte {
	t.Helper()
	member := gzipOf(t, r)
	return bytes.Repeat(member, times)
}

// repeatReader yields s over and over, n bytes in all.
func repeatReader(s string, n int64) io.Reader {
	return io.LimitReader(&cycle{s: []byte(s)}, n)
}

type cycle struct {
	s   []byte
	off int
}

func (c *cycle) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = c.s[c.off]
		c.off = (c.off + 1) % len(c.s)
	}
	return len(p), nil
}

// streamUpload posts size bytes from body as a file upload without holding
// them in memory.
func (a *app) streamUpload(t *testing.T, path, filename string, body io.Reader) *httptest.ResponseRecorder {
	t.Helper()
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		fw, err := mw.CreateFormFile("file", filename)
		if err == nil {
			_, err = io.Copy(fw, body)
		}
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	req := httptest.NewRequest(http.MethodPost, path+"?_csrf="+a.tok, pr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	rec := a.do(req)
	pr.Close() // ends the writer if the server stopped reading early
	return rec
}

// TestBadInputCatalogue sends the bad inputs of issue 6 to one running
// dashboard, each a subtest: every one gets a clear message and a 4xx
// (or, where the input is in fact valid, is accepted), and afterwards the
// server still serves, earlier data are intact and no partial upload is
// left. Build failures, which happen in jobs, are checked in
// TestBadInputInJobs.
func TestBadInputCatalogue(t *testing.T) {
	t.Parallel()
	a := newAppConfig(t, func(o *appOptions) { o.handlers.MaxUpload = 256 << 20 })
	small := newApp(t, 64<<10)
	demoCorpus := minKey(snapshot(t, a).corpora)
	a.buildDemo(t)
	model := a.modelCorpus(t)
	setID := demoSet(t, a)
	corpusAPI := fmt.Sprintf("/api/corpora/%d", demoCorpus)
	vecAPI := fmt.Sprintf("/api/vectors/%d", setID)

	upload := func(path, filename string, content []byte) func(*testing.T, *app) *httptest.ResponseRecorder {
		return func(t *testing.T, a *app) *httptest.ResponseRecorder { return a.upload(t, path, "", filename, content) }
	}
	get := func(path string) func(*testing.T, *app) *httptest.ResponseRecorder {
		return func(t *testing.T, a *app) *httptest.ResponseRecorder { return a.get(path) }
	}
	train := func(over map[string]string) func(*testing.T, *app) *httptest.ResponseRecorder {
		return func(t *testing.T, a *app) *httptest.ResponseRecorder {
			return a.postModelForm("/train", modelTrainValues(model.ID, over), false)
		}
	}
	build := func(body string) func(*testing.T, *app) *httptest.ResponseRecorder {
		return func(t *testing.T, a *app) *httptest.ResponseRecorder {
			req := httptest.NewRequest(http.MethodPost, corpusAPI+"/build", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			return a.do(withToken(req, a.tok))
		}
	}
	spectrumReq := func(body string) func(*testing.T, *app) *httptest.ResponseRecorder {
		return func(t *testing.T, a *app) *httptest.ResponseRecorder {
			return a.postSpectrum(corpusAPI+"/spectrum", body, false)
		}
	}
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")
	elf := append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00"), make([]byte, 64)...)
	latin1 := []byte("the first line\nthe second line\nun caf\xe9 noir\n")
	utf16 := func(bom []byte, le bool) []byte {
		b := append([]byte{}, bom...)
		for _, r := range "ice is solid\n" {
			if le {
				b = append(b, byte(r), 0)
			} else {
				b = append(b, 0, byte(r))
			}
		}
		return b
	}
	full := gzipOf(t, strings.NewReader(strings.Repeat("ice is solid and steam is a gas\n", 2000)))
	longName := strings.Repeat("n", 2000)

	cases := []badCase{
		// Uploads.
		{"empty file", upload("/corpora", "empty.txt", nil), 400, "The file is empty"},
		{"only punctuation", upload("/corpora", "p.txt", []byte("... !!! ???\n;;; ,,, -- «»\n")), 422, "no letters or digits"},
		{"PNG image", upload("/corpora", "x.png", png), 422, "does not look like a text file"},
		{"ELF binary", upload("/corpora", "a.out", elf), 422, "does not look like a text file"},
		{"invalid UTF-8 (Latin-1 byte on line 3)", upload("/corpora", "latin1.txt", latin1), 422, "line 3 has an invalid byte (0xE9"},
		{"UTF-16 LE with BOM", upload("/corpora", "u16le.txt", utf16([]byte{0xff, 0xfe}, true)), 422, "UTF-16"},
		{"UTF-16 BE with BOM", upload("/corpora", "u16be.txt", utf16([]byte{0xfe, 0xff}, false)), 422, "UTF-16"},
		{"gzip bomb: 1 GiB of zeros", func(t *testing.T, a *app) *httptest.ResponseRecorder {
			return a.upload(t, "/corpora", "", "bomb.gz", gzipMembers(t, io.LimitReader(zeros{}, 1<<20), 1024))
		}, 422, "does not look like a text file"},
		{"gzip bomb: text past 8× the upload limit", func(t *testing.T, a *app) *httptest.ResponseRecorder {
			return small.upload(t, "/corpora", "", "spaces.gz", gzipOf(t, repeatReader("ab ", 4<<20)))
		}, 413, "looks like a gzip bomb"},
		{"truncated gzip", upload("/corpora", "cut.txt.gz", full[:len(full)/2]), 422, "truncated or damaged"},
		{"gzip header only", upload("/corpora", "head.gz", full[:10]), 422, "truncated or damaged"},
		{"upload over the limit", func(t *testing.T, a *app) *httptest.ResponseRecorder {
			return small.upload(t, "/corpora", "", "big.txt", bytes.Repeat([]byte("word "), 20000))
		}, 413, "larger than the upload limit"},
		{"upload cut off half-way", func(t *testing.T, a *app) *httptest.ResponseRecorder {
			pr, pw := io.Pipe()
			mw := multipart.NewWriter(pw)
			go func() {
				fw, _ := mw.CreateFormFile("file", "half.txt")
				fw.Write(bytes.Repeat([]byte("half an upload "), 10000))
				pw.CloseWithError(io.ErrUnexpectedEOF)
			}()
			req := httptest.NewRequest(http.MethodPost, "/corpora?_csrf="+a.tok, pr)
			req.Header.Set("Content-Type", mw.FormDataContentType())
			return a.do(req)
		}, 400, "interrupted"},
		{"not a multipart upload", func(t *testing.T, a *app) *httptest.ResponseRecorder {
			req := httptest.NewRequest(http.MethodPost, "/corpora?_csrf="+a.tok, strings.NewReader("file=x"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			return a.do(req)
		}, 400, "Expected a file upload"},
		{"oversized name field", func(t *testing.T, a *app) *httptest.ResponseRecorder {
			return a.upload(t, "/corpora", longName, "x.txt", []byte("some words here\n"))
		}, 400, "at most 1024 bytes"},
		{"oversized form body", func(t *testing.T, a *app) *httptest.ResponseRecorder {
			return a.postModelForm("/train", url.Values{"corpus_id": {strings.Repeat("1", 2<<20)}}, false)
		}, 413, ""},
		{"vectors: ragged rows", upload("/vectors", "v.txt", []byte("a 1 2\nb 3\n")), 400, "line 2: 1 components where earlier lines have 2"},
		{"vectors: NaN value", upload("/vectors", "v.txt", []byte("a 1 2\nb NaN 3\n")), 400, "line 2: \"NaN\" is not a finite number"},
		{"vectors: header whose dimension lies", upload("/vectors", "v.txt", []byte("10 50\na 1 2 3\nb 4 5 6\n")), 400, "where the header says 50"},
		{"vectors: not numbers", upload("/vectors", "v.txt", []byte("a b c\n")), 400, "is not a number"},
		{"vectors: blank line between rows", upload("/vectors", "v.txt", []byte("a 1 2\n\nb 3 4\n")), 400, "line 2: blank line between vector rows"},
		{"vectors: hexadecimal value", upload("/vectors", "v.txt", []byte("a 1 2\nb 0x1p3 4\n")), 400, "is not a number"},
		{"vectors: binary file", upload("/vectors", "v.bin", elf), 400, "not a word-vector text file"},
		// Ratios and statistics.
		{"ratio with i = j", get(corpusAPI + "/ratio?i=water&j=water"), 422, "must be different"},
		{"ratio with a word not in the vocabulary", get(corpusAPI + "/ratio?i=water&j=zzzqqq"), 422, "not in this corpus"},
		{"ratio with no probes", get(corpusAPI + "/ratio?i=water&j=fire&probes="), 400, "probe"},
		{"non-numeric query parameter", get(corpusAPI + "/ratio?i=water&j=fire&top=many"), 400, "top"},
		// Build settings.
		{"window 0", build(`{"window":0}`), 400, "window"},
		{"negative window", build(`{"window":-3}`), 400, "window"},
		{"absurd window", build(`{"window":100000}`), 400, "window"},
		{"build settings of the wrong type", build(`{"window":"ten"}`), 400, "JSON object"},
		// Training.
		{"x_max 0", train(map[string]string{"x_max": "0"}), 400, "x_max"},
		{"negative alpha", train(map[string]string{"alpha": "-0.5"}), 400, "α"},
		{"eta NaN", train(map[string]string{"eta": "NaN"}), 400, "learning rate"},
		{"0 epochs", train(map[string]string{"epochs": "0"}), 400, "epochs"},
		{"vector size 0", train(map[string]string{"vector_size": "0"}), 400, "vector size"},
		{"vector size 100000", train(map[string]string{"vector_size": "100000"}), 400, "vector size"},
		{"non-numeric epochs", train(map[string]string{"epochs": "ten"}), 400, "epochs"},
		// Exploring.
		{"analogy with unknown words", get(vecAPI + "/analogy?a=king&b=qqqzzz&c=woman"), 422, "not in this vector set"},
		{"neighbours of an unknown word", get(vecAPI + "/neighbors?word=qqqzzz"), 422, "not in this vector set"},
		{"t-SNE with more points than the vector set", get(vecAPI + "/map?method=tsne&source=top&n=5000"), 400, "from 4 to 4,197"},
		{"perplexity ≥ N", get(vecAPI + "/map?method=tsne&source=words&words=king,queen,man,woman,paris,france&perplexity=30"), 400, "perplexity"},
		{"non-numeric perplexity", get(vecAPI + "/map?method=tsne&perplexity=abc"), 400, "perplexity"},
		{"unknown map method", get(vecAPI + "/map?method=lda"), 400, "pca, tsne, umap or axis"},
		{"t-SNE map started by a GET", get(vecAPI + "/map?method=tsne&source=words&words=king,queen,man,woman,paris,france,london,berlin&perplexity=2"), 405, "must be asked for with POST"},
		// Co-occurrence spectra (the demo's matrix has about 19,000 words).
		{"spectrum of an unbuilt corpus", func(t *testing.T, a *app) *httptest.ResponseRecorder {
			return small.postSpectrum(fmt.Sprintf("/api/corpora/%d/spectrum", demoCorpusID(t, small)), "top_n=100&k=10", false)
		}, 409, "has not been built yet"},
		{"spectrum with an unknown weighting", spectrumReq("matrix=svd"), 400, "must be counts, log (log(1 + X)) or ppmi, not “svd”"},
		{"spectrum with a non-numeric k", spectrumReq("top_n=100&k=many"), 400, "number of singular values k must be a whole number of at least 1; “many” is not"},
		{"spectrum with a non-numeric top-N", spectrumReq("top_n=all"), 400, "top-N) must be a whole number from 2 to 50,000"},
		{"spectrum with k > N", spectrumReq("top_n=100&k=200"), 400, "from 1 to 100 (the number of words N), not 200"},
		{"spectrum with k = 0", spectrumReq("top_n=100&k=0"), 400, "from 1 to 100"},
		{"spectrum over the top-N limit", spectrumReq("top_n=60000"), 422, "at most the 50,000 most frequent words, not 60,000"},
		{"spectrum fit range shorter than 3 ranks", spectrumReq("top_n=100&k=20&fit_from=5&fit_to=6"), 422, "fit range must be whole ranks"},
		{"spectrum fit range past k", spectrumReq("top_n=100&k=20&fit_to=50"), 422, "to ≤ k = 20"},
		{"spectrum fit from rank 0", spectrumReq("top_n=100&k=20&fit_from=0"), 422, "1 ≤ from"},
		{"spectrum non-numeric fit range", spectrumReq("top_n=100&k=20&fit_from=first"), 400, "first rank of the fit range must be a whole number of at least 1; “first” is not"},
		{"spectrum over the memory budget", spectrumReq("top_n=15000&k=15000"), 422, "more than the budget of 4 GiB"},
		{"spectrum settings of the wrong JSON type", spectrumReq(`{"k":"ten"}`), 400, "JSON object"},
		{"spectrum started by a GET", get(corpusAPI + "/spectrum?top_n=100&k=10"), 405, "must be asked for with POST"},
		// Ids and paths.
		{"unknown corpus id", get("/corpora/987654"), 404, "no corpus with id 987654"},
		{"unknown vector set id (API)", get("/api/vectors/987654"), 404, "987654"},
		{"non-numeric id", get("/corpora/abc"), 400, ""},
		{"unknown job id", get("/api/jobs/987654"), 404, ""},
		{"path traversal in a download", get(fmt.Sprintf("/vectors/%d/download/..%%2F..%%2Fcatalogue.db", setID)), 404, ""},
		{"path traversal in a plot name", get(fmt.Sprintf("/corpora/%d/plots/..%%2f..%%2fgo.mod", demoCorpus)), 404, ""},
		{"path traversal in static files", get("/static/..%2f..%2fgo.mod"), 404, ""},
		// Security.
		{"state change without a CSRF token", func(t *testing.T, a *app) *httptest.ResponseRecorder {
			req := httptest.NewRequest(http.MethodPost, fmt.Sprintf("/corpora/%d/delete", demoCorpus), nil)
			return a.do(req)
		}, 403, "security token"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := snapshot(t, a)
			rec := tc.send(t, a)
			if rec.Code != tc.wantCode {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.wantCode, clipBody(message(t, rec)))
			}
			if msg := message(t, rec); !strings.Contains(msg, tc.wantMsg) {
				t.Errorf("message %q lacks %q", clipBody(msg), tc.wantMsg)
			}
			// Refused training forms come back on the Train page, whose
			// explanation of η speaks of a NaN cost: that is no value.
			body := strings.ReplaceAll(rec.Body.String(), "if the cost becomes NaN, lower it", "")
			if strings.Contains(body, "NaN") && !strings.Contains(tc.name, "NaN") {
				t.Errorf("NaN shown to the user: %s", clipBody(rec.Body.String()))
			}
			intact(t, a, before)
			small.tmpEmpty(t)
		})
	}
	if len(cases) < 30 {
		t.Errorf("only %d bad-input cases", len(cases))
	}
}

// zeros is an endless stream of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func clipBody(s string) string {
	if len(s) > 400 {
		return s[:400] + "…"
	}
	return s
}

// TestInputThatIsValidIsKept covers inputs of the list that are in
// fact valid and must be accepted unchanged: CRLF line ends with a BOM, a
// single 200 MB line, duplicate words in a vector file, a vector file
// starting with a BOM, and two uploads with the same file name at once.
func TestInputThatIsValidIsKept(t *testing.T) {
	t.Parallel()
	a := newAppConfig(t, func(o *appOptions) { o.handlers.MaxUpload = 256 << 20 })

	t.Run("CRLF and BOM", func(t *testing.T) {
		x := a.modelUpload(t, "crlf", []byte("\ufeffice is solid\r\nsteam is gas\r\nice is cold\r\n"))
		a.modelBuild(t, x)
		rec := a.get(fmt.Sprintf("/api/corpora/%d/words?prefix=", x.ID))
		if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), `\r`) || strings.Contains(rec.Body.String(), "\ufeff") {
			t.Errorf("words %d %s", rec.Code, rec.Body)
		}
		if !strings.Contains(rec.Body.String(), `"ice"`) {
			t.Errorf("the first word lost its BOM-free form: %s", rec.Body)
		}
	})

	t.Run("a single 200 MB line", func(t *testing.T) {
		const size = 200 << 20
		rec := a.streamUpload(t, "/corpora", "oneline.txt", repeatReader("ice steam water gas solid ", size))
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("upload = %d: %s", rec.Code, clipBody(message(t, rec)))
		}
		id, _ := strconv.ParseInt(strings.TrimPrefix(rec.Header().Get("Location"), "/corpora/"), 10, 64)
		c, err := a.st.Corpus(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if c.Size != size {
			t.Errorf("stored %d bytes, want %d", c.Size, size)
		}
		a.tmpEmpty(t)
	})

	t.Run("duplicate words in a vector file", func(t *testing.T) {
		rec := a.upload(t, "/vectors", "dups", "dups.txt", []byte("a 1 0\nb 0 1\na 5 5\nc 1 1\n"))
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("upload = %d: %s", rec.Code, message(t, rec))
		}
		id, _ := strconv.ParseInt(strings.TrimPrefix(rec.Header().Get("Location"), "/vectors/"), 10, 64)
		// The first occurrence wins, as in gensim and the Stanford tools.
		rec = a.get(fmt.Sprintf("/api/vectors/%d/neighbors?word=a&n=2", id))
		var res struct {
			Results []struct {
				Word  string  `json:"word"`
				Score float64 `json:"score"`
			} `json:"results"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil || len(res.Results) != 2 {
			t.Fatalf("neighbours %d %s", rec.Code, rec.Body)
		}
		// a = (1, 0): b and c are at cosine 0 and 0.707.
		if got := res.Results[0]; got.Word != "c" || got.Score < 0.70 || got.Score > 0.71 {
			t.Errorf("nearest to a: %+v, want c at 0.707 (the first a)", got)
		}
	})

	t.Run("a vector file starting with a BOM", func(t *testing.T) {
		// The BOM must neither hide the word2vec header from the upload
		// check nor join the first word when the set is loaded.
		rec := a.upload(t, "/vectors", "bom", "bom.txt", []byte("\ufeff3 2\na 1 0\nb 0 1\nc 1 1\n"))
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("upload = %d: %s", rec.Code, message(t, rec))
		}
		id, _ := strconv.ParseInt(strings.TrimPrefix(rec.Header().Get("Location"), "/vectors/"), 10, 64)
		v, err := a.st.VectorSet(context.Background(), id)
		if err != nil || v.Count != 3 || v.Dim != 2 {
			t.Fatalf("stored %+v, %v; want 3 vectors of 2", v, err)
		}
		rec = a.get(fmt.Sprintf("/api/vectors/%d/neighbors?word=a&n=1", id))
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"word":"c"`) {
			t.Errorf("neighbours of a: %d %s", rec.Code, rec.Body)
		}
	})

	t.Run("two uploads of the same name at once", func(t *testing.T) {
		contents := [][]byte{[]byte("first version of the corpus\n"), []byte("second version of the corpus\n")}
		locs := make([]string, 2)
		var wg sync.WaitGroup
		for i := range contents {
			wg.Go(func() {
				rec := a.upload(t, "/corpora", "", "same.txt", contents[i])
				if rec.Code == http.StatusSeeOther {
					locs[i] = rec.Header().Get("Location")
				}
			})
		}
		wg.Wait()
		if locs[0] == "" || locs[1] == "" || locs[0] == locs[1] {
			t.Fatalf("locations %q", locs)
		}
		for i, loc := range locs {
			id, _ := strconv.ParseInt(strings.TrimPrefix(loc, "/corpora/"), 10, 64)
			c, err := a.st.Corpus(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(c.Path)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(contents[i])
			if !bytes.Equal(b, contents[i]) || c.SHA256 != hex.EncodeToString(sum[:]) {
				t.Errorf("upload %d stored %q", i, b)
			}
		}
		a.tmpEmpty(t)
	})
}

// TestBadInputInJobs covers bad input that only a build can find: the job
// fails with a message saying what to change, and nothing else changes.
func TestBadInputInJobs(t *testing.T) {
	t.Parallel()
	a := newApp(t, 0)
	before := snapshot(t, a)
	var b strings.Builder
	for i := range 1_000_000 {
		fmt.Fprintf(&b, "w%d ", i)
		if i%20 == 19 {
			b.WriteByte('\n')
		}
	}
	x := a.modelUpload(t, "a million distinct words", []byte(b.String()))
	info := a.buildByAPI(t, x.ID, `{"min_count":5}`)
	if info.Status != store.JobFailed || !strings.Contains(info.Error, "No word occurs at least 5 times") {
		t.Errorf("job %s %q", info.Status, info.Error)
	}
	// The corpus page explains it, and the rest is intact.
	if got := mainText(t, a.get(fmt.Sprintf("/corpora/%d", x.ID))); !strings.Contains(got, "Lower the minimum count") {
		t.Errorf("corpus page does not explain the failed build: %q", clipBody(got))
	}
	intact(t, a, before)
}
