package views

import (
	"math"
	"strings"
	"testing"
)

func TestNewModelPlot(t *testing.T) {
	l := NewModelPlot("/runs/3/plots/loss", "alt", "4-running")
	if l.Src != "/runs/3/plots/loss?format=png&view=page&v=4-running" || l.CSV != "/runs/3/plots/loss?format=csv&download=1" {
		t.Errorf("links %+v", l)
	}
	l = NewModelPlot("/vectors/1/plots/neighbors?word=ice", "alt", "")
	if l.Src != "/vectors/1/plots/neighbors?word=ice&format=png&view=page" || l.SVG != "/vectors/1/plots/neighbors?word=ice&format=svg&download=1" {
		t.Errorf("links with a query %+v", l)
	}
}

// TestLeftOutText: the words a page left out, in both languages, the
// long lists cut at 30 with the rest counted in the page's language.
func TestLeftOutText(t *testing.T) {
	many := make([]string, 35)
	for i := range many {
		many[i] = "w"
	}
	for _, tc := range []struct {
		lang  Lang
		words []string
		want  string
	}{
		{English, []string{"a", "b"}, "Not in this vector set, so left out: a, b"},
		{English, many, "left out: " + strings.Repeat("w, ", 29) + "w and 5 more"},
		{Vietnamese, []string{"a", "b"}, "bị bỏ qua: a, b"},
		{Vietnamese, many, strings.Repeat("w, ", 29) + "w và 5 từ khác"},
	} {
		if got := leftOutText(NewLocale(tc.lang), tc.words); !strings.HasSuffix(got, tc.want) {
			t.Errorf("%v, %d words: got %q, want it to end with %q", tc.lang, len(tc.words), got, tc.want)
		}
	}
}

func TestAccuracyText(t *testing.T) {
	en, vi := NewLocale(English), NewLocale(Vietnamese)
	for _, tc := range []struct {
		correct, covered int
		wantEN, wantVI   string
	}{
		{0, 0, "n/a", "không có"},
		{0, 6576, "0.0%", "0,0%"},
		{3, 6576, "<0.1%", "<0,1%"}, // 0.046%: not zero
		{944, 1516, "62.3%", "62,3%"},
		{7, 7, "100.0%", "100,0%"},
		{9999, 10000, ">99.9%", ">99,9%"}, // 99.99%: not all
		{1, 1000, "0.1%", "0,1%"},
	} {
		if got := AccuracyText(en, tc.correct, tc.covered); got != tc.wantEN {
			t.Errorf("AccuracyText(en, %d, %d) = %q, want %q", tc.correct, tc.covered, got, tc.wantEN)
		}
		if got := AccuracyText(vi, tc.correct, tc.covered); got != tc.wantVI {
			t.Errorf("AccuracyText(vi, %d, %d) = %q, want %q", tc.correct, tc.covered, got, tc.wantVI)
		}
	}
}

func TestSpearmanText(t *testing.T) {
	rho, nan := 0.6125, math.NaN()
	vi := NewLocale(Vietnamese)
	for _, tc := range []struct {
		row    EvalSimilarityRow
		wantEN string
		wantVI string
	}{
		{EvalSimilarityRow{Spearman: &rho}, "0.613", "0,613"},
		{EvalSimilarityRow{Spearman: &rho, TooFew: true}, "too few pairs", "quá ít cặp"},
		{EvalSimilarityRow{}, "n/a", "không có"},
		{EvalSimilarityRow{Spearman: &nan}, "n/a", "không có"},
	} {
		if got := tc.row.SpearmanText(NewLocale(English)); got != tc.wantEN {
			t.Errorf("SpearmanText(en) = %q, want %q", got, tc.wantEN)
		}
		if got := tc.row.SpearmanText(vi); got != tc.wantVI {
			t.Errorf("SpearmanText(vi) = %q, want %q", got, tc.wantVI)
		}
	}
}

func TestNewTrainForm(t *testing.T) {
	f := NewTrainForm(3, 50, 15, 100, 0.75, 0.05, 2, 1)
	want := TrainForm{CorpusID: 3, VectorSize: "50", Epochs: "15", XMax: "100", Alpha: "0.75", Eta: "0.05", Threads: "2", Seed: "1", Model: "glove", Power: "0.5"}
	if f != want {
		t.Errorf("got %+v, want %+v", f, want)
	}
	if f := NewTrainForm(0, 1, 1, 1e-3, 0, 1e30, 1, 18446744073709551615); f.XMax != "0.001" || f.Eta != "1e+30" || f.Seed != "18446744073709551615" {
		t.Errorf("got %+v", f)
	}
}

func TestTrainFields(t *testing.T) {
	d := TrainPageData{
		Form:   TrainForm{VectorSize: "12", Epochs: "abc", XMax: "0", Alpha: "0.5", Eta: "-1", Threads: "", Seed: "7"},
		Limits: TrainLimits{MaxVector: 1000, MaxEpochs: 1000, MaxThreads: 64, MaxAlpha: 10, MaxEta: 1e30, CPUs: 1},
	}
	fs := d.Fields(NewLocale(English))
	type row struct{ name, value, min, max, step string }
	want := []row{
		{"vector_size", "12", "1", "1000", "1"},
		{"epochs", "abc", "1", "1000", "1"},
		{"x_max", "0", "0", "", "any"},
		{"alpha", "0.5", "0", "10", "any"},
		{"eta", "-1", "0", "1e30", "any"},
		{"threads", "", "1", "64", "1"},
		{"seed", "7", "0", "", "1"},
	}
	if len(fs) != len(want) {
		t.Fatalf("%d fields, want %d", len(fs), len(want))
	}
	for i, f := range fs {
		if got := (row{f.Name, f.Value, f.Min, f.Max, f.Step}); got != want[i] {
			t.Errorf("field %d: %+v, want %+v", i, got, want[i])
		}
		if f.ID == "" || f.Label == "" {
			t.Errorf("field %s lacks an id or label", f.Name)
		}
	}
	if hint := fs[5].Hint; !strings.Contains(hint, "(1 CPU)") {
		t.Errorf("threads hint %q", hint)
	}
	d.Limits.CPUs = 1234
	vi := d.Fields(NewLocale(Vietnamese))
	if got, want := vi[5].Hint, "số luồng cập nhật song song (1.234 CPU)"; got != want {
		t.Errorf("Vietnamese threads hint %q, want %q", got, want)
	}
	if got, want := vi[0].Label, "Số chiều véc-tơ d"; got != want {
		t.Errorf("Vietnamese label %q, want %q", got, want)
	}
	for i := range fs {
		if vi[i].Value != fs[i].Value || vi[i].Min != fs[i].Min || vi[i].Max != fs[i].Max {
			t.Errorf("field %s: values differ between languages (%+v, %+v); HTML number inputs want 1.5 in both", fs[i].Name, vi[i], fs[i])
		}
	}
}

func TestHTMLFloat(t *testing.T) {
	for f, want := range map[float64]string{1e30: "1e30", 10: "10", 0.05: "0.05", 1e-7: "1e-07"} {
		if got := htmlFloat(f); got != want {
			t.Errorf("htmlFloat(%g) = %q, want %q", f, got, want)
		}
	}
}
