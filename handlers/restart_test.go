package handlers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gloveboard/gloveboard/internal/store"
)

// startAppAt starts the dashboard on data directory dir the way cmd/web
// does (app.Open: jobs and runs of the previous process are interrupted).
// stop shuts it down gracefully, as cmd/web does on SIGTERM; it is also
// registered as a cleanup and may be called more than once.
func startAppAt(t *testing.T, dir string) (a *app, stop func()) {
	t.Helper()
	a = startApp(t, dir, func(*appOptions) {})
	stopped := false
	stop = func() {
		if stopped {
			return
		}
		stopped = true
		cctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := a.svc.Close(cctx); err != nil {
			t.Error(err)
		}
	}
	t.Cleanup(stop)
	return a, stop
}

// apiRunState is the part of /api/runs/ID this file checks.
type apiRunState struct {
	ID        int64  `json:"id"`
	Status    string `json:"status"`
	JobID     int64  `json:"job_id"`
	JobStatus string `json:"job_status"`
	Results   struct {
		Error string `json:"error"`
	} `json:"results"`
}

func (a *app) apiRun(t *testing.T, id int64) apiRunState {
	t.Helper()
	rec := a.get(fmt.Sprintf("/api/runs/%d", id))
	var r apiRunState
	if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &r) != nil {
		t.Fatalf("GET /api/runs/%d: %d %s", id, rec.Code, rec.Body)
	}
	return r
}

// startRunByAPI posts body to /api/runs and returns the run and job ids.
func (a *app) startRunByAPI(t *testing.T, body string) (run, job int64) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/api/runs", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := a.do(withToken(req, a.tok))
	var started struct {
		RunID int64 `json:"run_id"`
		JobID int64 `json:"job_id"`
	}
	if rec.Code != http.StatusAccepted || json.Unmarshal(rec.Body.Bytes(), &started) != nil || started.RunID == 0 || started.JobID == 0 {
		t.Fatalf("POST /api/runs %s: %d %s", body, rec.Code, rec.Body)
	}
	return started.RunID, started.JobID
}

// TestRunsAcrossRestart follows three runs of a client's through a
// restart of the server on the same data directory: one finished before,
// one training and one queued when the server was shut down. A client
// polling /api/runs/ID must keep finding the job id it was given by
// POST /api/runs, with that job's final state, and /api/jobs/ID must
// answer for that job from the catalogue.
func TestRunsAcrossRestart(t *testing.T) {
	dir := t.TempDir()
	a, stop := startAppAt(t, dir)
	tiny := a.modelCorpus(t)
	wide := a.modelUpload(t, "wide", modelWideCorpus())
	a.modelBuild(t, wide)

	doneRun, doneJob := a.startRunByAPI(t, fmt.Sprintf(`{"corpus_id": %d, "vector_size": 8, "epochs": 2, "x_max": 10, "threads": 1}`, tiny.ID))
	if r := a.modelWaitRun(t, doneRun); r.Status != store.RunDone {
		t.Fatalf("run %d ended %q", doneRun, r.Status)
	}
	// A run that trains for minutes, and one queued behind it (one worker).
	longRun, longJob := a.startRunByAPI(t, fmt.Sprintf(`{"corpus_id": %d, "vector_size": 50, "epochs": 1000, "threads": 1}`, wide.ID))
	deadline := time.Now().Add(time.Minute)
	for {
		loss, err := a.st.Loss(context.Background(), longRun)
		if err != nil {
			t.Fatal(err)
		}
		if len(loss) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("run %d recorded no epoch within a minute", longRun)
		}
		time.Sleep(10 * time.Millisecond)
	}
	queuedRun, queuedJob := a.startRunByAPI(t, fmt.Sprintf(`{"corpus_id": %d, "vector_size": 8, "epochs": 2, "x_max": 10, "threads": 1}`, tiny.ID))
	for _, w := range []struct {
		run, job  int64
		status    store.RunStatus
		jobStatus store.JobStatus
	}{
		{doneRun, doneJob, store.RunDone, store.JobDone},
		{longRun, longJob, store.RunRunning, store.JobRunning},
		{queuedRun, queuedJob, store.RunRunning, store.JobQueued},
	} {
		if got := a.apiRun(t, w.run); got.Status != string(w.status) || got.JobID != w.job || got.JobStatus != string(w.jobStatus) {
			t.Errorf("before the restart, run %d: %+v; want %s, job %d %s", w.run, got, w.status, w.job, w.jobStatus)
		}
	}

	stop()
	b, _ := startAppAt(t, dir)

	t.Run("job link", func(t *testing.T) {
		for _, w := range []struct {
			run, job   int64
			status     store.RunStatus
			jobStatus  store.JobStatus
			shutdownOK bool // the training run: see the next subtest
		}{
			{doneRun, doneJob, store.RunDone, store.JobDone, false},
			{longRun, longJob, store.RunInterrupted, store.JobInterrupted, true},
			{queuedRun, queuedJob, store.RunInterrupted, store.JobInterrupted, false},
		} {
			got := b.apiRun(t, w.run)
			if got.JobID != w.job || got.JobStatus != string(w.jobStatus) {
				t.Errorf("after the restart, run %d reports job %d %q; want job %d %q", w.run, got.JobID, got.JobStatus, w.job, w.jobStatus)
			}
			if got.Status != string(w.status) && !w.shutdownOK {
				t.Errorf("after the restart, run %d is %q, want %q", w.run, got.Status, w.status)
			}
		}
		// The list carries the same links.
		var list struct {
			Runs []apiRunState `json:"runs"`
		}
		if rec := b.get("/api/runs"); rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &list) != nil {
			t.Fatalf("GET /api/runs: %d %s", rec.Code, rec.Body)
		}
		jobOf := map[int64]int64{}
		for _, r := range list.Runs {
			jobOf[r.ID] = r.JobID
		}
		if jobOf[doneRun] != doneJob || jobOf[longRun] != longJob || jobOf[queuedRun] != queuedJob {
			t.Errorf("/api/runs links runs to jobs %v; want %d→%d, %d→%d, %d→%d",
				jobOf, doneRun, doneJob, longRun, longJob, queuedRun, queuedJob)
		}
		// The jobs themselves answer from the catalogue with their final state.
		for id, want := range map[int64]store.JobStatus{doneJob: store.JobDone, longJob: store.JobInterrupted, queuedJob: store.JobInterrupted} {
			rec := b.get(fmt.Sprintf("/api/jobs/%d", id))
			var j struct {
				Kind     string `json:"kind"`
				Status   string `json:"status"`
				Error    string `json:"error"`
				Finished string `json:"finished"`
			}
			if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &j) != nil {
				t.Errorf("GET /api/jobs/%d after the restart: %d %s", id, rec.Code, rec.Body)
				continue
			}
			if j.Kind != "train" || j.Status != string(want) || j.Finished == "" || (want == store.JobInterrupted) != (j.Error != "") {
				t.Errorf("GET /api/jobs/%d after the restart: %s; want a train job %s with a finish time (and a reason if interrupted)", id, rec.Body, want)
			}
		}
		// A job id the catalogue never had is a plain JSON 404.
		rec := b.get("/api/jobs/987654")
		var e struct {
			Error  string `json:"error"`
			Status int    `json:"status"`
		}
		if rec.Code != http.StatusNotFound || json.Unmarshal(rec.Body.Bytes(), &e) != nil || e.Status != http.StatusNotFound || !strings.Contains(e.Error, "987654") {
			t.Errorf("GET /api/jobs/987654: %d %s; want a JSON 404 naming the id", rec.Code, rec.Body)
		}
		// Cancelling the old run is refused as finished, not as an unknown job.
		rec = b.do(withToken(httptest.NewRequest(http.MethodPost, fmt.Sprintf("/api/jobs/%d/cancel", queuedJob), nil), b.tok))
		if rec.Code != http.StatusConflict {
			t.Errorf("cancelling job %d after the restart: %d %s; want 409", queuedJob, rec.Code, rec.Body)
		}
		if rec := b.get(fmt.Sprintf("/runs/%d", queuedRun)); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "interrupted") {
			t.Errorf("run page %d after the restart: %d", queuedRun, rec.Code)
		}
	})

	t.Run("shutdown interrupts the training run", func(t *testing.T) {
		// Nobody cancelled the run: the server stopped under it, as its job says.
		got := b.apiRun(t, longRun)
		if got.Status != string(store.RunInterrupted) || !strings.Contains(got.Results.Error, "shut down") {
			t.Errorf("the run training at shutdown is %q (%q), want %q saying the server shut down",
				got.Status, got.Results.Error, store.RunInterrupted)
		}
	})
}
