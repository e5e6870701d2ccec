package handlers_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/store"
)

type apiVectorWord struct {
	Word       string  `json:"word"`
	Position   int     `json:"position"`
	Norm       float64 `json:"norm"`
	MeanNorm   float64 `json:"mean_norm"`
	LongerThan float64 `json:"longer_than"`
	Neighbors  []struct {
		Word  string  `json:"word"`
		Score float64 `json:"score"`
	} `json:"neighbors"`
	Analogies []struct {
		Section    string `json:"section"`
		A, B, C, D string
	} `json:"analogies"`
	Asked    int   `json:"analogies_covered"`
	CorpusID int64 `json:"corpus_id"`
}

func demoVectors(t *testing.T, a *app) int64 {
	t.Helper()
	vs, err := a.st.VectorSets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.Source == store.SourceDemo {
			return v.ID
		}
	}
	t.Fatal("no demo vector set")
	return 0
}

// TestVectorWordPage checks the vector word page of "queen" in the demo
// vectors against the file read here (its row and norm), the Explore
// neighbours, and the Explore analogy answers of each analogy it says
// queen completes; the page shows the API's numbers.
func TestVectorWordPage(t *testing.T) {
	t.Parallel()
	a := newApp(t, 0)
	id := demoVectors(t, a)
	f, err := os.Open("../internal/demo/glove.6B.50d.4k.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	row, norm := 0, 0.0
	var norms []float64
	for n := 0; sc.Scan(); n++ {
		fields := strings.Fields(sc.Text())
		if n == 0 && len(fields) == 2 { // the word2vec-style header
			n--
			continue
		}
		var sq float64
		for _, s := range fields[1:] {
			v, _ := strconv.ParseFloat(s, 64)
			sq += v * v
		}
		norms = append(norms, math.Sqrt(sq))
		if fields[0] == "queen" {
			row, norm = n+1, math.Sqrt(sq)
		}
	}
	shorter := 0
	for _, n := range norms {
		if n < norm {
			shorter++
		}
	}
	rec := a.get(fmt.Sprintf("/api/vectors/%d/words/Queen", id)) // case falls back to the lower-case word
	if rec.Code != http.StatusOK {
		t.Fatalf("API = %d: %s", rec.Code, rec.Body)
	}
	var got apiVectorWord
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Word != "queen" || got.Position != row || math.Abs(got.Norm-norm) > 1e-5*norm || row == 0 {
		t.Errorf("queen: row %d norm %g, file row %d norm %g", got.Position, got.Norm, row, norm)
	}
	if want := float64(shorter) / float64(len(norms)); math.Abs(got.LongerThan-want) > 1e-9 || len(norms) != 4197 {
		t.Errorf("longer than %g of the set, file says %g (%d rows)", got.LongerThan, want, len(norms))
	}
	var nb struct {
		Neighbors []struct {
			Word string `json:"word"`
		} `json:"results"`
	}
	explore := a.get(fmt.Sprintf("/api/vectors/%d/neighbors?word=queen&n=10", id))
	if err := json.Unmarshal(explore.Body.Bytes(), &nb); err != nil || len(nb.Neighbors) != 10 || len(got.Neighbors) != 10 {
		t.Fatalf("explore neighbours: %v %s", err, explore.Body)
	}
	for i := range nb.Neighbors {
		if nb.Neighbors[i].Word != got.Neighbors[i].Word {
			t.Errorf("neighbour %d: word page %q, Explore %q", i, got.Neighbors[i].Word, nb.Neighbors[i].Word)
		}
	}
	if len(got.Analogies) == 0 || got.Asked < len(got.Analogies) {
		t.Fatalf("queen completes %d of %d analogies", len(got.Analogies), got.Asked)
	}
	for _, q := range got.Analogies[:min(5, len(got.Analogies))] {
		v := url.Values{"a": {strings.ToLower(q.A)}, "b": {strings.ToLower(q.B)}, "c": {strings.ToLower(q.C)}, "n": {"1"}}
		var an struct {
			Answers []struct {
				Word string `json:"word"`
			} `json:"results"`
		}
		r := a.get(fmt.Sprintf("/api/vectors/%d/analogy?%s", id, v.Encode()))
		if err := json.Unmarshal(r.Body.Bytes(), &an); err != nil || len(an.Answers) == 0 || an.Answers[0].Word != "queen" {
			t.Errorf("%s : %s :: %s : ? answered %s (%v)", q.A, q.B, q.C, r.Body, err)
		}
	}
	doc := parse(t, a.get(fmt.Sprintf("/vectors/%d/words/queen", id)).Body.String())
	if s := strings.ReplaceAll(text(find(doc, "dd", "vword-position")), ",", ""); !strings.HasPrefix(s, strconv.Itoa(row)+" of") {
		t.Errorf("page row %q, want %d", s, row)
	}
	if n := len(findAll(find(doc, "ol", "vword-neighbors-list"), "li")); n != 10 {
		t.Errorf("page shows %d neighbours", n)
	}
	for _, bad := range []struct {
		path   string
		status int
	}{{fmt.Sprintf("/vectors/%d/words/zzqqxx", id), http.StatusNotFound}, {fmt.Sprintf("/api/vectors/%d/words/zzqqxx", id), http.StatusNotFound},
		{"/vectors/999/words/queen", http.StatusNotFound}, {fmt.Sprintf("/vectors/%d/words/%%20", id), http.StatusBadRequest}} {
		if rec := a.get(bad.path); rec.Code != bad.status {
			t.Errorf("GET %s = %d, want %d", bad.path, rec.Code, bad.status)
		}
	}
}

// TestWordLinksExplore checks that neighbour and analogy results on the
// Explore page and autocomplete suggestions link to the word pages.
func TestWordLinksExplore(t *testing.T) {
	t.Parallel()
	a := newApp(t, 0)
	id := demoVectors(t, a)
	for _, path := range []string{
		fmt.Sprintf("/vectors/%d/neighbors?word=queen", id),
		fmt.Sprintf("/vectors/%d/analogy?a=man&b=king&c=woman", id),
		fmt.Sprintf("/vectors/%d/explore?word=queen", id),
	} {
		body := a.get(path).Body.String()
		var links []string
		for _, n := range findAll(parse(t, body), "a") {
			links = append(links, attr(n, "href"))
		}
		want := fmt.Sprintf("/vectors/%d/words/", id)
		found := false
		for _, l := range links {
			found = found || strings.HasPrefix(l, want)
		}
		if !found {
			t.Errorf("%s: no link to a word page among %q", path, links)
		}
	}
	var sug struct {
		Words []struct {
			Word string `json:"word"`
			URL  string `json:"url"`
		} `json:"words"`
	}
	rec := a.get(fmt.Sprintf("/api/vectors/%d/words?prefix=quee", id))
	if err := json.Unmarshal(rec.Body.Bytes(), &sug); err != nil || len(sug.Words) == 0 {
		t.Fatalf("suggestions: %v %s", err, rec.Body)
	}
	if want := fmt.Sprintf("/vectors/%d/words/%s", id, url.PathEscape(sug.Words[0].Word)); sug.Words[0].URL != want {
		t.Errorf("suggestion url %q, want %q", sug.Words[0].URL, want)
	}
	if rec := a.get(sug.Words[0].URL); rec.Code != http.StatusOK {
		t.Errorf("GET %s = %d", sug.Words[0].URL, rec.Code)
	}
}
