package jobs_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
)

// TestFailedFinalSaveIsRetried makes every save of a finished job's state
// fail until released: the job must stay visible with its true state, and
// the catalogue must reach that state once saves succeed again.
func TestFailedFinalSaveIsRetried(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m, err := jobs.New(ctx, st, jobs.Options{SaveAttempts: 2, SaveBackoff: time.Millisecond, ResaveInterval: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close(ctx)
	var broken atomic.Bool
	broken.Store(true)
	var fails atomic.Int64
	m.SetSaveJob(func(ctx context.Context, j store.Job) error {
		if j.Status.Final() && broken.Load() {
			fails.Add(1)
			return errors.New("database is locked (injected)")
		}
		return st.SaveJob(ctx, j)
	})
	j, err := m.Submit("test", 1, func(context.Context, jobs.Run) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	info := waitFinal(t, m, j.ID)
	if info.Status != store.JobDone {
		t.Fatalf("while saves fail: status %s, want done (kept in memory)", info.Status)
	}
	for fails.Load() < 3 { // the bounded retries and at least one later resave
		time.Sleep(5 * time.Millisecond)
	}
	broken.Store(false)
	deadline := time.Now().Add(5 * time.Second)
	for {
		row, err := st.Job(ctx, j.ID)
		if err != nil {
			t.Fatal(err)
		}
		if row.Status == store.JobDone {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("catalogue still says %s after saves succeed again", row.Status)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
