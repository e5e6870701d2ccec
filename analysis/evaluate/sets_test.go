package evaluate

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

// The sample files in testdata are hand-written in the published layouts
// of ViSim-400 and ViCon (the real sets are not shipped: their licence is
// non-commercial).

func TestReadSetViSim(t *testing.T) {
	f, err := os.Open("testdata/visim-sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pairs, format, err := ReadSet(f)
	if err != nil {
		t.Fatal(err)
	}
	if format != FormatViSim {
		t.Errorf("format %v, want ViSim-400", format)
	}
	want := []WordPair{
		{"văn_bản", "tài_liệu", 4.8, 2}, {"hàng", "cột", 1.2, 3}, {"bảng_tính", "bảng", 3.6, 4},
		{"nóng", "lạnh", 0.3, 5}, {"hoà_bình", "bình_yên", 4.2, 6}, // the file spells hoà decomposed (NFD)
	}
	if len(pairs) != len(want) {
		t.Fatalf("%d pairs, want %d", len(pairs), len(want))
	}
	for i, w := range want {
		if pairs[i] != w {
			t.Errorf("pair %d = %+v, want %+v (Sim1, NFC)", i, pairs[i], w)
		}
	}
}

func TestReadSetViCon(t *testing.T) {
	f, err := os.Open("testdata/vicon-sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pairs, format, err := ReadSet(f)
	if err != nil {
		t.Fatal(err)
	}
	if format != FormatViCon || len(pairs) != 6 {
		t.Fatalf("format %v, %d pairs", format, len(pairs))
	}
	var gold []float64
	for _, p := range pairs {
		gold = append(gold, p.Gold)
	}
	if got, want := gold, []float64{1, 0, 0, 1, 0, 1}; !slicesEqual(got, want) {
		t.Errorf("gold %v, want %v (SYN 1, ANT 0)", got, want)
	}
	// Vectors in which the synonyms are close and the antonyms apart
	// score ρ > 0 and AUC 1; swapped, ρ < 0 and AUC 0.
	words := []string{"văn_bản", "tài_liệu", "bắt_đầu", "kết_thúc", "nóng", "lạnh", "to", "lớn", "hàng", "cột", "đẹp", "xinh"}
	for _, tt := range []struct {
		name    string
		synCos  bool // synonyms parallel
		wantAUC float64
	}{{"synonyms close", true, 1}, {"antonyms close", false, 0}} {
		var data []float32
		for k := range 6 {
			a, b := []float32{1, 0}, []float32{0, 1}
			if (gold[k] == 1) == tt.synCos {
				b = []float32{1, 0.1 * float32(k)}
			}
			data = append(data, a...)
			data = append(data, b...)
		}
		set, err := vectors.New(words, 2, data)
		if err != nil {
			t.Fatal(err)
		}
		s, err := Similarity(set, pairs, SimilarityOptions{})
		if err != nil || s.Pairs != 6 {
			t.Fatalf("%s: %+v, %v", tt.name, s, err)
		}
		var model []float64
		for _, p := range pairs {
			a, _ := set.Index(p.A)
			b, _ := set.Index(p.B)
			model = append(model, set.SimilarityAt(a, b))
		}
		if auc := ContrastAUC(gold, model); auc != tt.wantAUC || (s.Spearman > 0) != tt.synCos {
			t.Errorf("%s: AUC %v (want %v), ρ %v", tt.name, auc, tt.wantAUC, s.Spearman)
		}
	}
}

func slicesEqual(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestReadSetPlainAndErrors(t *testing.T) {
	pairs, format, err := ReadSet(strings.NewReader("\ufeff# comment\nold\tnew\t1.5\nbig small 2\n"))
	if err != nil || format != FormatPairs || len(pairs) != 2 || pairs[1] != (WordPair{"big", "small", 2, 3}) {
		t.Errorf("plain: %v, %v, %+v", format, err, pairs)
	}
	for _, tt := range []struct {
		name, text string
		want       error
		line       string
	}{
		{"header without score", "Word1\tWord2\tPOS\nan\tba\tN\n", ErrBadLine, "line 1"},
		{"visim short line", "Word1\tWord2\tPOS\tSim1\tSim2\tSTD\nan\tba\tN\t1\t2\n", ErrBadLine, "line 2"},
		{"visim bad Sim1", "Word1\tWord2\tPOS\tSim1\tSim2\tSTD\nan\tba\tN\tx\t2\t1\n", ErrBadLine, "line 2"},
		{"visim NaN", "Word1\tWord2\tPOS\tSim1\tSim2\tSTD\nan\tba\tN\tNaN\t2\t1\n", ErrBadLine, "line 2"},
		{"vicon bad relation", "Word1\tWord2\tRelation\nan\tba\tSYN\nhai\tba\tHYP\n", ErrBadLine, "line 3"},
		{"vicon empty word", "Word1\tWord2\tRelation\n\tba\tSYN\n", ErrBadLine, "line 2"},
		{"header only", "Word1\tWord2\tRelation\n", ErrEmptySet, "ViCon"},
		{"empty file", "", ErrEmptySet, ""},
		{"plain bad score", "a\tb\tc\n", ErrBadLine, "line 1"},
		{"binary", "\x00\x01\x02\n", ErrBadLine, "line 1"},
	} {
		_, _, err := ReadSet(strings.NewReader(tt.text))
		if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.line) {
			t.Errorf("%s: err = %v, want %v naming %q", tt.name, err, tt.want, tt.line)
		}
	}
}

// TestContrastAUC against hand-computed values: of the four
// synonym–antonym comparisons in {0.9, 0.2} × {0.5, 0.1}, three have the
// synonym higher; a tie counts one half.
func TestContrastAUC(t *testing.T) {
	for _, tt := range []struct {
		gold, model []float64
		want        float64
	}{
		{[]float64{1, 1, 0, 0}, []float64{0.9, 0.2, 0.5, 0.1}, 0.75},
		{[]float64{1, 0}, []float64{0.3, 0.3}, 0.5},
		{[]float64{1, 0, 0}, []float64{0.1, 0.2, 0.3}, 0},
	} {
		if got := ContrastAUC(tt.gold, tt.model); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("ContrastAUC(%v, %v) = %v, want %v", tt.gold, tt.model, got, tt.want)
		}
	}
	if got := ContrastAUC([]float64{1, 1}, []float64{0.1, 0.2}); !math.IsNaN(got) {
		t.Errorf("one class only: %v, want NaN", got)
	}
}
