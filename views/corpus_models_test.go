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

func TestBuildSettingsText(t *testing.T) {
	en, vi := NewLocale(English), NewLocale(Vietnamese)
	for _, tt := range []struct {
		s              BuildSettings
		wantEN, wantVI string
	}{
		{BuildSettings{Tokenizer: "whitespace", Window: 3, Symmetric: true, MinCount: 1200, Tokens: "syllables"},
			"tokenizer whitespace, window 3, symmetric, no distance weighting, min count 1,200, max vocabulary all words, tokens: as split (syllables)",
			"bộ tách từ tố theo khoảng trắng, cửa sổ 3, đối xứng, không đánh trọng số theo khoảng cách, số lần tối thiểu 1.200, không giới hạn từ vựng, từ tố: như khi tách (âm tiết)"},
		{BuildSettings{Tokenizer: "words", Window: 10, DistanceWeighting: true, MinCount: 5, MaxVocab: 20000,
			Tokens: "phrases", PhrasePasses: 2, PhraseMinCount: 5, PhraseThreshold: 0.35},
			"tokenizer words, window 10, left context only, 1/d weighting, min count 5, max vocabulary 20,000, tokens: phrases (2 passes, min count 5, NPMI above 0.35)",
			"bộ tách từ tố theo từ, cửa sổ 10, chỉ ngữ cảnh bên trái, trọng số 1/d, số lần tối thiểu 5, từ vựng tối đa 20.000, từ tố: cụm từ (2 lượt, số lần tối thiểu 5, NPMI trên 0,35)"},
	} {
		if got := tt.s.Text(en); got != tt.wantEN {
			t.Errorf("Text(en) = %q, want %q", got, tt.wantEN)
		}
		if got := tt.s.Text(vi); got != tt.wantVI {
			t.Errorf("Text(vi) = %q, want %q", got, tt.wantVI)
		}
	}
}

func TestJobStatusText(t *testing.T) {
	vi := NewLocale(Vietnamese)
	for status, want := range map[string]string{"queued": "đang chờ", "running": "đang chạy", "done": "hoàn tất",
		"failed": "thất bại", "cancelled": "đã hủy", "interrupted": "bị gián đoạn", "paused": "paused"} {
		if got := JobStatusText(vi, status); got != want {
			t.Errorf("JobStatusText(%s) = %q, want %q", status, got, want)
		}
	}
}
