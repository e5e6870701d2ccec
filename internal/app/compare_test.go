package app

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/demo"
	"github.com/gloveboard/gloveboard/internal/store"
)

func demoVectors(t *testing.T, s *Service) store.VectorSet {
	t.Helper()
	vs, err := s.Store().VectorSets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.Name == demo.VectorsName {
			return v
		}
	}
	t.Fatal("no demo vector set")
	return store.VectorSet{}
}

// TestAlignCacheAndMap: an alignment is computed once per (a, b,
// fit_top); a set aligned with itself has residual 0 and its aligned map
// draws every word's two ends at one place.
func TestAlignCacheAndMap(t *testing.T) {
	s := openAt(t, t.TempDir())
	ctx := context.Background()
	v := demoVectors(t, s)
	first, err := s.Align(ctx, v, v, 0)
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.Align(ctx, v, v, 0)
	if err != nil || again != first {
		t.Errorf("second Align: %p (err %v), want the cached %p", again, err, first)
	}
	top, err := s.Align(ctx, v, v, 100)
	if err != nil || top == first || top.FitWords != 100 {
		t.Errorf("fit_top 100: %+v, %v", top, err)
	}
	if first.Residual > 1e-6 || first.Shared != v.Count {
		t.Errorf("self alignment: residual %g, shared %d of %d", first.Residual, first.Shared, v.Count)
	}
	words := []string{"king", "queen", "water", "ice", "music"}
	m, err := s.AlignedMap(ctx, first, words)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range words {
		if d := math.Hypot(m.From[i][0]-m.To[i][0], m.From[i][1]-m.To[i][1]); d > 1e-5 {
			t.Errorf("%s moved %g on the map of a set aligned with itself", w, d)
		}
	}
	if r := m.ExplainedVarianceRatio; r[0] < r[1] || r[0] <= 0 || r[0]+r[1] > 1+1e-9 {
		t.Errorf("explained variance %v", r)
	}
	if _, err := s.AlignedMap(ctx, first, []string{"king", "notawordzz"}); apperr.CodeOf(err) != apperr.Unprocessable {
		t.Errorf("unknown word on the map: %v", err)
	}
}

// TestAlignLargeRunsAsJob: above MaxInstantAlign, Align refuses with
// ErrAlignLarge until the job has put the alignment in the cache.
func TestAlignLargeRunsAsJob(t *testing.T) {
	s, err := Open(context.Background(), Config{DataDir: t.TempDir(), Workers: 1, SkipDemoBuild: true, MaxInstantAlign: 10})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	ctx := context.Background()
	v := demoVectors(t, s)
	if _, err := s.Align(ctx, v, v, 0); !errors.Is(err, ErrAlignLarge) || apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("large alignment in a request: %v", err)
	}
	job, err := s.SubmitAlign(ctx, v, v, 0)
	if err != nil {
		t.Fatal(err)
	}
	if info := waitJob(t, s, job.ID); info.Status != store.JobDone || info.Kind != string(KindAlign) || info.TargetID != v.ID {
		t.Fatalf("job: %+v", info)
	}
	al, err := s.Align(ctx, v, v, 0)
	if err != nil || al.Shared != v.Count {
		t.Errorf("after the job: %+v, %v", al, err)
	}
}
