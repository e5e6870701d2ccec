package app

import (
	"errors"
	"math"
	"reflect"
	"strings"
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
		res  *MapResult
	}{
		{"t-SNE", &MapResult{SetID: 3, SetName: "Tiếng Việt", Words: []string{"paris", "<b>", "tokyo"}, Groups: []string{"city", "", "city"},
			Params: MapParams{Name: "paris and its 2 nearest neighbours", Source: "neighbors", N: 2, Word: "paris", Seed: 1 << 52, Perplexity: 0.1 + 0.2},
			Map: &project.Map{Method: project.MethodTSNE, Engine: string(project.EngineExact), Points: []float64{0.1, -3e-12, 5, math.Copysign(0, -1), 1e300, 2},
				KL: 0.25, Trust: project.TrustworthinessResult{Value: math.NaN(), K: 10, Sampled: 3}}}},
		{"axis", &MapResult{SetID: 1, Words: []string{"france", "paris"}, Groups: []string{"country", "capital"}, Skipped: []string{"vienna"},
			Relation: wordgroups.Family{GroupA: "country", GroupB: "capital"},
			Map: &project.Map{Method: project.MethodAxis, Engine: "axis", Points: []float64{1, 2, 3, 4}, AxisAlignment: 0.75, AxisPairs: 1,
				Trust: project.TrustworthinessResult{Value: 0.9, K: 1, Sampled: 2}}}},
		{"UMAP", &MapResult{SetID: 4, Words: []string{"a", "b"}, Groups: []string{"other", "other"},
			Params: MapParams{Name: "the top 2 words", Source: "top", N: 2, Seed: 3, Neighbors: 2, MinDist: 0.1},
			Map:    &project.Map{Method: project.MethodUMAP, Engine: "umap-spectral", Points: []float64{1, 2, 3, 4}}}},
		{"PCA", &MapResult{SetID: 2, Words: []string{"a", "b"}, Groups: []string{"", ""}, Skipped: []string{},
			Map: &project.Map{Method: project.MethodPCA, Engine: "pca", Points: []float64{1, 2, 3, 4}, ExplainedVarianceRatio: []float64{0.5, 0.25, math.Inf(1)}}}},
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
			if !sameBits(got.Map.Points, want.Map.Points) || !sameBits(got.Map.ExplainedVarianceRatio, want.Map.ExplainedVarianceRatio) ||
				!sameBits([]float64{got.Map.KL, got.Map.AxisAlignment, got.Map.Trust.Value}, []float64{want.Map.KL, want.Map.AxisAlignment, want.Map.Trust.Value}) {
				t.Errorf("floats changed: got %+v, want %+v", *got.Map, *want.Map)
			}
			gm, wm := *got.Map, *want.Map
			gm.Points, wm.Points, gm.ExplainedVarianceRatio, wm.ExplainedVarianceRatio = nil, nil, nil, nil
			gm.KL, wm.KL, gm.AxisAlignment, wm.AxisAlignment, gm.Trust.Value, wm.Trust.Value = 0, 0, 0, 0, 0, 0
			if !reflect.DeepEqual(gm, wm) {
				t.Errorf("map %+v, want %+v", gm, wm)
			}
			if got.SetID != want.SetID || !reflect.DeepEqual(got.Words, want.Words) || !reflect.DeepEqual(got.Groups, want.Groups) ||
				!reflect.DeepEqual(got.Skipped, want.Skipped) || got.Relation.Name() != want.Relation.Name() ||
				got.SetName != want.SetName || got.Params != want.Params {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

func TestSavedSpectrumRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		res  *CorpusSpectrum
	}{
		{"fitted", &CorpusSpectrum{CorpusID: 4, Name: "demo", NNZ: 1234,
			Request: SpectrumRequest{Weighting: spectrum.PPMI, TopN: 500, K: 4, From: 1, To: 4, NNZ: 2000, Note: "a note"},
			Values:  []float64{9.87654321012345, 3.1, 1.0000000000000002, 5e-324},
			Fit:     spectrum.PowerLawFit{Beta: 1.1, LogC: 2.2, R2: math.NaN(), From: 1, To: 4, Residuals: []float64{0.1, -0.1, 0, 1e-17}, ExpR2: 0.5, ExpRate: 0.3}}},
		{"no fit", &CorpusSpectrum{CorpusID: 4, Name: "demo", NNZ: 12,
			Request: SpectrumRequest{Weighting: spectrum.Counts, TopN: 20, K: 3, From: 1, To: 3},
			Values:  []float64{2, 1, 0}, FitError: "No power law was fitted."}},
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
			if !sameBits(got.Values, want.Values) || !sameBits(got.Fit.Residuals, want.Fit.Residuals) ||
				!sameBits([]float64{got.Fit.Beta, got.Fit.LogC, got.Fit.R2, got.Fit.ExpR2, got.Fit.ExpRate},
					[]float64{want.Fit.Beta, want.Fit.LogC, want.Fit.R2, want.Fit.ExpR2, want.Fit.ExpRate}) {
				t.Errorf("floats changed: got %+v, want %+v", got, want)
			}
			if got.CorpusID != want.CorpusID || got.Name != want.Name || got.NNZ != want.NNZ || got.Request != want.Request ||
				got.FitError != want.FitError || got.Fit.From != want.Fit.From || got.Fit.To != want.Fit.To {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

func TestSavedResultRefused(t *testing.T) {
	m, err := encodeMapResult(&MapResult{Words: []string{"a"}, Groups: []string{""}, Map: &project.Map{Method: "tsne", Points: []float64{1, 2}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		data   string
		decode func([]byte) error
	}{
		{"a map read as a spectrum", string(m), func(b []byte) error { _, err := decodeSpectrumResult(b); return err }},
		{"another version", `{"version":3,"kind":"map","result":{}}`, func(b []byte) error { _, err := decodeMapResult(b); return err }},
		{"envelope without result", `{"version":2,"kind":"map"}`, func(b []byte) error { _, err := decodeMapResult(b); return err }},
		{"unknown field in the result", `{"version":2,"kind":"map","result":{"colour":"red"}}`, func(b []byte) error { _, err := decodeMapResult(b); return err }},
		{"legacy file of version 2", `{"version":2,"kind":"map","words":[],"groups":[],"points":[]}`, func(b []byte) error { _, err := decodeMapResult(b); return err }},
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

// TestLegacyResultsLoad checks that result files written before the
// envelope (version 1: the fields beside "kind" and "version") still load,
// as the same results the current format holds.
func TestLegacyResultsLoad(t *testing.T) {
	legacyMap := `{"version":1,"kind":"map","vector_set_id":3,"words":["paris","rome"],"groups":["city","city"],"skipped":null,` +
		`"method":"tsne","engine":"exact","points":[0.5,"NaN",-1,2e-300],"explained_variance_ratio":null,"kl":0.25,` +
		`"axis_alignment":0,"axis_pairs":0,"trust_value":"NaN","trust_k":0,"trust_sampled":0}`
	m, err := decodeMapResult([]byte(legacyMap))
	if err != nil {
		t.Fatalf("legacy map: %v", err)
	}
	if m.SetID != 3 || !reflect.DeepEqual(m.Words, []string{"paris", "rome"}) || m.Map.Method != "tsne" || m.Map.KL != 0.25 ||
		!sameBits(m.Map.Points, []float64{0.5, math.NaN(), -1, 2e-300}) {
		t.Errorf("legacy map read as %+v / %+v", m, *m.Map)
	}
	again, err := encodeMapResult(m)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(again), `{"kind":"map","version":2,"result":{`) {
		t.Errorf("re-encoded as %s, want the envelope", again)
	}
	legacySpectrum := `{"version":1,"kind":"corpus-spectrum","corpus_id":4,"corpus_name":"demo","matrix":"ppmi","top_n":20,"k":3,` +
		`"fit_from":1,"fit_to":3,"block_nnz":50,"nnz":40,"singular_values":[3,2,1],"fit":null,"fit_error":"No power law was fitted."}`
	sp, err := decodeSpectrumResult([]byte(legacySpectrum))
	if err != nil {
		t.Fatalf("legacy spectrum: %v", err)
	}
	if sp.CorpusID != 4 || sp.Request.TopN != 20 || sp.Request.Weighting != spectrum.PPMI || sp.NNZ != 40 || sp.FitError == "" ||
		!sameBits(sp.Values, []float64{3, 2, 1}) {
		t.Errorf("legacy spectrum read as %+v", sp)
	}
}
