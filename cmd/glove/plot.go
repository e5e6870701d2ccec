package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/plot"
)

func plotCommand() command {
	return command{
		name:    "plot",
		summary: "draw a PNG or SVG figure from another command's -json output (or loss CSVs)",
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			return runPlot(ctx, args, os.Stdin, stdout, stderr)
		},
	}
}

// plotKind is a value of the KIND argument: what it reads and how it
// draws that input (loss reads its own, possibly several, files).
type plotKind struct {
	name, input string
	draw        func(data []byte, f *plotFlags) (*plot.Figure, error)
}

// plotKinds lists the KIND argument's values.
var plotKinds = []plotKind{
	{"scatter", "glove project -json: {method, engine, points:[{word,x,y,group}], explained_variance_ratio, trustworthiness}",
		func(data []byte, f *plotFlags) (*plot.Figure, error) {
			return plotScatter(data, plotSplitList(f.highlight), f.maxLabels, f.aspect, f.labels)
		}},
	{"loss", "CSV files with header epoch,cost[,seconds,…] (glove train -loss-out); -in a.csv,b.csv overlays runs", nil},
	{"spectrum", "glove spectrum -json: {matrix, singular_values | eigenvalues, fit:{beta,r2,from,to}}",
		func(data []byte, f *plotFlags) (*plot.Figure, error) { return plotSpectrum(data, f.labels) }},
	{"zipf", "glove zipf -json: {counts, mle:{alpha,…}, least_squares:{slope,r2}}, or a vocab.txt (word count per line)",
		func(data []byte, f *plotFlags) (*plot.Figure, error) { return plotZipf(data, f.labels) }},
	{"ratio", "glove ratio -json: {i, j, rows:[{k, ratio, ratio_kind}]}",
		func(data []byte, f *plotFlags) (*plot.Figure, error) { return plotRatio(data, f.labels) }},
	{"neighbors", "glove neighbors/analogy -json: {results:[{word,score}]}",
		func(data []byte, f *plotFlags) (*plot.Figure, error) { return plotNeighbors(data, f.labels) }},
	{"fidelity", "{x_label, y_label, points:[[x,y],…], r2, reference: identity|fit|none}",
		func(data []byte, f *plotFlags) (*plot.Figure, error) {
			return plotFidelity(data, f.reference, f.labels)
		}},
}

// errPlotInput marks input that does not have the expected shape.
var errPlotInput = errors.New("bad plot input")

func runPlot(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var f plotFlags
	fs, err := f.parse(args, stderr)
	if err != nil {
		return err
	}
	// The flags are checked before any input is read: a bad value is a
	// bad command line (usage, exit 2).
	o, err := f.output(fs, stderr)
	if err != nil {
		return err
	}
	if err := checkOutputPath("out", f.out); err != nil {
		return err
	}
	fig, err := f.figure(ctx, stdin)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return writePlot(fig, o, f.kind.name, f.out, stdout, stderr)
}

// figure reads the input of the plot kind and draws it.
func (f *plotFlags) figure(ctx context.Context, stdin io.Reader) (*plot.Figure, error) {
	if f.kind.draw == nil {
		return plotLoss(ctx, f.in, stdin, f.logY, f.labels)
	}
	data, err := plotReadInput(ctx, f.in, stdin)
	if err != nil {
		return nil, err
	}
	return f.kind.draw(data, f)
}

// writePlot renders fig to memory first, so that a failure never leaves a
// truncated file, then writes it to out ("-": stdout) and reports on
// stderr what was written and the figure's notes.
func writePlot(fig *plot.Figure, o plot.Output, kind, out string, stdout, stderr io.Writer) error {
	var buf bytes.Buffer
	if err := fig.Render(&buf, o); err != nil {
		return err
	}
	var err error
	if out == "-" {
		_, err = stdout.Write(buf.Bytes())
	} else {
		err = writeFileAtomic(out, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err })
	}
	if err != nil {
		return err
	}
	w, h, _, _ := o.PixelSize()
	msg := fmt.Sprintf("wrote %s: %s %s, %d×%d px", out, kind, o.Format, w, h)
	if n := fig.LabelsPlaced(); kind == "scatter" {
		msg += fmt.Sprintf(", %d of %d words labelled", n, fig.Describe().LabelCandidates)
	}
	fmt.Fprintln(stderr, msg)
	for _, n := range fig.Notes() {
		fmt.Fprintln(stderr, "note:", n)
	}
	return nil
}

type plotLabels struct{ title, xlabel, ylabel string }

func plotSplitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// maxPlotInput bounds what plot reads from one input (JSON or CSV).
const maxPlotInput = 512 << 20

// plotReadInput reads one plot input: path, or stdin for "-" (or "").
// Files and the process's standard input are opened with openInput, so
// that Ctrl-C ends a wait for them.
func plotReadInput(ctx context.Context, path string, stdin io.Reader) ([]byte, error) {
	r, name := stdin, "standard input"
	if path != "-" && path != "" || stdin == io.Reader(os.Stdin) {
		if name = path; path == "" || path == "-" {
			path, name = "-", "standard input"
		}
		in, err := openInput(ctx, path)
		if err != nil {
			return nil, err
		}
		defer in.Close()
		r = in
	}
	data, err := io.ReadAll(io.LimitReader(r, maxPlotInput+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if len(data) > maxPlotInput {
		return nil, fmt.Errorf("%w: %s is larger than %d MiB", errPlotInput, name, maxPlotInput>>20)
	}
	data = trimBOM(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w: %s is empty", errPlotInput, name)
	}
	return data, nil
}

// trimBOM drops a UTF-8 byte-order mark from the start of a plot input.
// Excel's "CSV UTF-8" and some Windows editors write one: left in place it
// becomes part of the first CSV header ("\ufeffepoch" no longer names the
// epoch column, and a quoted first header is a CSV syntax error) and
// encoding/json refuses the whole document.
func trimBOM(data []byte) []byte { return bytes.TrimPrefix(data, []byte("\ufeff")) }

func plotDecodeJSON(data []byte, kind string, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%w: %s input is not the expected JSON: %v", errPlotInput, kind, err)
	}
	return nil
}

// plotProjectJSON is the output of glove project -json.
type plotProjectJSON struct {
	Method string `json:"method"`
	Engine string `json:"engine"`
	Points []struct {
		Word  string  `json:"word"`
		X     float64 `json:"x"`
		Y     float64 `json:"y"`
		Group string  `json:"group"`
	} `json:"points"`
	ExplainedVarianceRatio []float64 `json:"explained_variance_ratio"`
	Trustworthiness        *float64  `json:"trustworthiness"`
}

func plotScatter(data []byte, highlight []string, maxLabels int, aspect string, l plotLabels) (*plot.Figure, error) {
	var in plotProjectJSON
	if err := plotDecodeJSON(data, "scatter", &in); err != nil {
		return nil, err
	}
	var equal bool
	switch aspect {
	case "auto":
		equal = strings.EqualFold(in.Method, "pca")
	case "equal":
		equal = true
	case "free":
	default:
		return nil, fmt.Errorf("-aspect %q: want auto, equal or free", aspect)
	}
	pts := make([]plot.MapPoint, len(in.Points))
	for i, p := range in.Points {
		pts[i] = plot.MapPoint{Word: p.Word, X: p.X, Y: p.Y, Group: p.Group}
	}
	return plot.NewScatter(plot.ScatterSpec{
		Points: pts, Method: in.Method, Engine: in.Engine,
		Trustworthiness: in.Trustworthiness, ExplainedVariance: in.ExplainedVarianceRatio,
		Highlight: highlight, MaxLabels: maxLabels, EqualAspect: equal,
		Title: l.title, XLabel: l.xlabel, YLabel: l.ylabel,
	})
}

// plotSpectrumJSON is the output of glove spectrum -json.
type plotSpectrumJSON struct {
	Matrix         string    `json:"matrix"`
	SingularValues []float64 `json:"singular_values"`
	Eigenvalues    []float64 `json:"eigenvalues"`
	Fit            *struct {
		Beta float64  `json:"beta"`
		R2   float64  `json:"r2"`
		From int      `json:"from"`
		To   int      `json:"to"`
		LogC *float64 `json:"log_c"`
	} `json:"fit"`
}

func plotSpectrum(data []byte, l plotLabels) (*plot.Figure, error) {
	var in plotSpectrumJSON
	if err := plotDecodeJSON(data, "spectrum", &in); err != nil {
		return nil, err
	}
	s := plot.SpectrumSpec{Matrix: in.Matrix, Values: in.SingularValues, Quantity: "singular value",
		Title: l.title, XLabel: l.xlabel, YLabel: l.ylabel}
	if len(in.SingularValues) == 0 && len(in.Eigenvalues) > 0 {
		s.Values, s.Quantity = in.Eigenvalues, "eigenvalue"
	}
	if f := in.Fit; f != nil {
		s.Fit = &plot.PowerLawFit{Beta: f.Beta, R2: f.R2, From: f.From, To: f.To, LogC: f.LogC}
	}
	return plot.NewSpectrum(s)
}

// plotZipfJSON is the output of glove zipf -json.
type plotZipfJSON struct {
	Counts []float64 `json:"counts"`
	MLE    *struct {
		Alpha        float64 `json:"alpha"`
		AlphaSE      float64 `json:"alpha_se"`
		XMin         float64 `json:"x_min"`
		NTail        int     `json:"n_tail"`
		KS           float64 `json:"ks"`
		RankExponent float64 `json:"rank_exponent"`
	} `json:"mle"`
	LeastSquares *struct {
		Slope     float64  `json:"slope"`
		R2        float64  `json:"r2"`
		Intercept *float64 `json:"intercept"`
	} `json:"least_squares"`
}

// plotZipf reads the zipf JSON, or a vocabulary file ("word count" per
// line, as glove vocab prints) for a plot without fit lines.
func plotZipf(data []byte, l plotLabels) (*plot.Figure, error) {
	var in plotZipfJSON
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '{' {
		if err := plotDecodeJSON(data, "zipf", &in); err != nil {
			return nil, err
		}
		if len(in.Counts) == 0 {
			return nil, fmt.Errorf("%w: zipf JSON has no \"counts\" (rank-ordered frequencies); pass a vocab.txt with -in instead", errPlotInput)
		}
	} else {
		counts, err := plotVocabCounts(data)
		if err != nil {
			return nil, err
		}
		in.Counts = counts
	}
	s := plot.ZipfSpec{Counts: in.Counts, Title: l.title, XLabel: l.xlabel, YLabel: l.ylabel}
	if m := in.MLE; m != nil {
		s.MLE = &plot.ZipfMLE{Alpha: m.Alpha, AlphaSE: m.AlphaSE, XMin: m.XMin, NTail: m.NTail, KS: m.KS, RankExponent: m.RankExponent}
	}
	if ls := in.LeastSquares; ls != nil {
		s.LeastSquares = &plot.ZipfLeastSquares{Slope: ls.Slope, R2: ls.R2, Intercept: ls.Intercept}
	}
	return plot.NewZipf(s)
}

// plotVocabCounts reads the last field of each non-empty line as a count.
func plotVocabCounts(data []byte) ([]float64, error) {
	var counts []float64
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		c, err := strconv.ParseFloat(fields[len(fields)-1], 64)
		if err != nil {
			return nil, fmt.Errorf("%w: zipf input line %d: want JSON or \"word count\" lines: %v", errPlotInput, line, err)
		}
		counts = append(counts, c)
	}
	return counts, sc.Err()
}

// plotRatioRow is one probe word of glove ratio -json.
type plotRatioRow struct {
	K         string   `json:"k"`
	Ratio     *float64 `json:"ratio"`
	RatioKind string   `json:"ratio_kind"`
	Thin      bool     `json:"thin"`
	InVocab   *bool    `json:"in_vocab"`
}

// plotRatioJSON is the output of glove ratio -json.
type plotRatioJSON struct {
	I        string         `json:"i"`
	J        string         `json:"j"`
	Rows     []plotRatioRow `json:"rows"`
	Largest  []plotRatioRow `json:"largest"`
	Smallest []plotRatioRow `json:"smallest"`
}

func plotRatio(data []byte, l plotLabels) (*plot.Figure, error) {
	var in plotRatioJSON
	if err := plotDecodeJSON(data, "ratio", &in); err != nil {
		return nil, err
	}
	rows := in.Rows
	if len(rows) == 0 { // no probe words given: show the extremes
		rows = append(append(rows, in.Largest...), in.Smallest...)
	}
	bars := make([]plot.RatioBar, len(rows))
	for n, r := range rows {
		b := plot.RatioBar{Word: r.K, Thin: r.Thin, NotInVocab: r.InVocab != nil && !*r.InVocab}
		switch r.RatioKind {
		case "finite", "":
			b.Kind, b.Ratio = plot.RatioFinite, math.NaN()
			if r.Ratio != nil {
				b.Ratio = *r.Ratio
			}
		case "inf":
			b.Kind = plot.RatioInf
		case "zero":
			b.Kind = plot.RatioZero
		case "undefined":
			b.Kind = plot.RatioUndefined
		default:
			return nil, fmt.Errorf("%w: ratio row %q has ratio_kind %q (want finite, inf, zero or undefined)", errPlotInput, r.K, r.RatioKind)
		}
		bars[n] = b
	}
	return plot.NewRatio(plot.RatioSpec{I: in.I, J: in.J, Bars: bars, Title: l.title, XLabel: l.xlabel, YLabel: l.ylabel})
}

// plotNeighborsJSON is the output of glove neighbors -json and glove analogy
// -json.
type plotNeighborsJSON struct {
	Query   string `json:"query"`
	Results []struct {
		Word  string  `json:"word"`
		Score float64 `json:"score"`
	} `json:"results"`
}

func plotNeighbors(data []byte, l plotLabels) (*plot.Figure, error) {
	var in plotNeighborsJSON
	if err := plotDecodeJSON(data, "neighbors", &in); err != nil {
		return nil, err
	}
	bars := make([]plot.ScoreBar, len(in.Results))
	for i, r := range in.Results {
		bars[i] = plot.ScoreBar{Word: r.Word, Score: r.Score}
	}
	return plot.NewBars(plot.BarsSpec{Bars: bars, Query: in.Query, Title: l.title, XLabel: l.xlabel})
}

// plotFidelityJSON is the input of glove plot fidelity: target x against
// prediction y.
type plotFidelityJSON struct {
	Title     string       `json:"title"`
	XLabel    string       `json:"x_label"`
	YLabel    string       `json:"y_label"`
	Points    [][2]float64 `json:"points"`
	R2        *float64     `json:"r2"`
	Reference string       `json:"reference"`
}

func plotFidelity(data []byte, reference string, l plotLabels) (*plot.Figure, error) {
	var in plotFidelityJSON
	if err := plotDecodeJSON(data, "fidelity", &in); err != nil {
		return nil, err
	}
	ref := reference
	if ref == "" {
		ref = in.Reference
	}
	s := plot.FidelitySpec{R2: in.R2, Title: plotOr(l.title, in.Title), XLabel: plotOr(l.xlabel, in.XLabel), YLabel: plotOr(l.ylabel, in.YLabel)}
	switch ref {
	case "", "identity":
		s.Reference = plot.Identity
	case "fit":
		s.Reference = plot.FitLine
	case "none":
		s.Reference = plot.NoLine
	default:
		return nil, fmt.Errorf("reference %q: want identity, fit or none", ref)
	}
	s.X = make([]float64, len(in.Points))
	s.Y = make([]float64, len(in.Points))
	for i, p := range in.Points {
		s.X[i], s.Y[i] = p[0], p[1]
	}
	return plot.NewFidelity(s)
}

func plotOr(s, def string) string {
	if s != "" {
		return s
	}
	return def
}

// plotLoss reads one or more loss CSVs (comma-separated paths, or standard
// input) and overlays them, each named after its file.
func plotLoss(ctx context.Context, in string, stdin io.Reader, logY bool, l plotLabels) (*plot.Figure, error) {
	var runs []plot.Series
	for _, path := range plotSplitList(in) {
		data, err := plotReadInput(ctx, path, stdin)
		if err != nil {
			return nil, err
		}
		name := "standard input"
		if path != "-" {
			name = filepath.Base(path)
		}
		epochs, costs, err := plotLossCSV(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		runs = append(runs, plot.Series{Name: strings.TrimSuffix(name, filepath.Ext(name)), X: epochs, Y: costs})
	}
	if len(runs) == 0 {
		return nil, fmt.Errorf("%w: -in names no CSV files", errPlotInput)
	}
	if len(runs) == 1 && runs[0].Name == "standard input" {
		runs[0].Name = ""
	}
	return plot.NewLoss(plot.LossSpec{Runs: runs, LogY: logY, Title: l.title, XLabel: l.xlabel, YLabel: l.ylabel})
}

// plotLossCSV reads the epoch and cost columns of a CSV with a header row
// (columns found by name; the first two if the names are absent).
func plotLossCSV(data []byte) (epochs, costs []float64, err error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("%w: loss CSV: %v", errPlotInput, err)
	}
	ei, ci := 0, 1
	for k, h := range header {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "epoch":
			ei = k
		case "cost", "loss":
			ci = k
		}
	}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%w: loss CSV: %v", errPlotInput, err)
		}
		if len(rec) <= max(ei, ci) {
			return nil, nil, fmt.Errorf("%w: loss CSV line %d has %d fields", errPlotInput, line, len(rec))
		}
		e, err1 := strconv.ParseFloat(strings.TrimSpace(rec[ei]), 64)
		c, err2 := strconv.ParseFloat(strings.TrimSpace(rec[ci]), 64)
		if err := errors.Join(err1, err2); err != nil {
			return nil, nil, fmt.Errorf("%w: loss CSV line %d: %v", errPlotInput, line, err)
		}
		epochs, costs = append(epochs, e), append(costs, c)
	}
	return epochs, costs, nil
}
