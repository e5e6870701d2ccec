package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/plot"
)

const (
	plotRatioInput = `{"i":"ice","j":"steam","rows":[
		{"k":"solid","x_ik":190,"x_jk":22,"p_ik":1.9e-4,"p_jk":2.2e-5,"ratio":8.9,"ratio_kind":"finite"},
		{"k":"gas","x_ik":66,"x_jk":780,"p_ik":6.6e-5,"p_jk":7.8e-4,"ratio":0.085,"ratio_kind":"finite"},
		{"k":"plasma","x_ik":3,"x_jk":0,"p_ik":3e-6,"p_jk":0,"ratio":null,"ratio_kind":"inf"},
		{"k":"vapour","x_ik":0,"x_jk":5,"p_ik":0,"p_jk":5e-6,"ratio":null,"ratio_kind":"zero"},
		{"k":"zebra","x_ik":0,"x_jk":0,"p_ik":0,"p_jk":0,"ratio":null,"ratio_kind":"undefined","thin":true,"in_vocab":true},
		{"k":"qwzx","x_ik":0,"x_jk":0,"p_ik":0,"p_jk":0,"ratio":null,"ratio_kind":"undefined","thin":true,"in_vocab":false},
		{"k":"rare","x_ik":2,"x_jk":1,"p_ik":2e-6,"p_jk":1e-6,"ratio":2,"ratio_kind":"finite","thin":true,"in_vocab":true}],
		"largest":[],"smallest":[]}`
	plotNeighborsInput = `{"results":[{"word":"snow","score":0.81},{"word":"frozen","score":0.77}]}`
	plotProjectInput   = `{"method":"pca","engine":"gonum","points":[
		{"word":"ice","x":0.1,"y":0.2,"group":"solid"},{"word":"steam","x":0.9,"y":0.4,"group":"gas"},
		{"word":"<script>alert(1)</script>","x":0.5,"y":0.9,"group":"a&b"}],
		"explained_variance_ratio":[0.4,0.2],"trustworthiness":0.93}`
	plotSpectrumInput = `{"matrix":"PPMI","singular_values":[100,50,33,25,20,16,14],"fit":{"beta":1,"r2":0.99,"from":2,"to":6}}`
	plotEigenInput    = `{"matrix":"covariance","eigenvalues":[4,2,1,0,-0.5]}`
	plotZipfInput     = `{"mle":{"alpha":2,"alpha_se":0.1,"x_min":2,"n_tail":4,"ks":0.05,"rank_exponent":1},
		"least_squares":{"slope":-1.1,"r2":0.97},"counts":[100,50,30,20,2,1,1]}`
	plotFidelityInput = `{"x_label":"log X_ij","y_label":"prediction","points":[[0,0.1],[1,0.9],[2,2.2],[3,2.8]],"r2":0.97}`
)

// runPlotTest runs glove plot with stdin and returns stderr and the error.
func runPlotTest(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := runPlot(context.Background(), args, strings.NewReader(stdin), &stdout, &stderr)
	return stderr.String(), err
}

func TestPlotKindsPNG(t *testing.T) {
	dir := t.TempDir()
	vocab := filepath.Join(dir, "vocab.txt")
	if err := os.WriteFile(vocab, []byte("the 1000\nof 500\nice 30\nsteam 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		kind, stdin string
		extra       []string
		wantStderr  string
	}{
		{"ratio", plotRatioInput, nil, "wrote"},
		{"neighbors", plotNeighborsInput, nil, "wrote"},
		{"scatter", plotProjectInput, []string{"-highlight", "solid"}, "of 3 words labelled"},
		{"spectrum", plotSpectrumInput, nil, "wrote"},
		{"spectrum", plotEigenInput, nil, "note: 2 non-positive eigenvalues omitted (log axis)"},
		{"zipf", plotZipfInput, nil, "wrote"},
		{"zipf", "", []string{"-in", vocab}, "wrote"},
		{"fidelity", plotFidelityInput, []string{"-reference", "fit"}, "wrote"},
		// A UTF-8 byte-order mark before the JSON (Windows editors).
		{"neighbors", "\ufeff" + plotNeighborsInput, nil, "wrote"},
		{"scatter", "\ufeff" + plotProjectInput, nil, "of 3 words labelled"},
		{"zipf", "\ufeff" + plotZipfInput, nil, "wrote"},
	}
	for n, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			out := filepath.Join(dir, tt.kind+string(rune('a'+n))+".png")
			args := append([]string{tt.kind, "-out", out, "-width", "320", "-height", "240"}, tt.extra...)
			stderr, err := runPlotTest(t, tt.stdin, args...)
			if err != nil {
				t.Fatalf("err = %v; stderr:\n%s", err, stderr)
			}
			if !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.wantStderr)
			}
			f, err := os.Open(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			img, err := png.Decode(f)
			if err != nil {
				t.Fatal(err)
			}
			if got := img.Bounds().Size(); got.X != 320 || got.Y != 240 {
				t.Errorf("size = %v, want 320x240", got)
			}
		})
	}
}

// svgTexts returns the text content of an SVG's <text> elements.
func svgTexts(t *testing.T, doc []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var texts []string
	in := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return texts
		}
		if err != nil {
			t.Fatalf("SVG does not parse: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			in = el.Name.Local == "text"
		case xml.EndElement:
			in = false
		case xml.CharData:
			if in {
				texts = append(texts, string(el))
			}
		}
	}
}

func TestPlotLossCSVs(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "run-a.csv")
	b := filepath.Join(dir, "run-b.csv")
	if err := os.WriteFile(a, []byte("epoch,cost,seconds,nonzeros_per_second\n1,0.5,1.0,100\n2,0.25,2.0,100\n3,0,3.0,100\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte("epoch,cost\n1,0.6\n2,0.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "loss.svg")
	stderr, err := runPlotTest(t, "", "loss", "-in", a+","+b, "-logy", "-out", out, "-title", "GloVe cost")
	if err != nil {
		t.Fatalf("err = %v; stderr:\n%s", err, stderr)
	}
	if want := "note: 1 non-positive cost omitted (log axis)"; !strings.Contains(stderr, want) {
		t.Errorf("stderr %q does not contain %q", stderr, want)
	}
	doc, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	texts := strings.Join(svgTexts(t, doc), "\n")
	for _, want := range []string{"GloVe cost", "run-a", "run-b", "epoch", "cost J (log scale)", "Note: 1 non-positive cost omitted (log axis)"} {
		if !strings.Contains(texts, want) {
			t.Errorf("SVG text lacks %q:\n%s", want, texts)
		}
	}
}

// TestPlotLossCSVBOM: a loss CSV saved by Excel as "CSV UTF-8" starts
// with a byte-order mark, which must not hide the first header's name or
// make a quoted header a syntax error.
func TestPlotLossCSVBOM(t *testing.T) {
	tests := []struct {
		name, csv           string
		wantEpoch, wantCost []float64
	}{
		{"plain", "epoch,cost\n1,0.5\n2,0.25\n", []float64{1, 2}, []float64{0.5, 0.25}},
		{"BOM", "\ufeffepoch,cost\n1,0.5\n2,0.25\n", []float64{1, 2}, []float64{0.5, 0.25}},
		// The columns found by name: the BOM sits on the first one.
		{"BOM, cost first", "\ufeffcost,epoch\r\n0.5,1\r\n0.25,2\r\n", []float64{1, 2}, []float64{0.5, 0.25}},
		{"BOM, quoted header", "\ufeff\"epoch\",\"cost\"\n1,0.5\n2,0.25\n", []float64{1, 2}, []float64{0.5, 0.25}},
	}
	dir := t.TempDir()
	for n, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, string(rune('a'+n))+".csv")
			if err := os.WriteFile(path, []byte(tt.csv), 0o644); err != nil {
				t.Fatal(err)
			}
			data, err := plotReadInput(context.Background(), path, nil)
			if err != nil {
				t.Fatal(err)
			}
			gotEpoch, gotCost, err := plotLossCSV(data)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(gotEpoch, tt.wantEpoch) || !slices.Equal(gotCost, tt.wantCost) {
				t.Errorf("epochs %v, costs %v; want %v, %v", gotEpoch, gotCost, tt.wantEpoch, tt.wantCost)
			}
		})
	}
	// The whole command, reading the BOM'd CSV from standard input.
	out := filepath.Join(dir, "loss.png")
	if stderr, err := runPlotTest(t, tests[3].csv, "loss", "-out", out, "-width", "320", "-height", "240"); err != nil {
		t.Fatalf("err = %v; stderr:\n%s", err, stderr)
	}
}

func TestPlotStdoutSVGEscapes(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := runPlot(context.Background(), []string{"scatter", "-out", "-", "-format", "svg"}, strings.NewReader(plotProjectInput), &stdout, &stderr)
	if err != nil {
		t.Fatalf("err = %v; stderr:\n%s", err, stderr.String())
	}
	texts := strings.Join(svgTexts(t, stdout.Bytes()), "\n")
	for _, want := range []string{"<script>alert(1)</script>", "a&b", "Word map (PCA)", "engine: gonum · trustworthiness 0.930 · 3 words"} {
		if !strings.Contains(texts, want) {
			t.Errorf("SVG text lacks %q:\n%s", want, texts)
		}
	}
}

func TestPlotErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "x.png")
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  error // nil: any error
	}{
		{"no kind", "", []string{"-out", out}, errUsage},
		{"unknown kind", "{}", []string{"pie", "-out", out}, errUsage},
		{"no out", plotNeighborsInput, []string{"neighbors"}, errUsage},
		{"bad extension", plotNeighborsInput, []string{"neighbors", "-out", filepath.Join(dir, "x.gif")}, plot.ErrFormat},
		{"stdout without format", plotNeighborsInput, []string{"neighbors", "-out", "-"}, nil},
		{"empty stdin", "", []string{"neighbors", "-out", out}, errPlotInput},
		{"not json", "hello", []string{"ratio", "-out", out}, errPlotInput},
		{"no results", `{"results":[]}`, []string{"neighbors", "-out", out}, plot.ErrNoData},
		{"no points", `{"points":[]}`, []string{"scatter", "-out", out}, plot.ErrNoData},
		{"bad ratio kind", `{"i":"a","j":"b","rows":[{"k":"x","ratio":null,"ratio_kind":"huge"}]}`, []string{"ratio", "-out", out}, errPlotInput},
		{"zipf without counts", `{"mle":{"alpha":2}}`, []string{"zipf", "-out", out}, errPlotInput},
		{"size too small", plotNeighborsInput, []string{"neighbors", "-out", out, "-width", "5", "-height", "5"}, plot.ErrSize},
		{"width without height", plotNeighborsInput, []string{"neighbors", "-out", out, "-width", "500"}, nil},
		{"bad aspect", plotProjectInput, []string{"scatter", "-out", out, "-aspect", "square"}, nil},
		{"bad csv", "epoch,cost\n1,abc\n", []string{"loss", "-out", out}, errPlotInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := runPlotTest(t, tt.stdin, tt.args...)
			if err == nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed plot left %s behind (stat err %v)", out, err)
	}
}

func TestPlotRegistered(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"plot", "-h"}, &stdout, &stderr); code != 0 {
		t.Fatalf("glove plot -h exited %d; stderr:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "usage: glove plot KIND") {
		t.Errorf("help lacks the usage line:\n%s", stderr.String())
	}
}
