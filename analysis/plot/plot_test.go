package plot

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

const tol = 1e-9

func near(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// TestDescribe checks titles, axis labels, log flags and axis ranges of
// each kind for small inputs whose padded ranges are easy to compute.
func TestDescribe(t *testing.T) {
	pow := func(e float64) float64 { return math.Pow(10, e) }
	tests := []struct {
		name  string
		build func() (*Figure, error)
		want  Description
	}{
		{
			name: "scatter",
			build: func() (*Figure, error) {
				return NewScatter(ScatterSpec{Method: "pca", Engine: "gonum", Trustworthiness: ptr(0.9),
					ExplainedVariance: []float64{0.25, 0.125},
					Points:            []MapPoint{{"a", 0, 0, "x"}, {"b", 10, 5, "y"}}})
			},
			want: Description{Kind: KindScatter, Title: "Word map (PCA)",
				Subtitle: "engine: gonum · trustworthiness 0.900 · 2 words",
				XLabel:   "PC1 (25.0% of variance)", YLabel: "PC2 (12.5% of variance)",
				XMin: -0.4, XMax: 10.4, YMin: -0.2, YMax: 5.2, Legend: []string{"x", "y"}, LabelCandidates: 2},
		},
		{
			name: "scatter with context",
			build: func() (*Figure, error) {
				return NewScatter(ScatterSpec{Method: "tsne", Engine: "barnes-hut", Context: "demo · the top 2 words · perplexity 30 · seed 1",
					Points: []MapPoint{{"a", 0, 0, "x"}, {"b", 10, 5, "y"}}})
			},
			want: Description{Kind: KindScatter, Title: "Word map (t-SNE)",
				Subtitle: "demo · the top 2 words · perplexity 30 · seed 1 · engine: barnes-hut · 2 words",
				XLabel:   "t-SNE 1", YLabel: "t-SNE 2",
				XMin: -0.4, XMax: 10.4, YMin: -0.2, YMax: 5.2, Legend: []string{"x", "y"}, LabelCandidates: 2},
		},
		{
			name: "loss",
			build: func() (*Figure, error) {
				return NewLoss(LossSpec{Runs: []Series{{Name: "a.csv", Y: []float64{4, 2, 1}}, {Name: "b.csv", X: []float64{1, 2}, Y: []float64{3, 0.5}}}})
			},
			want: Description{Kind: KindLoss, Title: "Training loss", XLabel: "epoch", YLabel: "cost J",
				XMin: 0.96, XMax: 3.04, YMin: 0.5 - 0.14, YMax: 4 + 0.14, Legend: []string{"a.csv", "b.csv"}},
		},
		{
			name: "loss log y",
			build: func() (*Figure, error) {
				return NewLoss(LossSpec{LogY: true, Title: "GloVe cost", Runs: []Series{{Y: []float64{10, 1, 0.1}}}})
			},
			want: Description{Kind: KindLoss, Title: "GloVe cost", XLabel: "epoch", YLabel: "cost J (log scale)",
				XMin: 0.96, XMax: 3.04, YMin: pow(-1.08), YMax: pow(1.08), YLog: true},
		},
		{
			name: "spectrum",
			build: func() (*Figure, error) {
				return NewSpectrum(SpectrumSpec{Values: []float64{1000, 100, 10, 1}, Quantity: "eigenvalue",
					Fit: &PowerLawFit{Beta: 2, R2: 0.5, From: 1, To: 4}})
			},
			want: Description{Kind: KindSpectrum, Title: "Eigenvalue spectrum", XLabel: "rank r (log scale)", YLabel: "eigenvalue (log scale)",
				XMin: pow(-0.03 * math.Log10(4)), XMax: pow(1.03 * math.Log10(4)), YMin: pow(-0.12), YMax: pow(3.12),
				XLog: true, YLog: true,
				Legend: []string{"eigenvalues", "power law, ranks 1–4: β = 2.000, R² = 0.500"}},
		},
		{
			name: "zipf",
			build: func() (*Figure, error) {
				return NewZipf(ZipfSpec{Counts: []float64{100, 10, 1}, MLE: &ZipfMLE{Alpha: 2, XMin: 1, NTail: 3}})
			},
			want: Description{Kind: KindZipf, Title: "Zipf rank–frequency", XLabel: "rank r (log scale)", YLabel: "frequency f (log scale)",
				XLog: true, YLog: true,
				// The MLE line runs from f(1) = 1·3^1 = 3 to f(3) = 1; the data from 1 to 100.
				XMin: pow(-0.03 * math.Log10(3)), XMax: pow(1.03 * math.Log10(3)), YMin: pow(-0.08), YMax: pow(2.08),
				Legend: []string{"words", "MLE, f ≥ 1: α = 2.000 → rank exponent 1.000"}},
		},
		{
			name: "ratio",
			build: func() (*Figure, error) {
				return NewRatio(RatioSpec{I: "ice", J: "steam", Bars: []RatioBar{{Word: "solid", Ratio: 100, Kind: RatioFinite}, {Word: "gas", Ratio: 0.5, Kind: RatioFinite}, {Word: "x", Ratio: 0, Kind: RatioInf}}})
			},
			want: Description{Kind: KindRatio, Title: "P(k | ice) / P(k | steam)", XLabel: "probe word k", YLabel: "ratio (log scale, 1 = no preference)",
				XMin: -0.5, XMax: 2.5, YMin: pow(-2.3), YMax: pow(2.3), YLog: true,
				XTicks: []string{"solid", "gas", "x"},
				Legend: []string{"more likely near ice (ratio > 1)", "more likely near steam (ratio < 1)", "∞: k never seen near steam"}},
		},
		{
			name: "neighbors",
			build: func() (*Figure, error) {
				return NewBars(BarsSpec{Query: "ice", Bars: []ScoreBar{{"snow", 0.8}, {"cold", 0.5}, {"hot", -0.2}}})
			},
			want: Description{Kind: KindNeighbors, Title: "Nearest neighbours of ice", XLabel: "cosine similarity",
				XMin: -0.2 - 0.14, XMax: 0.8 + 0.14, YMin: -0.6, YMax: 2.6, YTicks: []string{"hot", "cold", "snow"}},
		},
		{
			name: "fidelity",
			build: func() (*Figure, error) {
				return NewFidelity(FidelitySpec{X: []float64{0, 1, 2}, Y: []float64{0, 1, 2}, XLabel: "log X_ij", YLabel: "prediction"})
			},
			want: Description{Kind: KindFidelity, Title: "Fidelity — R² = 1.000", XLabel: "log X_ij", YLabel: "prediction",
				XMin: -0.06, XMax: 2.06, YMin: -0.06, YMax: 2.06, Legend: []string{"3 points", "y = x"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := tt.build()
			if err != nil {
				t.Fatal(err)
			}
			got := f.Describe()
			want := tt.want
			if got.Kind != want.Kind || got.Title != want.Title || got.Subtitle != want.Subtitle ||
				got.XLabel != want.XLabel || got.YLabel != want.YLabel || got.XLog != want.XLog || got.YLog != want.YLog ||
				got.LabelCandidates != want.LabelCandidates {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
			for _, r := range []struct {
				name      string
				got, want float64
			}{{"XMin", got.XMin, want.XMin}, {"XMax", got.XMax, want.XMax}, {"YMin", got.YMin, want.YMin}, {"YMax", got.YMax, want.YMax}} {
				if !near(r.got, r.want, 1e-9) {
					t.Errorf("%s = %.12g, want %.12g", r.name, r.got, r.want)
				}
			}
			if !slices.Equal(got.Legend, want.Legend) {
				t.Errorf("legend = %q, want %q", got.Legend, want.Legend)
			}
			if !slices.Equal(got.XTicks, want.XTicks) || !slices.Equal(got.YTicks, want.YTicks) {
				t.Errorf("ticks = %q, %q, want %q, %q", got.XTicks, got.YTicks, want.XTicks, want.YTicks)
			}
			if len(got.Notes) != 0 || got.Omitted != 0 {
				t.Errorf("notes = %q, omitted = %d, want none", got.Notes, got.Omitted)
			}
		})
	}
}

// TestRenderPNGSize decodes rendered PNGs and checks their exact size.
func TestRenderPNGSize(t *testing.T) {
	f, err := NewBars(BarsSpec{Bars: []ScoreBar{{"snow", 0.8}, {"cold", 0.5}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		out          Output
		wantW, wantH int
	}{
		{"default", Output{}, DefaultWidthPx, DefaultHeightPx},
		{"pixels", Output{Width: 321, Height: 200}, 321, 200},
		{"pixels at 200 dpi", Output{Width: 400, Height: 300, DPI: 200}, 400, 300},
		{"inches at 150 dpi", Output{Width: 3, Height: 2.5, Unit: Inches, DPI: 150}, 450, 375},
		{"inches rounding", Output{Width: 2.004, Height: 1.5, Unit: Inches, DPI: 100}, 200, 150},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := f.Render(&buf, tt.out); err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if got := img.Bounds().Size(); got.X != tt.wantW || got.Y != tt.wantH {
				t.Errorf("size = %v, want %dx%d", got, tt.wantW, tt.wantH)
			}
		})
	}
}

// TestRenderEveryKind renders every sample figure small, as PNG and SVG.
func TestRenderEveryKind(t *testing.T) {
	for name, f := range sampleFigures(t) {
		for _, format := range []Format{PNG, SVG} {
			var buf bytes.Buffer
			if err := f.Render(&buf, Output{Format: format, Width: 320, Height: 240}); err != nil {
				t.Fatalf("%s %v: %v", name, format, err)
			}
			if format == PNG {
				img, err := png.Decode(&buf)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if got := img.Bounds().Size(); got.X != 320 || got.Y != 240 {
					t.Errorf("%s: size %v, want 320x240", name, got)
				}
			} else if _, err := svgText(buf.Bytes()); err != nil {
				t.Errorf("%s: SVG does not parse: %v", name, err)
			}
		}
	}
}

// svgText parses an SVG document and returns the character data of its
// <text> elements, failing on malformed XML or on any element outside the
// SVG vocabulary gonum writes.
func svgText(doc []byte) ([]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var texts []string
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return texts, nil
		}
		if err != nil {
			return nil, err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "svg", "g", "path", "text", "defs", "style", "image", "rect", "circle", "line":
			default:
				return nil, errors.New("unexpected element <" + el.Name.Local + ">")
			}
			inText = el.Name.Local == "text"
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText {
				texts = append(texts, string(el))
			}
		}
	}
}

// TestSVGEscapesHostileText renders words that are markup, contain '&',
// control characters and bidi overrides, and checks that the SVG parses
// and carries them as text.
func TestSVGEscapesHostileText(t *testing.T) {
	hostile := []MapPoint{
		{"<script>alert(1)</script>", 0, 0, "<b>grp</b>"},
		{"R&D", 1, 1, "a&b"},
		{"bell\x07tab\tnul\x00", 2, 0, ""},
		{"\u202Eevil", 0, 2, ""},
		{"\xff\xfebad-utf8", 2, 2, ""},
	}
	f, err := NewScatter(ScatterSpec{Points: hostile, Title: "t<i>&\"'", Engine: "</text><script>x</script>"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Render(&buf, Output{Format: SVG, Width: 800, Height: 600}); err != nil {
		t.Fatal(err)
	}
	texts, err := svgText(buf.Bytes())
	if err != nil {
		t.Fatalf("SVG does not parse: %v", err)
	}
	for _, want := range []string{"<script>alert(1)</script>", "R&D", "a&b", "<b>grp</b>", "t<i>&\"'", "bell\uFFFDtab nul\uFFFD", "evil", "\uFFFDbad-utf8"} {
		found := false
		for _, s := range texts {
			if strings.Contains(s, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("no <text> contains %q; texts: %q", want, texts)
		}
	}
	if bytes.Contains(buf.Bytes(), []byte("<script")) {
		t.Error("SVG contains an unescaped <script")
	}
	if bytes.ContainsRune(buf.Bytes(), '\u202E') {
		t.Error("SVG contains a bidi override")
	}
}

// TestOmittedValues checks that NaN, ±Inf and non-positive values on log
// axes are dropped with notes and the figure still renders.
func TestOmittedValues(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		name        string
		build       func() (*Figure, error)
		wantNotes   []string
		wantOmitted int
	}{
		{"loss log", func() (*Figure, error) {
			return NewLoss(LossSpec{LogY: true, Runs: []Series{{Y: []float64{1, 0, -2, 0.5, nan}}, {Y: []float64{0, 2}}}})
		}, []string{"1 NaN or infinite cost omitted", "3 non-positive costs omitted (log axis)"}, 4},
		{"loss linear keeps zeros", func() (*Figure, error) {
			return NewLoss(LossSpec{Runs: []Series{{Y: []float64{1, 0, -2, inf}}}})
		}, []string{"1 NaN or infinite cost omitted"}, 1},
		{"spectrum negative eigenvalues", func() (*Figure, error) {
			return NewSpectrum(SpectrumSpec{Quantity: "eigenvalue", Values: []float64{5, 3, 1, 0, -1, -4}})
		}, []string{"3 non-positive eigenvalues omitted (log axis)"}, 3},
		{"zipf long series thinned", func() (*Figure, error) {
			counts := make([]float64, 60000)
			for i := range counts {
				counts[i] = 1e6 / float64(i+1)
			}
			return NewZipf(ZipfSpec{Counts: counts})
		}, []string{"ranks 1–1000 drawn one by one; of the 59000 ranks after them, " + strconv.Itoa(len(thinRanks(60000))-1000) + " drawn at log-spaced ranks"}, 0},
		{"zipf zeros", func() (*Figure, error) {
			return NewZipf(ZipfSpec{Counts: []float64{9, 3, 1, 0, 0}})
		}, []string{"2 non-positive counts omitted (log axis)"}, 2},
		{"scatter nan", func() (*Figure, error) {
			return NewScatter(ScatterSpec{Points: []MapPoint{{"a", 0, 0, ""}, {"b", nan, 1, ""}, {"c", 1, inf, ""}}})
		}, []string{"2 points with NaN or infinite coordinates omitted"}, 2},
		{"bars nan", func() (*Figure, error) {
			return NewBars(BarsSpec{Bars: []ScoreBar{{"a", 0.5}, {"b", nan}}})
		}, []string{"1 NaN or infinite score omitted"}, 1},
		{"fidelity inf", func() (*Figure, error) {
			return NewFidelity(FidelitySpec{X: []float64{0, 1, inf, 3}, Y: []float64{0, 1, 2, nan}})
		}, []string{"2 NaN or infinite points omitted"}, 2},
		{"ratio invalid finite", func() (*Figure, error) {
			return NewRatio(RatioSpec{I: "a", J: "b", Bars: []RatioBar{{Word: "k", Ratio: nan, Kind: RatioFinite}, {Word: "l", Ratio: 2, Kind: RatioFinite}, {Word: "m", Ratio: 0, Kind: RatioFinite}}})
		}, []string{"2 ratios not positive and finite, shown as markers"}, 0},
		{"spectrum fit outside data", func() (*Figure, error) {
			return NewSpectrum(SpectrumSpec{Values: []float64{3, 2, 1}, Fit: &PowerLawFit{Beta: 1, From: 2, To: 10}})
		}, []string{"power-law fit over ranks 2–10 (β = 1) not drawn: outside the 3 ranks given"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := tt.build()
			if err != nil {
				t.Fatal(err)
			}
			d := f.Describe()
			if !slices.Equal(d.Notes, tt.wantNotes) || d.Omitted != tt.wantOmitted {
				t.Errorf("notes = %q, omitted = %d; want %q, %d", d.Notes, d.Omitted, tt.wantNotes, tt.wantOmitted)
			}
			if d.YLog && !(d.YMin > 0 && d.YMax > d.YMin) {
				t.Errorf("log y range [%g, %g] not positive", d.YMin, d.YMax)
			}
			var buf bytes.Buffer
			if err := f.Render(&buf, Output{Format: SVG, Width: 300, Height: 200}); err != nil {
				t.Fatal(err)
			}
			texts, err := svgText(buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if len(tt.wantNotes) > 0 && !slices.ContainsFunc(texts, func(s string) bool { return strings.HasPrefix(s, "Note: ") }) {
				t.Errorf("no note caption among %q", texts)
			}
		})
	}
}

// TestNoData checks that empty or entirely undrawable input is ErrNoData.
func TestNoData(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		err  error
	}{
		{"scatter empty", second(NewScatter(ScatterSpec{}))},
		{"scatter all nan", second(NewScatter(ScatterSpec{Points: []MapPoint{{"a", nan, 0, ""}}}))},
		{"loss empty", second(NewLoss(LossSpec{}))},
		{"loss log all non-positive", second(NewLoss(LossSpec{LogY: true, Runs: []Series{{Y: []float64{0, -1}}}}))},
		{"spectrum empty", second(NewSpectrum(SpectrumSpec{}))},
		{"spectrum all non-positive", second(NewSpectrum(SpectrumSpec{Values: []float64{0, -1}}))},
		{"zipf empty", second(NewZipf(ZipfSpec{}))},
		{"ratio empty", second(NewRatio(RatioSpec{I: "a", J: "b"}))},
		{"bars empty", second(NewBars(BarsSpec{}))},
		{"bars all nan", second(NewBars(BarsSpec{Bars: []ScoreBar{{"a", nan}}}))},
		{"fidelity empty", second(NewFidelity(FidelitySpec{}))},
	}
	for _, tt := range tests {
		if !errors.Is(tt.err, ErrNoData) {
			t.Errorf("%s: err = %v, want ErrNoData", tt.name, tt.err)
		}
	}
}

func second(_ *Figure, err error) error { return err }

func TestFidelityLengthMismatchPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic for len(X) != len(Y)")
		}
	}()
	_, _ = NewFidelity(FidelitySpec{X: []float64{1, 2}, Y: []float64{1}})
}

func TestFidelityR2(t *testing.T) {
	x := []float64{1, 2, 3, 4}
	y := []float64{1.5, 2, 2.5, 4.5}
	// Identity: 1 − Σ(y−x)²/Σ(x−x̄)² = 1 − (0.25+0+0.25+0.25)/5 = 0.85.
	// Fit: r² of y on x; Sxy = 4.75, Sxx = 5, Syy = 5.1875 → 4.75²/(5·5.1875).
	tests := []struct {
		ref       Reference
		r2        *float64
		wantTitle string
	}{
		{Identity, nil, "Fidelity — R² = 0.850"},
		{FitLine, nil, "Fidelity — R² = 0.870"},
		{NoLine, nil, "Fidelity"},
		{NoLine, ptr(0.5), "Fidelity — R² = 0.500"},
	}
	for _, tt := range tests {
		f, err := NewFidelity(FidelitySpec{X: x, Y: y, Reference: tt.ref, R2: tt.r2})
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Describe().Title; got != tt.wantTitle {
			t.Errorf("reference %d: title %q, want %q", tt.ref, got, tt.wantTitle)
		}
	}
	if got, want := identityR2(xyOf(x, y)), 0.85; !near(got, want, tol) {
		t.Errorf("identityR2 = %g, want %g", got, want)
	}
	if fit, err := fitLine(xyOf(x, y)); err != nil || !near(fit.R2, 4.75*4.75/(5*5.1875), tol) {
		t.Errorf("fit R² = %g (%v), want %g", fit.R2, err, 4.75*4.75/(5*5.1875))
	}
}

func TestExtremeValuesKeepFiniteAxes(t *testing.T) {
	tests := []struct {
		name  string
		build func() (*Figure, error)
	}{
		{"ratio 1e-320", func() (*Figure, error) {
			return NewRatio(RatioSpec{I: "a", J: "b", Bars: []RatioBar{{Word: "k", Ratio: 1e-320, Kind: RatioFinite}, {Word: "l", Ratio: 1e300, Kind: RatioFinite}}})
		}},
		{"scatter ±1e308", func() (*Figure, error) {
			return NewScatter(ScatterSpec{Points: []MapPoint{{"a", -1e308, 0, ""}, {"b", 1e308, 1, ""}}})
		}},
		{"one point", func() (*Figure, error) {
			return NewScatter(ScatterSpec{Points: []MapPoint{{"a", 5, 5, ""}}})
		}},
		{"constant loss on log axis", func() (*Figure, error) {
			return NewLoss(LossSpec{LogY: true, Runs: []Series{{Y: []float64{2, 2}}}})
		}},
	}
	for _, tt := range tests {
		f, err := tt.build()
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		d := f.Describe()
		for _, v := range []float64{d.XMin, d.XMax, d.YMin, d.YMax} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("%s: axis range [%g, %g] × [%g, %g] not finite", tt.name, d.XMin, d.XMax, d.YMin, d.YMax)
			}
		}
		if !(d.XMin < d.XMax && d.YMin < d.YMax) {
			t.Errorf("%s: empty axis range [%g, %g] × [%g, %g]", tt.name, d.XMin, d.XMax, d.YMin, d.YMax)
		}
		if err := f.Render(io.Discard, Output{Width: 200, Height: 150}); err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

func TestRatioLegendListsMarkerKinds(t *testing.T) {
	f, err := NewRatio(RatioSpec{I: "ice", J: "steam", Bars: []RatioBar{
		{Word: "a", Kind: RatioInf}, {Word: "b", Kind: RatioZero}, {Word: "c", Kind: RatioUndefined},
		{Word: "d", Ratio: 2, Thin: true}, {Word: "e", Kind: RatioUndefined, NotInVocab: true}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Render(io.Discard, Output{Format: SVG, Width: 400, Height: 300}); err != nil {
		t.Fatal(err)
	}
	got := f.Describe().Legend
	want := []string{"more likely near ice (ratio > 1)", "more likely near steam (ratio < 1)",
		"∞: k never seen near steam", "0: k never seen near ice", "0/0: k seen near neither",
		"?: k not in the vocabulary", "pale: thin evidence (few co-occurrences)"}
	if !slices.Equal(got, want) {
		t.Errorf("legend = %q, want %q", got, want)
	}
}

func TestScatterLabelsPlaced(t *testing.T) {
	tests := []struct {
		name      string
		max       int
		wantEqual int // exact count, or -1 for "at least 1 and at most n"
	}{
		{"no labels", -1, 0},
		{"capped", 5, 5},
		{"automatic", 0, -1},
	}
	pts := wordMap(300, 3, 7)
	for _, tt := range tests {
		f, err := NewScatter(ScatterSpec{Points: pts, MaxLabels: tt.max})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Render(io.Discard, Output{Format: SVG, Width: 600, Height: 450}); err != nil {
			t.Fatal(err)
		}
		got := f.LabelsPlaced()
		if tt.wantEqual >= 0 && got != tt.wantEqual || tt.wantEqual < 0 && (got < 1 || got > len(pts)) {
			t.Errorf("%s: %d labels placed, want %d", tt.name, got, tt.wantEqual)
		}
	}
}

func TestOutputErrors(t *testing.T) {
	tests := []struct {
		name string
		out  Output
		want error
	}{
		{"too small", Output{Width: 10, Height: 10}, ErrSize},
		{"too large", Output{Width: 20000, Height: 100}, ErrSize},
		{"negative", Output{Width: -5, Height: 100}, ErrSize},
		{"nan", Output{Width: math.NaN(), Height: 100}, ErrSize},
		{"bad dpi", Output{DPI: -1}, ErrSize},
		{"bad unit", Output{Width: 5, Height: 5, Unit: 7}, ErrSize},
		{"bad format", Output{Format: 9}, ErrFormat},
	}
	f, err := NewBars(BarsSpec{Bars: []ScoreBar{{"a", 1}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		if err := f.Render(io.Discard, tt.out); !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestFormatFromPath(t *testing.T) {
	tests := []struct {
		path string
		want Format
		err  error
	}{
		{"a.png", PNG, nil},
		{"dir.v2/A.SVG", SVG, nil},
		{"plot.jpg", 0, ErrFormat},
		{"plot", 0, ErrFormat},
	}
	for _, tt := range tests {
		got, err := FormatFromPath(tt.path)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("FormatFromPath(%q) = %v, %v; want %v, %v", tt.path, got, err, tt.want, tt.err)
		}
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"ice", 24, "ice"},
		{"a\nb\tc", 24, "a b c"},
		{"x\x00y\x1b", 24, "x\uFFFDy\uFFFD"},
		{"\u202Eabc\u2066d\u2069", 24, "abcd"},
		{"\xffok", 24, "\uFFFDok"},
		{"abcdefgh", 5, "abcde…"},
		{"שלום", 24, "שלום"},
		{"  padded  ", 24, "padded"},
	}
	for _, tt := range tests {
		if got := cleanText(tt.in, tt.max); got != tt.want {
			t.Errorf("cleanText(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

func TestLogTicks(t *testing.T) {
	labels := func(lo, hi float64) []string {
		var out []string
		for _, tk := range (logTicks{}).Ticks(lo, hi) {
			if tk.Label != "" {
				out = append(out, tk.Label)
			}
		}
		return out
	}
	tests := []struct {
		lo, hi float64
		want   []string
	}{
		{1, 1000, []string{"1", "10", "100", "1000"}},
		{0.5, 30, []string{"0.5", "1", "2", "5", "10", "20"}},
		{3, 4, []string{"3", "4"}},
		{1e-6, 1e6, []string{"1e-6", "1e-4", "0.01", "1", "100", "10000", "1e6"}},
		{0, 10, nil},
		{-1, 10, nil},
	}
	for _, tt := range tests {
		if got := labels(tt.lo, tt.hi); !slices.Equal(got, tt.want) {
			t.Errorf("ticks(%g, %g) = %q, want %q", tt.lo, tt.hi, got, tt.want)
		}
	}
}

func TestLinearTicks(t *testing.T) {
	labels := func(lo, hi float64) []string {
		var out []string
		for _, tk := range (linearTicks{}).Ticks(lo, hi) {
			if tk.Label != "" {
				out = append(out, tk.Label)
			}
		}
		return out
	}
	tests := []struct {
		lo, hi float64
		want   []string
	}{
		{0.52, 25.48, []string{"5", "10", "15", "20", "25"}},
		{-0.34, 0.94, []string{"-0.25", "0", "0.25", "0.50", "0.75"}},
		{-10.6, 10.6, []string{"-10", "-5", "0", "5", "10"}},
		{0, 1e-6, []string{"0", "0.0000002", "0.0000004", "0.0000006", "0.0000008", "0.0000010"}},
		{3, 3, nil},
	}
	for _, tt := range tests {
		if got := labels(tt.lo, tt.hi); !slices.Equal(got, tt.want) {
			t.Errorf("ticks(%g, %g) = %q, want %q", tt.lo, tt.hi, got, tt.want)
		}
	}
	var epochs []string
	for _, tk := range (linearTicks{integer: true}).Ticks(0.96, 3.04) {
		if tk.Label != "" {
			epochs = append(epochs, tk.Label)
		}
	}
	if want := []string{"1", "2", "3"}; !slices.Equal(epochs, want) {
		t.Errorf("integer ticks(0.96, 3.04) = %q, want %q", epochs, want)
	}
	// Every labelled epoch tick is a whole number, whatever the range
	// (1 to 15 epochs once chose steps of 2.5).
	for hi := 2.0; hi <= 400; hi++ {
		lo, top := 1-0.02*(hi-1), hi+0.02*(hi-1)
		n := 0
		for _, tk := range (linearTicks{integer: true}).Ticks(lo, top) {
			if tk.Label == "" {
				continue
			}
			n++
			if v, err := strconv.Atoi(tk.Label); err != nil || float64(v) != tk.Value {
				t.Errorf("integer ticks(%g, %g): label %q at %g", lo, top, tk.Label, tk.Value)
			}
		}
		if n < 2 {
			t.Errorf("integer ticks(%g, %g): %d labels", lo, top, n)
		}
	}
}

func TestFormatNum(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{{0, "0"}, {0.001, "0.001"}, {250, "250"}, {100000, "100000"}, {1e6, "1e6"}, {2.5e-7, "2.5e-7"}, {-3e9, "-3e9"}}
	for _, tt := range tests {
		if got := formatNum(tt.v); got != tt.want {
			t.Errorf("formatNum(%g) = %q, want %q", tt.v, got, tt.want)
		}
	}
	sig := []struct {
		v    float64
		want string
	}{{1712.4, "1710"}, {0.0017123, "0.00171"}, {8.9, "8.9"}, {2.346e7, "2.35e7"}}
	for _, tt := range sig {
		if got := formatSig(tt.v); got != tt.want {
			t.Errorf("formatSig(%g) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

// TestConcurrentRender renders separate figures from several goroutines,
// as a web server would (run with -race to check for shared state).
func TestConcurrentRender(t *testing.T) {
	errs := make(chan error, 4)
	for g := 0; g < 4; g++ {
		go func() {
			f, err := NewScatter(ScatterSpec{Points: wordMap(200, 3, uint64(g))})
			if err == nil {
				err = f.Render(io.Discard, Output{Format: Format(g % 2), Width: 300, Height: 200})
			}
			errs <- err
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestEqualAspect(t *testing.T) {
	f, err := NewScatter(ScatterSpec{EqualAspect: true, Points: []MapPoint{{"a", 0, 0, ""}, {"b", 10, 1, ""}}})
	if err != nil {
		t.Fatal(err)
	}
	before := f.Describe()
	c := draw.New(vgimg.New(vg.Points(400), vg.Points(400)))
	x, y := f.p.X, f.p.Y
	f.equalizeAspect(c)
	dc := f.p.DataCanvas(c)
	gotX := float64(dc.Max.X-dc.Min.X) / (f.p.X.Max - f.p.X.Min)
	gotY := float64(dc.Max.Y-dc.Min.Y) / (f.p.Y.Max - f.p.Y.Min)
	if !near(gotX, gotY, 1e-3) {
		t.Errorf("points per unit: x %g, y %g; want equal", gotX, gotY)
	}
	if f.p.X.Min > x.Min || f.p.X.Max < x.Max || f.p.Y.Min > y.Min || f.p.Y.Max < y.Max || !(f.p.Y.Max-f.p.Y.Min > 5*(y.Max-y.Min)) {
		t.Errorf("want ranges widened, y most: x [%g, %g] → [%g, %g], y [%g, %g] → [%g, %g]",
			x.Min, x.Max, f.p.X.Min, f.p.X.Max, y.Min, y.Max, f.p.Y.Min, f.p.Y.Max)
	}
	f.p.X, f.p.Y = x, y
	if err := f.Render(io.Discard, Output{Width: 300, Height: 300}); err != nil {
		t.Fatal(err)
	}
	if after := f.Describe(); after.YMin != before.YMin || after.YMax != before.YMax {
		t.Errorf("Render changed the described y range: %g..%g → %g..%g", before.YMin, before.YMax, after.YMin, after.YMax)
	}
}

// TestFidelityFitLineEdgeCases follows analysis/linefit's policy: a
// constant y is an exact fit (R² = 1, line drawn); a constant x or a
// single point has no line, a note says why, and the title shows no R².
func TestFidelityFitLineEdgeCases(t *testing.T) {
	tests := []struct {
		name      string
		x, y      []float64
		wantTitle string
		wantNote  bool
	}{
		{"constant y", []float64{1, 2, 3}, []float64{4, 4, 4}, "Fidelity — R² = 1.000", false},
		{"constant x", []float64{2, 2, 2}, []float64{1, 2, 3}, "Fidelity", true},
		{"one point", []float64{1}, []float64{2}, "Fidelity", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := NewFidelity(FidelitySpec{X: tc.x, Y: tc.y, Reference: FitLine})
			if err != nil {
				t.Fatal(err)
			}
			d := f.Describe()
			if d.Title != tc.wantTitle {
				t.Errorf("title %q, want %q", d.Title, tc.wantTitle)
			}
			hasNote := slices.Contains(d.Notes, "least-squares line not drawn: x has no spread")
			if hasNote != tc.wantNote {
				t.Errorf("notes %q, want the no-spread note: %v", d.Notes, tc.wantNote)
			}
		})
	}
}
