package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/internal/corpusbuild"
	"github.com/gloveboard/gloveboard/internal/runs"
	"github.com/gloveboard/gloveboard/internal/store"
)

// TestStartUpRemovesDeadRunDirs leaves run directories as a killed
// process would, then reopens: those of failed runs, and of interrupted
// or cancelled runs without a readable checkpoint, are removed; a done
// run's, and an interrupted or cancelled run's with a valid checkpoint
// (for Resume), stay.
func TestStartUpRemovesDeadRunDirs(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(context.Background(), Config{DataDir: dir, Workers: 1, SkipDemoBuild: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c := tinyCorpus(t, s)
	p := DefaultRunParams()
	p.CorpusID, p.VectorSize, p.Epochs, p.XMax, p.Threads = c.ID, 4, 1, 10, 1
	done, job, err := s.StartRun(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if info := waitJob(t, s, job.ID); info.Status != store.JobDone {
		t.Fatalf("run: %+v", info)
	}
	doneDir, _ := s.st.RunDir(done.ID)
	checkpoint, err := os.ReadFile(filepath.Join(doneDir, runs.CheckpointFile))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name       string
		jobStatus  store.JobStatus // as the killed process left it
		checkpoint []byte          // nil: none
		wantKept   bool
	}{
		{"failed", store.JobFailed, checkpoint, false},
		{"cancelled", store.JobCancelled, nil, false},
		{"cancelled, valid checkpoint", store.JobCancelled, checkpoint, true},
		{"interrupted, valid checkpoint", store.JobRunning, checkpoint, true},
		{"interrupted, no checkpoint", store.JobRunning, nil, false},
		{"interrupted, damaged checkpoint", store.JobRunning, checkpoint[:len(checkpoint)/2], false},
	}
	dirs := make([]string, len(cases))
	for i, tc := range cases {
		r, j, err := s.st.CreateRun(ctx, string(KindTrain), c.ID, p.Encode())
		if err != nil {
			t.Fatal(err)
		}
		j.Status, j.Started, j.Finished = tc.jobStatus, time.Now(), time.Now()
		if err := s.st.SaveJob(ctx, j); err != nil {
			t.Fatal(err)
		}
		if dirs[i], err = s.st.RunDir(r.ID); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dirs[i], runs.ModelFile), []byte("model"), 0o644); err != nil {
			t.Fatal(err)
		}
		if tc.checkpoint != nil {
			if err := os.WriteFile(filepath.Join(dirs[i], runs.CheckpointFile), tc.checkpoint, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.Close(ctx); err != nil {
		t.Fatal(err)
	}
	openAt(t, dir)
	for i, tc := range cases {
		_, err := os.Stat(dirs[i])
		if kept := err == nil; kept != tc.wantKept {
			t.Errorf("%s: directory kept = %v, want %v", tc.name, kept, tc.wantKept)
		}
	}
	if _, err := os.Stat(filepath.Join(doneDir, runs.ModelFile)); err != nil {
		t.Errorf("the done run's model was removed: %v", err)
	}
}

// TestBuildUnreadableMessage: a run's failure to read its build says
// which of the three cases it met.
func TestBuildUnreadableMessage(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("%w: %w", runs.ErrBuildUnreadable, corpusbuild.ErrRebuilt), "being rebuilt when this run started"},
		{fmt.Errorf("%w: %w", runs.ErrBuildUnreadable, corpusbuild.ErrNotBuilt), "no longer built"},
		{fmt.Errorf("%w: %w", runs.ErrBuildUnreadable, cooccur.ErrBadMatrixFile), "could not be read"},
	} {
		if got := buildUnreadableMessage(tc.err); !strings.Contains(got, tc.want) {
			t.Errorf("%v: got %q, want it to say %q", tc.err, got, tc.want)
		}
	}
}
