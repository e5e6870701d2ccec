package handlers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/wordgroups"
)

// apiMapAnswer is the part of a map's JSON the tests read.
type apiMapAnswer struct {
	Method string `json:"method"`
	Points []struct {
		Word  string  `json:"word"`
		Group string  `json:"group"`
		X     float64 `json:"x"`
		Y     float64 `json:"y"`
	} `json:"points"`
	Params struct {
		Name string `json:"name"`
		Seed uint64 `json:"seed"`
	} `json:"params"`
	Trust *struct {
		Value   float64 `json:"value"`
		K       int     `json:"k"`
		Sampled int     `json:"sampled"`
	} `json:"trustworthiness"`
}

func (m apiMapAnswer) words() []string {
	out := make([]string, len(m.Points))
	for i, p := range m.Points {
		out[i] = p.Word
	}
	return out
}

// getMap asks the API for an instant map and decodes it.
func getMap(t *testing.T, a *app, setID int64, query string) apiMapAnswer {
	t.Helper()
	rec := a.get(fmt.Sprintf("/api/vectors/%d/map?%s", setID, query))
	if rec.Code != http.StatusOK {
		t.Fatalf("map %s: %d %s", query, rec.Code, clipBody(rec.Body.String()))
	}
	var m apiMapAnswer
	if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestMapSourceErrors: requests a map source cannot satisfy get a 4xx with
// a message saying what to change, before any work.
func TestMapSourceErrors(t *testing.T) {
	a := newModelApp(t, "")
	setID := demoSet(t, a)
	tests := []struct {
		name, query string
		code        int
		want        string
	}{
		{"unknown source", "source=all", 400, "must be builtin, words, top, neighbors or sample"},
		{"n not a number", "source=top&n=lots", 400, "The number of words"},
		{"n negative", "source=top&n=-5", 400, "The number of words"},
		{"n zero", "source=sample&n=0", 400, "The number of words"},
		{"n too small", "source=top&n=3", 400, "from 4 to 4,197"},
		{"n over the vocabulary", "source=sample&n=5000", 400, "from 4 to 4,197"},
		{"t-SNE n over the vocabulary", "source=top&n=9000&method=tsne", 400, "for a t-SNE map"},
		{"neighbours without a word", "source=neighbors&n=10", 400, "Type the word whose neighbours to map"},
		{"neighbours of an unknown word", "source=neighbors&n=10&word=qqqzzz", 422, "“qqqzzz” is not in this vector set"},
		{"too few neighbours", "source=neighbors&n=2&word=king", 400, "number of neighbours must be a whole number from 3"},
		{"too many neighbours", "source=neighbors&n=4197&word=king", 400, "from 3 to 4,196"},
		{"bad seed", "source=sample&n=10&seed=-1", 400, "The seed"},
		{"bad UMAP neighbours", "source=top&n=100&method=umap&neighbors=1", 400, "The UMAP neighbours"},
		{"bad UMAP min_dist", "source=top&n=100&method=umap&min_dist=2", 400, "The UMAP minimum distance"},
		{"UMAP neighbours over n", "source=top&n=10&method=umap&neighbors=50", 400, "needs at least 50 words"},
		{"empty word list", "source=words&words=", 400, "Type some words"},
		{"unknown method", "source=top&n=10&method=mds", 400, "pca, tsne, umap or axis"},
		{"axis without pairs", "source=top&n=10&method=axis&relation=male-female", 422, "needs at least one pair"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, path := range []string{"/api/vectors/%d/map?", "/vectors/%d/map?"} {
				rec := a.get(fmt.Sprintf(path, setID) + tc.query)
				if rec.Code != tc.code || !strings.Contains(rec.Body.String(), tc.want) {
					t.Errorf("%s%s: %d %s, want %d saying %q", fmt.Sprintf(path, setID), tc.query, rec.Code, clipBody(rec.Body.String()), tc.code, tc.want)
				}
			}
		})
	}
}

// TestMapSources: each source maps the words it promises.
func TestMapSources(t *testing.T) {
	a := newModelApp(t, "")
	setID := demoSet(t, a)
	vocab := demoWords(t, a, setID, 4197)
	for i, w := range vocab {
		// metadata.tsv guards cells that start like a formula ('-).
		if len(w) > 1 && w[0] == '\'' && strings.ContainsRune("=+-@", rune(w[1])) {
			vocab[i] = w[1:]
		}
	}

	t.Run("builtin", func(t *testing.T) {
		m := getMap(t, a, setID, "source=builtin")
		as := wordgroups.FromGroups(wordgroups.Builtin())
		var want []string
		for _, w := range as.Words {
			if slices.Contains(vocab, w) {
				want = append(want, w)
			}
		}
		if got := m.words(); !slices.Equal(got, want) {
			t.Errorf("built-in map: %d words %v…, want %d", len(got), got[:min(5, len(got))], len(want))
		}
		for _, p := range m.Points {
			if p.Group != as.Group(p.Word) {
				t.Errorf("%s in group %q, want %q", p.Word, p.Group, as.Group(p.Word))
			}
		}
	})
	t.Run("words", func(t *testing.T) {
		m := getMap(t, a, setID, "source=words&words="+url.QueryEscape("king royal\nqueen royal\nparis city\nlondon city\nqqqzzz"))
		if got, want := m.words(), []string{"king", "queen", "paris", "london"}; !slices.Equal(got, want) {
			t.Errorf("my words: %v, want %v", got, want)
		}
		if m.Points[0].Group != "royal" || m.Points[3].Group != "city" {
			t.Errorf("groups %+v", m.Points)
		}
	})
	t.Run("top", func(t *testing.T) {
		m := getMap(t, a, setID, "source=top&n=50")
		if got := m.words(); !slices.Equal(got, vocab[:50]) {
			t.Errorf("top 50: %v, want %v", got, vocab[:50])
		}
		if m.Params.Name != "the top 50 words" {
			t.Errorf("name %q", m.Params.Name)
		}
	})
	t.Run("neighbors", func(t *testing.T) {
		rec := a.get(fmt.Sprintf("/api/vectors/%d/neighbors?word=king&n=20", setID))
		var nb struct {
			Results []struct{ Word string } `json:"results"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &nb); err != nil || len(nb.Results) != 20 {
			t.Fatalf("neighbours of king: %v %s", err, rec.Body)
		}
		want := []string{"king"}
		for _, r := range nb.Results {
			want = append(want, r.Word)
		}
		m := getMap(t, a, setID, "source=neighbors&word=king&n=20")
		if got := m.words(); !slices.Equal(got, want) {
			t.Errorf("king and 20 neighbours: %v, want %v", got, want)
		}
		if m.Points[0].Group != "query" || m.Points[1].Group != "neighbour" {
			t.Errorf("groups %q %q, want query and neighbour", m.Points[0].Group, m.Points[1].Group)
		}
	})
	t.Run("sample", func(t *testing.T) {
		m1 := getMap(t, a, setID, "source=sample&n=300&seed=7")
		m2 := getMap(t, a, setID, "source=sample&n=300&seed=7")
		m3 := getMap(t, a, setID, "source=sample&n=300&seed=8")
		w1 := m1.words()
		if len(w1) != 300 || !slices.Equal(w1, m2.words()) || slices.Equal(w1, m3.words()) {
			t.Errorf("samples: %d words; same seed equal %v; other seed differs %v", len(w1), slices.Equal(w1, m2.words()), !slices.Equal(w1, m3.words()))
		}
		seen := map[string]bool{}
		last := -1
		for _, w := range w1 {
			i := slices.Index(vocab, w)
			if i < 0 || seen[w] || i <= last {
				t.Fatalf("sample word %q: index %d, repeated %v, after index %d (want distinct words of the set in frequency order)", w, i, seen[w], last)
			}
			seen[w], last = true, i
		}
		if m1.Params.Seed != 7 || !strings.Contains(m1.Params.Name, "seed 7") {
			t.Errorf("params %+v", m1.Params)
		}
	})
}

// TestSavedMaps: a map job and a kept PCA map are listed by the API and on
// the Explore page with their permalinks, the jobs table names the vector
// set and links the results, and all of it goes with the vector set.
func TestSavedMaps(t *testing.T) {
	a := newModelApp(t, "")
	setID := demoSet(t, a)
	umapJob, umapURL := a.startJobByAPI(t, fmt.Sprintf("/api/vectors/%d/map", setID), "method=umap&source=top&n=300&seed=3&neighbors=10&min_dist=0.2")
	pcaJob, _ := a.startJobByAPI(t, fmt.Sprintf("/api/vectors/%d/map", setID), "method=pca&source=neighbors&word=king&n=30&save=1")

	var um apiMapAnswer
	if err := json.Unmarshal(a.getOK(t, umapURL), &um); err != nil || um.Method != "umap" || len(um.Points) != 300 || um.Trust == nil || um.Params.Seed != 3 {
		t.Fatalf("UMAP result: %v %+v", err, um)
	}

	var list struct {
		VectorSet string `json:"vector_set"`
		Maps      []struct {
			ID     int64    `json:"id"`
			Name   string   `json:"name"`
			Method string   `json:"method"`
			N      int      `json:"n"`
			Seed   uint64   `json:"seed"`
			Trust  *float64 `json:"trustworthiness"`
			Page   string   `json:"page"`
			Params struct {
				Neighbors int     `json:"neighbors"`
				MinDist   float64 `json:"min_dist"`
			} `json:"params"`
		} `json:"maps"`
	}
	if err := json.Unmarshal(a.getOK(t, fmt.Sprintf("/api/vectors/%d/maps", setID)), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Maps) != 2 || list.Maps[0].ID != pcaJob || list.Maps[1].ID != umapJob {
		t.Fatalf("saved maps %+v, want jobs %d then %d", list.Maps, pcaJob, umapJob)
	}
	u, p := list.Maps[1], list.Maps[0]
	if u.Method != "umap" || u.N != 300 || u.Seed != 3 || u.Trust == nil || u.Name != "the top 300 words" ||
		u.Params.Neighbors != 10 || u.Params.MinDist != 0.2 || u.Page != fmt.Sprintf("/vectors/%d/maps/%d", setID, umapJob) {
		t.Errorf("UMAP listed as %+v", u)
	}
	if p.Method != "pca" || p.N != 31 || p.Name != "king and its 30 nearest neighbours" {
		t.Errorf("PCA listed as %+v", p)
	}

	doc := parse(t, a.get(fmt.Sprintf("/vectors/%d/explore", setID)).Body.String())
	saved := find(doc, "section", "saved-maps")
	if saved == nil {
		t.Fatal("no saved-maps section on the Explore page")
	}
	var links []string
	for _, l := range findAll(saved, "a") {
		links = append(links, attr(l, "href"))
	}
	if want := []string{p.Page, u.Page}; !slices.Equal(links, want) {
		t.Errorf("Explore page links %v, want %v", links, want)
	}
	if body := text(saved); !strings.Contains(body, "UMAP") || !strings.Contains(body, "the top 300 words") {
		t.Errorf("saved maps section %q", body)
	}
	for _, l := range links {
		a.getOK(t, l)
	}

	jobs := parse(t, a.get("/jobs").Body.String())
	row := find(jobs, "tr", fmt.Sprintf("job-%d", umapJob))
	if row == nil {
		t.Fatalf("job %d not in the jobs table", umapJob)
	}
	if body := text(row); !strings.Contains(body, "UMAP map") || !strings.Contains(body, "vector set “") || strings.Contains(body, "#") {
		t.Errorf("jobs row %q: want the kind and the vector set by name", body)
	}
	var rowLinks []string
	for _, l := range findAll(row, "a") {
		rowLinks = append(rowLinks, attr(l, "href"))
	}
	if want := []string{fmt.Sprintf("/vectors/%d/explore", setID), u.Page}; !slices.Equal(rowLinks, want) {
		t.Errorf("jobs row links %v, want %v", rowLinks, want)
	}

	// Deleted with the vector set: the list is gone, the links 404 (not
	// 500), and the jobs table names a deleted vector set without links.
	if rec := a.postForm(fmt.Sprintf("/vectors/%d/delete", setID), nil); rec.Code != http.StatusSeeOther {
		t.Fatalf("delete: %d", rec.Code)
	}
	for _, path := range []string{u.Page, p.Page, umapURL, fmt.Sprintf("/api/vectors/%d/maps", setID)} {
		if rec := a.get(path); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s after the delete: %d, want 404", path, rec.Code)
		}
	}
	for _, job := range []int64{umapJob, pcaJob} {
		if rs, err := a.st.VectorSetResults(context.Background(), setID); err != nil || len(rs) != 0 {
			t.Errorf("results of job %d left: %v %v", job, rs, err)
		}
	}
	jobs = parse(t, a.get("/jobs").Body.String())
	row = find(jobs, "tr", fmt.Sprintf("job-%d", umapJob))
	if row == nil || !strings.Contains(text(row), "deleted vector set") || len(findAll(row, "a")) != 0 {
		t.Errorf("jobs row after the delete: %q with %d links", text(row), len(findAll(row, "a")))
	}
}

// TestSavedSpectraListed: a corpus's finished spectrum is listed on its
// page with its permalink, and the jobs table links to it by the corpus's
// name.
func TestSavedSpectraListed(t *testing.T) {
	a := newModelApp(t, "")
	corpus := a.modelCorpus(t)
	job, _ := a.startJobByAPI(t, fmt.Sprintf("/api/corpora/%d/spectrum", corpus.ID), "matrix=log&k=5")
	permalink := fmt.Sprintf("/corpora/%d?spectrum=%d#corpus-spectrum", corpus.ID, job)

	doc := parse(t, a.get(fmt.Sprintf("/corpora/%d", corpus.ID)).Body.String())
	saved := find(doc, "section", "saved-spectra")
	if saved == nil {
		t.Fatal("no saved-spectra section on the corpus page")
	}
	links := findAll(saved, "a")
	if len(links) != 1 || attr(links[0], "href") != permalink || !strings.Contains(text(saved), "log") {
		t.Errorf("saved spectra %q with %d links, want one to %s", text(saved), len(links), permalink)
	}
	page := parse(t, string(a.getOK(t, strings.TrimSuffix(permalink, "#corpus-spectrum"))))
	if find(page, "div", "corpus-spectrum-result") == nil || !strings.Contains(text(find(page, "div", "corpus-spectrum-result")), "5") {
		t.Errorf("the permalink does not show the spectrum: %q", text(find(page, "div", "corpus-spectrum-result")))
	}

	row := find(parse(t, a.get("/jobs").Body.String()), "tr", fmt.Sprintf("job-%d", job))
	var hrefs []string
	for _, l := range findAll(row, "a") {
		hrefs = append(hrefs, attr(l, "href"))
	}
	if want := []string{fmt.Sprintf("/corpora/%d", corpus.ID), permalink}; !slices.Equal(hrefs, want) || !strings.Contains(text(row), "corpus “"+corpus.Name+"”") {
		t.Errorf("jobs row %q links %v, want %v", text(row), hrefs, want)
	}
}
