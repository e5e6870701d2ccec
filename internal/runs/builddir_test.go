package runs

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/gloveboard/gloveboard/internal/corpusbuild"
	"github.com/gloveboard/gloveboard/internal/store"
)

// TestExecuteFromBuildDir: training on a build's files (the matrix read
// from disk) gives the model of training on the loaded build, and a
// damaged or missing matrix file is ErrBuildUnreadable, never a model.
func TestExecuteFromBuildDir(t *testing.T) {
	st, b := tinyBuild(t, store.Options{})
	ctx := context.Background()
	p := DefaultParams()
	p.VectorSize, p.Epochs, p.XMax, p.Threads, p.Seed = 8, 2, 10, 1, 3
	execute := func(tr Training) (Results, error) {
		t.Helper()
		run, _, err := st.CreateRun(ctx, "train", 1, p.Encode())
		if err != nil {
			t.Fatal(err)
		}
		tr.Store, tr.RunID, tr.Params = st, run.ID, p
		return Execute(ctx, tr)
	}
	loaded, err := execute(Training{Build: b})
	if err != nil {
		t.Fatal(err)
	}
	dir := st.CorpusBuildDir(1)
	fromDisk, err := execute(Training{BuildDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if loaded.FinalCost != fromDisk.FinalCost || loaded.Epochs != fromDisk.Epochs {
		t.Errorf("final cost from the loaded build %v, from its files %v: want equal", loaded.FinalCost, fromDisk.FinalCost)
	}

	matrix := filepath.Join(dir, buildMatrixFile)
	raw, err := os.ReadFile(matrix)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"truncated", raw[:len(raw)-5]},
		{"not a matrix", []byte("hello")},
		{"missing", nil},
	} {
		if tc.data == nil {
			os.Remove(matrix)
		} else if err := os.WriteFile(matrix, tc.data, 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := execute(Training{BuildDir: dir})
		if !errors.Is(err, ErrBuildUnreadable) || res.VectorSetID != 0 {
			t.Errorf("%s matrix file: %v (vector set %d), want ErrBuildUnreadable", tc.name, err, res.VectorSetID)
		}
	}
}

// TestExecuteDuringRebuild: a run that opens its build's files while the
// corpus is being rebuilt (summary.json removed, as Build does first, or
// replaced by a newer build's) fails with ErrBuildUnreadable wrapping
// corpusbuild.ErrNotBuilt, instead of training on a mix of two builds.
func TestExecuteDuringRebuild(t *testing.T) {
	st, _ := tinyBuild(t, store.Options{})
	ctx := context.Background()
	p := DefaultParams()
	p.VectorSize, p.Epochs, p.XMax, p.Threads, p.Seed = 8, 1, 10, 1, 3
	dir := st.CorpusBuildDir(1)
	summary := filepath.Join(dir, "summary.json")
	raw, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(summary); err != nil {
		t.Fatal(err)
	}
	run, _, err := st.CreateRun(ctx, "train", 1, p.Encode())
	if err != nil {
		t.Fatal(err)
	}
	res, err := Execute(ctx, Training{Store: st, RunID: run.ID, Params: p, BuildDir: dir})
	if !errors.Is(err, ErrBuildUnreadable) || !errors.Is(err, corpusbuild.ErrNotBuilt) || res.VectorSetID != 0 {
		t.Errorf("summary removed: %v (vector set %d), want ErrBuildUnreadable and ErrNotBuilt", err, res.VectorSetID)
	}
	// Once the build is whole again, the same run trains.
	if err := os.WriteFile(summary, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	run, _, err = st.CreateRun(ctx, "train", 1, p.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Execute(ctx, Training{Store: st, RunID: run.ID, Params: p, BuildDir: dir}); err != nil {
		t.Errorf("whole build: %v", err)
	}
}
