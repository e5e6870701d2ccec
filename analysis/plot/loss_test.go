package plot

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strconv"
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

// TestLossAndFidelityText: LossText, and the fields of FidelityText
// this package's loss plots do not share with it (Omitted, NoSpread,
// Fit), rewrite the text the figures write on their own (captions,
// default legend labels, the fit's legend), with numbers by Number; the
// zero values keep the English.
func TestLossAndFidelityText(t *testing.T) {
	comma := func(v float64, d int) string {
		return strings.Replace(strconv.FormatFloat(v, 'f', d, 64), ".", ",", 1) + "!"
	}
	costs := []float64{0.9, 0.5, -0.1, 0.25}
	loss := LossSpec{Runs: []Series{{Y: costs}, {Y: costs}}, LogY: true}
	for _, tc := range []struct {
		name       string
		text       LossText
		wantNotes  []string
		wantLegend []string
	}{
		{"English", LossText{},
			[]string{"2 non-positive costs omitted (log axis)", "1 curve coincides with an earlier one: drawn over it, dashed, with smaller markers"},
			[]string{"run 1", "run 2"}},
		{"rewritten", LossText{NonFinite: "nf %s", NonPositive: "np %s", Coincide: "co %s", Run: "r %s", Number: comma},
			[]string{"np 2!", "co 1!"}, []string{"r 1!", "r 2!"}},
		{"partly rewritten", LossText{NonFinite: "nf %s"},
			[]string{"2 non-positive costs omitted (log axis)", "1 curve coincides with an earlier one: drawn over it, dashed, with smaller markers"},
			[]string{"run 1", "run 2"}},
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
			if d.Omitted != 2 {
				t.Errorf("%d costs omitted, want 2", d.Omitted)
			}
		})
	}

	// By hand: slope Sxy/Sxx = 4.5/5 = 0.9, intercept 2.75 − 0.9·2.5 =
	// 0.5, R² = 0.9·4.5/4.75 = 0.853.
	x := []float64{1, 2, 3, 4, math.NaN()}
	y := []float64{1.5, 2.5, 2.5, 4.5, 1}
	for _, tc := range []struct {
		name                    string
		text                    FidelityText
		wantNote, wantReference string
	}{
		{"English", FidelityText{}, "1 NaN or infinite point omitted", "least squares: y = 0.9·x +0.5"},
		{"rewritten", FidelityText{Omitted: "om %s", Number: comma,
			Fit: func(slope, intercept float64) string { return fmt.Sprintf("fit %.1f %.1f", slope, intercept) }},
			"om 1!", "fit 0.9 0.5"},
	} {
		t.Run("fidelity "+tc.name, func(t *testing.T) {
			f, err := NewFidelity(FidelitySpec{X: x, Y: y, Reference: FitLine, Title: "t", Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			d := f.Describe()
			if len(d.Notes) != 1 || d.Notes[0] != tc.wantNote || d.Omitted != 1 {
				t.Errorf("notes %q (%d omitted), want [%q] (1)", d.Notes, d.Omitted, tc.wantNote)
			}
			if len(d.Legend) != 2 || d.Legend[1] != tc.wantReference {
				t.Errorf("legend %q, want the fit as %q", d.Legend, tc.wantReference)
			}
		})
	}
	f, err := NewFidelity(FidelitySpec{X: []float64{2, 2, 2}, Y: []float64{1, 2, 3}, Reference: FitLine, Text: FidelityText{NoSpread: "flat"}})
	if err != nil {
		t.Fatal(err)
	}
	if notes := f.Notes(); len(notes) != 1 || notes[0] != "flat" {
		t.Errorf("notes %q, want [flat]", notes)
	}
}
