package main

import (
	"context"
	"encoding/json"
	"math"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/handlers"
	"github.com/gloveboard/gloveboard/internal/app"
)

// TestSpectrumMatchesExplore checks that the dashboard's
// GET /api/vectors/1/spectrum and `glove spectrum -vectors <the demo
// vectors> -json` fit the same ranks and give the same β, by default
// (spectrum.DefaultFitRange in both) and over a range given to both.
func TestSpectrumMatchesExplore(t *testing.T) {
	ctx := context.Background()
	svc, err := app.Open(ctx, app.Config{DataDir: t.TempDir(), Workers: 1, SkipDemoBuild: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		svc.Close(cctx)
	})
	// httptest.NewRequest sends Host: example.com.
	e, err := handlers.New(handlers.Config{Service: svc, AllowedHosts: []string{"example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	demo, err := svc.Store().VectorSet(ctx, 1)
	if err != nil {
		t.Fatalf("demo vector set 1: %v", err)
	}
	web := func(query string) spectrumOut {
		t.Helper()
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/vectors/1/spectrum"+query, nil))
		var out spectrumOut
		dec := json.NewDecoder(rec.Body)
		dec.DisallowUnknownFields() // the CLI's field names, no others
		if rec.Code != http.StatusOK || dec.Decode(&out) != nil {
			t.Fatalf("GET /api/vectors/1/spectrum%s: %d %s", query, rec.Code, rec.Body)
		}
		return out
	}
	tests := []struct {
		name  string
		query string
		args  []string
	}{
		{"default range", "", nil},
		{"given range", "?from=2&to=30", []string{"-fit-from", "2", "-fit-to", "30"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := web(tc.query)
			c := runSpectrumJSON(t, append([]string{"-vectors", demo.Path}, tc.args...)...)
			if w.Matrix != c.Matrix || w.N != c.N || len(w.Eigenvalues) != len(c.Eigenvalues) || w.Fit == nil || c.Fit == nil {
				t.Fatalf("web %s n=%d with %d eigenvalues, CLI %s n=%d with %d", w.Matrix, w.N, len(w.Eigenvalues), c.Matrix, c.N, len(c.Eigenvalues))
			}
			if w.Fit.From != c.Fit.From || w.Fit.To != c.Fit.To {
				t.Errorf("fit ranks: web %d..%d, CLI %d..%d", w.Fit.From, w.Fit.To, c.Fit.From, c.Fit.To)
			}
			// The two compute the eigenvalues with different numbers of
			// workers: equal up to rounding.
			if d := math.Abs(w.Fit.Beta - c.Fit.Beta); d > 1e-9*math.Abs(c.Fit.Beta) || math.IsNaN(d) {
				t.Errorf("β: web %.15g, CLI %.15g", w.Fit.Beta, c.Fit.Beta)
			}
			if tc.query == "" {
				fr, err := spectrum.DefaultFitRange(c.Eigenvalues)
				if err != nil || fr.From != c.Fit.From || fr.To != c.Fit.To {
					t.Errorf("CLI default fit %d..%d, DefaultFitRange %+v, %v", c.Fit.From, c.Fit.To, fr, err)
				}
			}
			t.Logf("ranks %d..%d: β = %.6f (R² %.4f)", c.Fit.From, c.Fit.To, c.Fit.Beta, c.Fit.R2)
		})
	}
}
