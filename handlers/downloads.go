package handlers

// The one downloads convention of the dashboard. Every figure is served at
// an address ending in /plots/<what> (or, for a job's result, /plot) that
// takes ?format=png|svg|csv (default png) and ?download=1; the CSV holds
// the figure's rows. Every artefact (figures, their CSV rows, the vector
// files) goes out through sendArtefact, so all share:
//
//   - the file name rule of downloadName:
//     gloveboard-<owner>-<what>[-<param>…].<ext>, ASCII, with a UTF-8
//     twin in filename* when names or words are not ASCII;
//   - Content-Disposition: attachment with ?download=1 (and for files
//     that are only ever downloaded), inline otherwise, always with the
//     file name so that "Save as" proposes it;
//   - Cache-Control: "private, max-age=3600" for addresses versioned with
//     ?v= (they change with their content), "no-store" otherwise;
//   - the CSV-injection guard (internal/csvguard, through spreadsheetSafe)
//     on every cell of every CSV or TSV the server writes.

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/plot"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/csvguard"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// Content types of the artefacts.
const (
	ctypePNG = "image/png"
	ctypeSVG = "image/svg+xml"
	ctypeCSV = "text/csv; charset=utf-8"
	ctypeTSV = "text/tab-separated-values; charset=utf-8"
)

// spreadsheetSafe is a cell as the server writes it: a finite number (a
// negative value is data, not a formula) as it is, any other text through
// csvguard.Cell, which gives a cell that starts like a formula a leading
// apostrophe.
func spreadsheetSafe(cell string) string {
	if v, err := strconv.ParseFloat(cell, 64); err == nil && isFinite(v) {
		return cell
	}
	return csvguard.Cell(cell)
}

// writeCSV writes header and rows as CSV, every cell through
// spreadsheetSafe.
func writeCSV(dst io.Writer, header []string, rows [][]string) error {
	w := csv.NewWriter(dst)
	rec := make([]string, 0, len(header))
	for _, row := range append([][]string{header}, rows...) {
		rec = rec[:0]
		for _, cell := range row {
			rec = append(rec, spreadsheetSafe(cell))
		}
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// wantsDownload reports whether the request asks for an attachment.
func wantsDownload(c echo.Context) bool { return c.QueryParam("download") != "" }

// artefactHeaders sets the headers every artefact shares (see the top of
// this file): its type, its file name name, attachment or inline, and
// caching.
func artefactHeaders(c echo.Context, ctype string, name fileName, attach bool) {
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, ctype)
	disp := "inline"
	if attach {
		disp = "attachment"
	}
	h.Set(echo.HeaderContentDisposition, contentDisposition(disp, name))
	if c.QueryParam("v") != "" {
		h.Set(echo.HeaderCacheControl, "private, max-age=3600")
	} else {
		h.Set(echo.HeaderCacheControl, "no-store")
	}
}

// sendArtefact writes body as an artefact.
func sendArtefact(c echo.Context, ctype string, name fileName, attach bool, body []byte) error {
	artefactHeaders(c, ctype, name, attach)
	c.Response().WriteHeader(http.StatusOK)
	_, err := c.Response().Write(body)
	return err
}

// corpusPlotLinks are the addresses of plot name of corpus id with query
// q; the page shows the SVG (sharp at any zoom).
func corpusPlotLinks(id int64, name string, q url.Values, alt string) views.ModelPlot {
	base := "/corpora/" + strconv.FormatInt(id, 10) + "/plots/" + name
	if len(q) > 0 {
		base += "?" + q.Encode()
	}
	p := views.NewModelPlot(base, alt, "")
	p.Src = strings.Replace(p.SVG, "&download=1", "&view=page", 1)
	return p
}

// corpusPlot serves /corpora/:id/plots/zipf and /corpora/:id/plots/ratio
// (with the Ratios page's query) as every plot is served (sendPlot). The
// older addresses /corpora/:id/plots/{zipf,ratio}.{png,svg,csv} still
// answer, as downloads in the format of their extension.
func (s *Server) corpusPlot(c echo.Context) error {
	name := c.Param("file")
	if stem, ext, legacy := strings.Cut(name, "."); legacy {
		if ext != "png" && ext != "svg" && ext != "csv" {
			return echo.ErrNotFound
		}
		q := c.QueryParams() // echo keeps this map for the request
		q.Set("format", ext)
		q.Set("download", "1")
		name = stem
	}
	if name != "zipf" && name != "ratio" {
		return echo.ErrNotFound
	}
	corp, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	owner := corpusOwner(corp.ID, corp.Name)
	if name == "zipf" {
		z := s.zipfOf(corp.ID, l)
		return s.sendPlot(c, plotOut{what: "zipf", owner: owner,
			figure: func() (*plot.Figure, error) { return zipfFigure(locale(c), corp, z, zipfMarkOf(c, l)) },
			header: []string{"rank", "word", "frequency"}, rows: zipfRows(l)})
	}
	r, t, err := computeRatio(c, l)
	if err != nil {
		return err
	}
	return s.sendPlot(c, plotOut{what: "ratio", owner: owner, params: []string{r.i, r.j},
		figure: func() (*plot.Figure, error) { return ratioFigure(locale(c), t) },
		header: ratioHeader, rows: ratioRows(t)})
}

// zipfFigure is the Zipf plot of a corpus, its text in loc's language.
func zipfFigure(loc views.Locale, corp store.Corpus, z *zipfResult, mark *plot.ZipfMark) (*plot.Figure, error) {
	spec := plot.ZipfSpec{Counts: z.counts, Title: loc.T("corpus.zipf.plot_title", loc.Name(corp.Name)), Mark: mark,
		XLabel: loc.T("corpus.zipf.plot_x"), YLabel: loc.T("corpus.zipf.plot_y"), WordsName: loc.T("corpus.zipf.plot_words"),
		Translate: loc.Message}
	if z.mleErr == nil {
		m := z.mle
		spec.MLE = &plot.ZipfMLE{Alpha: m.Alpha, AlphaSE: m.AlphaSE, XMin: float64(m.XMin), NTail: m.NTail, KS: m.KS, RankExponent: m.RankExponent}
		exp := m.RankExponent
		if exp == 0 && m.Alpha > 1 {
			exp = 1 / (m.Alpha - 1)
		}
		if m.AlphaSE > 0 {
			spec.MLEName = loc.T("corpus.zipf.plot_mle_se", loc.Int(m.XMin), loc.Fixed(m.Alpha, 3), loc.Fixed(m.AlphaSE, 3), loc.Fixed(exp, 3))
		} else {
			spec.MLEName = loc.T("corpus.zipf.plot_mle", loc.Int(m.XMin), loc.Fixed(m.Alpha, 3), loc.Fixed(exp, 3))
		}
	}
	if z.lsErr == nil {
		ic := z.ls.Intercept
		spec.LeastSquares = &plot.ZipfLeastSquares{Slope: z.ls.Slope, R2: z.ls.R2, Intercept: &ic}
		spec.LeastSquaresName = loc.T("corpus.zipf.plot_ls", loc.Fixed(z.ls.Slope, 3), loc.Fixed(z.ls.R2, 3))
	}
	if mark != nil && mark.Rank >= 1 && mark.Rank <= len(z.counts) {
		mark.Name = loc.T("corpus.zipf.plot_mark", mark.Label, loc.Int(int64(mark.Rank)), loc.CountF(z.counts[mark.Rank-1]))
	}
	return plot.NewZipf(spec)
}

// zipfRows are the rows (rank, word, frequency) of every type.
func zipfRows(l *app.Build) [][]string {
	n := l.Unigrams.Len()
	rows := make([][]string, n)
	for id := range n {
		rows[id] = []string{strconv.Itoa(id + 1), l.Unigrams.Word(int32(id)), strconv.FormatInt(l.Unigrams.Count(int32(id)), 10)}
	}
	return rows
}

// corpusSpectrumPlot serves the plot (?format=png|svg) or its data
// (?format=csv: rank,singular_value).
func (s *Server) corpusSpectrumPlot(c echo.Context) error {
	_, info, res, err := s.spectrumJobParam(c)
	if err != nil {
		return err
	}
	if res == nil {
		return public(ErrInUse, fmt.Sprintf("The spectrum (job %d) is %s, so there is nothing to draw yet.", info.ID, info.Status))
	}
	return s.sendPlot(c, corpusSpectrumPlot(locale(c), res))
}

// corpusSpectrumPlot is a corpus spectrum's plot and data, its text in
// loc's language.
func corpusSpectrumPlot(loc views.Locale, res *app.CorpusSpectrum) plotOut {
	r := res.Request
	spec := plot.SpectrumSpec{Values: res.Values, Quantity: "singular value",
		Title:  loc.T("corpus.spectrum.plot_title", weightingText(loc, r.Weighting), loc.Int(int64(r.TopN)), loc.Name(res.Name)),
		XLabel: loc.T("corpus.spectrum.plot_x"), YLabel: loc.T("corpus.spectrum.plot_y"),
		ValuesName: loc.T("corpus.spectrum.plot_values"), Translate: loc.Message}
	if res.FitError == "" {
		logC := res.Fit.LogC
		spec.Fit = &plot.PowerLawFit{Beta: res.Fit.Beta, R2: res.Fit.R2, From: res.Fit.From, To: res.Fit.To, LogC: &logC}
		spec.FitName = loc.T("corpus.spectrum.plot_fit", loc.Int(int64(res.Fit.From)), loc.Int(int64(res.Fit.To)),
			loc.Fixed(res.Fit.Beta, 3), loc.Fixed(res.Fit.R2, 3))
	}
	rows := make([][]string, len(res.Values))
	for i, v := range res.Values {
		rows[i] = []string{strconv.Itoa(i + 1), fnum(v)}
	}
	return plotOut{what: "spectrum", owner: corpusOwner(res.CorpusID, res.Name),
		params: []string{r.Weighting.String(), fmt.Sprintf("top%d", r.TopN), fmt.Sprintf("k%d", r.K)},
		figure: func() (*plot.Figure, error) { return plot.NewSpectrum(spec) },
		header: []string{"rank", "singular_value"}, rows: rows}
}

// plotOut is one plot: how to draw it, its data as CSV rows, and the
// parts of its file name (downloadName).
type plotOut struct {
	what          string // file name: gloveboard-<owner>-<what>-<params>
	owner         fileOwner
	params        []string // file name parts that tell plots of one owner apart
	width, height int      // pixels; 0: plot.DefaultWidthPx × plot.DefaultHeightPx
	dpi           int      // text size relative to the figure; 0: plot.DefaultDPI
	figure        func() (*plot.Figure, error)
	header        []string
	rows          [][]string
}

// pageLayoutPx is the width, in CSS pixels at 96 DPI, at which figures
// shown on pages are laid out (?view=page). Tick labels are set in 9
// points, 12 px at this width; pages show figures 560–740 px wide, so the
// labels appear at 12·560/600 = 11.2 CSS px or more (at 960 px wide they
// appeared at 7). A download keeps the plot's own size.
const pageLayoutPx = 600

// output is the image of p in format f: its own size (default 960×720
// pixels at 96 DPI), or for a page (?view=page) laid out pageLayoutPx
// wide, with PNGs at twice the pixels and DPI so that they stay sharp on
// high-density screens.
func (p plotOut) output(f plot.Format, page bool) plot.Output {
	w, h := p.width, p.height
	if w == 0 {
		w, h = plot.DefaultWidthPx, plot.DefaultHeightPx
	}
	out := plot.Output{Format: f, Width: float64(w), Height: float64(h)}
	if !page {
		return out
	}
	if w > pageLayoutPx {
		out.Width, out.Height = pageLayoutPx, math.Round(float64(h)*pageLayoutPx/float64(w))
	}
	if f == plot.PNG {
		out.Width, out.Height, out.DPI = 2*out.Width, 2*out.Height, 2*plot.DefaultDPI
	}
	return out
}

// sendPlot writes the plot in the format asked for (?format=png|svg|csv,
// default png), as an attachment when ?download=1, with the headers of
// every artefact (downloads.go).
func (s *Server) sendPlot(c echo.Context, p plotOut) error {
	format := strings.ToLower(c.QueryParam("format"))
	if format == "" {
		format = "png"
	}
	var buf bytes.Buffer
	var ctype string
	switch format {
	case "csv":
		if err := writeCSV(&buf, p.header, p.rows); err != nil {
			return err
		}
		ctype = ctypeCSV
	case "png", "svg":
		fig, err := p.figure()
		if err != nil {
			return err
		}
		f, _ := plot.ParseFormat(format)
		out := p.output(f, c.QueryParam("view") == "page")
		// Numbers on the figure in the page's format (1.234,5 in Vietnamese).
		out.DecimalComma = locale(c).DecimalComma()
		if p.dpi != 0 { // a view download at 2× (sendMapPlot)
			out.DPI = p.dpi
		}
		if err := fig.Render(&buf, out); err != nil {
			return err
		}
		ctype = ctypePNG
		if format == "svg" {
			ctype = ctypeSVG
		}
	default:
		return public(plot.ErrFormat, fmt.Sprintf("Plots can be had as png, svg or csv, not “%s”.", apperr.Quote(format)))
	}
	return sendArtefact(c, ctype, downloadName(p.owner, p.what, format, p.params...), wantsDownload(c), buf.Bytes())
}

// vectorDownloadsIn are the files of vector set id, labelled in loc's
// language.
func vectorDownloadsIn(loc views.Locale, id int64) []views.Download {
	base := "/vectors/" + strconv.FormatInt(id, 10) + "/download/"
	return []views.Download{
		{Href: base + "glove.txt", Label: loc.T("explore.downloads.glove"), Hint: loc.T("explore.downloads.glove_hint")},
		{Href: base + "word2vec.bin", Label: loc.T("explore.downloads.word2vec"), Hint: loc.T("explore.downloads.word2vec_hint")},
		{Href: base + "vectors.tsv", Label: loc.T("explore.downloads.vectors"), Hint: loc.T("explore.downloads.vectors_hint")},
		{Href: base + "metadata.tsv", Label: loc.T("explore.downloads.metadata"), Hint: loc.T("explore.downloads.metadata_hint")},
	}
}

func spectrumPlot(res *spectrumResult, v store.VectorSet) plotOut {
	logC := res.fit.LogC
	loc := res.loc
	spec := plot.SpectrumSpec{Values: res.values, Quantity: "eigenvalue", Matrix: "covariance · " + v.Name,
		Fit:   &plot.PowerLawFit{Beta: res.fit.Beta, R2: res.fit.R2, From: res.fit.From, To: res.fit.To, LogC: &logC},
		Title: loc.T("explore.plot.spectrum_title", loc.Name(v.Name)), XLabel: loc.T("explore.plot.rank_axis"), YLabel: loc.T("explore.plot.eigen_axis"),
		ValuesName: loc.T("explore.plot.eigenvalues"),
		FitName: loc.T("explore.plot.power_law", loc.Int(int64(res.fit.From)), loc.Int(int64(res.fit.To)),
			loc.Fixed(res.fit.Beta, 3), loc.Fixed(res.fit.R2, 3))}
	rows := make([][]string, len(res.values))
	for i, x := range res.values {
		r := i + 1
		fitted := ""
		if r >= res.fit.From && r <= res.fit.To {
			fitted = fnum(math.Exp(logC - res.fit.Beta*math.Log(float64(r))))
		}
		rows[i] = []string{strconv.Itoa(r), fnum(x), fitted}
	}
	return plotOut{what: "spectrum", owner: setOwner(v.ID, v.Name), params: []string{fmt.Sprintf("ranks%d-%d", res.fit.From, res.fit.To)}, figure: func() (*plot.Figure, error) { return plot.NewSpectrum(spec) },
		header: []string{"rank", "eigenvalue", "power_law_fit"}, rows: rows}
}

// vectorPlot serves /vectors/:id/plots/:kind for kind neighbors, analogy,
// map and spectrum.
func (s *Server) vectorPlot(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	switch c.Param("kind") {
	case "neighbors":
		loc := locale(c)
		word, ms, err := s.neighborMatches(c, set, 10)
		if err != nil {
			return err
		}
		_, bars, rows := scoreRows(ms)
		return s.sendPlot(c, plotOut{what: "neighbors", owner: setOwner(v.ID, v.Name), params: []string{word}, width: 640, height: 420,
			figure: func() (*plot.Figure, error) {
				return plot.NewBars(plot.BarsSpec{Bars: bars, Title: loc.T("explore.plot.neighbors_title", word, loc.Name(v.Name)), XLabel: loc.T("explore.plot.cosine")})
			},
			header: []string{"rank", "word", "cosine"}, rows: rows})
	case "analogy":
		q, ms, err := s.analogyMatches(c, set, 10)
		if err != nil {
			return err
		}
		_, bars, rows := scoreRows(ms)
		loc := locale(c)
		xl := loc.T("explore.plot.cosine")
		if q.method == vectors.CosMul {
			xl = loc.T("explore.plot.cosmul_score")
		}
		title := fmt.Sprintf("%s : %s :: %s : ?  (%s) · %s", q.a, q.b, q.c, methodName(loc, q.method), loc.Name(v.Name))
		return s.sendPlot(c, plotOut{what: "analogy", owner: setOwner(v.ID, v.Name), params: []string{q.a, q.b, q.c, q.method.String()}, width: 640, height: 420,
			figure: func() (*plot.Figure, error) { return plot.NewBars(plot.BarsSpec{Bars: bars, Title: title, XLabel: xl}) },
			header: []string{"rank", "word", "score"}, rows: rows})
	case "map":
		var res *app.MapResult
		if c.QueryParam("job") != "" {
			c.SetParamNames("id", "job")
			c.SetParamValues(strconv.FormatInt(v.ID, 10), c.QueryParam("job"))
			info, err := s.mapJob(c, v)
			if err != nil {
				return err
			}
			if res, err = s.svc.MapResultOf(ctx(c), info); err != nil {
				return err
			}
		} else {
			r, err := s.parseMapRequest(c, v, set)
			if err != nil {
				return err
			}
			if !r.plan.Instant() {
				return public(ErrBadRequest, "This map is drawn by a job: use the map's number (job=N).")
			}
			if res, err = s.instantMap(c, v, set, r); err != nil {
				return err
			}
		}
		return s.sendMapPlot(c, res, v)
	case "spectrum":
		res, err := s.spectrumOf(c, v, set)
		if err != nil {
			return err
		}
		return s.sendPlot(c, spectrumPlot(res, v))
	}
	return public(store.ErrNotFound, "There is no such plot. Plots are neighbors, analogy, map and spectrum.")
}

// downloadVectors serves a vector set as a file (always an attachment):
// GloVe text, word2vec binary, or the Embedding Projector's vectors.tsv
// and metadata.tsv (whose words go through spreadsheetSafe, like every
// CSV and TSV the server writes).
func (s *Server) downloadVectors(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	var (
		write     func(w *bufio.Writer) error
		what, ext string
		ctype     = "text/plain; charset=utf-8"
	)
	switch c.Param("file") {
	case "glove.txt":
		what, ext = "glove", "txt"
		write = func(w *bufio.Writer) error { return vectors.WriteText(w, set, false) }
	case "word2vec.bin":
		what, ext, ctype = "word2vec", "bin", "application/octet-stream"
		write = func(w *bufio.Writer) error { return vectors.WriteBinary(w, set) }
	case "vectors.tsv":
		what, ext, ctype = "projector-vectors", "tsv", ctypeTSV
		write = func(w *bufio.Writer) error { return vectors.WriteProjector(w, io.Discard, set) }
	case "metadata.tsv":
		what, ext, ctype = "projector-metadata", "tsv", ctypeTSV
		write = func(w *bufio.Writer) error { return writeMetadata(w, set) }
	default:
		return public(store.ErrNotFound, "Vectors can be downloaded as glove.txt, word2vec.bin, vectors.tsv or metadata.tsv.")
	}
	artefactHeaders(c, ctype, downloadName(setOwner(v.ID, v.Name), what, ext), true)
	c.Response().WriteHeader(http.StatusOK)
	w := bufio.NewWriterSize(c.Response(), 1<<16)
	if err := write(w); err != nil {
		if !clientGone(c) {
			s.log.Error("writing vectors", "set", v.ID, "err", err)
		}
		return nil
	}
	if err := w.Flush(); err != nil && !clientGone(c) {
		s.log.Error("writing vectors", "set", v.ID, "err", err)
	}
	return nil
}

// writeMetadata writes the Projector's metadata.tsv: the words one a line
// (a single column, so without a header), each through spreadsheetSafe.
// Words hold no tab or line break (the vector formats split on them).
func writeMetadata(w *bufio.Writer, set *vectors.Set) error {
	for i := range set.Len() {
		if _, err := w.WriteString(spreadsheetSafe(set.Word(i)) + "\n"); err != nil {
			return err
		}
	}
	return nil
}

func (s *Server) fidelityPlot(c echo.Context) error {
	r, err := s.loadRun(c)
	if err != nil {
		return err
	}
	fp, err := s.svc.Fidelity(r)
	if err != nil {
		return err
	}
	var spec plot.FidelitySpec
	var header []string
	loc := locale(c)
	kind := c.QueryParam("kind")
	switch kind {
	case "", "logx":
		kind = "logx"
		r2 := fp.Identities.LogCountR2
		spec = plot.FidelitySpec{X: fp.LogX, Y: fp.Full, Reference: plot.Identity, R2: &r2,
			Title: loc.T("train.plot.fidelity_logx_title", r.ID), XLabel: loc.T("train.plot.logx_axis"), YLabel: "w_i·w̃_j + b_i + b̃_j"}
		header = []string{"log_x", "model"}
	case "pmi":
		spec = plot.FidelitySpec{X: fp.PMI, Y: fp.Dot, Reference: plot.FitLine,
			Title: loc.T("train.plot.fidelity_pmi_title", r.ID), XLabel: loc.T("train.plot.pmi_axis"), YLabel: "w_i·w̃_j"}
		header = []string{"pmi", "dot"}
	default:
		return public(ErrBadRequest, "The fidelity plot kind must be logx or pmi.")
	}
	spec.Text = plot.FidelityText{Points: loc.T("train.plot.points"), R2: loc.T("train.plot.r2"), Thinned: loc.T("train.plot.thinned"),
		Omitted: loc.T("train.plot.points_omitted"), NoSpread: loc.T("train.plot.no_spread"), Number: plotNumber(loc),
		Fit: func(slope, intercept float64) string {
			sign := "+"
			if intercept < 0 {
				sign = "−"
			}
			return loc.T("train.plot.fit_legend", loc.Sig(slope), sign, loc.Sig(math.Abs(intercept)))
		}}
	rows := make([][]string, len(spec.X))
	for i := range spec.X {
		rows[i] = []string{fnum(spec.X[i]), fnum(spec.Y[i])}
	}
	return s.sendPlot(c, plotOut{what: "fidelity", owner: runOwner(r.ID, r.Params.CorpusName), params: []string{kind}, width: 640, height: 520,
		figure: func() (*plot.Figure, error) { return plot.NewFidelity(spec) }, header: header, rows: rows})
}

// plotNumber writes the numbers of a run plot's own text (plot.LossText,
// plot.FidelityText) as loc writes them: counts grouped, others with
// their decimals.
func plotNumber(loc views.Locale) func(v float64, decimals int) string {
	return func(v float64, decimals int) string {
		if decimals == 0 {
			return loc.Int(int64(math.Round(v)))
		}
		return loc.Fixed(v, decimals)
	}
}

func (s *Server) lossPlot(c echo.Context) error {
	r, err := s.loadRun(c)
	if err != nil {
		return err
	}
	return s.sendLoss(c, []app.Run{r}, runOwner(r.ID, r.Params.CorpusName))
}

// sendLoss sends the loss curves of rs; owner names them in the file name.
func (s *Server) sendLoss(c echo.Context, rs []app.Run, owner fileOwner) error {
	// ?log=1 puts the cost on a logarithmic axis.
	loc := locale(c)
	spec := plot.LossSpec{LogY: c.QueryParam("log") == "1", XLabel: loc.T("train.plot.epoch_axis"),
		YLabel: loc.T("train.plot.cost_axis"), Title: loc.T("train.plot.loss_title"),
		Text: plot.LossText{NonFinite: loc.T("train.plot.costs_nonfinite"), NonPositive: loc.T("train.plot.costs_nonpositive"),
			Coincide: loc.T("train.plot.coincide"), Run: loc.T("train.plot.run"), Number: plotNumber(loc)}}
	if spec.LogY {
		spec.YLabel = loc.T("train.plot.cost_axis_log")
	}
	var rows [][]string
	labels := compareLabels(loc, rs) // what differs between the runs
	for i, r := range rs {
		loss, err := s.st.Loss(ctx(c), r.ID)
		if err != nil {
			return err
		}
		ser := plot.Series{}
		if len(rs) > 1 { // one run is named by the title
			ser.Name = labels[i]
		}
		for _, l := range loss {
			ser.X = append(ser.X, float64(l.Epoch))
			ser.Y = append(ser.Y, l.Cost)
			rows = append(rows, []string{strconv.FormatInt(r.ID, 10), strconv.Itoa(l.Epoch), fnum(l.Cost), fnum(l.Seconds)})
		}
		if len(ser.Y) > 0 {
			spec.Runs = append(spec.Runs, ser)
		}
	}
	if len(spec.Runs) == 0 {
		if slices.ContainsFunc(rs, func(r app.Run) bool { return r.Params.IsSVD() }) {
			return public(plot.ErrNoData, "SVD-PPMI runs have no loss curve (they are computed in one step), and no other run has finished an epoch.")
		}
		return public(plot.ErrNoData, "No epoch has finished yet, so there is no loss to plot.")
	}
	width := 720
	if len(rs) == 1 {
		spec.Title = loc.T("train.plot.loss_title_run", rs[0].ID)
		if name := rs[0].Params.CorpusName; name != "" {
			spec.Title += " · " + loc.Name(name)
		}
	} else {
		width = 900 // room for legend labels that say what differs
	}
	return s.sendPlot(c, plotOut{what: "loss", owner: owner, width: width, height: 440,
		figure: func() (*plot.Figure, error) { return plot.NewLoss(spec) },
		header: []string{"run", "epoch", "cost", "seconds"}, rows: rows})
}

func (s *Server) comparePlot(c echo.Context) error {
	ids, rs, err := s.selectedRuns(c)
	if err != nil {
		return err
	}
	if len(rs) == 0 {
		return public(ErrBadRequest, "Name the runs to compare: runs=1,2,3.")
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	runs := "runs" + strings.Join(parts, "-")
	return s.sendLoss(c, rs, fileOwner{slug: runs, name: runs})
}
