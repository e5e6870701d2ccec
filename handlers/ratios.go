package handlers

// The Ratios page: P(k|i)/P(k|j) for probe words k (Table 1 of the GloVe
// paper) computed from a built corpus's co-occurrence matrix, with the
// words that lean most to either side. Its figure and CSV are served by
// corpusPlot (downloads.go), its JSON by apiRatio (api_corpus.go).

import (
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/plot"
	"github.com/gloveboard/gloveboard/analysis/ratio"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/views"
	"github.com/labstack/echo/v4"
)

// ratioRequest is a parsed ratio query.
type ratioRequest struct {
	i, j  string
	opt   ratio.Options
	form  views.RatioForm
	notes []string
}

// parseRatio reads i, j, probes, smoothing, thin, top and min_evidence.
// Omitted words default to the paper's ice/steam when both are in the
// vocabulary and to the two most frequent words otherwise; omitted
// probes default to the paper's solid, gas, water, fashion.
func parseRatio(c echo.Context, l *app.Build) (ratioRequest, error) {
	q := c.QueryParams()
	def := ratio.DefaultOptions()
	r := ratioRequest{opt: def}
	r.form = views.RatioForm{I: q.Get("i"), J: q.Get("j"), Probes: q.Get("probes"), Smoothing: q.Get("smoothing"),
		Thin: q.Get("thin"), Top: q.Get("top"), MinEvidence: q.Get("min_evidence")}
	for _, k := range []string{"smoothing", "thin", "top", "min_evidence"} {
		r.form.OptionsOpen = r.form.OptionsOpen || q.Get(k) != ""
	}
	r.i, r.j = normWord(l, q.Get("i")), normWord(l, q.Get("j"))
	switch {
	case r.i == "" && r.j == "":
		// The paper's ice/steam, or the example of a demo corpus
		// (presets.go) when the corpus has its words.
		if p, ok := defaultPreset(func(w string) bool { _, ok := l.Vocab.ID(w); return ok }); ok {
			r.i, r.j = p.I, p.J
			if !q.Has("probes") {
				r.opt.Probes = p.Probes
			}
		} else if w := frequentWords(l, 2); len(w) == 2 {
			r.i, r.j = w[0], w[1]
			r.notes = append(r.notes, locale(c).T("ratio.note.frequent"))
		} else {
			return r, public(ratio.ErrUnknownWord, "This corpus's vocabulary has fewer than two words, so there is nothing to compare.")
		}
		r.form.I, r.form.J = r.i, r.j
	case r.i == "" || r.j == "":
		return r, public(ErrBadRequest, "Give both words: i and j.")
	}
	if len(r.i) > maxWordLen*4 || len(r.j) > maxWordLen*4 {
		return r, public(ErrBadRequest, "The words i and j must be at most 100 characters long.")
	}
	if q.Has("probes") {
		r.opt.Probes = nil
		seen := map[string]bool{}
		for _, p := range strings.Split(q.Get("probes"), ",") {
			p = normWord(l, p)
			if p == "" || seen[p] {
				continue
			}
			if len(p) > maxWordLen*4 {
				return r, public(ErrBadRequest, "Probe words must be at most 100 characters long.")
			}
			seen[p] = true
			r.opt.Probes = append(r.opt.Probes, p)
		}
		if len(r.opt.Probes) == 0 {
			return r, public(ratio.ErrNoProbes, "Give at least one probe word k (several are separated by commas), for example solid,gas,water,fashion.")
		}
		if len(r.opt.Probes) > maxProbes {
			return r, public(ErrBadRequest, fmt.Sprintf("Give at most %d probe words.", maxProbes))
		}
	} else {
		r.form.Probes = strings.Join(r.opt.Probes, ",")
	}
	if err := parseRatioNumbers(q, &r); err != nil {
		return r, err
	}
	r.form.OptionsOpen = r.opt.Smoothing != def.Smoothing || r.opt.ThinBelow != def.ThinBelow ||
		r.opt.Top != def.Top || r.opt.MinEvidence != def.MinEvidence
	if r.i == r.j {
		return r, public(ratio.ErrSameWord, "The words i and j must be different: a word compared with itself gives a ratio of 1 everywhere.")
	}
	for _, w := range []string{r.i, r.j} {
		if _, ok := l.Vocab.ID(w); !ok {
			return r, unknownWord(l, w)
		}
	}
	return r, nil
}

// parseRatioNumbers reads smoothing, thin, min_evidence and top into r's
// options (r.opt holds the defaults), showing the defaults in the form for
// those not given. The labels name the fields as the form does, with the
// parameter's name; they are whole phrases, which the Vietnamese message
// table translates inside a parser's message (messagesVI, ratio block).
func parseRatioNumbers(q url.Values, r *ratioRequest) error {
	def := r.opt
	for _, f := range []struct {
		name, label string
		def, maxV   float64
		dst         *float64
		formValue   *string
	}{
		{"smoothing", "The smoothing λ (smoothing)", def.Smoothing, 1e6, &r.opt.Smoothing, &r.form.Smoothing},
		{"thin", "The thin-evidence threshold (thin)", def.ThinBelow, 1e12, &r.opt.ThinBelow, &r.form.Thin},
		{"min_evidence", "The minimum evidence (min_evidence)", def.MinEvidence, 1e12, &r.opt.MinEvidence, &r.form.MinEvidence},
	} {
		if strings.TrimSpace(*f.formValue) == "" {
			*f.formValue = fnum(f.def)
		}
		var err error
		if *f.dst, err = realNumber(q.Get(f.name), f.label, f.def, 0, f.maxV); err != nil {
			return err
		}
	}
	if strings.TrimSpace(r.form.Top) == "" {
		r.form.Top = strconv.Itoa(def.Top)
	}
	var err error
	r.opt.Top, err = wholeNumber(q.Get("top"), "The number of discovered words on each side (top)", def.Top, 0, maxTop)
	return err
}

// computeRatio parses the query and computes the table.
func computeRatio(c echo.Context, l *app.Build) (ratioRequest, *ratio.Table, error) {
	r, err := parseRatio(c, l)
	if err != nil {
		return r, nil, err
	}
	t, err := ratio.Compute(l.Matrix, l.Vocab, r.i, r.j, r.opt)
	if errors.Is(err, ratio.ErrNoCooccurrence) {
		return r, nil, public(ratio.ErrNoCooccurrence, "One of the two words never occurs near any other word in this corpus, so its probabilities P(k|·) are undefined. Try another word.")
	}
	return r, t, err
}

func (s *Server) ratioPage(c echo.Context) error {
	corp, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	loc := locale(c)
	d := views.RatioPageData{Page: s.page(c, loc.T("ratio.title", loc.Name(corp.Name)), views.SectionCorpora), CorpusID: corp.ID, CorpusName: corp.Name}
	r, t, err := computeRatio(c, l)
	d.Form, d.Notes = r.form, r.notes
	if err != nil {
		status, msg := s.resolve(err)
		if status >= 500 {
			return err
		}
		d.Error = msg
		return s.render(c, status, views.RatioPage(d))
	}
	tv := ratioTableView(t, r.opt)
	tv.Unweighted = !l.Summary.Settings.DistanceWeighting
	d.Table = &tv
	d.Plot = corpusPlotLinks(corp.ID, "ratio", ratioQuery(r), loc.T("ratio.plot.alt", t.I, t.J))
	return s.ok(c, views.RatioPage(d))
}

// ratioQuery is the canonical query of a ratio request (for plot links).
func ratioQuery(r ratioRequest) url.Values {
	q := url.Values{}
	q.Set("i", r.i)
	q.Set("j", r.j)
	q.Set("probes", strings.Join(r.opt.Probes, ","))
	q.Set("smoothing", fnum(r.opt.Smoothing))
	q.Set("thin", fnum(r.opt.ThinBelow))
	return q
}

func ratioCell(r ratio.Row) views.RatioCell {
	return views.RatioCell{K: r.K, XIK: r.XIK, XJK: r.XJK, PIK: r.PIK, PJK: r.PJK, Ratio: r.Ratio, Kind: string(r.Kind), Thin: r.Thin, Bound: r.Bound}
}

func ratioTableView(t *ratio.Table, opt ratio.Options) views.RatioTableView {
	v := views.RatioTableView{I: t.I, J: t.J, XI: t.XI, XJ: t.XJ, ThinBelow: opt.ThinBelow, Smoothing: opt.Smoothing, MinEvid: opt.MinEvidence,
		LeanThreshold: cmp.Or(opt.LeanThreshold, ratio.DefaultLeanThreshold), Confidence: cmp.Or(opt.Confidence, ratio.DefaultConfidence)}
	for _, r := range t.Rows {
		if !r.InVocab {
			v.Unknown = append(v.Unknown, r.K)
			continue
		}
		v.Columns = append(v.Columns, ratioCell(r))
		v.AnyThin = v.AnyThin || r.Thin
	}
	v.AllThin = len(v.Columns) > 0
	for _, c := range v.Columns {
		v.AllThin = v.AllThin && c.Thin
	}
	// The lists are the analysis package's: only words that lean clearly
	// (ratio.Compute's rules), the same lists as the JSON API.
	for _, r := range t.Largest {
		v.Largest = append(v.Largest, ratioCell(r))
	}
	for _, r := range t.Smallest {
		v.Smallest = append(v.Smallest, ratioCell(r))
	}
	v.Discovery = opt.Top > 0
	return v
}

func plotKind(k ratio.Kind) plot.RatioKind {
	switch k {
	case ratio.Inf:
		return plot.RatioInf
	case ratio.Zero:
		return plot.RatioZero
	case ratio.Undefined:
		return plot.RatioUndefined
	}
	return plot.RatioFinite
}

// ratioFigure is the bar chart of t, its text in loc's language (the
// words i and j are put into the legend here).
func ratioFigure(loc views.Locale, t *ratio.Table) (*plot.Figure, error) {
	spec := plot.RatioSpec{I: t.I, J: t.J, Title: loc.T("ratio.plot.title", t.I, t.J),
		XLabel: loc.T("ratio.plot.x"), YLabel: loc.T("ratio.plot.y"),
		Legend: plot.RatioLegend{Up: loc.T("ratio.plot.up", t.I), Down: loc.T("ratio.plot.down", t.J),
			Inf: loc.T("ratio.plot.inf", t.J), Zero: loc.T("ratio.plot.zero", t.I),
			Undefined: loc.T("ratio.plot.undefined"), Thin: loc.T("ratio.plot.thin")}}
	for _, r := range t.Rows {
		if !r.InVocab {
			continue
		}
		spec.Bars = append(spec.Bars, plot.RatioBar{Word: r.K, Ratio: r.Ratio, Kind: plotKind(r.Kind), Thin: r.Thin})
	}
	if len(spec.Bars) == 0 {
		return nil, public(plot.ErrNoData, "None of the probe words is in this corpus's vocabulary, so there is nothing to plot.")
	}
	return plot.NewRatio(spec)
}

// ratioHeader names the columns of ratioRows.
var ratioHeader = []string{"section", "i", "j", "k", "in_vocab", "x_ik", "x_jk", "p_ik", "p_jk", "ratio", "ratio_kind", "thin"}

// ratioRows are the probe, largest and smallest rows of t; ratio is empty
// unless ratio_kind is "finite".
func ratioRows(t *ratio.Table) [][]string {
	var rows [][]string
	for _, sec := range []struct {
		name string
		rows []ratio.Row
	}{{"probe", t.Rows}, {"largest", t.Largest}, {"smallest", t.Smallest}} {
		for _, r := range sec.rows {
			rat := ""
			if r.Kind == ratio.Finite {
				rat = fnum(r.Ratio)
			}
			rows = append(rows, []string{sec.name, t.I, t.J, r.K, strconv.FormatBool(r.InVocab), fnum(r.XIK), fnum(r.XJK),
				fnum(r.PIK), fnum(r.PJK), rat, string(r.Kind), strconv.FormatBool(r.Thin)})
		}
	}
	return rows
}

// frequentWords returns up to n of the most frequent words of l's
// vocabulary that a ratio request accepts (at most maxWordLen characters,
// as the form checks them), so that the page's defaults never make the
// page refuse itself: a corpus whose most frequent "word" is a 300-byte
// run of symbols gets the next ones.
func frequentWords(l *app.Build, n int) []string {
	var out []string
	for id := int32(0); int(id) < l.Vocab.Len() && len(out) < n; id++ {
		if w := l.Vocab.Word(id); len(w) <= maxWordLen*4 {
			out = append(out, w)
		}
	}
	return out
}
