package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
)

// postAPI posts a JSON body (or none) to path with the CSRF header.
func (a *app) postAPI(path, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", a.tok)
	return a.do(req)
}

// waitEpochs waits until run id has recorded at least n epochs.
func (a *app) waitEpochs(t *testing.T, id int64, n int) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		loss, _ := a.st.Loss(context.Background(), id)
		if len(loss) >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("run %d: %d epochs after 60 s, waiting for %d", id, len(loss), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// cancelledRun starts a long GloVe run (one thread, seed 3) on corpus,
// cancels it once it has trained 3 epochs and returns its id.
func (a *app) cancelledRun(t *testing.T, corpusID int64, epochs string) int64 {
	t.Helper()
	id := a.modelStartRun(t, modelTrainValues(corpusID, map[string]string{"vector_size": "40", "epochs": epochs, "seed": "3"}))
	a.waitEpochs(t, id, 3)
	if rec := a.postModelForm(fmt.Sprintf("/runs/%d/cancel", id), nil, false); rec.Code != http.StatusSeeOther {
		t.Fatalf("cancel: %d %s", rec.Code, rec.Body)
	}
	if r := a.modelWaitRun(t, id); r.Status != store.RunCancelled {
		t.Fatalf("run %d has status %s after Cancel", id, r.Status)
	}
	return id
}

// vectorBytes returns the saved vectors of finished run id.
func (a *app) vectorBytes(t *testing.T, id int64) []byte {
	t.Helper()
	var body struct {
		Results struct {
			VectorSetID int64 `json:"vector_set_id"`
		} `json:"results"`
	}
	if err := json.Unmarshal(a.get(fmt.Sprintf("/api/runs/%d", id)).Body.Bytes(), &body); err != nil {
		t.Fatal(err)
	}
	v, err := a.st.VectorSet(context.Background(), body.Results.VectorSetID)
	if err != nil {
		t.Fatalf("run %d: vector set %d: %v", id, body.Results.VectorSetID, err)
	}
	b, err := os.ReadFile(v.Path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestResumeAndRetry cancels a run of 60 epochs after its third, resumes
// it from its page (it ends done, in the same run, with one loss point an
// epoch), retries it (a new run with the same settings) and finds the
// resumed run's vectors byte for byte those of the retry, which never
// stopped (one thread, fixed seed).
func TestResumeAndRetry(t *testing.T) {
	a := newModelApp(t, "")
	wide := a.modelUpload(t, "wide", modelWideCorpus())
	a.modelBuild(t, wide)
	id := a.cancelledRun(t, wide.ID, "60")

	page := parse(t, a.get(fmt.Sprintf("/runs/%d", id)).Body.String())
	if find(page, "button", "run-resume") == nil || find(page, "button", "run-retry") == nil {
		t.Fatalf("cancelled run's page lacks Resume or Retry: %s", text(find(page, "section", "run-actions")))
	}
	before, _ := a.st.Loss(context.Background(), id)
	rec := a.postModelForm(fmt.Sprintf("/runs/%d/resume", id), nil, false)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != fmt.Sprintf("/runs/%d", id) {
		t.Fatalf("resume: %d to %q %s", rec.Code, rec.Header().Get("Location"), rec.Body)
	}
	if r := a.modelWaitRun(t, id); r.Status != store.RunDone {
		t.Fatalf("resumed run ended %s: %s", r.Status, r.Results)
	}
	loss, _ := a.st.Loss(context.Background(), id)
	if len(loss) != 60 || len(before) >= 60 {
		t.Fatalf("resumed run: %d loss points (%d before resuming), want 60", len(loss), len(before))
	}
	for i, l := range loss {
		if l.Epoch != i+1 {
			t.Fatalf("loss point %d is epoch %d", i, l.Epoch)
		}
	}
	page = parse(t, a.get(fmt.Sprintf("/runs/%d", id)).Body.String())
	if find(page, "button", "run-resume") != nil || find(page, "button", "run-retry") == nil {
		t.Errorf("done run's page: Resume shown or Retry missing")
	}

	rec = a.postModelForm(fmt.Sprintf("/runs/%d/retry", id), nil, false)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("retry: %d %s", rec.Code, rec.Body)
	}
	var retry int64
	if _, err := fmt.Sscanf(rec.Header().Get("Location"), "/runs/%d", &retry); err != nil || retry == id {
		t.Fatalf("retry redirected to %q", rec.Header().Get("Location"))
	}
	if r := a.modelWaitRun(t, retry); r.Status != store.RunDone {
		t.Fatalf("retried run ended %s", r.Status)
	}
	if got, want := a.vectorBytes(t, id), a.vectorBytes(t, retry); !bytes.Equal(got, want) {
		t.Errorf("resumed run's vectors (%d bytes) differ from the uninterrupted retry's (%d bytes)", len(got), len(want))
	}
}

// TestResumeRetryRefused: Resume of a run that cannot go on is a 409 with
// a message saying why, on the page route and the API twin alike; Retry
// of an unknown run is a 404.
func TestResumeRetryRefused(t *testing.T) {
	a := newModelApp(t, "")
	c := a.modelCorpus(t)
	done := a.modelStartRun(t, modelTrainValues(c.ID, nil))
	a.modelWaitRun(t, done)

	// A run cancelled while queued never wrote a checkpoint.
	block := make(chan struct{})
	bj, err := a.jobs.Submit("build-corpus", c.ID, func(ctx context.Context, _ jobs.Run) error {
		select {
		case <-block:
		case <-ctx.Done():
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	queued := a.modelStartRun(t, modelTrainValues(c.ID, nil))
	a.postModelForm(fmt.Sprintf("/runs/%d/cancel", queued), nil, false)
	close(block)
	a.jobs.Wait(context.Background(), bj.ID)
	a.modelWaitRun(t, queued)

	rec := a.postAPI("/api/runs", fmt.Sprintf(`{"corpus_id": %d, "model": "svd-ppmi", "vector_size": 4}`, c.ID))
	if rec.Code != http.StatusAccepted {
		t.Fatalf("SVD run: %d %s", rec.Code, rec.Body)
	}
	var started struct {
		RunID int64 `json:"run_id"`
	}
	json.Unmarshal(rec.Body.Bytes(), &started)
	a.modelWaitRun(t, started.RunID)

	for _, tc := range []struct {
		name string
		path string
		want int
		msg  string
	}{
		{"done", fmt.Sprintf("/runs/%d/resume", done), http.StatusConflict, "nothing to resume"},
		{"done (API)", fmt.Sprintf("/api/runs/%d/resume", done), http.StatusConflict, "nothing to resume"},
		{"no checkpoint", fmt.Sprintf("/runs/%d/resume", queued), http.StatusConflict, "no checkpoint"},
		{"no checkpoint (API)", fmt.Sprintf("/api/runs/%d/resume", queued), http.StatusConflict, "no checkpoint"},
		{"SVD-PPMI", fmt.Sprintf("/api/runs/%d/resume", started.RunID), http.StatusConflict, "no epochs to resume"},
		{"unknown run", "/runs/999/resume", http.StatusNotFound, "no training run"},
		{"unknown run retry (API)", "/api/runs/999/retry", http.StatusNotFound, "no training run"},
		{"bad id", "/api/runs/x/retry", http.StatusBadRequest, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rec *httptest.ResponseRecorder
			if strings.HasPrefix(tc.path, "/api/") {
				rec = a.postAPI(tc.path, "")
			} else {
				rec = a.postModelForm(tc.path, nil, false)
			}
			if rec.Code != tc.want || !strings.Contains(rec.Body.String(), tc.msg) {
				t.Errorf("%s: %d %s; want %d with %q", tc.path, rec.Code, rec.Body, tc.want, tc.msg)
			}
		})
	}

	// The run page of a run without checkpoint says why there is no
	// Resume, and offers Retry; the API's retry starts a new run.
	page := parse(t, a.get(fmt.Sprintf("/runs/%d", queued)).Body.String())
	if find(page, "button", "run-resume") != nil || find(page, "button", "run-retry") == nil ||
		!strings.Contains(text(find(page, "p", "resume-note")), "no checkpoint") {
		t.Errorf("run without checkpoint: actions %q", text(find(page, "section", "run-actions")))
	}
	rec = a.postAPI(fmt.Sprintf("/api/runs/%d/retry", queued), "")
	var retried struct {
		RunID int64 `json:"run_id"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &retried); rec.Code != http.StatusAccepted || err != nil || retried.RunID <= queued {
		t.Fatalf("API retry: %d %s", rec.Code, rec.Body)
	}
	if r := a.modelWaitRun(t, retried.RunID); r.Status != store.RunDone {
		t.Errorf("retried run ended %s", r.Status)
	}
}
