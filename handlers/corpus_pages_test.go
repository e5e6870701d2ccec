package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
)

// xssWord is a corpus token that must never reach a page as markup.
const xssWord = "<script>alert(1)</script>"

// ratioCorpus is a small corpus where ice goes with solid, steam with gas,
// both with water and neither much with fashion, plus a Zipf-like filler
// so that the power-law fit has a tail, and a hostile token.
func ratioCorpus() []byte {
	var b strings.Builder
	for n := 0; n < 30; n++ {
		b.WriteString("ice is solid and cold water\n")
		b.WriteString("steam is a hot gas from water\n")
		b.WriteString("the ice and the steam are water\n")
	}
	b.WriteString("ice fashion\n")
	for n := 0; n < 6; n++ {
		b.WriteString(xssWord + " near ice\n")
	}
	for r := 0; r < 300; r++ {
		for k := 0; k < 600/(r+1)+1; k++ {
			fmt.Fprintf(&b, "w%d ", r)
			if k%8 == 7 {
				b.WriteByte('\n')
			}
		}
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// buildSettings is the form the tests submit: whitespace tokens keep the
// hostile token intact.
var buildSettings = url.Values{"tokenizer": {"whitespace"}, "window": {"5"}, "symmetric": {"1"},
	"distance_weighting": {"1"}, "min_count": {"1"}, "max_vocab": {"0"}}

func (a *app) postForm(path string, form url.Values) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, path+"?_csrf="+url.QueryEscape(a.tok), strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return a.do(req)
}

// waitBuilds waits until no job is active.
func (a *app) waitJobs(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	list, err := a.jobs.List(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range list {
		info, err := a.jobs.Wait(ctx, j.ID)
		if err != nil {
			t.Fatal(err)
		}
		if info.Status != store.JobDone && info.Status != store.JobCancelled {
			t.Fatalf("job %d %s: %s", info.ID, info.Status, info.Error)
		}
	}
}

// builtCorpus uploads ratioCorpus and builds it through the page's form.
func builtCorpus(t *testing.T) (*app, string) {
	t.Helper()
	a := newApp(t, 0)
	rec := a.upload(t, "/corpora", "ratios", "ratios.txt", ratioCorpus())
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("upload = %d", rec.Code)
	}
	page := rec.Header().Get("Location")
	if rec := a.postForm(page+"/build", buildSettings); rec.Code != http.StatusSeeOther {
		t.Fatalf("build = %d: %s", rec.Code, rec.Body)
	}
	a.waitJobs(t)
	return a, page
}

func mainText(t *testing.T, rec *httptest.ResponseRecorder) string {
	t.Helper()
	return text(find(parse(t, rec.Body.String()), "main", ""))
}

func TestCorpusPageBeforeAndAfterBuild(t *testing.T) {
	a := newApp(t, 0)
	rec := a.upload(t, "/corpora", "ratios", "ratios.txt", ratioCorpus())
	page := rec.Header().Get("Location")

	// Not built: a call to action with the settings form, not an error.
	rec = a.get(page)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s = %d", page, rec.Code)
	}
	doc := parse(t, rec.Body.String())
	if got := text(find(doc, "section", "build")); !strings.Contains(got, "has not been built yet") || !strings.Contains(got, "Build co-occurrences") {
		t.Errorf("build section %q", got)
	}
	form := find(find(doc, "section", "build"), "form", "")
	checkFormToken(t, form, page+"/build#build", a.tok)
	// Pages that need the build say so with 409.
	for _, p := range []string{page + "/ratio", "/api" + page + "/stats", page + "/plots/zipf.png"} {
		if rec := a.get(p); rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), "not been built yet") {
			t.Errorf("GET %s before build = %d: %.200s", p, rec.Code, rec.Body)
		}
	}

	// Bad settings are refused up front with a clear message.
	bad := []struct {
		field, value, want string
	}{
		{"window", "0", "window must be a whole number from 1 to 255"},
		{"window", "abc", "window must be a whole number from 1 to 255"},
		{"window", "300", "from 1 to 255"},
		{"min_count", "0", "minimum count must be a whole number from 1 to"},
		{"max_vocab", "-3", "maximum vocabulary"},
		{"tokenizer", "bytes", "“words” or “whitespace”"},
	}
	for _, tc := range bad {
		f := url.Values{}
		for k, v := range buildSettings {
			f[k] = v
		}
		f.Set(tc.field, tc.value)
		rec := a.postForm(page+"/build", f)
		if rec.Code != http.StatusBadRequest || !strings.Contains(mainText(t, rec), tc.want) {
			t.Errorf("%s=%s: %d %q", tc.field, tc.value, rec.Code, mainText(t, rec))
		}
	}
	// Without the CSRF token nothing is built.
	req := httptest.NewRequest(http.MethodPost, page+"/build", strings.NewReader(buildSettings.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if rec := a.do(req); rec.Code != http.StatusForbidden {
		t.Errorf("build without CSRF token = %d", rec.Code)
	}
	if rec := a.postForm("/corpora/999/build", buildSettings); rec.Code != http.StatusNotFound {
		t.Errorf("build of unknown corpus = %d", rec.Code)
	}

	if rec := a.postForm(page+"/build", buildSettings); rec.Code != http.StatusSeeOther {
		t.Fatalf("build = %d: %s", rec.Code, rec.Body)
	}
	a.waitJobs(t)
	// The status fragment reports the end and asks htmx to reload.
	sreq := httptest.NewRequest(http.MethodGet, page+"/build-status", nil)
	sreq.Header.Set("HX-Request", "true")
	if rec := a.do(sreq); rec.Code != http.StatusOK || rec.Header().Get("HX-Refresh") != "true" || !strings.Contains(rec.Body.String(), "done") {
		t.Errorf("build-status = %d, HX-Refresh %q: %s", rec.Code, rec.Header().Get("HX-Refresh"), rec.Body)
	}

	rec = a.get(page)
	doc = parse(t, rec.Body.String())
	stats := text(find(doc, "section", "stats"))
	for _, want := range []string{"tokens", "types", "lines", "vocabulary kept", "H(W)", "bits", "I(W;C)", "nonzero", "ΣX", "tokenizer whitespace, window 5", "Probability ratios"} {
		if !strings.Contains(stats, want) {
			t.Errorf("stats section lacks %q: %q", want, stats)
		}
	}
	zipf := find(doc, "section", "zipf")
	ztext := text(zipf)
	for _, want := range []string{"α", "±", "x min", "Tail size", "KS distance", "Rank exponent", "descriptive only"} {
		if !strings.Contains(ztext, want) {
			t.Errorf("zipf section lacks %q: %q", want, ztext)
		}
	}
	if img := find(zipf, "img", ""); img == nil || attr(img, "src") != page+"/plots/zipf?format=svg&view=page" {
		t.Errorf("zipf image %v", img)
	}
	var links []string
	for _, l := range findAll(zipf, "a") {
		links = append(links, attr(l, "href"))
	}
	if z := page + "/plots/zipf?format="; strings.Join(links, " ") != z+"png&download=1 "+z+"svg&download=1 "+z+"csv&download=1" {
		t.Errorf("zipf downloads %q", links)
	}
	// Home shows the headline numbers now.
	if home := text(find(parse(t, a.get("/").Body.String()), "section", "corpora")); strings.Count(home, "not built yet") != demoCorpora {
		t.Errorf("home corpora %q: want only the demo corpora unbuilt", home)
	}

	// PMI partners.
	rec = a.get(page + "?pmi=ICE")
	if rec.Code != http.StatusOK {
		t.Fatalf("pmi = %d", rec.Code)
	}
	pmi := find(parse(t, rec.Body.String()), "section", "pmi")
	rows := findAll(find(pmi, "tbody", ""), "tr")
	if len(rows) == 0 {
		t.Fatalf("no PMI rows: %q", text(pmi))
	}
	rec = a.get(page + "?pmi=zebra")
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(text(find(parse(t, rec.Body.String()), "section", "pmi")), "“zebra” is not in this corpus's vocabulary") {
		t.Errorf("unknown PMI word: %d %q", rec.Code, mainText(t, rec))
	}
	// Rebuilding while a build runs is refused.
	cid, _ := strconv.ParseInt(strings.TrimPrefix(page, "/corpora/"), 10, 64)
	if _, err := a.jobs.Submit("build-corpus", cid, func(ctx context.Context, _ jobs.Run) error { <-ctx.Done(); return ctx.Err() }); err == nil {
		rec := a.postForm(page+"/build", buildSettings)
		if rec.Code != http.StatusConflict || !strings.Contains(mainText(t, rec), "already being built") {
			t.Errorf("second build = %d %q", rec.Code, mainText(t, rec))
		}
		list, _ := a.jobs.List(context.Background(), 1)
		a.jobs.Cancel(context.Background(), list[0].ID)
	}
}

func TestRatioPage(t *testing.T) {
	a, page := builtCorpus(t)
	rec := a.get(page + "/ratio")
	if rec.Code != http.StatusOK {
		t.Fatalf("GET ratio = %d: %s", rec.Code, mainText(t, rec))
	}
	doc := parse(t, rec.Body.String())
	if v := attr(find(doc, "input", "r-i"), "value"); v != "ice" {
		t.Errorf("default i = %q", v)
	}
	if v := attr(find(doc, "input", "r-probes"), "value"); v != "solid,gas,water,fashion" {
		t.Errorf("default probes = %q", v)
	}
	table := find(doc, "table", "ratio-table")
	if table == nil {
		t.Fatal("no ratio table")
	}
	var heads []string
	for _, th := range findAll(find(table, "thead", ""), "th")[1:] {
		heads = append(heads, attr(th, "data-k"))
	}
	if strings.Join(heads, ",") != "solid,gas,water,fashion" {
		t.Errorf("columns %q", heads)
	}
	rows := findAll(find(table, "tbody", ""), "tr")
	if len(rows) != 5 {
		t.Fatalf("%d rows", len(rows))
	}
	ratios := findAll(rows[2], "td")
	// solid: only with ice → ∞; gas: only with steam → 0; water: finite.
	want := []string{"∞", "0", "", ""}
	for n, td := range ratios {
		got := text(td)
		if want[n] != "" && got != want[n] {
			t.Errorf("ratio %s = %q, want %q", heads[n], got, want[n])
		}
		if strings.Contains(got, "NaN") {
			t.Errorf("NaN on screen: %q", got)
		}
	}
	if _, err := strconv.ParseFloat(text(ratios[2]), 64); err != nil {
		t.Errorf("water ratio %q is not a number", text(ratios[2]))
	}
	// fashion occurs once with ice: thin, flagged and explained.
	if !strings.Contains(attr(ratios[3], "class"), "thin") || !strings.Contains(text(doc), "read them with care") {
		t.Errorf("thin column not flagged: class %q", attr(ratios[3], "class"))
	}
	if img := find(find(doc, "section", "ratio"), "img", ""); img == nil || !strings.HasPrefix(attr(img, "src"), page+"/plots/ratio?") || !strings.HasSuffix(attr(img, "src"), "&format=svg&view=page") {
		t.Errorf("ratio image %v", img)
	}
	if find(doc, "div", "largest") == nil || find(doc, "div", "smallest") == nil {
		t.Error("no discovered-word lists")
	}
	// The totals say how pairs were counted: 1/d here, plain counts after a
	// rebuild without distance weighting.
	if got := text(find(doc, "section", "ratio")); !strings.Contains(got, "each weighted 1/d by its distance d") {
		t.Errorf("weighted build: the totals do not say 1/d: %q", got)
	}
	plain := url.Values{}
	for k, v := range buildSettings {
		plain[k] = v
	}
	plain.Del("distance_weighting")
	if rec := a.postForm(page+"/build", plain); rec.Code != http.StatusSeeOther {
		t.Fatalf("rebuild = %d: %s", rec.Code, rec.Body)
	}
	a.waitJobs(t)
	if got := text(find(parse(t, a.get(page+"/ratio").Body.String()), "section", "ratio")); !strings.Contains(got, "each pair in the window counted once") || strings.Contains(got, "1/d") {
		t.Errorf("unweighted build: %q", got)
	}

	// Unknown probes are listed, the hostile token is escaped.
	rec = a.get(page + "/ratio?i=ice&j=steam&probes=" + url.QueryEscape("solid,zzzz,"+xssWord))
	body := rec.Body.String()
	if rec.Code != http.StatusOK {
		t.Fatalf("ratio with odd probes = %d: %s", rec.Code, mainText(t, rec))
	}
	if strings.Contains(body, xssWord) || !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the hostile token is not escaped in the table")
	}
	if got := text(find(parse(t, body), "main", "")); !strings.Contains(got, "Not in this corpus's vocabulary (skipped): zzzz") {
		t.Errorf("unknown probe not listed: %q", got)
	}

	bad := []struct {
		query  string
		status int
		want   string
	}{
		{"i=ice&j=ice", http.StatusUnprocessableEntity, "must be different"},
		{"i=ice&j=zebra", http.StatusUnprocessableEntity, "“zebra” is not in this corpus's vocabulary"},
		{"i=ice&j=steem", http.StatusUnprocessableEntity, "Words it has that start with “ste”: steam."},
		{"i=ice&j=steam&probes=", http.StatusBadRequest, "at least one probe word"},
		{"i=ice&j=steam&probes=,%20,", http.StatusBadRequest, "at least one probe word"},
		{"i=ice&j=steam&smoothing=abc", http.StatusBadRequest, "The smoothing λ (smoothing) must be a number"},
		{"i=ice&j=steam&smoothing=NaN", http.StatusBadRequest, "The smoothing λ (smoothing) must be a number"},
		{"i=ice&j=steam&thin=-1", http.StatusBadRequest, "The thin-evidence threshold (thin) must be a number"},
		{"i=ice&j=steam&top=1e9", http.StatusBadRequest, "The number of discovered words on each side (top) must be a whole number"},
		{"i=ice&j=steam&min_evidence=inf", http.StatusBadRequest, "The minimum evidence (min_evidence) must be a number"},
		{"i=ice", http.StatusBadRequest, "Give both words"},
	}
	for _, tc := range bad {
		rec := a.get(page + "/ratio?" + tc.query)
		got := mainText(t, rec)
		if rec.Code != tc.status || !strings.Contains(got, tc.want) {
			t.Errorf("%s: %d %q", tc.query, rec.Code, got)
		}
		// The form stays, so the user can correct it.
		if find(parse(t, rec.Body.String()), "input", "r-i") == nil {
			t.Errorf("%s: no form on the error page", tc.query)
		}
	}
	for _, p := range []string{"/corpora/999/ratio", "/corpora/999/words", "/api/corpora/999/ratio", "/api/corpora/999/stats"} {
		if rec := a.get(p); rec.Code != http.StatusNotFound {
			t.Errorf("%s = %d", p, rec.Code)
		}
	}
	if rec := a.get("/corpora/abc/ratio"); rec.Code != http.StatusBadRequest {
		t.Errorf("bad id = %d", rec.Code)
	}
}

func TestWordsAutocomplete(t *testing.T) {
	a, page := builtCorpus(t)
	var got struct {
		Words []struct {
			Word  string
			Count int64
		}
	}
	rec := a.get(page + "/words?prefix=w1&limit=3")
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != http.StatusOK {
		t.Fatalf("words = %d %s", rec.Code, rec.Body)
	}
	if len(got.Words) != 3 || got.Words[0].Word != "w1" || got.Words[0].Count < got.Words[1].Count {
		t.Errorf("words %+v", got.Words)
	}
	rec = a.get(page + "/words?prefix=" + url.QueryEscape("<scr"))
	if strings.Contains(rec.Body.String(), "<script>") || !strings.Contains(rec.Body.String(), `\u003cscript\u003ealert(1)\u003c/script\u003e`) {
		t.Errorf("hostile word not escaped in JSON: %s", rec.Body)
	}
	if rec := a.get(page + "/words?prefix=a&limit=x"); rec.Code != http.StatusBadRequest {
		t.Errorf("limit=x = %d", rec.Code)
	}
	// The inputs on the ratio page are wired to the endpoint.
	doc := parse(t, a.get(page+"/ratio").Body.String())
	if in := find(doc, "input", "r-j"); attr(in, "data-words-url") != page+"/words" || attr(in, "list") != "r-j-words" {
		t.Errorf("input j not wired for suggestions")
	}
}

func TestCorpusPlots(t *testing.T) {
	a, page := builtCorpus(t)
	// The addresses of every plot (?format=, ?download=1), and the older
	// ones with an extension, which are always downloads.
	owner := "ratios"
	tests := []struct {
		path, ctype, disposition, file string
	}{
		{"/plots/zipf?format=png", "image/png", "inline", "gloveboard-" + owner + "-zipf.png"},
		{"/plots/zipf?format=svg&download=1", "image/svg+xml", "attachment", "gloveboard-" + owner + "-zipf.svg"},
		{"/plots/ratio?i=ice&j=steam&format=csv&download=1", "text/csv; charset=utf-8", "attachment", "gloveboard-" + owner + "-ratio-ice-steam.csv"},
		{"/plots/zipf.png", "image/png", "attachment", "gloveboard-" + owner + "-zipf.png"},
		{"/plots/zipf.svg", "image/svg+xml", "attachment", "gloveboard-" + owner + "-zipf.svg"},
		{"/plots/zipf.csv", "text/csv; charset=utf-8", "attachment", "gloveboard-" + owner + "-zipf.csv"},
		{"/plots/ratio.png?i=ice&j=steam", "image/png", "attachment", "gloveboard-" + owner + "-ratio-ice-steam.png"},
		{"/plots/ratio.svg?i=ice&j=steam&probes=solid,gas", "image/svg+xml", "attachment", "gloveboard-" + owner + "-ratio-ice-steam.svg"},
		{"/plots/ratio.csv", "text/csv; charset=utf-8", "attachment", "gloveboard-" + owner + "-ratio-ice-steam.csv"},
		// A word with markup keeps only its safe characters, and a hash of
		// the whole word so that names stay distinct.
		{"/plots/ratio.png?i=" + url.QueryEscape(xssWord) + "&j=ice", "image/png", "attachment", "gloveboard-" + owner + "-ratio-script-alert-1-script-*-ice.png"},
	}
	for _, tc := range tests {
		rec := a.get(page + tc.path)
		if rec.Code != http.StatusOK {
			t.Errorf("%s = %d: %s", tc.path, rec.Code, rec.Body)
			continue
		}
		if ct := rec.Header().Get("Content-Type"); ct != tc.ctype {
			t.Errorf("%s: Content-Type %q", tc.path, ct)
		}
		want := tc.disposition + `; filename="` + tc.file + `"`
		if cd := rec.Header().Get("Content-Disposition"); !matchName(want, cd) {
			t.Errorf("%s: Content-Disposition %q, want %s", tc.path, cd, want)
		}
		if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
			t.Errorf("%s: Cache-Control %q", tc.path, cc)
		}
		if tc.ctype == "image/png" {
			img, err := png.Decode(bytes.NewReader(rec.Body.Bytes()))
			if err != nil || img.Bounds().Dx() != 960 || img.Bounds().Dy() != 720 {
				t.Errorf("%s: PNG %v, %v", tc.path, img.Bounds(), err)
			}
		}
	}
	csvBody := a.get(page + "/plots/ratio.csv?probes=solid,gas").Body.String()
	if !strings.HasPrefix(csvBody, "section,i,j,k,in_vocab,x_ik,x_jk,p_ik,p_jk,ratio,ratio_kind,thin\nprobe,ice,steam,solid,true,") {
		t.Errorf("ratio CSV %.200q", csvBody)
	}
	if c := a.get(page + "/plots/ratio.csv?probes=" + url.QueryEscape("=cmd,solid")).Body.String(); !strings.Contains(c, ",'=cmd,false,") {
		t.Errorf("a formula-like word is not neutralised in the CSV: %.300q", c)
	}
	if z := a.get(page + "/plots/zipf.csv").Body.String(); !strings.HasPrefix(z, "rank,word,frequency\n1,") {
		t.Errorf("zipf CSV %.100q", z)
	}
	// The hostile token is escaped in the SVG, and its CSV cell cannot
	// act as a formula.
	svg := a.get(page + "/plots/ratio.svg?i=ice&j=steam&probes=" + url.QueryEscape(xssWord+",solid")).Body.String()
	if strings.Contains(svg, "<script") || !strings.Contains(svg, "&lt;script&gt;") {
		t.Error("the hostile token is not escaped in the SVG")
	}
	for _, p := range []string{"/plots/zipf.gif", "/plots/other.png", "/plots/other", "/plots/zipf."} {
		if rec := a.get(page + p); rec.Code != http.StatusNotFound {
			t.Errorf("%s = %d", p, rec.Code)
		}
	}
	if rec := a.get(page + "/plots/ratio.png?i=ice&j=ice"); rec.Code != http.StatusUnprocessableEntity {
		t.Errorf("ratio plot i=j: %d", rec.Code)
	}
	if rec := a.get(page + "/plots/ratio.png?i=ice&j=steam&probes=zzzz"); rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "nothing to plot") {
		t.Errorf("ratio plot without known probes: %d", rec.Code)
	}
}

// matchName reports whether got is want, where a '*' in want stands for
// six hex digits (the hash a lossy file-name part gets).
func matchName(want, got string) bool {
	got, _, _ = strings.Cut(got, "; filename*=") // the UTF-8 twin: TestDownloadName
	before, after, ok := strings.Cut(want, "*")
	if !ok {
		return got == want
	}
	if !strings.HasPrefix(got, before) || !strings.HasSuffix(got, after) || len(got) != len(before)+6+len(after) {
		return false
	}
	for _, r := range got[len(before) : len(before)+6] {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return false
		}
	}
	return true
}

func TestCorpusAPI(t *testing.T) {
	a, page := builtCorpus(t)
	api := "/api" + page
	getJSON := func(path string, status int, v any) {
		t.Helper()
		rec := a.get(path)
		if rec.Code != status {
			t.Errorf("GET %s = %d: %s", path, rec.Code, rec.Body)
			return
		}
		if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
			t.Errorf("GET %s: %v", path, err)
		}
	}
	var stats map[string]any
	getJSON(api+"/stats", http.StatusOK, &stats)
	for _, k := range []string{"tokens", "types", "lines", "vocab_size", "nnz", "sum_x", "entropy_bits", "mutual_information_bits", "settings", "built"} {
		if _, ok := stats[k]; !ok {
			t.Errorf("stats lack %q", k)
		}
	}
	var rt struct {
		I, J          string
		XI            float64 `json:"x_i"`
		Rows, Largest []map[string]any
	}
	getJSON(api+"/ratio?i=ice&j=steam&probes=solid,gas,zzzz", http.StatusOK, &rt)
	if rt.I != "ice" || rt.XI <= 0 || len(rt.Rows) != 3 || len(rt.Largest) == 0 {
		t.Fatalf("ratio JSON %+v", rt)
	}
	for _, k := range []string{"k", "x_ik", "x_jk", "p_ik", "p_jk", "ratio", "ratio_kind", "thin", "in_vocab"} {
		if _, ok := rt.Rows[0][k]; !ok {
			t.Errorf("ratio row lacks %q", k)
		}
	}
	if rt.Rows[0]["ratio"] != nil || rt.Rows[0]["ratio_kind"] != "inf" || rt.Rows[2]["in_vocab"] != false {
		t.Errorf("rows %v", rt.Rows)
	}
	var e struct{ Error string }
	getJSON(api+"/ratio?i=ice&j=ice", http.StatusUnprocessableEntity, &e)
	getJSON(api+"/ratio?i=ice&j=steam&probes=", http.StatusBadRequest, &e)
	getJSON(api+"/ratio?i=ice&j=steam&top=many", http.StatusBadRequest, &e)
	if !strings.Contains(e.Error, "top") {
		t.Errorf("error %q", e.Error)
	}
	var z struct {
		MLE          map[string]float64 `json:"mle"`
		LeastSquares map[string]any     `json:"least_squares"`
		Head         []map[string]any
	}
	getJSON(api+"/zipf?n=5", http.StatusOK, &z)
	if z.MLE["alpha"] <= 1 || z.LeastSquares["descriptive"] != true || len(z.Head) != 5 {
		t.Errorf("zipf %+v", z)
	}
	var p struct {
		Word     string
		Partners []map[string]any
	}
	getJSON(api+"/pmi?word=steam&n=3", http.StatusOK, &p)
	if p.Word != "steam" || len(p.Partners) == 0 || len(p.Partners) > 3 {
		t.Errorf("pmi %+v", p)
	}
	getJSON(api+"/pmi?word=zebra", http.StatusUnprocessableEntity, &e)
	getJSON(api+"/pmi", http.StatusBadRequest, &e)

	// POST build: JSON settings, CSRF header required.
	post := func(body string, withToken bool) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, api+"/build", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if withToken {
			req.Header.Set("X-CSRF-Token", a.tok)
		}
		return a.do(req)
	}
	if rec := post(`{"window":3}`, false); rec.Code != http.StatusForbidden {
		t.Errorf("build without token = %d", rec.Code)
	}
	if rec := post(`{"window":"three"}`, true); rec.Code != http.StatusBadRequest {
		t.Errorf("bad JSON = %d %s", rec.Code, rec.Body)
	}
	if rec := post(`{"window":0}`, true); rec.Code != http.StatusBadRequest {
		t.Errorf("window 0 = %d", rec.Code)
	}
	rec := post(`{"tokenizer":"whitespace","window":3,"min_count":1}`, true)
	var job struct {
		ID       int64
		Kind     string
		TargetID int64 `json:"target_id"`
	}
	if rec.Code != http.StatusAccepted || json.Unmarshal(rec.Body.Bytes(), &job) != nil || job.Kind != "build-corpus" {
		t.Fatalf("build = %d %s", rec.Code, rec.Body)
	}
	a.waitJobs(t)
	getJSON(api+"/stats", http.StatusOK, &stats)
	if w := stats["settings"].(map[string]any)["window"]; w != 3.0 {
		t.Errorf("after rebuild window = %v", w)
	}
}

// TestBuildFailureAndFallbackWords: a corpus without words fails to build
// with a clear message on its page; a corpus without ice and steam gets
// its two most frequent words on the ratio page, and says so.
func TestBuildFailureAndFallbackWords(t *testing.T) {
	a := newApp(t, 0)
	// A word that occurs once leaves nothing with a minimum count of 100.
	empty := a.upload(t, "/corpora", "rare", "rare.txt", []byte("... !!! ???\n;;; ,,, once\n")).Header().Get("Location")
	words := a.upload(t, "/corpora", "abc", "abc.txt", []byte(strings.Repeat("alpha beta gamma alpha beta alpha\n", 20))).Header().Get("Location")
	settings := url.Values{"tokenizer": {"words"}, "window": {"3"}, "symmetric": {"on"}, "min_count": {"1"}}
	strict := url.Values{"tokenizer": {"words"}, "window": {"3"}, "symmetric": {"on"}, "min_count": {"100"}}
	for p, set := range map[string]url.Values{empty: strict, words: settings} {
		if rec := a.postForm(p+"/build", set); rec.Code != http.StatusSeeOther {
			t.Fatalf("build %s = %d: %s", p, rec.Code, mainText(t, rec))
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	list, _ := a.jobs.List(ctx, 0)
	for _, j := range list {
		a.jobs.Wait(ctx, j.ID)
	}
	got := text(find(parse(t, a.get(empty).Body.String()), "section", "build"))
	if !strings.Contains(got, "The last build did not finish: No word occurs at least 100 times") {
		t.Errorf("failed build not explained: %q", got)
	}
	rec := a.get(words + "/ratio")
	doc := parse(t, rec.Body.String())
	if rec.Code != http.StatusOK || attr(find(doc, "input", "r-i"), "value") != "alpha" || attr(find(doc, "input", "r-j"), "value") != "beta" {
		t.Fatalf("fallback words: %d %q", rec.Code, mainText(t, rec))
	}
	if !strings.Contains(mainText(t, rec), "the two most frequent words are shown instead") {
		t.Errorf("fallback not explained: %q", mainText(t, rec))
	}
	// Settings of the build show on the page; the unchecked box stayed off.
	if s := text(find(parse(t, a.get(words).Body.String()), "section", "stats")); !strings.Contains(s, "window 3, symmetric, no distance weighting") {
		t.Errorf("stats settings %q", s)
	}
}
