package plot

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	gplot "gonum.org/v1/plot"
)

// Longest strings, in runes, before cleanText shortens them.
const (
	maxWordRunes      = 30
	maxLegendRunes    = 48
	maxAxisLabelRunes = 80
	maxTitleRunes     = 160
)

// cleanText makes untrusted text safe and legible in a figure: invalid
// UTF-8 and characters XML 1.0 forbids become U+FFFD, other control
// characters (including newlines, which gonum would treat as line breaks)
// become spaces, bidirectional overrides and isolates are removed so a
// word cannot visually rewrite its neighbours, and text longer than max
// runes is cut with an ellipsis. The text is put in Unicode NFC, so that
// a decomposed Vietnamese letter (e + U+0323 + U+0302) is drawn as the
// font's precomposed glyph (ệ) rather than as a base letter and marks
// that the renderers place side by side.
func cleanText(s string, max int) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F:
			continue // bidi embedding, override, isolate and marks
		case r == '\t' || r == '\n' || r == '\r':
			r = ' '
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			r = '\uFFFD'
		case unicode.IsControl(r):
			r = ' '
		}
		if n == max {
			b.WriteRune('…')
			break
		}
		b.WriteRune(r)
		n++
	}
	return strings.TrimSpace(b.String())
}

// formatNum formats a tick or legend number compactly: plain decimals
// from 1e-3 up to 1e6 (exclusive), otherwise "1e-6" style.
func formatNum(v float64) string {
	if v == 0 {
		return "0"
	}
	a := math.Abs(v)
	if a >= 1e-3 && a < 1e6 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	exp := int(math.Floor(math.Log10(a)))
	mant := v / math.Pow(10, float64(exp))
	ms := strconv.FormatFloat(mant, 'g', 3, 64)
	if ms == "1" {
		return "1e" + strconv.Itoa(exp)
	}
	if ms == "-1" {
		return "-1e" + strconv.Itoa(exp)
	}
	return ms + "e" + strconv.Itoa(exp)
}

// logTicks labels powers of ten, adding 2× and 5× labels when the axis
// spans under two decades and thinning labels when it spans many.
// Unlike gonum's LogTicks it never panics: a non-positive range yields no
// ticks (the figure code keeps log ranges positive anyway).
type logTicks struct{}

func (logTicks) Ticks(lo, hi float64) []gplot.Tick {
	if !(lo > 0 && hi > lo) || math.IsInf(hi, 0) {
		return nil
	}
	e0 := int(math.Floor(math.Log10(lo)))
	e1 := int(math.Ceil(math.Log10(hi)))
	decades := e1 - e0
	narrow := math.Log10(hi/lo) <= 2
	step := 1
	if decades > 8 {
		step = (decades + 7) / 8
	}
	var ticks []gplot.Tick
	for e := e0; e <= e1; e++ {
		base := math.Pow(10, float64(e))
		for m := 1; m < 10; m++ {
			v := base * float64(m)
			if v < lo || v > hi {
				continue
			}
			label := ""
			switch {
			case m == 1 && (e-e0)%step == 0:
				label = formatNum(v)
			case narrow && (m == 2 || m == 5):
				label = formatNum(v)
			case m != 1 && decades > 6:
				continue // too dense for minor ticks
			}
			ticks = append(ticks, gplot.Tick{Value: v, Label: label})
		}
	}
	labelled := 0
	for _, t := range ticks {
		if t.Label != "" {
			labelled++
		}
	}
	if labelled < 2 { // a narrow range: label every tick we have
		for i := range ticks {
			ticks[i].Label = formatNum(ticks[i].Value)
		}
	}
	return ticks
}

// formatSig formats v to three significant digits in formatNum's style.
func formatSig(v float64) string {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 3, 64), 64)
	if err != nil {
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	return formatNum(r)
}

// linearTicks labels about six evenly spaced round values (steps of 1, 2,
// 2.5 or 5 times a power of ten), with unlabelled minor ticks halfway.
// gonum's default labels only about three values, which reads poorly on
// wide plots.
type linearTicks struct {
	// integer, if set, keeps steps at whole numbers (epochs).
	integer bool
}

func (t linearTicks) Ticks(lo, hi float64) []gplot.Tick {
	if !(hi > lo) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return nil
	}
	raw := (hi - lo) / 6
	exp := math.Floor(math.Log10(raw))
	mag := math.Pow(10, exp)
	step, decimals := 10*mag, -int(exp)-1
	for _, m := range []float64{1, 2, 2.5, 5} {
		if t.integer && m == 2.5 && mag < 10 {
			continue // 2.5, 25: steps of 2.5 label 2.5, 7.5, …
		}
		if m*mag >= raw {
			step, decimals = m*mag, -int(exp)
			if m == 2.5 {
				decimals++
			}
			break
		}
	}
	if t.integer {
		step, decimals = max(math.Round(step), 1), 0
	}
	decimals = max(decimals, 0)
	var ticks []gplot.Tick
	for k := math.Ceil(lo / step * 2); k/2*step <= hi; k++ {
		v := k / 2 * step
		if math.Mod(k, 2) != 0 {
			ticks = append(ticks, gplot.Tick{Value: v})
			continue
		}
		label := strconv.FormatFloat(v, 'f', decimals, 64)
		if math.Abs(v) < step*1e-9 {
			v, label = 0, "0"
		}
		ticks = append(ticks, gplot.Tick{Value: v, Label: label})
	}
	return ticks
}

// decimalCommaTicks writes the labels of a numeric ticker with a decimal
// comma: "0.25" → "0,25", "1,000" → "1.000" (Output.DecimalComma).
type decimalCommaTicks struct{ inner gplot.Ticker }

func (d decimalCommaTicks) Ticks(lo, hi float64) []gplot.Tick {
	ts := d.inner.Ticks(lo, hi)
	swap := strings.NewReplacer(".", ",", ",", ".")
	for i := range ts {
		ts[i].Label = swap.Replace(ts[i].Label)
	}
	return ts
}

// withDecimalComma makes the numeric axes of f label their ticks with a
// decimal comma and returns the function that restores them. Nominal axes
// (constant ticks: words) keep their labels.
func (f *Figure) withDecimalComma() (restore func()) {
	x, y := f.p.X.Tick.Marker, f.p.Y.Tick.Marker
	if _, nominal := x.(gplot.ConstantTicks); !nominal && x != nil {
		f.p.X.Tick.Marker = decimalCommaTicks{x}
	}
	if _, nominal := y.(gplot.ConstantTicks); !nominal && y != nil {
		f.p.Y.Tick.Marker = decimalCommaTicks{y}
	}
	f.decimalComma = true
	return func() { f.p.X.Tick.Marker, f.p.Y.Tick.Marker, f.decimalComma = x, y, false }
}
