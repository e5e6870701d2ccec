package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/views"
)

// TestCorpusPagesSpeakOnlyCatalogue renders, in the pseudo locale, the
// corpus pages TestPagesSpeakOnlyCatalogue does not reach: an unbuilt
// corpus, a build with phrases (the phrase card, a search with no
// match, a refused search), refused build settings, a refused upload and
// a finished spectrum (fragment, page and plot). Words outside the ⟦ ⟧
// marks that are not data fail the test, except those of components
// other areas own (listed in foreign, with their owner).
func TestCorpusPagesSpeakOnlyCatalogue(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a corpus and computes a spectrum")
	}
	t.Parallel()
	pseudo := views.PseudoLocale()
	a := newAppConfig(t, func(o *appOptions) { o.handlers.ForceLocale = &pseudo })
	p := &pseudoApp{app: a, names: make(map[string]bool)}
	p.addName("zqcorpus zqcorpus.txt zqother zqother.txt")
	rec := a.upload(t, "/corpora", "zqcorpus", "zqcorpus.txt", pseudoCorpus())
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("upload = %d: %s", rec.Code, rec.Body)
	}
	page := rec.Header().Get("Location")
	unbuilt := a.upload(t, "/corpora", "zqother", "zqother.txt", []byte("zqa zqb zqc\n")).Header().Get("Location")
	form := url.Values{"tokenizer": {"words"}, "window": {"5"}, "symmetric": {"1"}, "distance_weighting": {"1"},
		"min_count": {"1"}, "tokens": {"phrases"}, "phrase_passes": {"2"}, "phrase_min_count": {"3"}, "phrase_threshold": {"0.1"}}
	if rec := a.postForm(page+"/build", form); rec.Code != http.StatusSeeOther {
		t.Fatalf("build = %d: %s", rec.Code, rec.Body)
	}
	a.waitJobs(t)
	var id int64
	fmt.Sscanf(page, "/corpora/%d", &id)
	res := a.startSpectrum(t, id, "top_n=100&k=10&fit_from=2")

	pages := map[string]*httptest.ResponseRecorder{}
	for _, path := range []string{unbuilt, page + "?phrase=zqnomatch", page + "?phrase=" + url.QueryEscape(strings.Repeat("x", 500)),
		fmt.Sprintf("%s?spectrum=%d", page, res.JobID), fmt.Sprintf("/corpora/%d/spectra/%d", id, res.JobID)} {
		pages["GET "+path] = a.get(path)
	}
	pages["POST refused settings"] = a.postForm(page+"/build", url.Values{"tokenizer": {"words"}, "window": {"0"}})
	pages["POST refused tokens"] = a.postForm(page+"/build", url.Values{"tokenizer": {"words"}, "tokens": {"morphemes"}})
	pages["POST refused upload"] = a.upload(t, "/corpora", "", "binary.txt", []byte("zqa\x00zqb\n"))
	corpora, err := a.st.Corpora(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range corpora { // the demo corpora in the list
		p.addName(c.Name)
		p.addName(c.Filename)
	}

	// Components of other areas shown on these pages.
	foreign := map[string]string{
		"Download": "train (plotDownloads)", "PNG": "train (plotDownloads)", "SVG": "train (plotDownloads)",
		"CSV": "train (plotDownloads)", "data": "train (plotDownloads)", "Saved": "frame (SavedSpectrumList)",
		"spectra": "frame (SavedSpectrumList)", "saved": "frame (SavedSpectrumList)", "yet": "frame (SavedSpectrumList, corpusTable)",
		"Name": "frame (corpusTable)", "Size": "frame (corpusTable)", "Tokens": "frame (corpusTable)", "Types": "frame (corpusTable)",
		"Vocab": "frame (corpusTable)", "upload": "frame (sourceBadge)", "not": "frame (corpusTable)", "built": "frame (corpusTable)",
		"Spectrum": "frame (SavedSpectrumList)", "Delete": "frame (SavedSpectrumList)", "delete": "frame (SavedSpectrumList)",
		"Token": "frame (corpusTable)", "and": "frame (corpusTable)", "vocabulary": "frame (corpusTable)", "counts": "frame (corpusTable)",
		"appear": "frame (corpusTable)", "once": "frame (corpusTable)", "the": "frame (corpusTable)", "corpus": "frame (corpusTable)",
		"has": "frame (corpusTable)", "been": "frame (corpusTable)",
		"demo": "frame (sourceBadge)", "Values": "frame (SavedSpectrumList)", "Date": "frame (SavedSpectrumList)", "UTC": "frame (SavedSpectrumList)",
	}
	names := make([]string, 0, len(pages))
	for n := range pages {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		rec := pages[name]
		if rec.Code >= 500 {
			t.Errorf("%s = %d", name, rec.Code)
			continue
		}
		texts, svgs := pageTexts(parse(t, rec.Body.String()))
		for _, src := range svgs {
			u, _ := url.Parse(src)
			texts = append(texts, svgTexts(t, a.get(u.RequestURI()).Body.String())...)
		}
		for _, s := range texts {
			for _, w := range p.strays(s) {
				if _, ok := foreign[w]; !ok {
					t.Errorf("%s shows %q outside the catalogue, in %q", name, w, strings.TrimSpace(s))
				}
			}
		}
	}
	svg := a.get(fmt.Sprintf("/corpora/%d/spectra/%d/plot?format=svg", id, res.JobID)).Body.String()
	for _, s := range svgTexts(t, svg) {
		for _, w := range p.strays(s) {
			t.Errorf("spectrum plot shows %q outside the catalogue, in %q", w, s)
		}
	}
}
