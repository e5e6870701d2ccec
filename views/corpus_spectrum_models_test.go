package views

import (
	"math"
	"strings"
	"testing"
)

func TestCorpusSpectrumText(t *testing.T) {
	tests := []struct {
		name                   string
		r                      CorpusSpectrumResult
		wantRatio, wantDouble  string
		wantQuality, wantCompr string
	}{
		{"power law wins", CorpusSpectrumResult{First: 60, Last: 12, Beta: 0.5, R2: 0.99, ExpR2: 0.7}, "5", "1.41", "very close", "fits better than exponential decay (R² 0.990 against 0.700)"},
		{"fair power law", CorpusSpectrumResult{First: 10, Last: 10, Beta: 1, R2: 0.93, ExpR2: 0.95}, "1", "2.00", "fair summary", "Exponential decay fits at least as well"},
		{"poor fit, zero tail", CorpusSpectrumResult{First: 10, Last: 0, Beta: 2, R2: 0.5, ExpR2: 0.4}, "—", "4.00", "poor summary", "fits better"},
		{"NaN R²", CorpusSpectrumResult{First: 1, Last: 1, R2: math.NaN(), ExpR2: 0.4}, "1", "1.00", "cannot be judged", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			en := NewLocale(English)
			if got := tc.r.Ratio(en); got != tc.wantRatio {
				t.Errorf("Ratio() = %q, want %q", got, tc.wantRatio)
			}
			if got := tc.r.DoublingFactor(en); got != tc.wantDouble {
				t.Errorf("DoublingFactor() = %q, want %q", got, tc.wantDouble)
			}
			if got := tc.r.FitQuality(en); !strings.Contains(got, tc.wantQuality) {
				t.Errorf("FitQuality() = %q, want it to contain %q", got, tc.wantQuality)
			}
			got := tc.r.Comparison(en)
			if (tc.wantCompr == "") != (got == "") || !strings.Contains(got, tc.wantCompr) {
				t.Errorf("Comparison() = %q, want %q", got, tc.wantCompr)
			}
		})
	}
}

// TestCorpusSpectrumTextVietnamese checks the same sentences in
// Vietnamese: numbers with a decimal comma, the power law compared in
// words.
func TestCorpusSpectrumTextVietnamese(t *testing.T) {
	vi := NewLocale(Vietnamese)
	r := CorpusSpectrumResult{First: 60, Last: 12.5, Beta: 0.5, R2: 0.99, ExpR2: 0.7}
	for _, tc := range []struct{ name, got, want string }{
		{"ratio", r.Ratio(vi), "4,8"},
		{"doubling", r.DoublingFactor(vi), "1,41"},
		{"quality", r.FitQuality(vi), "rất gần một đường thẳng: luật lũy thừa mô tả tốt các giá trị này"},
		{"comparison", r.Comparison(vi)[:strings.Index(r.Comparison(vi), ":")], "Luật lũy thừa khớp tốt hơn mô hình suy giảm hàm mũ (R² 0,990 so với 0,700)"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

func TestCorpusSpectrumLinks(t *testing.T) {
	p := CorpusSpectrumPending{CorpusID: 3, JobID: 17, Status: "running"}
	for _, tc := range []struct{ got, want string }{
		{p.Poll(), "/corpora/3/spectra/17"},
		{p.PageLink(), "/corpora/3?spectrum=17#corpus-spectrum"},
		{p.ProgressValue(), "0.000"},
		{CorpusSpectrumForm{FitTo: 0}.FitToText(), ""},
		{CorpusSpectrumForm{FitTo: 40}.FitToText(), "40"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	for status, want := range map[string]bool{"queued": true, "running": true, "done": false, "failed": false, "cancelled": false} {
		if got := (CorpusSpectrumPending{Status: status}).Active(); got != want {
			t.Errorf("Active() of %s = %v, want %v", status, got, want)
		}
	}
}
