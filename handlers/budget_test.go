package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
)

// TestMemoryBudget checks that jobs over Config.MemoryBudget are refused
// with a message saying what to change: training and t-SNE up front (a
// 4xx before any job starts), builds as soon as the vocabulary or the
// matrix passes its share (the job fails before the matrix is allocated).
func TestMemoryBudget(t *testing.T) {
	const budget = 96 << 10
	a := newAppConfig(t, func(o *appOptions) { o.service.MemoryBudget = budget })

	t.Run("training", func(t *testing.T) {
		// A trainer takes 128 KiB of scratch besides the model
		// (glove.MemoryBytes), so this part has its own 256 KiB budget:
		// d = 10 fits for the tiny corpus; d = 1000 (about 1 MB) does not.
		a := newAppConfig(t, func(o *appOptions) { o.service.MemoryBudget = 256 << 10 })
		c := a.modelCorpus(t)
		for _, tc := range []struct {
			size     string
			wantCode int
			wantMsg  string
		}{
			{"10", http.StatusSeeOther, ""},
			{"1000", http.StatusUnprocessableEntity, "Use a vector size of at most"},
		} {
			rec := a.postModelForm("/train", modelTrainValues(c.ID, map[string]string{"vector_size": tc.size}), false)
			if rec.Code != tc.wantCode {
				t.Fatalf("vector size %s: %d, want %d: %s", tc.size, rec.Code, tc.wantCode, rec.Body)
			}
			if tc.wantMsg != "" {
				if msg := mainText(t, rec); !strings.Contains(msg, tc.wantMsg) || !strings.Contains(msg, "256 KiB") {
					t.Errorf("vector size %s: message %q lacks %q and the budget", tc.size, msg, tc.wantMsg)
				}
			}
		}
		a.waitJobs(t)
		runs, err := a.st.Runs(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(runs) != 1 {
			t.Errorf("%d runs recorded, want only the one that fits", len(runs))
		}
	})

	t.Run("t-SNE", func(t *testing.T) {
		id := demoSet(t, a)
		words := url.QueryEscape(strings.Join(demoWords(t, a, id, 100), "\n"))
		rec := a.get(fmt.Sprintf("/api/vectors/%d/map?method=tsne&source=words&words=%s", id, words))
		if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "Map fewer words") {
			t.Errorf("t-SNE of 100 words in 96 KiB: %d %s", rec.Code, rec.Body)
		}
		// PCA keeps no n×n matrix and is not refused.
		if rec := a.get(fmt.Sprintf("/api/vectors/%d/map?method=pca&source=words&words=%s", id, words)); rec.Code != http.StatusOK {
			t.Errorf("PCA of 100 words: %d %s", rec.Code, rec.Body)
		}
	})

	t.Run("build", func(t *testing.T) {
		// 96 KiB allow 1,024 distinct words and 8,192 nonzeros: the wide
		// corpus has 400 words and far more nonzeros; the ratio corpus
		// fits both.
		for _, tc := range []struct {
			name    string
			content []byte
			wantMsg string
		}{
			{"matrix", modelWideCorpus(), "grew past 8,192 nonzeros"},
		} {
			x := a.modelUpload(t, tc.name, tc.content)
			info := a.buildByAPI(t, x.ID, `{"min_count":1}`)
			if info.Status != store.JobFailed || !strings.Contains(info.Error, tc.wantMsg) || !strings.Contains(info.Error, "minimum count") {
				t.Errorf("%s: job %s %q, want failed with %q", tc.name, info.Status, info.Error, tc.wantMsg)
			}
		}
	})

	t.Run("vocabulary", func(t *testing.T) {
		b := newAppConfig(t, func(o *appOptions) { o.service.MemoryBudget = 12 << 10 }) // 128 words
		x := b.modelUpload(t, "many words", modelWideCorpus())
		info := b.buildByAPI(t, x.ID, `{"min_count":1}`)
		if info.Status != store.JobFailed || !strings.Contains(info.Error, "more than 128 distinct words") {
			t.Errorf("job %s %q", info.Status, info.Error)
		}
	})
}

// TestCancelledJobsLeaveNoGoroutines cancels a training run, a t-SNE map
// and a build while each is running and checks with goleak that nothing
// they started is left (TestMain checks the whole package at its end too).
func TestCancelledJobsLeaveNoGoroutines(t *testing.T) {
	before := goleak.IgnoreCurrent()
	a := newAppConfig(t, func(*appOptions) {})
	c := a.modelUpload(t, "wide", modelWideCorpus())
	a.modelBuild(t, c)
	id := demoSet(t, a)
	words := url.QueryEscape(strings.Join(demoWords(t, a, id, 900), "\n"))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	// cancelWhenRunning waits until the newest job of kind runs (or has
	// already ended), cancels it through the API and waits for its end.
	cancelWhenRunning := func(kind string) {
		t.Helper()
		for {
			list, err := a.jobs.List(ctx, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, j := range list {
				if j.Kind != kind || j.Status == store.JobQueued {
					continue
				}
				rec := a.do(withToken(httptest.NewRequest(http.MethodPost, fmt.Sprintf("/api/jobs/%d/cancel", j.ID), nil), a.tok))
				if rec.Code >= 500 {
					t.Fatalf("cancel %s job %d: %d %s", kind, j.ID, rec.Code, rec.Body)
				}
				info, err := a.jobs.Wait(ctx, j.ID)
				if err != nil {
					t.Fatal(err)
				}
				if info.Status == store.JobDone || info.Status == store.JobRunning {
					t.Errorf("%s job %d is %s after cancelling it while it ran", kind, j.ID, info.Status)
				}
				return
			}
			if ctx.Err() != nil {
				t.Fatalf("no %s job started", kind)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}

	a.modelStartRun(t, modelTrainValues(c.ID, map[string]string{"epochs": "1000", "vector_size": "50"}))
	cancelWhenRunning("train")
	if rec := a.postMap(fmt.Sprintf("/api/vectors/%d/map", id), "method=tsne&source=words&words="+words); rec.Code != http.StatusAccepted {
		t.Fatalf("t-SNE map: %d %s", rec.Code, rec.Body)
	}
	cancelWhenRunning("tsne")
	big := a.modelUpload(t, "bigger", bytes.Repeat(modelWideCorpus(), 20))
	req := httptest.NewRequest(http.MethodPost, fmt.Sprintf("/api/corpora/%d/build", big.ID), strings.NewReader(`{"min_count":1,"window":15}`))
	req.Header.Set("Content-Type", "application/json")
	if rec := a.do(withToken(req, a.tok)); rec.Code != http.StatusAccepted {
		t.Fatalf("build: %d %s", rec.Code, rec.Body)
	}
	cancelWhenRunning(kindBuild)

	// The job manager's idle workers and its resaver stay until the
	// app's cleanup closes it; everything the jobs started must be gone
	// now.
	goleak.VerifyNone(t, before, goleak.IgnoreTopFunction("database/sql.(*DB).connectionOpener"),
		goleak.IgnoreAnyFunction("github.com/gloveboard/gloveboard/internal/jobs.(*Manager).worker"),
		goleak.IgnoreAnyFunction("github.com/gloveboard/gloveboard/internal/jobs.(*Manager).resaver"))
}

// kindBuild is the job kind of corpus builds.
const kindBuild = "build-corpus"

func withToken(req *http.Request, tok string) *http.Request {
	req.Header.Set("X-CSRF-Token", tok)
	return req
}

// buildByAPI starts a build of corpus id through POST /api/corpora/ID/build
// with the JSON settings body, checks the 202 and waits for the job's end.
func (a *app) buildByAPI(t *testing.T, id int64, body string) jobs.Info {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, fmt.Sprintf("/api/corpora/%d/build", id), strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := a.do(withToken(req, a.tok))
	var job struct{ ID int64 }
	if err := json.Unmarshal(rec.Body.Bytes(), &job); err != nil || rec.Code != http.StatusAccepted || job.ID == 0 {
		t.Fatalf("build = %d %s", rec.Code, rec.Body)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	info, err := a.jobs.Wait(ctx, job.ID)
	if err != nil {
		t.Fatal(err)
	}
	return info
}
