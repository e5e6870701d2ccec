package handlers_test

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestDownloadsOfVectorsAreGuarded uploads vectors whose words start like
// spreadsheet formulas and checks every CSV and TSV the Explore section
// writes (neighbours, analogy, map, metadata.tsv): such words come out
// with a leading apostrophe, numbers (negative ones too) unchanged, and
// every artefact has the same headers.
func TestDownloadsOfVectorsAreGuarded(t *testing.T) {
	a := newModelApp(t, "")
	vecs := "=cmd 1 0 0.1\n+sum 0.9 0.1 0\n-neg 0.8 0 0.2\n@at 0 1 0\ncat -0.5 0.9 0\ndog 0 0.9 0.1\nsun 0 0 1\n"
	rec := a.upload(t, "/vectors", "formulas", "formulas.txt", []byte(vecs))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", rec.Code, rec.Body)
	}
	base := strings.SplitN(rec.Header().Get("Location"), "?", 2)[0]
	owner := "formulas"
	words := url.QueryEscape("=cmd\n+sum\n-neg\n@at\ncat\ndog")
	tests := []struct {
		path, file string
		column     int // the column holding words
	}{
		{"/plots/neighbors?format=csv&download=1&n=6&word=" + url.QueryEscape("=cmd"), "gloveboard-" + owner + "-neighbors-cmd-*.csv", 1},
		{"/plots/analogy?format=csv&download=1&n=3&a=cat&b=dog&c=sun", "gloveboard-" + owner + "-analogy-cat-dog-sun-add.csv", 1},
		{"/plots/map?format=csv&download=1&method=pca&source=words&words=" + words, "gloveboard-" + owner + "-pca-6-seed1-words.csv", 0},
	}
	for _, tc := range tests {
		rec := a.get(base + tc.path)
		if rec.Code != http.StatusOK {
			t.Errorf("%s: %d %s", tc.path, rec.Code, rec.Body)
			continue
		}
		checkArtefactHeaders(t, tc.path, rec.Header(), "text/csv; charset=utf-8", "attachment", tc.file)
		recs, err := csv.NewReader(rec.Body).ReadAll()
		if err != nil || len(recs) < 2 {
			t.Fatalf("%s: %d records, %v", tc.path, len(recs), err)
		}
		for _, r := range recs[1:] {
			w := r[tc.column]
			if strings.ContainsAny(w[:1], "=+-@") {
				t.Errorf("%s: the word %q can act as a formula", tc.path, w)
			}
			if strings.HasPrefix(w, "'") && !strings.ContainsAny(w[1:2], "=+-@") {
				t.Errorf("%s: the plain word %q was changed", tc.path, w)
			}
		}
	}
	// The map's coordinates keep their sign: numbers are not guarded.
	if body := a.get(base + tests[2].path).Body.String(); !strings.Contains(body, ",-") {
		t.Errorf("no negative coordinate left in the map CSV: %s", body)
	}

	rec = a.get(base + "/download/metadata.tsv")
	checkArtefactHeaders(t, "metadata.tsv", rec.Header(), "text/tab-separated-values; charset=utf-8", "attachment", "gloveboard-"+owner+"-projector-metadata.tsv")
	if got, want := rec.Body.String(), "'=cmd\n'+sum\n'-neg\n'@at\ncat\ndog\nsun\n"; got != want {
		t.Errorf("metadata.tsv = %q, want %q", got, want)
	}
	rec = a.get(base + "/download/vectors.tsv")
	checkArtefactHeaders(t, "vectors.tsv", rec.Header(), "text/tab-separated-values; charset=utf-8", "attachment", "gloveboard-"+owner+"-projector-vectors.tsv")
	if !strings.Contains(rec.Body.String(), "\n-0.5\t0.9\t0\n") {
		t.Errorf("vectors.tsv lost its numbers: %q", rec.Body.String())
	}
	rec = a.get(base + "/download/glove.txt")
	checkArtefactHeaders(t, "glove.txt", rec.Header(), "text/plain; charset=utf-8", "attachment", "gloveboard-"+owner+"-glove.txt")
	if !strings.HasPrefix(rec.Body.String(), "=cmd 1 0 0.1\n") {
		t.Errorf("glove.txt must keep the words as they are: %.40q", rec.Body.String())
	}

	// A plot shown on a page is inline, with the same name; a versioned
	// address may be cached.
	rec = a.get(base + "/plots/analogy?format=png&a=cat&b=dog&c=sun&v=3")
	if cd, cc := rec.Header().Get("Content-Disposition"), rec.Header().Get("Cache-Control"); cd != `inline; filename="gloveboard-`+owner+`-analogy-cat-dog-sun-add.png"` || cc != "private, max-age=3600" {
		t.Errorf("inline plot: %q, %q", cd, cc)
	}
}

func checkArtefactHeaders(t *testing.T, what string, h http.Header, ctype, disposition, file string) {
	t.Helper()
	if got := h.Get("Content-Type"); got != ctype {
		t.Errorf("%s: Content-Type %q, want %q", what, got, ctype)
	}
	want := fmt.Sprintf(`%s; filename="%s"`, disposition, file)
	if got := h.Get("Content-Disposition"); !matchName(want, got) {
		t.Errorf("%s: Content-Disposition %q, want %q", what, got, want)
	}
	if got := h.Get("Cache-Control"); got != "no-store" {
		t.Errorf("%s: Cache-Control %q, want no-store", what, got)
	}
}
