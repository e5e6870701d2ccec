package handlers

// The corpus page, its build job, the probability-ratio page, their plots
// and downloads and the matching JSON API. Routes are listed in
// registerCorpusRoutes and documented in docs/api.md.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/plot"
	"github.com/gloveboard/gloveboard/analysis/ratio"
	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

const (
	maxWordLen      = 100
	maxProbes       = 50
	maxTop          = 100
	maxWordsLimit   = 100
	defaultPMIN     = 10
	defaultPMIMin   = 5
	maxZipfHead     = 10000
	defaultZipfHead = 100
)

// registerCorpusRoutes adds the corpus page, ratio page, plots and their API.
func (s *Server) registerCorpusRoutes(e *echo.Echo) {
	e.GET("/corpora/:id", s.corpusDetail)
	e.POST("/corpora/:id/build", s.buildCorpus)
	e.GET("/corpora/:id/build-status", s.buildStatus)
	e.GET("/corpora/:id/ratio", s.ratioPage)
	e.GET("/corpora/:id/words", s.corpusWords)
	e.GET("/corpora/:id/plots/:file", s.corpusPlot)

	e.GET("/api/corpora/:id/stats", s.apiCorpusStats)
	e.GET("/api/corpora/:id/zipf", s.apiZipf)
	e.GET("/api/corpora/:id/ratio", s.apiRatio)
	e.GET("/api/corpora/:id/pmi", s.apiPMI)
	e.GET("/api/corpora/:id/words", s.corpusWords)
	e.POST("/api/corpora/:id/build", s.apiBuild)
	s.registerCorpusSpectrumRoutes(e)
}

// ---------------------------------------------------------------------
// Building

func buildStatusOf(j app.JobInfo) views.BuildStatus {
	return views.BuildStatus{CorpusID: j.TargetID, JobID: j.ID, Status: string(j.Status), Progress: j.Progress,
		Message: j.Message, Error: j.Error, Position: j.Position}
}

// Limits of the build settings accepted from users (besides
// cooccur.MaxWindow); the build form's inputs carry them too.
const (
	maxMinCount   = 1_000_000_000_000
	maxVocabLimit = 100_000_000
)

// validateSettings checks build settings, with messages for people.
// The messages are formSettings's: the numbers go through the same
// parsers.
func validateSettings(settings app.BuildSettings) error {
	if settings.Tokenizer != "words" && settings.Tokenizer != "whitespace" {
		return public(ErrBadRequest, "The tokenizer must be “words” or “whitespace”.")
	}
	if _, err := wholeNumber(strconv.Itoa(settings.Window), labelWindow, 0, 1, cooccur.MaxWindow); err != nil {
		return err
	}
	if _, err := wholeNumber(strconv.FormatInt(settings.MinCount, 10), labelMinCount, 0, 1, maxMinCount); err != nil {
		return err
	}
	_, err := wholeNumber(strconv.Itoa(settings.MaxVocab), labelMaxVocab, 0, 0, maxVocabLimit)
	return err
}

// Labels of the build settings in messages.
const (
	labelWindow   = "The window"
	labelMinCount = "The minimum count"
	labelMaxVocab = "The maximum vocabulary (0 keeps all words)"
)

// formSettings reads build settings from the corpus page's form; an empty
// number takes the default (an empty maximum vocabulary: 0, all words).
func formSettings(c echo.Context) (app.BuildSettings, error) {
	settings := app.DefaultBuildSettings()
	settings.Tokenizer = strings.TrimSpace(c.FormValue("tokenizer"))
	var err error
	if settings.Window, err = wholeNumber(c.FormValue("window"), labelWindow, settings.Window, 1, cooccur.MaxWindow); err != nil {
		return settings, err
	}
	if settings.MinCount, err = wholeNumber(c.FormValue("min_count"), labelMinCount, settings.MinCount, 1, maxMinCount); err != nil {
		return settings, err
	}
	if settings.MaxVocab, err = wholeNumber(c.FormValue("max_vocab"), labelMaxVocab, 0, 0, maxVocabLimit); err != nil {
		return settings, err
	}
	settings.Symmetric = checked(c.FormValue("symmetric"))
	settings.DistanceWeighting = checked(c.FormValue("distance_weighting"))
	return settings, validateSettings(settings)
}

func checked(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "on", "true", "yes":
		return true
	}
	return false
}

func (s *Server) buildCorpus(c echo.Context) error {
	id, err := parseID(c, "corpus")
	if err != nil {
		return err
	}
	settings, err := formSettings(c)
	if err != nil {
		return s.buildFormError(c, id, err)
	}
	if _, err := s.svc.StartBuild(ctx(c), id, settings); err != nil {
		return s.buildFormError(c, id, err)
	}
	return c.Redirect(http.StatusSeeOther, "/corpora/"+strconv.FormatInt(id, 10)+"#build-status")
}

// buildFormError shows the page of corpus id again after refused build
// settings: err's message above the build form, which keeps the values
// sent, with err's status. Server errors, and a corpus that is not there,
// go to the error page.
func (s *Server) buildFormError(c echo.Context, id int64, err error) error {
	status, msg := s.resolve(err)
	if status >= 500 {
		return err
	}
	corp, cerr := s.st.Corpus(ctx(c), id)
	if cerr != nil {
		if errors.Is(cerr, store.ErrNotFound) {
			return err // no page to show the form on
		}
		return cerr
	}
	d, _, derr := s.corpusDetailData(c, corp)
	if derr != nil {
		return derr
	}
	d.Form = views.BuildForm{
		Tokenizer: c.FormValue("tokenizer"), Window: c.FormValue("window"), MinCount: c.FormValue("min_count"),
		MaxVocab: c.FormValue("max_vocab"), Symmetric: checked(c.FormValue("symmetric")),
		DistanceWeighting: checked(c.FormValue("distance_weighting")),
	}
	d.BuildError = msg
	return s.render(c, status, views.CorpusDetail(d))
}

func (s *Server) apiBuild(c echo.Context) error {
	id, err := parseID(c, "corpus")
	if err != nil {
		return err
	}
	settings := app.DefaultBuildSettings()
	body, err := io.ReadAll(io.LimitReader(c.Request().Body, formBodyLimit))
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(body)) > 0 {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&settings); err != nil {
			return public(ErrBadRequest, "The body must be a JSON object with any of tokenizer, window, symmetric, distance_weighting, min_count and max_vocab ("+jsonProblem(err)+").")
		}
	}
	if err := validateSettings(settings); err != nil {
		return err
	}
	j, err := s.svc.StartBuild(ctx(c), id, settings)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, toAPIJob(app.JobInfo{Job: j}))
}

// jsonProblem describes a JSON decoding error without echoing input.
func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return "field " + te.Field + " has the wrong type"
	}
	if strings.HasPrefix(err.Error(), "json: unknown field") {
		return "unknown field"
	}
	return "malformed JSON"
}

// buildStatus is the polled progress fragment of the corpus page. When the
// build has ended it asks htmx to reload the page, which then shows the
// statistics (or the failure).
func (s *Server) buildStatus(c echo.Context) error {
	id, err := parseID(c, "corpus")
	if err != nil {
		return err
	}
	if _, err := s.st.Corpus(ctx(c), id); err != nil {
		return notFound(err, "corpus", id)
	}
	j, err := s.svc.LatestBuild(ctx(c), id)
	if err != nil {
		return err
	}
	if j == nil {
		return public(store.ErrNotFound, "This corpus has no build job.")
	}
	if j.Status.Final() && c.Request().Header.Get("HX-Request") == "true" {
		c.Response().Header().Set("HX-Refresh", "true")
	}
	return s.ok(c, views.BuildStatusCard(buildStatusOf(*j)))
}

// ---------------------------------------------------------------------
// Loading builds

// corpusAndBuild returns corpus id and its loaded build; an unbuilt corpus
// gives app.ErrNotBuilt with a message saying what to do.
func (s *Server) corpusAndBuild(c echo.Context) (store.Corpus, *app.Build, error) {
	corp, err := s.corpusOf(c)
	if err != nil {
		return corp, nil, err
	}
	id := corp.ID
	l, err := s.svc.Build(id)
	if errors.Is(err, app.ErrNotBuilt) {
		return corp, nil, public(app.ErrNotBuilt, fmt.Sprintf("The corpus “%s” has not been built yet. Open its page (/corpora/%d) and build its co-occurrence statistics first.", corp.Name, id))
	}
	return corp, l, err
}

// zipfResult is the Zipf analysis of one build, computed once.
type zipfResult struct {
	counts []float64 // frequencies by rank
	mle    spectrum.PowerLawMLE
	mleErr error
	ls     spectrum.ZipfLeastSquares
	lsErr  error
}

// zipfKey names one build of a corpus: the corpus and when it was built
// (a rebuild gets a new key; the old one ages out).
type zipfKey struct {
	corpusID int64
	built    time.Time
}

// zipfMemoSize is how many builds' Zipf fits are kept (the MLE scans
// thousands of cut-offs, about half a second on the demo corpus).
const zipfMemoSize = 8

func (s *Server) zipfOf(corpusID int64, l *app.Build) *zipfResult {
	r, _ := s.zipfs.Get(zipfKey{corpusID, l.Summary.Built}, func() (*zipfResult, error) {
		counts := l.Unigrams.Counts()
		r := &zipfResult{counts: spectrum.RankFrequency(counts)}
		r.mle, r.mleErr = spectrum.FitDiscretePowerLaw(context.Background(), counts, spectrum.MLEOptions{})
		r.ls, r.lsErr = spectrum.FitZipfLeastSquares(counts)
		return r, nil
	})
	return r
}

// normWord prepares a word typed by the user for lookup: trimmed, and
// lower-cased when the corpus was built with the lower-casing tokenizer
// (or, with the whitespace tokenizer, when only the lower-case form is in
// the vocabulary).
func normWord(l *app.Build, w string) string {
	w = strings.TrimSpace(w)
	if l.Summary.Settings.Tokenizer != "whitespace" {
		return strings.ToLower(w)
	}
	if _, ok := l.Vocab.ID(w); !ok {
		if lw := strings.ToLower(w); lw != w {
			if _, ok := l.Vocab.ID(lw); ok {
				return lw
			}
		}
	}
	return w
}

// unknownWord reports w as missing from the vocabulary, suggesting the
// most frequent words that share its first three characters.
func unknownWord(l *app.Build, w string) error {
	msg := fmt.Sprintf("“%s” is not in this corpus's vocabulary. Check the spelling, or rebuild with a lower minimum count.", clip(w))
	r := []rune(w)
	if len(r) >= 3 {
		prefix := string(r[:3])
		var near []string
		for id := 0; id < l.Vocab.Len() && len(near) < 5; id++ {
			if v := l.Vocab.Word(int32(id)); strings.HasPrefix(v, prefix) {
				near = append(near, v)
			}
		}
		if len(near) > 0 {
			msg += " Words it has that start with “" + prefix + "”: " + strings.Join(near, ", ") + "."
		}
	}
	return public(ratio.ErrUnknownWord, msg)
}

// ---------------------------------------------------------------------
// Corpus page

func (s *Server) corpusDetail(c echo.Context) error {
	corp, err := s.corpusOf(c)
	if err != nil {
		return err
	}
	d, status, err := s.corpusDetailData(c, corp)
	if err != nil {
		return err
	}
	return s.render(c, status, views.CorpusDetail(d))
}

// corpusDetailData builds the page of corpus x and its status (a 4xx when
// the PMI word asked for is refused).
func (s *Server) corpusDetailData(c echo.Context, corp store.Corpus) (views.CorpusDetailData, int, error) {
	id := corp.ID
	d := views.CorpusDetailData{Page: s.page(c, corp.Name, views.SectionCorpora), Corpus: corpusRow(corp),
		Duplicate: c.QueryParam("duplicate") == "1", Form: settingsOf(app.DefaultBuildSettings()).Form(),
		Limits: views.BuildLimits{MaxWindow: cooccur.MaxWindow, MaxMinCount: maxMinCount, MaxVocab: maxVocabLimit}}
	status := http.StatusOK
	if j, err := s.svc.LatestBuild(ctx(c), id); err != nil {
		return d, 0, err
	} else if j != nil {
		if !j.Status.Final() {
			b := buildStatusOf(*j)
			d.Building = &b
		} else if j.Status != store.JobDone {
			d.LastError = j.Error
			if d.LastError == "" {
				d.LastError = "the job was " + string(j.Status) + "."
			}
		}
	}
	l, err := s.svc.Build(id)
	switch {
	case errors.Is(err, app.ErrNotBuilt):
		// The page shows the build form.
	case err != nil:
		return d, 0, err
	default:
		d.LastError = ""
		sum := l.Summary
		d.Form = settingsOf(sum.Settings).Form()
		d.Stats = &views.CorpusStatsView{
			Tokens: sum.Tokens, Lines: sum.Lines, NNZ: sum.NNZ, Types: sum.Types, VocabSize: sum.VocabSize,
			InvalidUTF8: sum.InvalidUTF8, TruncatedTokens: sum.TruncatedTokens, SumX: sum.SumX,
			EntropyBits: sum.EntropyBits, MIBits: sum.MutualInformationBits, Settings: settingsOf(sum.Settings),
			Built: fmtTime(sum.Built), Seconds: sum.Seconds,
		}
		d.Zipf = zipfView(corp, s.zipfOf(id, l))
		pm, perr := s.pmiView(corp, l, c.QueryParam("pmi"))
		if perr != nil {
			st, msg := s.resolve(perr)
			if st >= 500 {
				return d, 0, perr
			}
			status, pm.Message = st, msg
		}
		d.PMI = &pm
		d.Spectrum = s.corpusSpectrumView(c, corp, l)
	}
	return d, status, nil
}

func settingsOf(settings app.BuildSettings) views.BuildSettings {
	return views.BuildSettings{Tokenizer: settings.Tokenizer, Window: settings.Window, Symmetric: settings.Symmetric,
		DistanceWeighting: settings.DistanceWeighting, MinCount: settings.MinCount, MaxVocab: settings.MaxVocab}
}

func zipfView(corp store.Corpus, z *zipfResult) *views.ZipfView {
	v := &views.ZipfView{CorpusID: corp.ID, Plot: corpusPlotLinks(corp.ID, "zipf", nil,
		"Zipf plot: word frequency against rank on log–log axes, with the fitted power law")}
	if z.mleErr != nil {
		v.Err = "This corpus has too few distinct words for a power-law fit of its word frequencies."
		return v
	}
	m := z.mle
	v.Alpha, v.AlphaSE, v.XMin, v.NTail, v.KS, v.RankExponent = m.Alpha, m.AlphaSE, m.XMin, m.NTail, m.KS, m.RankExponent
	if z.lsErr == nil {
		v.HasLS, v.LSSlope, v.LSR2 = true, z.ls.Slope, z.ls.R2
	}
	return v
}

// corpusPlotLinks are the addresses of plot name of corpus id with query
// q; the page shows the SVG (sharp at any zoom).
func corpusPlotLinks(id int64, name string, q url.Values, alt string) views.ModelPlot {
	base := "/corpora/" + strconv.FormatInt(id, 10) + "/plots/" + name
	if len(q) > 0 {
		base += "?" + q.Encode()
	}
	p := views.NewModelPlot(base, alt, "")
	p.Src = strings.Replace(p.SVG, "&download=1", "", 1)
	return p
}

// pmiView computes the PMI box for word (empty: the box with its form only).
func (s *Server) pmiView(corp store.Corpus, l *app.Build, word string) (views.PMIView, error) {
	v := views.PMIView{CorpusID: corp.ID, Word: strings.TrimSpace(word), N: defaultPMIN, MinCount: defaultPMIMin}
	if v.Word == "" {
		return v, nil
	}
	parts, err := pmiPartners(l, v.Word, v.N, v.MinCount)
	if err != nil {
		return v, err
	}
	v.Word = normWord(l, v.Word)
	for _, p := range parts {
		v.Rows = append(v.Rows, views.PMIRow{Word: p.word, Bits: p.bits, Count: p.x})
	}
	if len(v.Rows) == 0 {
		v.Message = fmt.Sprintf("“%s” has no partner seen at least %d times.", clip(v.Word), defaultPMIMin)
	}
	return v, nil
}

type pmiPartner struct {
	word string
	bits float64
	nats float64
	x    float64
}

func pmiPartners(l *app.Build, word string, n int, minCount float64) ([]pmiPartner, error) {
	w := normWord(l, word)
	if len(w) > maxWordLen*4 {
		return nil, public(ErrBadRequest, "That word is too long.")
	}
	id, ok := l.Vocab.ID(w)
	if !ok {
		return nil, unknownWord(l, w)
	}
	var out []pmiPartner
	for _, p := range l.PMI.Top(id, n, minCount) {
		if !isFinite(p.PMI) {
			continue
		}
		out = append(out, pmiPartner{word: l.Vocab.Word(p.ID), nats: p.PMI, bits: p.PMI / math.Ln2, x: p.X})
	}
	return out, nil
}

// ---------------------------------------------------------------------
// Ratio page

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
		_, okI := l.Vocab.ID("ice")
		_, okJ := l.Vocab.ID("steam")
		if okI && okJ {
			r.i, r.j = "ice", "steam"
		} else if l.Vocab.Len() >= 2 {
			r.i, r.j = l.Vocab.Word(0), l.Vocab.Word(1)
			r.notes = append(r.notes, "The paper's words “ice” and “steam” are not both in this corpus's vocabulary, so the two most frequent words are shown instead. Type any two words above.")
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
// those not given.
func parseRatioNumbers(q url.Values, r *ratioRequest) error {
	def := r.opt
	for _, f := range []struct {
		name      string
		def, maxV float64
		dst       *float64
		formValue *string
	}{
		{"smoothing", def.Smoothing, 1e6, &r.opt.Smoothing, &r.form.Smoothing},
		{"thin", def.ThinBelow, 1e12, &r.opt.ThinBelow, &r.form.Thin},
		{"min_evidence", def.MinEvidence, 1e12, &r.opt.MinEvidence, &r.form.MinEvidence},
	} {
		if strings.TrimSpace(*f.formValue) == "" {
			*f.formValue = fnum(f.def)
		}
		var err error
		if *f.dst, err = realNumber(q.Get(f.name), "“"+f.name+"”", f.def, 0, f.maxV); err != nil {
			return err
		}
	}
	if strings.TrimSpace(r.form.Top) == "" {
		r.form.Top = strconv.Itoa(def.Top)
	}
	var err error
	r.opt.Top, err = wholeNumber(q.Get("top"), "“top”", def.Top, 0, maxTop)
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
	d := views.RatioPageData{Page: s.page(c, "Ratios · "+corp.Name, views.SectionCorpora), CorpusID: corp.ID, CorpusName: corp.Name}
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
	d.Plot = corpusPlotLinks(corp.ID, "ratio", ratioQuery(r), fmt.Sprintf("Bar chart of P(k|%s)/P(k|%s) for each probe word on a log scale centred at 1", t.I, t.J))
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
	return views.RatioCell{K: r.K, XIK: r.XIK, XJK: r.XJK, PIK: r.PIK, PJK: r.PJK, Ratio: r.Ratio, Kind: string(r.Kind), Thin: r.Thin}
}

func ratioTableView(t *ratio.Table, opt ratio.Options) views.RatioTableView {
	v := views.RatioTableView{I: t.I, J: t.J, XI: t.XI, XJ: t.XJ, ThinBelow: opt.ThinBelow, Smoothing: opt.Smoothing, MinEvid: opt.MinEvidence}
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
	// The page lists only words that lean to one side: with few candidates
	// the same word can be both the largest and the smallest ratio, and a
	// ratio below 1 is not "typical of i".
	for _, r := range t.Largest {
		if r.Kind == ratio.Inf || (r.Kind == ratio.Finite && r.Ratio > 1) {
			v.Largest = append(v.Largest, ratioCell(r))
		}
	}
	for _, r := range t.Smallest {
		if r.Kind == ratio.Zero || (r.Kind == ratio.Finite && r.Ratio < 1) {
			v.Smallest = append(v.Smallest, ratioCell(r))
		}
	}
	v.Discovery = opt.Top > 0
	return v
}

// ---------------------------------------------------------------------
// Autocomplete

// The one autocomplete shape, for corpora and vector sets alike:
//
//	GET …/words?prefix=ic&limit=20
//	{"prefix": "ic", "words": [{"word": "ice", "rank": 212, "count": 123}, …]}
//
// the most frequent words starting with prefix (an empty prefix: the most
// frequent words), rank being the 1-based frequency rank; count is the
// corpus count and is left out for vector sets, which have none. limit is
// 0–maxWordsLimit (default defaultWordsLimit); anything else is a 400.

// apiWord is one suggested word.
type apiWord struct {
	Word  string `json:"word"`
	Rank  int    `json:"rank"`
	Count int64  `json:"count,omitempty"`
}

// defaultWordsLimit is how many words a suggestion request gets by default.
const defaultWordsLimit = 20

// suggestWords answers an autocomplete request over n words in frequency
// order: word(i) is the word of rank i+1 and its count (0: none), match
// says whether a word fits the prefix. prefix is echoed as given to match.
func suggestWords(c echo.Context, prefix string, n int, word func(i int) (string, int64), match func(w string) bool) error {
	limit, err := wholeNumber(c.QueryParam("limit"), "“limit”", defaultWordsLimit, 0, maxWordsLimit)
	if err != nil {
		return err
	}
	out := []apiWord{}
	for i := 0; i < n && len(out) < limit; i++ {
		if w, count := word(i); match(w) {
			out = append(out, apiWord{Word: w, Rank: i + 1, Count: count})
		}
	}
	return c.JSON(http.StatusOK, map[string]any{"prefix": prefix, "words": out})
}

// corpusWords suggests vocabulary words of a built corpus (the prefix is
// normalised as words typed on its pages are).
func (s *Server) corpusWords(c echo.Context) error {
	_, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	prefix := normWord(l, c.QueryParam("prefix"))
	return suggestWords(c, prefix, l.Vocab.Len(), // ids are frequency ranks
		func(i int) (string, int64) { return l.Vocab.Word(int32(i)), l.Vocab.Count(int32(i)) },
		func(w string) bool { return strings.HasPrefix(w, prefix) })
}

// ---------------------------------------------------------------------
// Plots and downloads

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
			figure: func() (*plot.Figure, error) { return zipfFigure(corp, z) },
			header: []string{"rank", "word", "frequency"}, rows: zipfRows(l)})
	}
	r, t, err := computeRatio(c, l)
	if err != nil {
		return err
	}
	return s.sendPlot(c, plotOut{what: "ratio", owner: owner, params: []string{r.i, r.j},
		figure: func() (*plot.Figure, error) { return ratioFigure(t) },
		header: ratioHeader, rows: ratioRows(t)})
}

// fnum formats v in the fewest digits that read back exactly (CSV cells,
// query strings, form values).
func fnum(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func zipfFigure(corp store.Corpus, z *zipfResult) (*plot.Figure, error) {
	spec := plot.ZipfSpec{Counts: z.counts, Title: "Zipf's law: " + corp.Name}
	if z.mleErr == nil {
		m := z.mle
		spec.MLE = &plot.ZipfMLE{Alpha: m.Alpha, AlphaSE: m.AlphaSE, XMin: float64(m.XMin), NTail: m.NTail, KS: m.KS, RankExponent: m.RankExponent}
	}
	if z.lsErr == nil {
		ic := z.ls.Intercept
		spec.LeastSquares = &plot.ZipfLeastSquares{Slope: z.ls.Slope, R2: z.ls.R2, Intercept: &ic}
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

func ratioFigure(t *ratio.Table) (*plot.Figure, error) {
	spec := plot.RatioSpec{I: t.I, J: t.J}
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

// ---------------------------------------------------------------------
// JSON API

type apiSettings struct {
	Tokenizer         string `json:"tokenizer"`
	Window            int    `json:"window"`
	Symmetric         bool   `json:"symmetric"`
	DistanceWeighting bool   `json:"distance_weighting"`
	MinCount          int64  `json:"min_count"`
	MaxVocab          int    `json:"max_vocab"`
}

type apiStats struct {
	CorpusID              int64       `json:"corpus_id"`
	Name                  string      `json:"name"`
	Tokens                int64       `json:"tokens"`
	Types                 int         `json:"types"`
	Lines                 int64       `json:"lines"`
	VocabSize             int         `json:"vocab_size"`
	NNZ                   int64       `json:"nnz"`
	SumX                  float64     `json:"sum_x"`
	EntropyBits           float64     `json:"entropy_bits"`
	MutualInformationBits float64     `json:"mutual_information_bits"`
	InvalidUTF8           int64       `json:"invalid_utf8"`
	TruncatedTokens       int64       `json:"truncated_tokens"`
	Settings              apiSettings `json:"settings"`
	Built                 time.Time   `json:"built"`
	Seconds               float64     `json:"seconds"`
}

func (s *Server) apiCorpusStats(c echo.Context) error {
	corp, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	m := l.Summary
	st := m.Settings
	return c.JSON(http.StatusOK, apiStats{CorpusID: corp.ID, Name: corp.Name, Tokens: m.Tokens, Types: m.Types, Lines: m.Lines,
		VocabSize: m.VocabSize, NNZ: m.NNZ, SumX: finite(m.SumX), EntropyBits: finite(m.EntropyBits),
		MutualInformationBits: finite(m.MutualInformationBits), InvalidUTF8: m.InvalidUTF8, TruncatedTokens: m.TruncatedTokens,
		Settings: apiSettings{Tokenizer: st.Tokenizer, Window: st.Window, Symmetric: st.Symmetric, DistanceWeighting: st.DistanceWeighting,
			MinCount: st.MinCount, MaxVocab: st.MaxVocab},
		Built: m.Built, Seconds: m.Seconds})
}

// finite replaces NaN and ±Inf (which JSON cannot hold) with 0.
func finite(v float64) float64 {
	if !isFinite(v) {
		return 0
	}
	return v
}

type apiZipfMLE struct {
	Alpha        float64 `json:"alpha"`
	AlphaSE      float64 `json:"alpha_se"`
	XMin         int64   `json:"x_min"`
	NTail        int     `json:"n_tail"`
	KS           float64 `json:"ks"`
	RankExponent float64 `json:"rank_exponent"`
}

type apiZipfLS struct {
	Slope       float64 `json:"slope"`
	Intercept   float64 `json:"intercept"`
	R2          float64 `json:"r2"`
	Descriptive bool    `json:"descriptive"`
}

type apiRankFreq struct {
	Rank      int    `json:"rank"`
	Word      string `json:"word"`
	Frequency int64  `json:"frequency"`
}

type apiZipf struct {
	CorpusID     int64         `json:"corpus_id"`
	Types        int           `json:"types"`
	Tokens       int64         `json:"tokens"`
	MLE          *apiZipfMLE   `json:"mle"`
	MLEError     string        `json:"mle_error,omitempty"`
	LeastSquares *apiZipfLS    `json:"least_squares"`
	Head         []apiRankFreq `json:"head"`
}

func (s *Server) apiZipf(c echo.Context) error {
	corp, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	n, err := wholeNumber(c.QueryParam("n"), "“n”", defaultZipfHead, 0, maxZipfHead)
	if err != nil {
		return err
	}
	z := s.zipfOf(corp.ID, l)
	out := apiZipf{CorpusID: corp.ID, Types: l.Unigrams.Len(), Tokens: l.Summary.Tokens, Head: []apiRankFreq{}}
	if z.mleErr == nil {
		m := z.mle
		out.MLE = &apiZipfMLE{Alpha: finite(m.Alpha), AlphaSE: finite(m.AlphaSE), XMin: m.XMin, NTail: m.NTail, KS: finite(m.KS), RankExponent: finite(m.RankExponent)}
	} else {
		out.MLEError = "too few distinct words for a power-law fit"
	}
	if z.lsErr == nil {
		out.LeastSquares = &apiZipfLS{Slope: finite(z.ls.Slope), Intercept: finite(z.ls.Intercept), R2: finite(z.ls.R2), Descriptive: true}
	}
	for id := 0; id < min(n, l.Unigrams.Len()); id++ {
		out.Head = append(out.Head, apiRankFreq{Rank: id + 1, Word: l.Unigrams.Word(int32(id)), Frequency: l.Unigrams.Count(int32(id))})
	}
	return c.JSON(http.StatusOK, out)
}

// apiRatio answers the ratio table as JSON: the shape of the CLI's glove
// ratio -json, where a row's ratio is null unless ratio_kind is "finite".
func (s *Server) apiRatio(c echo.Context) error {
	_, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	_, t, err := computeRatio(c, l)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, t)
}

type apiPMIPartner struct {
	Word    string  `json:"word"`
	PMIBits float64 `json:"pmi_bits"`
	PMINats float64 `json:"pmi_nats"`
	X       float64 `json:"x"`
}

func (s *Server) apiPMI(c echo.Context) error {
	_, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	q := c.QueryParams()
	word := strings.TrimSpace(q.Get("word"))
	if word == "" {
		return public(ErrBadRequest, "Give a word: ?word=ice.")
	}
	n, err := wholeNumber(q.Get("n"), "“n”", defaultPMIN, 0, maxTop)
	if err != nil {
		return err
	}
	minCount, err := realNumber(q.Get("min_count"), "“min_count”", defaultPMIMin, 0, 1e12)
	if err != nil {
		return err
	}
	parts, err := pmiPartners(l, word, n, minCount)
	if err != nil {
		return err
	}
	out := make([]apiPMIPartner, len(parts))
	for i, p := range parts {
		out[i] = apiPMIPartner{Word: p.word, PMIBits: p.bits, PMINats: p.nats, X: p.x}
	}
	return c.JSON(http.StatusOK, map[string]any{"word": normWord(l, word), "n": n, "min_count": minCount, "partners": out})
}
