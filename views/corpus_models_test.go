package views

import (
	"math"
	"testing"
)

func TestNumberFormats(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{Sci(1.9e-4), "1.9×10⁻⁴"},
		{Sci(0.085), "8.5×10⁻²"},
		{Sci(2.5), "2.5"},
		{Sci(0), "0"},
		{Sci(math.NaN()), "—"},
		{Sig(8.9), "8.9"},
		{Sig(1.36), "1.36"},
		{Sig(0.0096), "9.6×10⁻³"},
		{Sig(12345), "12345"},
		{Sig(2e7), "2.0×10⁷"},
		{Sig(math.Inf(1)), "—"},
		{CountF(1234), "1,234"},
		{CountF(2.5), "2.50"},
		{CountF(1234.999), "1,235"},
		{CountF(math.NaN()), "—"},
		{Fixed(math.Inf(-1), 2), "—"},
		{RatioCell{Kind: "inf"}.RatioText(NewLocale(English)), "∞"},
		{RatioCell{Kind: "zero"}.RatioText(NewLocale(English)), "0"},
		{RatioCell{Kind: "undefined", Ratio: math.NaN()}.RatioText(NewLocale(English)), "undefined"},
		{RatioCell{Kind: "finite", Ratio: 0.085}.RatioText(NewLocale(English)), "0.085"},
		{addProbe("solid,gas", "gas"), "solid,gas"},
		{addProbe("solid", "ice"), "solid,ice"},
		{addProbe("", "ice"), "ice"},
	}
	for n, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%d: got %q, want %q", n, tc.got, tc.want)
		}
	}
}

func TestBuildSettingsForm(t *testing.T) {
	s := BuildSettings{Tokenizer: "whitespace", Window: 10, Symmetric: true, MinCount: 5, MaxVocab: 0,
		Tokens: "phrases", PhrasePasses: 2, PhraseMinCount: 5, PhraseThreshold: 0.45}
	want := BuildForm{Tokenizer: "whitespace", Window: "10", Symmetric: true, MinCount: "5", MaxVocab: "0",
		Tokens: "phrases", PhrasePasses: "2", PhraseMinCount: "5", PhraseThreshold: "0.45"}
	if got := s.Form(); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
