package handlers_test

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// viEvalFixture is a hand-written Vietnamese vector set with a ViSim-400
// file and a ViCon file over its words (the real sets are not shipped:
// their licence is non-commercial). Pair k of the ViSim file has gold
// score k/2 and cosine rising with k, so ρ = 1; ViCon's synonyms are
// parallel and its antonyms orthogonal, so the AUC is 1.
func viEvalFixture() (vecs, visim, vicon string) {
	var v, s, c strings.Builder
	s.WriteString("Word1\tWord2\tPOS\tSim1\tSim2\tSTD\n")
	c.WriteString("Word1\tWord2\tRelation\n")
	for k := range 12 {
		a, b := fmt.Sprintf("từ_%d", k), fmt.Sprintf("chữ_%d", k)
		// a = (1, 0); b at angle (90° − 7k°) from a: the cosine rises with k.
		fmt.Fprintf(&v, "%s 1 0\n%s %.6f %.6f\n", a, b, cosDeg(90-7*k), sinDeg(90-7*k))
		fmt.Fprintf(&s, "%s\t%s\tN\t%.2f\t%.2f\t1.0\n", a, b, float64(k)/2, float64(k)/2*10/6)
		rel := "ANT"
		if k >= 6 { // the six closest pairs are the synonyms
			rel = "SYN"
		}
		fmt.Fprintf(&c, "%s\t%s\t%s\n", a, b, rel)
	}
	return v.String(), s.String(), c.String()
}

func TestEvalSetUploadsScore(t *testing.T) {
	a := newApp(t, 0)
	vecs, visim, vicon := viEvalFixture()
	rec := a.upload(t, "/vectors", "vi", "vi.txt", []byte(vecs))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("vector upload = %d: %s", rec.Code, rec.Body)
	}
	var setID int64
	if _, err := fmt.Sscanf(rec.Header().Get("Location"), "/vectors/%d", &setID); err != nil {
		t.Fatalf("location %q", rec.Header().Get("Location"))
	}

	// The Explore page's form.
	body, ctype := multipartBody(t, "ViSim-400 (mine)", "Visim-400.txt", []byte(visim))
	req := httptest.NewRequest(http.MethodPost, fmt.Sprintf("/evalsets?_csrf=%s&set=%d", url.QueryEscape(a.tok), setID), body)
	req.Header.Set("Content-Type", ctype)
	rec = a.do(req)
	if want := fmt.Sprintf("/vectors/%d/explore#set-evaluation", setID); rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != want {
		t.Fatalf("evalset upload = %d → %q, want 303 → %q: %s", rec.Code, rec.Header().Get("Location"), want, rec.Body)
	}
	// The JSON twin.
	rec = a.upload(t, "/api/evalsets", "", "400_noun_pairs.txt", []byte(vicon))
	var got struct{ Name, Format string }
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != http.StatusCreated || got.Format != "ViCon" || got.Name != "400_noun_pairs" {
		t.Fatalf("api upload = %d %+v %v", rec.Code, got, err)
	}
	var list []struct {
		Name, Format string
		Pairs        int
	}
	if err := json.Unmarshal(a.get("/api/evalsets").Body.Bytes(), &list); err != nil || len(list) != 2 || list[1].Format != "ViSim-400" || list[1].Pairs != 12 {
		t.Errorf("api list %+v %v", list, err)
	}

	// Both score on the vector set, in the evaluation card.
	frag := parse(t, a.get(fmt.Sprintf("/vectors/%d/evaluation", setID)).Body.String())
	table := find(frag, "table", "")
	for _, tb := range findAll(frag, "table") {
		if attr(tb, "class") == "eval-uploaded" {
			table = tb
		}
	}
	if table == nil || attr(table, "class") != "eval-uploaded" {
		t.Fatal("no table of uploaded sets in the evaluation card")
	}
	rows := findAll(find(table, "tbody", ""), "tr")
	if len(rows) != 2 {
		t.Fatalf("%d uploaded rows, want 2", len(rows))
	}
	for _, tt := range []struct {
		row  int
		want []string
	}{
		{0, []string{"400_noun_pairs", "ViCon", "1.000", "12 of 12"}},       // AUC 1
		{1, []string{"ViSim-400 (mine)", "ViSim-400", "1.000", "12 of 12"}}, // ρ 1
	} {
		if got := text(rows[tt.row]); !containsAll(got, tt.want) {
			t.Errorf("row %d %q lacks one of %q", tt.row, got, tt.want)
		}
	}
	// Removing a set: its form goes back to the card; an unknown id is 404.
	var ids []struct{ ID string }
	json.Unmarshal(a.get("/api/evalsets").Body.Bytes(), &ids)
	if len(ids) != 2 {
		t.Fatalf("ids %v", ids)
	}
	rec = a.postForm("/evalsets/"+ids[0].ID+"/delete", url.Values{"set": {fmt.Sprint(setID)}})
	if rec.Code != http.StatusSeeOther || !strings.HasSuffix(rec.Header().Get("Location"), "#set-evaluation") {
		t.Errorf("delete = %d → %q", rec.Code, rec.Header().Get("Location"))
	}
	for _, bad := range []string{ids[0].ID, "0123456789abcdef", "..%2f..%2fcatalogue"} {
		if rec := a.postForm("/evalsets/"+bad+"/delete", nil); rec.Code != http.StatusNotFound {
			t.Errorf("delete %s = %d, want 404", bad, rec.Code)
		}
	}
	if rec := a.get("/api/evalsets"); strings.Count(rec.Body.String(), `"id"`) != 1 {
		t.Errorf("after one delete: %s", rec.Body)
	}
	// The demo vectors know none of these words.
	if find(parse(t, a.get("/vectors/1/evaluation").Body.String()), "form", "") == nil {
		t.Error("no upload form in the demo set's evaluation card")
	}
}

func containsAll(s string, subs []string) bool {
	for _, w := range subs {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// TestEvalSetUploadRefused: files that are not evaluation sets get a 4xx
// whose message says what is wrong, and nothing is kept.
func TestEvalSetUploadRefused(t *testing.T) {
	a := newApp(t, 0)
	_, visim, _ := viEvalFixture()
	for _, tt := range []struct {
		name    string
		content string
		code    int
		msg     string
	}{
		{"binary", "\x00\x01\x02 PNG", http.StatusBadRequest, "not UTF-8 text"},
		{"latin-1", "caf\xe9\tthe\t1\n", http.StatusBadRequest, "not UTF-8 text"},
		{"header only", "Word1\tWord2\tRelation\n", http.StatusBadRequest, "no word pair"},
		{"unknown relation", "Word1\tWord2\tRelation\nan\tba\tHYP\n", http.StatusBadRequest, "line 2"},
		{"unknown header", "Word1\tWord2\tScore\nan\tba\t1\n", http.StatusBadRequest, "neither Sim1"},
		{"bad score", "an\tba\tmột\n", http.StatusBadRequest, "not a finite number"},
		{"too large", strings.Repeat("an\tba\t1\n", 80_000), http.StatusRequestEntityTooLarge, "at most 512 KiB"},
	} {
		for _, path := range []string{"/evalsets", "/api/evalsets"} {
			rec := a.upload(t, path, "", "set.txt", []byte(tt.content))
			if rec.Code != tt.code || !strings.Contains(rec.Body.String(), tt.msg) {
				t.Errorf("%s %s: %d, want %d with %q: %.300s", tt.name, path, rec.Code, tt.code, tt.msg, rec.Body)
			}
		}
	}
	// No file chosen.
	body, ctype := multipartBody(t, "x", "", nil)
	req := httptest.NewRequest(http.MethodPost, "/evalsets?_csrf="+url.QueryEscape(a.tok), body)
	req.Header.Set("Content-Type", ctype)
	if rec := a.do(req); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "Choose an evaluation file") {
		t.Errorf("no file: %d %.200s", rec.Code, rec.Body)
	}
	// Without the CSRF token.
	body, ctype = multipartBody(t, "x", "v.txt", []byte(visim))
	req = httptest.NewRequest(http.MethodPost, "/evalsets", body)
	req.Header.Set("Content-Type", ctype)
	if rec := a.do(req); rec.Code != http.StatusForbidden {
		t.Errorf("no token: %d", rec.Code)
	}
	if rec := a.get("/api/evalsets"); strings.TrimSpace(rec.Body.String()) != "[]" {
		t.Errorf("sets kept after refused uploads: %s", rec.Body)
	}
	// The same file twice is a conflict.
	if rec := a.upload(t, "/api/evalsets", "", "v.txt", []byte(visim)); rec.Code != http.StatusCreated {
		t.Fatalf("first upload = %d", rec.Code)
	}
	if rec := a.upload(t, "/api/evalsets", "", "v2.txt", []byte(visim)); rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), "uploaded before") {
		t.Errorf("second upload = %d %.200s", rec.Code, rec.Body)
	}
}

func cosDeg(d int) float64 { return math.Cos(float64(d) * math.Pi / 180) }
func sinDeg(d int) float64 { return math.Sin(float64(d) * math.Pi / 180) }
