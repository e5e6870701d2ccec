package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image/png"
	"math"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gloveboard/gloveboard/internal/store"
)

// mapWords is a word list of n words of the demo vector set (skipping the
// most frequent ones, mostly punctuation and function words) in three
// groups, for the map form's words field.
func mapWords(t *testing.T, a *app, setID int64, n int) string {
	t.Helper()
	ws := demoWords(t, a, setID, 100+n)[100:]
	lines := make([]string, n)
	for i, w := range ws {
		lines[i] = fmt.Sprintf("%s g%d", w, i%3)
	}
	return strings.Join(lines, "\n")
}

// startJobByAPI posts form to the API address path, which answers 202
// with a job and its result_url, and waits for the job to finish.
func (a *app) startJobByAPI(t *testing.T, path, form string) (job int64, resultURL string) {
	t.Helper()
	rec := a.postMap(path, form)
	var started struct {
		JobID     int64  `json:"job_id"`
		ResultURL string `json:"result_url"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &started); err != nil || rec.Code != http.StatusAccepted || started.JobID == 0 {
		t.Fatalf("POST %s %s: %d %s", path, form, rec.Code, rec.Body)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	info, err := a.jobs.Wait(ctx, started.JobID)
	if err != nil {
		t.Fatal(err)
	}
	if info.Status != store.JobDone {
		t.Fatalf("job %d: %s %s", info.ID, info.Status, info.Error)
	}
	return started.JobID, started.ResultURL
}

// getOK returns the body of a GET of path, which must answer 200.
func (a *app) getOK(t *testing.T, path string) []byte {
	t.Helper()
	rec := a.get(path)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, rec.Code, clipBody(rec.Body.String()))
	}
	return rec.Body.Bytes()
}

// interruptedJob records a job of kind on target that is running, as a
// killed server leaves it; the next start marks it interrupted.
func interruptedJob(t *testing.T, st *store.Store, kind string, target int64) int64 {
	t.Helper()
	ctx := context.Background()
	j, err := st.CreateJob(ctx, kind, target)
	if err != nil {
		t.Fatal(err)
	}
	j.Status, j.Progress, j.Started = store.JobRunning, 0.5, time.Now()
	if err := st.SaveJob(ctx, j); err != nil {
		t.Fatal(err)
	}
	return j.ID
}

// sameFloats compares the floats of two JSON answers bit for bit (the
// bodies are compared byte for byte too; this names the first difference).
func sameFloats(t *testing.T, what string, before, after []float64) {
	t.Helper()
	if len(before) != len(after) {
		t.Errorf("%s: %d values before the restart, %d after", what, len(before), len(after))
		return
	}
	for i := range before {
		if math.Float64bits(before[i]) != math.Float64bits(after[i]) {
			t.Errorf("%s[%d]: %v before the restart, %v after", what, i, before[i], after[i])
			return
		}
	}
}

type apiMapPoints struct {
	Method string `json:"method"`
	Points []struct {
		Word string  `json:"word"`
		X    float64 `json:"x"`
		Y    float64 `json:"y"`
	} `json:"points"`
}

func mapFloats(t *testing.T, body []byte) (string, []float64) {
	t.Helper()
	var m apiMapPoints
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("map answer %s: %v", clipBody(string(body)), err)
	}
	xy := make([]float64, 0, 2*len(m.Points))
	for _, p := range m.Points {
		xy = append(xy, p.X, p.Y)
	}
	return m.Method, xy
}

// TestResultsAcrossRestart computes a PCA, a relation-axis and a t-SNE map
// of a few dozen words and a co-occurrence spectrum, restarts the server on
// the same data directory and checks that every result answers as before:
// the API's JSON byte for byte (so every float bit for bit), the page
// fragments and the plots' CSV data, with PNG plots drawn from them. The
// t-SNE map and the spectrum come from the saved results, the PCA and axis
// maps are computed again. Unknown jobs stay 404, and jobs the killed
// server left running are interrupted, with no result.
func TestResultsAcrossRestart(t *testing.T) {
	dir := t.TempDir()
	a, stop := startAppAt(t, dir)
	setID := demoSet(t, a)
	corpus := a.modelCorpus(t)
	words := url.QueryEscape(mapWords(t, a, setID, 40))
	vbase := fmt.Sprintf("/vectors/%d", setID)

	tsneJob, tsneURL := a.startJobByAPI(t, fmt.Sprintf("/api/vectors/%d/map", setID), "method=tsne&perplexity=5&source=words&words="+words)
	specJob, specURL := a.startJobByAPI(t, fmt.Sprintf("/api/corpora/%d/spectrum", corpus.ID), "matrix=ppmi&k=8")
	if want := fmt.Sprintf("/api/vectors/%d/maps/%d", setID, tsneJob); tsneURL != want {
		t.Fatalf("t-SNE result_url %q, want %q", tsneURL, want)
	}
	if _, err := os.Stat(a.st.ResultPath(tsneJob)); err != nil {
		t.Errorf("the finished t-SNE map is not saved: %v", err)
	}
	if _, err := os.Stat(a.st.ResultPath(specJob)); err != nil {
		t.Errorf("the finished spectrum is not saved: %v", err)
	}
	// A job the server was killed in the middle of, including one killed
	// after saving its result but before being marked done.
	deadMap := interruptedJob(t, a.st, "tsne", setID)
	deadSpec := interruptedJob(t, a.st, "corpus-spectrum", corpus.ID)
	saved, err := os.ReadFile(a.st.ResultPath(tsneJob))
	if err != nil {
		t.Fatal(err)
	}
	if err := a.st.SaveJobResult(context.Background(), store.NewJobResult{JobID: deadMap, VectorSetID: setID}, saved); err != nil {
		t.Fatal(err)
	}

	// Everything a client may ask for again after the restart.
	paths := []string{
		tsneURL,
		vbase + fmt.Sprintf("/maps/%d", tsneJob),
		vbase + fmt.Sprintf("/plots/map?job=%d&format=csv", tsneJob),
		specURL,
		fmt.Sprintf("/corpora/%d/spectra/%d", corpus.ID, specJob),
		fmt.Sprintf("/corpora/%d/spectra/%d/plot?format=csv", corpus.ID, specJob),
		fmt.Sprintf("/api/vectors/%d/map?method=pca&source=words&words=%s", setID, words),
		vbase + "/map?method=pca&source=words&words=" + words,
		vbase + "/plots/map?format=csv&method=pca&source=words&words=" + words,
		fmt.Sprintf("/api/vectors/%d/map?method=axis&relation=country-capital", setID),
	}
	before := make(map[string][]byte, len(paths))
	for _, p := range paths {
		before[p] = a.getOK(t, p)
	}
	var spec apiSpectrum
	if err := json.Unmarshal(before[specURL], &spec); err != nil || spec.Status != "done" || len(spec.SingularValues) != 8 || spec.Fit == nil {
		t.Fatalf("spectrum before the restart: %s (%v)", before[specURL], err)
	}
	if method, xy := mapFloats(t, before[tsneURL]); method != "tsne" || len(xy) != 80 {
		t.Fatalf("t-SNE map before the restart: %s with %d coordinates", method, len(xy))
	}

	stop()
	b, _ := startAppAt(t, dir)

	t.Run("finished results", func(t *testing.T) {
		for _, p := range paths {
			got := b.getOK(t, p)
			// A map's page carries the CSRF token of each server's session.
			if !bytes.Equal(csrfHeaders.ReplaceAll(got, nil), csrfHeaders.ReplaceAll(before[p], nil)) {
				t.Errorf("GET %s after the restart differs:\n%s\nbefore:\n%s", p, clipBody(string(got)), clipBody(string(before[p])))
			}
		}
		for _, p := range []string{tsneURL, paths[6], paths[9]} {
			method, xy := mapFloats(t, before[p])
			_, xyAfter := mapFloats(t, b.getOK(t, p))
			sameFloats(t, method+" map", xy, xyAfter)
		}
		var after apiSpectrum
		if err := json.Unmarshal(b.getOK(t, specURL), &after); err != nil {
			t.Fatal(err)
		}
		sameFloats(t, "singular values", spec.SingularValues, after.SingularValues)
		sameFloats(t, "fit", []float64{spec.Fit.Beta, spec.Fit.R2, spec.Fit.LogC, spec.Fit.ExpR2}, []float64{after.Fit.Beta, after.Fit.R2, after.Fit.LogC, after.Fit.ExpR2})

		// The fragments render the results, and their plots draw.
		doc := parse(t, string(b.getOK(t, vbase+fmt.Sprintf("/maps/%d", tsneJob))))
		src := mapPlotSrc(doc)
		if !strings.Contains(text(doc), "t-SNE") || src == "" {
			t.Fatalf("t-SNE fragment after the restart: %q", text(doc))
		}
		if _, err := png.Decode(bytes.NewReader(b.getOK(t, src))); err != nil {
			t.Errorf("t-SNE plot after the restart: %v", err)
		}
		doc = parse(t, string(b.getOK(t, fmt.Sprintf("/corpora/%d/spectra/%d", corpus.ID, specJob))))
		if r := find(doc, "div", "spectrum-result"); r == nil || attr(r, "data-job") != fmt.Sprint(specJob) {
			t.Fatalf("spectrum fragment after the restart: %q", text(doc))
		}
		if _, err := png.Decode(bytes.NewReader(b.getOK(t, fmt.Sprintf("/corpora/%d/spectra/%d/plot", corpus.ID, specJob)))); err != nil {
			t.Errorf("spectrum plot after the restart: %v", err)
		}
		// The corpus page shows it too.
		doc = parse(t, string(b.getOK(t, fmt.Sprintf("/corpora/%d?spectrum=%d", corpus.ID, specJob))))
		if find(doc, "div", "spectrum-result") == nil {
			t.Errorf("the corpus page with ?spectrum=%d lacks the result after the restart", specJob)
		}
	})

	t.Run("unknown jobs", func(t *testing.T) {
		for _, p := range []string{
			fmt.Sprintf("/api/vectors/%d/maps/987654", setID),
			vbase + "/maps/987654",
			vbase + "/plots/map?job=987654",
			fmt.Sprintf("/api/corpora/%d/spectra/987654", corpus.ID),
			fmt.Sprintf("/corpora/%d/spectra/987654", corpus.ID),
			// A job of another kind or target.
			fmt.Sprintf("/api/vectors/%d/maps/%d", setID, specJob),
			fmt.Sprintf("/api/corpora/%d/spectra/%d", corpus.ID, tsneJob),
			fmt.Sprintf("/api/corpora/%d/spectra/%d", corpus.ID+100, specJob),
		} {
			if rec := b.get(p); rec.Code != http.StatusNotFound {
				t.Errorf("GET %s: %d %s, want 404", p, rec.Code, clipBody(rec.Body.String()))
			}
		}
	})

	t.Run("interrupted jobs", func(t *testing.T) {
		for _, p := range []string{fmt.Sprintf("/api/vectors/%d/maps/%d", setID, deadMap), fmt.Sprintf("/api/corpora/%d/spectra/%d", corpus.ID, deadSpec)} {
			rec := b.get(p)
			var body struct {
				Status string `json:"status"`
				Error  string `json:"error"`
			}
			if rec.Code != http.StatusConflict || json.Unmarshal(rec.Body.Bytes(), &body) != nil || body.Status != string(store.JobInterrupted) || body.Error == "" {
				t.Errorf("GET %s: %d %s, want 409, interrupted with the reason", p, rec.Code, rec.Body)
			}
		}
		rec := b.get(vbase + fmt.Sprintf("/maps/%d", deadMap))
		if body := text(parse(t, rec.Body.String())); rec.Code != http.StatusOK || !strings.Contains(body, "interrupted") || strings.Contains(body, "KL") {
			t.Errorf("fragment of the interrupted t-SNE job: %d %q", rec.Code, body)
		}
		rec = b.get(fmt.Sprintf("/corpora/%d/spectra/%d", corpus.ID, deadSpec))
		if doc := parse(t, rec.Body.String()); rec.Code != http.StatusOK || !strings.Contains(text(find(doc, "p", "spectrum-failed")), "interrupted") {
			t.Errorf("fragment of the interrupted spectrum job: %d %q", rec.Code, text(doc))
		}
		if rec := b.get(vbase + fmt.Sprintf("/plots/map?job=%d", deadMap)); rec.Code != http.StatusGone {
			t.Errorf("plot of the interrupted t-SNE job: %d, want 410", rec.Code)
		}
	})
}

// TestResultsDeletedWithOwner: deleting a corpus deletes its spectra (and
// not the maps of a vector set); deleting a vector set deletes its maps.
// Their addresses are 404 afterwards and their files are gone.
func TestResultsDeletedWithOwner(t *testing.T) {
	a := newModelApp(t, "")
	setID := demoSet(t, a)
	corpus := a.modelCorpus(t)
	tsneJob, tsneURL := a.startJobByAPI(t, fmt.Sprintf("/api/vectors/%d/map", setID),
		"method=tsne&perplexity=3&source=words&words="+url.QueryEscape(mapWords(t, a, setID, 12)))
	specJob, specURL := a.startJobByAPI(t, fmt.Sprintf("/api/corpora/%d/spectrum", corpus.ID), "matrix=log&k=5")
	for _, p := range []string{tsneURL, specURL} {
		a.getOK(t, p)
	}

	tests := []struct {
		name    string
		delete  string
		gone    []string
		job     int64
		kept    string // a result of something else
		keptJob int64
	}{
		{"corpus", fmt.Sprintf("/corpora/%d/delete", corpus.ID),
			[]string{specURL, fmt.Sprintf("/corpora/%d/spectra/%d", corpus.ID, specJob), fmt.Sprintf("/corpora/%d/spectra/%d/plot?format=csv", corpus.ID, specJob)},
			specJob, tsneURL, tsneJob},
		{"vector set", fmt.Sprintf("/vectors/%d/delete", setID),
			[]string{tsneURL, fmt.Sprintf("/vectors/%d/maps/%d", setID, tsneJob), fmt.Sprintf("/vectors/%d/plots/map?job=%d&format=csv", setID, tsneJob)},
			tsneJob, "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if rec := a.postForm(tc.delete, nil); rec.Code != http.StatusSeeOther {
				t.Fatalf("POST %s: %d %s", tc.delete, rec.Code, rec.Body)
			}
			for _, p := range tc.gone {
				if rec := a.get(p); rec.Code != http.StatusNotFound {
					t.Errorf("GET %s after the delete: %d, want 404", p, rec.Code)
				}
			}
			if _, err := os.Stat(a.st.ResultPath(tc.job)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the result of job %d survived the delete (%v)", tc.job, err)
			}
			if _, err := a.st.JobResult(context.Background(), tc.job); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("the catalogue still has the result of job %d (%v)", tc.job, err)
			}
			if tc.kept != "" {
				a.getOK(t, tc.kept)
				if _, err := a.st.JobResult(context.Background(), tc.keptJob); err != nil {
					t.Errorf("the result of job %d went with another owner: %v", tc.keptJob, err)
				}
			}
		})
	}
}

// csrfHeaders is the attribute of a page that carries its CSRF token.
var csrfHeaders = regexp.MustCompile(`hx-headers="[^"]*"`)
