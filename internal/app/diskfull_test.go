package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/internal/durable"
	"github.com/gloveboard/gloveboard/internal/store"
)

// openWithSpace opens a service on a fresh directory whose files are
// written through space, a simulated disk (durable.Space).
func openWithSpace(t *testing.T, space *durable.Space) *Service {
	t.Helper()
	s, err := Open(context.Background(), Config{DataDir: t.TempDir(), Workers: 1, SkipDemoBuild: true,
		Syncer: durable.Syncer{Space: space}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

// wantDiskFull checks a failed job's message: the one disk-full message.
func wantDiskFull(t *testing.T, what string, info JobInfo) {
	t.Helper()
	if info.Status != store.JobFailed {
		t.Fatalf("%s on a full disk: status %s, want failed", what, info.Status)
	}
	if !strings.Contains(info.Error, "disk is full") || !strings.Contains(info.Error, "MiB free") {
		t.Errorf("%s on a full disk: message %q, want the disk-full message", what, info.Error)
	}
}

// leftovers lists the files under dir/sub (recursively) whose names
// match one of names or start with durable.TempPrefix.
func leftovers(t *testing.T, dir string, names ...string) []string {
	t.Helper()
	var found []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		base := d.Name()
		if strings.HasPrefix(base, durable.TempPrefix) || strings.HasPrefix(base, "upload-") {
			found = append(found, path)
		}
		for _, n := range names {
			if base == n {
				found = append(found, path)
			}
		}
		return nil
	})
	return found
}

func TestDiskFullBuildLeavesNoArtefacts(t *testing.T) {
	space := durable.NewSpace(1 << 40)
	s := openWithSpace(t, space)
	c := tinyCorpus(t, s)                      // built once with room to spare
	for _, free := range []int64{0, 40, 300} { // in vocab.txt, in unigrams.txt, in matrix.gbcsr
		space.Set(free)
		settings := DefaultBuildSettings()
		settings.MinCount = 1
		j, err := s.StartBuild(context.Background(), c.ID, settings)
		if err != nil {
			t.Fatal(err)
		}
		wantDiskFull(t, "build", waitJob(t, s, j.ID))
		if left := leftovers(t, s.st.CorpusBuildDir(c.ID), "vocab.txt", "unigrams.txt", "matrix.gbcsr", "summary.json"); len(left) > 0 {
			t.Errorf("free=%d: a failed build left %v", free, left)
		}
		if _, err := s.Build(c.ID); err == nil {
			t.Errorf("free=%d: a failed build can still be loaded", free)
		}
	}
}

func TestDiskFullTrainingFailsClearly(t *testing.T) {
	space := durable.NewSpace(1 << 40)
	s := openWithSpace(t, space)
	c := tinyCorpus(t, s)
	ctx := context.Background()
	p := DefaultRunParams()
	p.CorpusID, p.VectorSize, p.Epochs, p.XMax, p.Threads = c.ID, 4, 1, 10, 1
	for _, free := range []int64{0, 100} { // in model.gob; in the vectors or checkpoint
		space.Set(free)
		run, job, err := s.StartRun(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		wantDiskFull(t, "training", waitJob(t, s, job.ID))
		r, err := s.Run(ctx, run.ID)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != store.RunFailed || r.Results.VectorSetID != 0 || !strings.Contains(r.Results.Error, "disk is full") {
			t.Errorf("free=%d: run %+v, want failed without vectors and with the disk-full message", free, r)
		}
		if left := leftovers(t, s.st.Dir(), "nothing"); len(left) > 0 {
			t.Errorf("free=%d: half-written files left: %v", free, left)
		}
	}
}

func TestDiskFullMapFailsClearly(t *testing.T) {
	space := durable.NewSpace(1 << 40)
	s := openWithSpace(t, space)
	ctx := context.Background()
	f, err := s.st.Stage(strings.NewReader("a 1 0\nb 0 1\nc 1 1\nd 2 1\ne 1 2\nf 3 1\ng 0 3\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.st.AddVectorSet(ctx, store.NewVectorSet{Name: "seven", Source: store.SourceUpload, Count: 7, Dim: 2}, f)
	if err != nil {
		t.Fatal(err)
	}
	set, err := s.VectorSet(ctx, v)
	if err != nil {
		t.Fatal(err)
	}
	space.Set(10)
	plan, err := s.PlanMap(ctx, set, MapRequest{Method: project.MethodTSNE, Source: SourceTop, N: 7, Perplexity: 2})
	if err != nil {
		t.Fatal(err)
	}
	j, err := s.SubmitMap(v, set, plan)
	if err != nil {
		t.Fatal(err)
	}
	wantDiskFull(t, "t-SNE map", waitJob(t, s, j.ID))
	if left := leftovers(t, s.st.Dir(), filepath.Base(s.st.ResultPath(j.ID))); len(left) > 0 {
		t.Errorf("half-written files left: %v", left)
	}
}
