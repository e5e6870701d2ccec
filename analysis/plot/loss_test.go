package plot

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"
)

// TestLossCurvesDistinguishable: two runs with identical costs and a
// third get three different dash patterns in the SVG (one solid), the
// copy is noted, and runs that differ are not.
func TestLossCurvesDistinguishable(t *testing.T) {
	costs := []float64{0.9, 0.5, 0.3, 0.25}
	for _, tc := range []struct {
		name      string
		runs      []Series
		wantDash  int // distinct stroke-dasharray values
		wantNoted bool
	}{
		{"identical", []Series{{Name: "run 1", Y: costs}, {Name: "run 3 (same settings as run 1)", Y: costs}}, 1, true},
		{"three, two identical", []Series{{Name: "a", Y: costs}, {Name: "b", Y: []float64{1, 0.6, 0.4, 0.3}}, {Name: "c", Y: costs}}, 2, true},
		{"different", []Series{{Name: "a", Y: costs}, {Name: "b", Y: []float64{1, 0.6, 0.4, 0.3}}}, 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := NewLoss(LossSpec{Runs: tc.runs})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := f.Render(&buf, Output{Format: SVG, Width: 720, Height: 440}); err != nil {
				t.Fatal(err)
			}
			dashes := map[string]bool{}
			for _, m := range regexp.MustCompile(`stroke-dasharray:([^;"]+)`).FindAllStringSubmatch(buf.String(), -1) {
				if m[1] != "none" {
					dashes[m[1]] = true
				}
			}
			if len(dashes) < tc.wantDash {
				t.Errorf("%d distinct dash patterns %v, want at least %d", len(dashes), dashes, tc.wantDash)
			}
			noted := strings.Contains(strings.Join(f.Notes(), "|"), "coincide")
			if noted != tc.wantNoted {
				t.Errorf("notes %q: coincidence noted %v, want %v", f.Notes(), noted, tc.wantNoted)
			}
		})
	}
}

// TestLossStylesDiffer: no two of the first 12 curves share colour,
// marker and dash pattern.
func TestLossStylesDiffer(t *testing.T) {
	type style struct{ clr, shape, dash string }
	seen := map[style]int{}
	for i := range 12 {
		c, s, d := lossStyle(i)
		k := style{fmt.Sprint(c), fmt.Sprintf("%T", s), fmt.Sprint(d)}
		if j, ok := seen[k]; ok {
			t.Errorf("curves %d and %d share colour, marker and dashes", j, i)
		}
		seen[k] = i
	}
}

// TestLossLegendWhole: legend labels too long for a corner of the data
// area go under the plot whole rather than shortened in the corner.
func TestLossLegendWhole(t *testing.T) {
	labels := []string{"run 3: seed 1, d 10, GloVe, η 0.1", "run 2: seed 1, d 10, GloVe, η 0.05 (same settings as run 1)", "run 1: seed 1, d 10, GloVe, η 0.05"}
	var runs []Series
	for i, l := range labels {
		runs = append(runs, Series{Name: l, Y: []float64{1, 0.5 - 0.1*float64(i), 0.3}})
	}
	for _, width := range []float64{720, 900} {
		f, err := NewLoss(LossSpec{Runs: runs})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := f.Render(&buf, Output{Format: SVG, Width: width, Height: 440}); err != nil {
			t.Fatal(err)
		}
		for _, l := range labels {
			if !strings.Contains(buf.String(), strings.ReplaceAll(l, "(", "\\(")) && !strings.Contains(buf.String(), l) {
				t.Errorf("%v px: legend label %q not drawn whole", width, l)
			}
		}
	}
}

// TestLossAndFidelityText: the Text, R2Text and FitText fields rewrite
// every text the figures write on their own (captions, default legend
// labels, the R² of the title, the fit's legend), and without them the
// English stays.
func TestLossAndFidelityText(t *testing.T) {
	mark := func(english string) string { return "«" + english + "»" }
	costs := []float64{0.9, 0.5, -0.1, 0.25}
	loss := LossSpec{Runs: []Series{{Y: costs}, {Y: costs}}, LogY: true}
	for _, tc := range []struct {
		name       string
		text       func(string) string
		wantNotes  []string
		wantLegend []string
	}{
		{"English", nil,
			[]string{"2 non-positive costs omitted (log axis)", "1 curve coincides with an earlier one: drawn over it, dashed, with smaller markers"},
			[]string{"run 1", "run 2"}},
		{"rewritten", mark,
			[]string{"«2 non-positive costs omitted (log axis)»", "«1 curve coincides with an earlier one: drawn over it, dashed, with smaller markers»"},
			[]string{"«run 1»", "«run 2»"}},
	} {
		t.Run("loss "+tc.name, func(t *testing.T) {
			spec := loss
			spec.Text = tc.text
			f, err := NewLoss(spec)
			if err != nil {
				t.Fatal(err)
			}
			d := f.Describe()
			if got, want := strings.Join(d.Notes, "|"), strings.Join(tc.wantNotes, "|"); got != want {
				t.Errorf("notes\n got %q\nwant %q", got, want)
			}
			if got, want := strings.Join(d.Legend, "|"), strings.Join(tc.wantLegend, "|"); got != want {
				t.Errorf("legend %q, want %q", got, want)
			}
		})
	}

	// By hand: slope Sxy/Sxx = 4.5/5 = 0.9, intercept 2.75 − 0.9·2.5 =
	// 0.5, R² = 0.9·4.5/4.75 = 0.853.
	x := []float64{1, 2, 3, 4, math.NaN()}
	y := []float64{1.5, 2.5, 2.5, 4.5, 1}
	for _, tc := range []struct {
		name                      string
		spec                      FidelitySpec
		wantTitle, wantNote       string
		wantPoints, wantReference string
	}{
		{"English", FidelitySpec{X: x, Y: y, Reference: FitLine, Title: "t"},
			"t — R² = 0.853", "1 NaN or infinite point omitted", "4 points", "least squares: y = 0.9·x +0.5"},
		{"rewritten", FidelitySpec{X: x, Y: y, Reference: FitLine, Title: "t", Text: mark,
			R2Text:  func(r2 float64) string { return fmt.Sprintf("R2 %.2f", r2) },
			FitText: func(slope, intercept float64) string { return fmt.Sprintf("fit %.1f %.1f", slope, intercept) }},
			"t — R2 0.85", "«1 NaN or infinite point omitted»", "«4 points»", "fit 0.9 0.5"},
	} {
		t.Run("fidelity "+tc.name, func(t *testing.T) {
			f, err := NewFidelity(tc.spec)
			if err != nil {
				t.Fatal(err)
			}
			d := f.Describe()
			if d.Title != tc.wantTitle {
				t.Errorf("title %q, want %q", d.Title, tc.wantTitle)
			}
			if len(d.Notes) != 1 || d.Notes[0] != tc.wantNote {
				t.Errorf("notes %q, want [%q]", d.Notes, tc.wantNote)
			}
			if len(d.Legend) != 2 || d.Legend[0] != tc.wantPoints || d.Legend[1] != tc.wantReference {
				t.Errorf("legend %q, want [%q %q]", d.Legend, tc.wantPoints, tc.wantReference)
			}
		})
	}
}
