package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/store"
)

// TestSampleRows checks the seeded sample: n distinct rows in increasing
// order, the same for the same seed, another for another seed.
func TestSampleRows(t *testing.T) {
	for _, tc := range []struct{ total, n int }{{10, 10}, {10, 4}, {100_000, 20_000}, {400_000, 5}} {
		a, b, c := sampleRows(tc.total, tc.n, 7), sampleRows(tc.total, tc.n, 7), sampleRows(tc.total, tc.n, 8)
		if len(a) != tc.n || !slices.Equal(a, b) {
			t.Errorf("sampleRows(%d, %d): %d rows, repeatable %v", tc.total, tc.n, len(a), slices.Equal(a, b))
		}
		if tc.n < tc.total && slices.Equal(a, c) {
			t.Errorf("sampleRows(%d, %d): seeds 7 and 8 give the same rows", tc.total, tc.n)
		}
		for i, r := range a {
			if r < 0 || r >= tc.total || (i > 0 && r <= a[i-1]) {
				t.Fatalf("sampleRows(%d, %d): row %d at %d (want distinct rows in 0..%d, increasing)", tc.total, tc.n, r, i, tc.total-1)
			}
		}
	}
}

// TestPlanMapLimits checks the limits the service applies for every
// caller: t-SNE and UMAP up to 20,000 words, PCA of the whole vocabulary,
// and the memory budget.
func TestPlanMapLimits(t *testing.T) {
	const n, dim = 25_000, 4
	words := make([]string, n)
	data := make([]float32, n*dim)
	for i := range words {
		words[i] = fmt.Sprintf("w%d", i)
		data[i*dim+i%dim] = float32(1 + i%7)
	}
	set, err := vectors.New(words, dim, data)
	if err != nil {
		t.Fatal(err)
	}
	s := &Service{budget: DefaultMemoryBudget}
	tests := []struct {
		req  MapRequest
		code apperr.Code
		err  error
		msg  string
	}{
		{MapRequest{Method: project.MethodTSNE, Source: SourceTop, N: 20_001}, apperr.Invalid, ErrBadMapRequest, "from 4 to 20,000 for a t-SNE map"},
		{MapRequest{Method: project.MethodUMAP, Source: SourceSample, N: 25_000}, apperr.Invalid, ErrBadMapRequest, "from 4 to 20,000 for a UMAP map"},
		{MapRequest{Method: project.MethodUMAP, Source: SourceTop, N: 20_000, Neighbors: 15, MinDist: 0.1}, 0, nil, ""},
		{MapRequest{Method: project.MethodPCA, Source: SourceTop, N: 25_000}, 0, nil, ""},
		{MapRequest{Method: project.MethodPCA, Source: SourceTop, N: 25_001}, apperr.Invalid, ErrBadMapRequest, "from 4 to 25,000"},
		{MapRequest{Method: project.MethodTSNE, Source: SourceNeighbors, Word: "w1", N: 20_000}, apperr.Invalid, ErrBadMapRequest, "from 3 to 19,999"},
		{MapRequest{Method: project.MethodTSNE, Source: SourceTop, N: 10, Perplexity: 30}, apperr.Invalid, project.ErrPerplexityTooLarge, "too large for 10 words"},
	}
	for _, tc := range tests {
		p, err := s.PlanMap(context.Background(), set, tc.req)
		if tc.err == nil {
			if err != nil || len(p.Words) != tc.req.N || p.Seed != 1 {
				t.Errorf("PlanMap(%+v) = %v; want %d words and seed 1", tc.req, err, tc.req.N)
			}
			continue
		}
		msg, _ := apperr.MessageOf(err)
		if !errors.Is(err, tc.err) || apperr.CodeOf(err) != tc.code || !strings.Contains(msg, tc.msg) {
			t.Errorf("PlanMap(%+v) = %v (%v), want %v (%v) saying %q", tc.req, err, apperr.CodeOf(err), tc.err, tc.code, tc.msg)
		}
	}
	small := &Service{budget: 1 << 20}
	if _, err := small.PlanMap(context.Background(), set, MapRequest{Method: project.MethodPCA, Source: SourceTop, N: 25_000}); !errors.Is(err, ErrOverBudget) {
		t.Errorf("PCA of 25,000 words over a 1 MiB budget: %v, want ErrOverBudget", err)
	}
}

// TestDrawMapReproducible: a map drawn twice with the same seed has the
// same coordinates, bit for bit; another seed gives another UMAP map.
func TestDrawMapReproducible(t *testing.T) {
	const n, dim = 120, 8
	words := make([]string, n)
	data := make([]float32, n*dim)
	for i := range words {
		words[i] = fmt.Sprintf("w%d", i)
		for j := range dim {
			data[i*dim+j] = float32((i*7+j*3)%11) + float32(i%5)*0.5
		}
	}
	set, err := vectors.New(words, dim, data)
	if err != nil {
		t.Fatal(err)
	}
	s := &Service{budget: DefaultMemoryBudget}
	ctx := context.Background()
	draw := func(req MapRequest) []float64 {
		t.Helper()
		p, err := s.PlanMap(ctx, set, req)
		if err != nil {
			t.Fatal(err)
		}
		res, err := DrawMap(ctx, store.VectorSet{ID: 1, Name: "synthetic"}, set, p, nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.Params.Seed != max(req.Seed, 1) || res.SetName != "synthetic" {
			t.Errorf("params %+v, set %q", res.Params, res.SetName)
		}
		return res.Map.Points
	}
	for _, req := range []MapRequest{
		{Method: project.MethodUMAP, Source: SourceSample, N: 80, Seed: 5, Neighbors: 10, MinDist: 0.1},
		{Method: project.MethodTSNE, Source: SourceTop, N: 40, Seed: 5, Perplexity: 8},
		{Method: project.MethodPCA, Source: SourceSample, N: 60, Seed: 9},
	} {
		a, b := draw(req), draw(req)
		if !slices.Equal(a, b) {
			t.Errorf("%s map of %s drawn twice differs", req.Method, req.Name())
		}
	}
	u := MapRequest{Method: project.MethodUMAP, Source: SourceTop, N: 80, Neighbors: 10, MinDist: 0.1}
	u2 := u
	u.Seed, u2.Seed = 1, 2
	if slices.Equal(draw(u), draw(u2)) {
		t.Error("UMAP maps with seeds 1 and 2 are the same")
	}
}
