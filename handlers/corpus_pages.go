package handlers

// The corpus page, its build job, the probability-ratio page, their plots
// and downloads and the matching JSON API. Routes are listed in
// registerCorpusRoutes and documented in docs/api.md.

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

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
func validateSettings(set app.BuildSettings) error {
	bad := func(msg string) error { return public(ErrBadRequest, msg) }
	if set.Tokenizer != "words" && set.Tokenizer != "whitespace" {
		return bad("The tokenizer must be “words” or “whitespace”.")
	}
	if set.Window < 1 || set.Window > cooccur.MaxWindow {
		return bad(fmt.Sprintf("The window must be a whole number from 1 to %d.", cooccur.MaxWindow))
	}
	if set.MinCount < 1 || set.MinCount > maxMinCount {
		return bad("The minimum count must be a whole number of at least 1.")
	}
	if set.MaxVocab < 0 || set.MaxVocab > maxVocabLimit {
		return bad("The maximum vocabulary must be 0 (keep all words) or a positive whole number up to 100,000,000.")
	}
	return nil
}

// formSettings reads build settings from the corpus page's form.
func formSettings(c echo.Context) (app.BuildSettings, error) {
	set := app.DefaultBuildSettings()
	bad := func(field, want string) error {
		return public(ErrBadRequest, "The "+field+" must be "+want+".")
	}
	set.Tokenizer = strings.TrimSpace(c.FormValue("tokenizer"))
	var err error
	if set.Window, err = strconv.Atoi(strings.TrimSpace(c.FormValue("window"))); err != nil {
		return set, bad("window", fmt.Sprintf("a whole number from 1 to %d", cooccur.MaxWindow))
	}
	if set.MinCount, err = strconv.ParseInt(strings.TrimSpace(c.FormValue("min_count")), 10, 64); err != nil {
		return set, bad("minimum count", "a whole number of at least 1")
	}
	mv := strings.TrimSpace(c.FormValue("max_vocab"))
	if mv == "" {
		set.MaxVocab = 0
	} else if set.MaxVocab, err = strconv.Atoi(mv); err != nil {
		return set, bad("maximum vocabulary", "0 (keep all words) or a positive whole number")
	}
	set.Symmetric = checked(c.FormValue("symmetric"))
	set.DistanceWeighting = checked(c.FormValue("distance_weighting"))
	return set, validateSettings(set)
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
	set, err := formSettings(c)
	if err != nil {
		return s.buildFormError(c, id, err)
	}
	if _, err := s.svc.StartBuild(ctx(c), id, set); err != nil {
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
	x, xerr := s.st.Corpus(ctx(c), id)
	if xerr != nil {
		if errors.Is(xerr, store.ErrNotFound) {
			return err // no page to show the form on
		}
		return xerr
	}
	d, _, derr := s.corpusDetailData(c, x)
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
	set := app.DefaultBuildSettings()
	body, err := io.ReadAll(io.LimitReader(c.Request().Body, formBodyLimit))
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(body)) > 0 {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&set); err != nil {
			return public(ErrBadRequest, "The body must be a JSON object with any of tokenizer, window, symmetric, distance_weighting, min_count and max_vocab ("+jsonProblem(err)+").")
		}
	}
	if err := validateSettings(set); err != nil {
		return err
	}
	j, err := s.svc.StartBuild(ctx(c), id, set)
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
	id, err := parseID(c, "corpus")
	if err != nil {
		return store.Corpus{}, nil, err
	}
	x, err := s.st.Corpus(ctx(c), id)
	if err != nil {
		return x, nil, notFound(err, "corpus", id)
	}
	l, err := s.svc.Build(id)
	if errors.Is(err, app.ErrNotBuilt) {
		return x, nil, public(app.ErrNotBuilt, fmt.Sprintf("The corpus “%s” has not been built yet. Open its page (/corpora/%d) and build its co-occurrence statistics first.", x.Name, id))
	}
	return x, l, err
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
	msg := fmt.Sprintf("“%s” is not in this corpus's vocabulary. Check the spelling, or rebuild with a lower minimum count.", shorten(w))
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

// shorten keeps messages readable when someone pastes a paragraph.
func shorten(w string) string {
	if r := []rune(w); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return w
}

// ---------------------------------------------------------------------
// Corpus page

func (s *Server) corpusDetail(c echo.Context) error {
	id, err := parseID(c, "corpus")
	if err != nil {
		return err
	}
	x, err := s.st.Corpus(ctx(c), id)
	if err != nil {
		return notFound(err, "corpus", id)
	}
	d, status, err := s.corpusDetailData(c, x)
	if err != nil {
		return err
	}
	return s.render(c, status, views.CorpusDetail(d))
}

// corpusDetailData builds the page of corpus x and its status (a 4xx when
// the PMI word asked for is refused).
func (s *Server) corpusDetailData(c echo.Context, x store.Corpus) (views.CorpusDetailData, int, error) {
	id := x.ID
	d := views.CorpusDetailData{Page: s.page(c, x.Name, views.SectionCorpora), Corpus: corpusRow(x),
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
		d.Zipf = zipfView(x, s.zipfOf(id, l))
		pm, perr := s.pmiView(x, l, c.QueryParam("pmi"))
		if perr != nil {
			st, msg := s.resolve(perr)
			if st >= 500 {
				return d, 0, perr
			}
			status, pm.Message = st, msg
		}
		d.PMI = &pm
		d.Spectrum = s.corpusSpectrumView(c, x, l)
	}
	return d, status, nil
}

func settingsOf(set app.BuildSettings) views.BuildSettings {
	return views.BuildSettings{Tokenizer: set.Tokenizer, Window: set.Window, Symmetric: set.Symmetric,
		DistanceWeighting: set.DistanceWeighting, MinCount: set.MinCount, MaxVocab: set.MaxVocab}
}

func zipfView(x store.Corpus, z *zipfResult) *views.ZipfView {
	v := &views.ZipfView{CorpusID: x.ID, Plot: plotLinks(x.ID, "zipf", nil,
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

func plotLinks(id int64, name string, q url.Values, alt string) views.PlotLinks {
	base := "/corpora/" + strconv.FormatInt(id, 10) + "/plots/" + name + "."
	suffix := ""
	if len(q) > 0 {
		suffix = "?" + q.Encode()
	}
	return views.PlotLinks{PNG: base + "png" + suffix, SVG: base + "svg" + suffix, CSV: base + "csv" + suffix, Alt: alt}
}

// pmiView computes the PMI box for word (empty: the box with its form only).
func (s *Server) pmiView(x store.Corpus, l *app.Build, word string) (views.PMIView, error) {
	v := views.PMIView{CorpusID: x.ID, Word: strings.TrimSpace(word), N: defaultPMIN, MinCount: defaultPMIMin}
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
		v.Message = fmt.Sprintf("“%s” has no partner seen at least %d times.", shorten(v.Word), defaultPMIMin)
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
		if math.IsNaN(p.PMI) || math.IsInf(p.PMI, 0) {
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
	var err error
	if r.opt.Smoothing, r.form.Smoothing, err = floatParam(q, "smoothing", def.Smoothing, 1e6); err != nil {
		return r, err
	}
	if r.opt.ThinBelow, r.form.Thin, err = floatParam(q, "thin", def.ThinBelow, 1e12); err != nil {
		return r, err
	}
	if r.opt.MinEvidence, r.form.MinEvidence, err = floatParam(q, "min_evidence", def.MinEvidence, 1e12); err != nil {
		return r, err
	}
	if r.opt.Top, r.form.Top, err = intParam(q, "top", def.Top, maxTop); err != nil {
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

// floatParam parses an optional number in [0, max].
func floatParam(q url.Values, name string, def, maxV float64) (float64, string, error) {
	raw := strings.TrimSpace(q.Get(name))
	if raw == "" {
		return def, strconv.FormatFloat(def, 'g', -1, 64), nil
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > maxV {
		return 0, raw, public(ErrBadRequest, fmt.Sprintf("“%s” must be a number from 0 to %s, such as %s.", name, strconv.FormatFloat(maxV, 'g', -1, 64), strconv.FormatFloat(def, 'g', -1, 64)))
	}
	return v, raw, nil
}

// intParam parses an optional whole number in [0, max].
func intParam(q url.Values, name string, def, maxV int) (int, string, error) {
	raw := strings.TrimSpace(q.Get(name))
	if raw == "" {
		return def, strconv.Itoa(def), nil
	}
	v, err := strconv.Atoi(raw)
	if err != nil || v < 0 || v > maxV {
		return 0, raw, public(ErrBadRequest, fmt.Sprintf("“%s” must be a whole number from 0 to %d, such as %d.", name, maxV, def))
	}
	return v, raw, nil
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
	x, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	d := views.RatioPageData{Page: s.page(c, "Ratios · "+x.Name, views.SectionCorpora), CorpusID: x.ID, CorpusName: x.Name}
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
	d.Plot = plotLinks(x.ID, "ratio", ratioQuery(r), fmt.Sprintf("Bar chart of P(k|%s)/P(k|%s) for each probe word on a log scale centred at 1", t.I, t.J))
	return s.ok(c, views.RatioPage(d))
}

// ratioQuery is the canonical query of a ratio request (for plot links).
func ratioQuery(r ratioRequest) url.Values {
	q := url.Values{}
	q.Set("i", r.i)
	q.Set("j", r.j)
	q.Set("probes", strings.Join(r.opt.Probes, ","))
	q.Set("smoothing", strconv.FormatFloat(r.opt.Smoothing, 'g', -1, 64))
	q.Set("thin", strconv.FormatFloat(r.opt.ThinBelow, 'g', -1, 64))
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

type apiWord struct {
	Word  string `json:"word"`
	Count int64  `json:"count"`
}

// corpusWords answers GET /corpora/:id/words?prefix=ic&limit=20 with the
// most frequent vocabulary words starting with prefix, as JSON.
func (s *Server) corpusWords(c echo.Context) error {
	_, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	prefix := normWord(l, c.QueryParam("prefix"))
	limit, _, err := intParam(c.QueryParams(), "limit", 20, maxWordsLimit)
	if err != nil {
		return err
	}
	out := []apiWord{}
	n := l.Vocab.Len()
	for id := 0; id < n && len(out) < limit; id++ { // ids are frequency ranks
		w := l.Vocab.Word(int32(id))
		if strings.HasPrefix(w, prefix) {
			out = append(out, apiWord{Word: w, Count: l.Vocab.Count(int32(id))})
		}
	}
	return c.JSON(http.StatusOK, map[string]any{"prefix": prefix, "words": out})
}

// ---------------------------------------------------------------------
// Plots and downloads

// corpusPlot serves /corpora/:id/plots/{zipf,ratio}.{png,svg,csv}.
func (s *Server) corpusPlot(c echo.Context) error {
	name, ext, ok := strings.Cut(c.Param("file"), ".")
	if !ok || (name != "zipf" && name != "ratio") || (ext != "png" && ext != "svg" && ext != "csv") {
		return echo.ErrNotFound
	}
	x, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	var (
		fig      *plot.Figure
		base     string
		writeCSV func(w *csv.Writer) error
	)
	switch name {
	case "zipf":
		base = fmt.Sprintf("zipf-corpus-%d", x.ID)
		z := s.zipfOf(x.ID, l)
		writeCSV = func(w *csv.Writer) error { return zipfCSV(w, l, z) }
		if ext != "csv" {
			fig, err = zipfFigure(x, z)
		}
	case "ratio":
		r, t, rerr := computeRatio(c, l)
		if rerr != nil {
			return rerr
		}
		base = "ratio-" + fileWord(r.i) + "-" + fileWord(r.j)
		writeCSV = func(w *csv.Writer) error { return ratioCSV(w, t) }
		if ext != "csv" {
			fig, err = ratioFigure(t)
		}
	}
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	ctype := ""
	switch ext {
	case "csv":
		w := csv.NewWriter(&buf)
		if err := writeCSV(w); err != nil {
			return err
		}
		w.Flush()
		if err := w.Error(); err != nil {
			return err
		}
		ctype = "text/csv; charset=utf-8"
	case "png", "svg":
		out := plot.Output{Format: plot.PNG}
		ctype = "image/png"
		if ext == "svg" {
			out.Format, ctype = plot.SVG, "image/svg+xml"
		}
		if err := fig.Render(&buf, out); err != nil {
			return err
		}
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": base + "." + ext}))
	h.Set("Cache-Control", "no-store")
	return c.Blob(http.StatusOK, ctype, buf.Bytes())
}

// fileWord makes a word safe for a file name: ASCII letters, digits, '-'
// and '_' are kept, other characters become '_', at most 40 of them.
func fileWord(w string) string {
	var b strings.Builder
	for _, r := range w {
		if b.Len() >= 40 {
			break
		}
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_'):
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	if strings.Trim(b.String(), "_") == "" {
		return "word"
	}
	return b.String()
}

// csvCell protects spreadsheet users from cells that start like a
// formula (CSV injection): such words get a leading apostrophe.
func csvCell(w string) string {
	if w != "" && strings.ContainsRune("=+-@\t\r", rune(w[0])) {
		return "'" + w
	}
	return w
}

func fnum(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func zipfFigure(x store.Corpus, z *zipfResult) (*plot.Figure, error) {
	spec := plot.ZipfSpec{Counts: z.counts, Title: "Zipf's law: " + x.Name}
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

func zipfCSV(w *csv.Writer, l *app.Build, z *zipfResult) error {
	if err := w.Write([]string{"rank", "word", "frequency"}); err != nil {
		return err
	}
	n := l.Unigrams.Len()
	for id := 0; id < n; id++ {
		if err := w.Write([]string{strconv.Itoa(id + 1), csvCell(l.Unigrams.Word(int32(id))), strconv.FormatInt(l.Unigrams.Count(int32(id)), 10)}); err != nil {
			return err
		}
	}
	return nil
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

func ratioCSV(w *csv.Writer, t *ratio.Table) error {
	if err := w.Write([]string{"section", "i", "j", "k", "in_vocab", "x_ik", "x_jk", "p_ik", "p_jk", "ratio", "ratio_kind", "thin"}); err != nil {
		return err
	}
	for _, sec := range []struct {
		name string
		rows []ratio.Row
	}{{"probe", t.Rows}, {"largest", t.Largest}, {"smallest", t.Smallest}} {
		for _, r := range sec.rows {
			rat := ""
			if r.Kind == ratio.Finite {
				rat = fnum(r.Ratio)
			}
			rec := []string{sec.name, csvCell(t.I), csvCell(t.J), csvCell(r.K), strconv.FormatBool(r.InVocab), fnum(r.XIK), fnum(r.XJK),
				fnum(r.PIK), fnum(r.PJK), rat, string(r.Kind), strconv.FormatBool(r.Thin)}
			if err := w.Write(rec); err != nil {
				return err
			}
		}
	}
	return nil
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
	x, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	m := l.Summary
	st := m.Settings
	return c.JSON(http.StatusOK, apiStats{CorpusID: x.ID, Name: x.Name, Tokens: m.Tokens, Types: m.Types, Lines: m.Lines,
		VocabSize: m.VocabSize, NNZ: m.NNZ, SumX: finite(m.SumX), EntropyBits: finite(m.EntropyBits),
		MutualInformationBits: finite(m.MutualInformationBits), InvalidUTF8: m.InvalidUTF8, TruncatedTokens: m.TruncatedTokens,
		Settings: apiSettings{Tokenizer: st.Tokenizer, Window: st.Window, Symmetric: st.Symmetric, DistanceWeighting: st.DistanceWeighting,
			MinCount: st.MinCount, MaxVocab: st.MaxVocab},
		Built: m.Built, Seconds: m.Seconds})
}

// finite replaces NaN and ±Inf (which JSON cannot hold) with 0.
func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
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
	x, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	n, _, err := intParam(c.QueryParams(), "n", defaultZipfHead, maxZipfHead)
	if err != nil {
		return err
	}
	z := s.zipfOf(x.ID, l)
	out := apiZipf{CorpusID: x.ID, Types: l.Unigrams.Len(), Tokens: l.Summary.Tokens, Head: []apiRankFreq{}}
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
	n, _, err := intParam(q, "n", defaultPMIN, maxTop)
	if err != nil {
		return err
	}
	minCount, _, err := floatParam(q, "min_count", defaultPMIMin, 1e12)
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
