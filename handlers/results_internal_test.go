package handlers

import (
	"errors"
	"math"
	"reflect"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/analysis/wordgroups"
)

// sameBits reports whether a and b hold the same float64 values bit for
// bit (any NaN matching any NaN).
func sameBits(a, b []float64) bool {
	if len(a) != len(b) || (a == nil) != (b == nil) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) && !(math.IsNaN(a[i]) && math.IsNaN(b[i])) {
			return false
		}
	}
	return true
}

func TestExactFloatsRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		in   []float64
	}{
		{"nil", nil},
		{"empty", []float64{}},
		{"ordinary", []float64{0.1, -2.5, 1e21, 1 / 3.0, 12345.678901234567}},
		{"extremes", []float64{math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, 2.2250738585072014e-308, math.Nextafter(1, 2)}},
		{"zeros", []float64{0, math.Copysign(0, -1)}},
		{"not finite", []float64{math.NaN(), math.Inf(1), math.Inf(-1), 7}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := exactFloats(tc.in).MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			var got exactFloats
			if err := got.UnmarshalJSON(b); err != nil {
				t.Fatalf("%s: %v", b, err)
			}
			if !sameBits(got, tc.in) {
				t.Errorf("%s read back as %v, want %v", b, []float64(got), tc.in)
			}
		})
	}
	for _, bad := range []string{`["Infinity"]`, `[1,"x"]`, `{}`, `[true]`} {
		var got exactFloats
		if err := got.UnmarshalJSON([]byte(bad)); err == nil {
			t.Errorf("%s read as %v, want an error", bad, []float64(got))
		}
	}
}

func TestSavedMapRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		res  *mapResult
	}{
		{"t-SNE", &mapResult{setID: 3, words: []string{"paris", "<b>", "tokyo"}, groups: []string{"city", "", "city"},
			m: &project.Map{Method: project.MethodTSNE, Engine: string(project.EngineExact), Points: []float64{0.1, -3e-12, 5, math.Copysign(0, -1), 1e300, 2},
				KL: 0.25, Trust: project.TrustworthinessResult{Value: math.NaN(), K: 10, Sampled: 3}}}},
		{"axis", &mapResult{setID: 1, words: []string{"france", "paris"}, groups: []string{"country", "capital"}, skipped: []string{"vienna"},
			relation: wordgroups.Family{GroupA: "country", GroupB: "capital"},
			m: &project.Map{Method: project.MethodAxis, Engine: "axis", Points: []float64{1, 2, 3, 4}, AxisAlignment: 0.75, AxisPairs: 1,
				Trust: project.TrustworthinessResult{Value: 0.9, K: 1, Sampled: 2}}}},
		{"PCA", &mapResult{setID: 2, words: []string{"a", "b"}, groups: []string{"", ""}, skipped: []string{},
			m: &project.Map{Method: project.MethodPCA, Engine: "pca", Points: []float64{1, 2, 3, 4}, ExplainedVarianceRatio: []float64{0.5, 0.25, math.Inf(1)}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := encodeMapResult(tc.res)
			if err != nil {
				t.Fatal(err)
			}
			got, err := decodeMapResult(b)
			if err != nil {
				t.Fatalf("%s: %v", b, err)
			}
			want := tc.res
			if !sameBits(got.m.Points, want.m.Points) || !sameBits(got.m.ExplainedVarianceRatio, want.m.ExplainedVarianceRatio) ||
				!sameBits([]float64{got.m.KL, got.m.AxisAlignment, got.m.Trust.Value}, []float64{want.m.KL, want.m.AxisAlignment, want.m.Trust.Value}) {
				t.Errorf("floats changed: got %+v, want %+v", *got.m, *want.m)
			}
			gm, wm := *got.m, *want.m
			gm.Points, wm.Points, gm.ExplainedVarianceRatio, wm.ExplainedVarianceRatio = nil, nil, nil, nil
			gm.KL, wm.KL, gm.AxisAlignment, wm.AxisAlignment, gm.Trust.Value, wm.Trust.Value = 0, 0, 0, 0, 0, 0
			if !reflect.DeepEqual(gm, wm) {
				t.Errorf("map %+v, want %+v", gm, wm)
			}
			if got.setID != want.setID || !reflect.DeepEqual(got.words, want.words) || !reflect.DeepEqual(got.groups, want.groups) ||
				!reflect.DeepEqual(got.skipped, want.skipped) || got.relation.Name() != want.relation.Name() {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

func TestSavedSpectrumRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		res  *corpusSpectrumResult
	}{
		{"fitted", &corpusSpectrumResult{corpusID: 4, name: "demo", nnz: 1234,
			req:    spectrumRequest{weighting: spectrum.PPMI, topN: 500, k: 4, from: 1, to: 4, nnz: 2000, note: "a note"},
			values: []float64{9.87654321012345, 3.1, 1.0000000000000002, 5e-324},
			fit:    spectrum.PowerLawFit{Beta: 1.1, LogC: 2.2, R2: math.NaN(), From: 1, To: 4, Residuals: []float64{0.1, -0.1, 0, 1e-17}, ExpR2: 0.5, ExpRate: 0.3}}},
		{"no fit", &corpusSpectrumResult{corpusID: 4, name: "demo", nnz: 12,
			req:    spectrumRequest{weighting: spectrum.Counts, topN: 20, k: 3, from: 1, to: 3},
			values: []float64{2, 1, 0}, fitErr: "No power law was fitted."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := encodeSpectrumResult(tc.res)
			if err != nil {
				t.Fatal(err)
			}
			got, err := decodeSpectrumResult(b)
			if err != nil {
				t.Fatalf("%s: %v", b, err)
			}
			want := tc.res
			if !sameBits(got.values, want.values) || !sameBits(got.fit.Residuals, want.fit.Residuals) ||
				!sameBits([]float64{got.fit.Beta, got.fit.LogC, got.fit.R2, got.fit.ExpR2, got.fit.ExpRate},
					[]float64{want.fit.Beta, want.fit.LogC, want.fit.R2, want.fit.ExpR2, want.fit.ExpRate}) {
				t.Errorf("floats changed: got %+v, want %+v", got, want)
			}
			if got.corpusID != want.corpusID || got.name != want.name || got.nnz != want.nnz || got.req != want.req ||
				got.fitErr != want.fitErr || got.fit.From != want.fit.From || got.fit.To != want.fit.To {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

func TestSavedResultRefused(t *testing.T) {
	m, err := encodeMapResult(&mapResult{words: []string{"a"}, groups: []string{""}, m: &project.Map{Method: "tsne", Points: []float64{1, 2}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		data   string
		decode func([]byte) error
	}{
		{"a map read as a spectrum", string(m), func(b []byte) error { _, err := decodeSpectrumResult(b); return err }},
		{"another version", `{"version":2,"kind":"map"}`, func(b []byte) error { _, err := decodeMapResult(b); return err }},
		{"not JSON", `{"version":1,`, func(b []byte) error { _, err := decodeMapResult(b); return err }},
		{"unknown field", `{"version":1,"kind":"map","colour":"red"}`, func(b []byte) error { _, err := decodeMapResult(b); return err }},
		{"points short", `{"version":1,"kind":"map","words":["a","b"],"groups":["",""],"points":[1,2,3]}`, func(b []byte) error { _, err := decodeMapResult(b); return err }},
		{"bad number", `{"version":1,"kind":"map","words":["a"],"groups":[""],"points":[1,"one"]}`, func(b []byte) error { _, err := decodeMapResult(b); return err }},
		{"spectrum without fit or reason", `{"version":1,"kind":"corpus-spectrum","matrix":"ppmi","singular_values":[1]}`, func(b []byte) error { _, err := decodeSpectrumResult(b); return err }},
		{"unknown weighting", `{"version":1,"kind":"corpus-spectrum","matrix":"tfidf","fit_error":"x"}`, func(b []byte) error { _, err := decodeSpectrumResult(b); return err }},
	}
	for _, tc := range tests {
		if err := tc.decode([]byte(tc.data)); !errors.Is(err, ErrResultFormat) {
			t.Errorf("%s: %v, want ErrResultFormat", tc.name, err)
		}
	}
}
