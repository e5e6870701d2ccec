package handlers_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/demo"
)

// vietnameseDemo returns the id of the Vietnamese demo corpus.
func (a *app) vietnameseDemo(t *testing.T) int64 {
	t.Helper()
	cs, err := a.st.Corpora(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if demo.Vietnamese(c.SHA256) {
			return c.ID
		}
	}
	t.Fatal("the Vietnamese demo corpus is not in the catalogue")
	return 0
}

// phrasesForm is the build form with tokens: phrases and the defaults.
var phrasesForm = url.Values{"tokenizer": {"words"}, "window": {"10"}, "symmetric": {"1"}, "distance_weighting": {"1"},
	"min_count": {"5"}, "max_vocab": {"0"}, "tokens": {"phrases"}, "phrase_passes": {"2"}, "phrase_min_count": {"5"},
	"phrase_threshold": {"0.5"}}

// TestVietnamesePhrasesOnTheWeb builds the Vietnamese demo corpus with
// phrases through the corpus page's form, then reads the phrases on the
// page, in JSON and as CSV, and finds the compounds on the ratio page
// (its preset) and the word page like any token.
func TestVietnamesePhrasesOnTheWeb(t *testing.T) {
	a := newApp(t, 0)
	id := a.vietnameseDemo(t)
	page := fmt.Sprintf("/corpora/%d", id)
	if rec := a.postForm(page+"/build", phrasesForm); rec.Code != http.StatusSeeOther {
		t.Fatalf("build = %d: %s", rec.Code, rec.Body)
	}
	a.waitJobs(t)

	rec := a.get(page)
	if rec.Code != http.StatusOK {
		t.Fatalf("corpus page = %d", rec.Code)
	}
	doc := parse(t, rec.Body.String())
	card := find(doc, "section", "phrases")
	if card == nil {
		t.Fatal("no phrase card on the corpus page of a phrases build")
	}
	if rows := findAll(card, "tr"); len(rows) != 201 { // header + the best 200
		t.Errorf("phrase table has %d rows, want 201", len(rows))
	}
	stats := text(find(doc, "section", "stats"))
	for _, want := range []string{"lines changed by NFC normalisation", "phrases learned", "tokens: phrases (2 passes"} {
		if !strings.Contains(stats, want) {
			t.Errorf("statistics card lacks %q: %s", want, stats)
		}
	}
	if a := find(doc, "a", "ratio-example"); a == nil || !strings.Contains(attr(a, "href"), "i="+url.QueryEscape("hàng")) {
		t.Errorf("no link to the hàng/cột example on the corpus page")
	}

	// A search typed with a space finds the phrase token.
	rec = a.get(page + "?phrase=" + url.QueryEscape("Văn bản"))
	rows := findAll(find(parse(t, rec.Body.String()), "section", "phrases"), "tr")
	if len(rows) < 2 {
		t.Fatalf("search for “Văn bản”: %d rows", len(rows))
	}
	for _, r := range rows[1:] {
		if cell := text(findAll(r, "td")[1]); !strings.Contains(cell, "văn_bản") {
			t.Errorf("search for “Văn bản” lists %q", cell)
		}
	}

	// The JSON twin.
	var got struct {
		Tokens           string `json:"tokens"`
		Total, Matched   int
		Passes, MinCount int
		Phrases          []struct {
			Phrase string
			Count  int64
			Score  float64
			Pass   int
		}
	}
	rec = a.get(fmt.Sprintf("/api/corpora/%d/phrases?q=%s&n=3", id, url.QueryEscape("cơ sở")))
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != http.StatusOK {
		t.Fatalf("api = %d, %v: %s", rec.Code, err, rec.Body)
	}
	if got.Tokens != "phrases" || got.Total < 500 || got.Matched < 2 || len(got.Phrases) != min(3, got.Matched) || got.Passes != 2 {
		t.Errorf("api: %+v", got)
	}
	for n, p := range got.Phrases {
		if !strings.Contains(p.Phrase, "cơ_sở") || p.Count < 5 || p.Score <= 0.5 || p.Score > 1 {
			t.Errorf("api phrase %+v", p)
		}
		if n > 0 && p.Score > got.Phrases[n-1].Score {
			t.Errorf("api phrases not best first: %v", got.Phrases)
		}
	}

	// Every phrase as CSV, through the downloads convention.
	rec = a.get(page + "/download/phrases.csv")
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Disposition"), `attachment; filename="gloveboard-libreoffice-help-vietnamese-demo-phrases.csv"`) {
		t.Fatalf("csv = %d, %q", rec.Code, rec.Header().Get("Content-Disposition"))
	}
	records, err := csv.NewReader(rec.Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != got.Total+1 || strings.Join(records[0], ",") != "phrase,count,score,pass" {
		t.Errorf("csv: %d records (want %d), header %v", len(records), got.Total+1, records[0])
	}

	// The statistics in JSON count the normalised lines.
	var st struct {
		NormalizedLines int64 `json:"normalized_lines"`
		Phrases         int   `json:"phrases"`
		Settings        struct {
			Tokens string `json:"tokens"`
		} `json:"settings"`
	}
	rec = a.get(fmt.Sprintf("/api/corpora/%d/stats", id))
	if err := json.Unmarshal(rec.Body.Bytes(), &st); err != nil || st.NormalizedLines == 0 || st.Phrases != got.Total || st.Settings.Tokens != "phrases" {
		t.Errorf("stats: %+v, %v", st, err)
	}

	// The preset ratio page, by its link and as the page's default.
	p := demo.VietnamesePreset
	for _, path := range []string{
		fmt.Sprintf("%s/ratio?i=%s&j=%s&probes=%s", page, url.QueryEscape(p.I), url.QueryEscape(p.J), url.QueryEscape(strings.Join(p.Probes, ","))),
		page + "/ratio",
	} {
		rec = a.get(path)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s = %d", path, rec.Code)
		}
		main := mainText(t, rec)
		for _, w := range append([]string{p.I, p.J}, p.Probes...) {
			if !strings.Contains(main, w) {
				t.Errorf("%s: the ratio page lacks %q", path, w)
			}
		}
	}
	// A phrase typed with a space is the phrase token on the ratio page.
	rec = a.get(page + "/ratio?i=" + url.QueryEscape("văn bản") + "&j=" + url.QueryEscape("bảng tính"))
	if rec.Code != http.StatusOK || !strings.Contains(mainText(t, rec), "văn_bản") {
		t.Errorf("ratio of “văn bản” and “bảng tính” = %d", rec.Code)
	}
	rec = a.get(page + "/words/" + url.PathEscape("văn_bản"))
	if rec.Code != http.StatusOK {
		t.Errorf("word page of văn_bản = %d", rec.Code)
	}

	// Training sees the phrase tokens: the trained vectors have văn_bản.
	runID, _ := a.startRunByAPI(t, fmt.Sprintf(`{"corpus_id": %d, "vector_size": 8, "epochs": 2, "threads": 1}`, id))
	a.waitJobs(t)
	run, err := a.svc.Run(context.Background(), runID)
	if err != nil || run.Results.VectorSetID == 0 {
		t.Fatalf("run %d: %+v, %v", runID, run.Results, err)
	}
	v, err := a.st.VectorSet(context.Background(), run.Results.VectorSetID)
	if err != nil {
		t.Fatal(err)
	}
	set, err := a.svc.VectorSet(context.Background(), v)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := set.Index("văn_bản"); !ok {
		t.Error("the vectors trained on the phrases build have no văn_bản")
	}

	// The home page links both examples.
	ex := find(parse(t, a.get("/").Body.String()), "p", "ratio-examples")
	if ex == nil || !strings.Contains(text(ex), "hàng / cột") || !strings.Contains(text(ex), "ice / steam") {
		t.Errorf("home page examples: %v", ex != nil)
	}
}

// TestPhraseBadInput: refused phrase settings, searches and downloads
// get a 4xx with a message.
func TestPhraseBadInput(t *testing.T) {
	a, page := builtCorpus(t) // built by syllables
	for _, tt := range []struct {
		field, value, want string
	}{
		{"tokens", "letters", "tokens setting"},
		{"phrase_passes", "0", "phrase passes"},
		{"phrase_passes", "9", "phrase passes"},
		{"phrase_min_count", "-1", "phrase minimum count"},
		{"phrase_threshold", "1.5", "phrase threshold"},
		{"phrase_threshold", "NaN", "phrase threshold"},
	} {
		form := url.Values{}
		for k, v := range phrasesForm {
			form[k] = v
		}
		form.Set(tt.field, tt.value)
		rec := a.postForm(page+"/build", form)
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), tt.want) {
			t.Errorf("%s=%s: %d, want 400 naming %q", tt.field, tt.value, rec.Code, tt.want)
		}
	}
	req := httptest.NewRequest(http.MethodPost, "/api"+page+"/build", strings.NewReader(`{"tokens":"phrases","phrase_passes":0}`))
	req.Header.Set("Content-Type", "application/json")
	rec := a.do(withToken(req, a.tok))
	if rec.Code != http.StatusBadRequest {
		t.Errorf("api build with 0 passes = %d", rec.Code)
	}
	for _, tt := range []struct {
		path string
		code int
	}{
		{page + "/download/phrases.csv", http.StatusNotFound}, // built by syllables
		{page + "/download/passwords.csv", http.StatusNotFound},
		{"/api" + page + "/phrases?n=0", http.StatusBadRequest},
		{"/api" + page + "/phrases?n=abc", http.StatusBadRequest},
		{"/api" + page + "/phrases?q=" + strings.Repeat("a", 401), http.StatusBadRequest},
		{"/api/corpora/999/phrases", http.StatusNotFound},
	} {
		if rec := a.get(tt.path); rec.Code != tt.code {
			t.Errorf("%s = %d, want %d", tt.path, rec.Code, tt.code)
		}
	}
	// A syllables build answers the JSON twin with no phrases.
	rec = a.get("/api" + page + "/phrases")
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"tokens":"syllables"`) || !strings.Contains(rec.Body.String(), `"phrases":[]`) {
		t.Errorf("phrases of a syllables build = %d: %s", rec.Code, rec.Body)
	}
}
