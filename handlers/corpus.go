package handlers

// The Corpora section: a corpus's page (file facts, the build form and its
// progress, statistics, the Zipf fit, PMI partners) and its co-occurrence
// spectrum, the web counterpart of `glove spectrum -corpus`: a form starts
// a job in the service (the top-N block of the matrix weighted as counts,
// log(1+X) or PPMI, then a Lanczos SVD) and a fragment polls it until it
// shows the log–log plot with the power-law fit. Routes: routes.go; their
// JSON twins: api_corpus.go; their figures: downloads.go.

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/phrases"
	"github.com/gloveboard/gloveboard/analysis/ratio"
	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/apperr"
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
	if _, err := wholeNumber(strconv.Itoa(settings.MaxVocab), labelMaxVocab, 0, 0, maxVocabLimit); err != nil {
		return err
	}
	return validatePhraseSettings(settings)
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
	if err := formPhraseSettings(c, &settings); err != nil {
		return settings, err
	}
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
		Tokens:            c.FormValue("tokens"), PhrasePasses: c.FormValue("phrase_passes"),
		PhraseMinCount: c.FormValue("phrase_min_count"), PhraseThreshold: c.FormValue("phrase_threshold"),
	}
	d.BuildError = msg
	return s.render(c, status, views.CorpusDetail(d))
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
	if l.Phrases != nil {
		// A phrase typed with spaces ("văn bản") is the token văn_bản.
		w = strings.Join(strings.Fields(w), phrases.Joiner)
	}
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
	msg := fmt.Sprintf("“%s” is not in this corpus's vocabulary. Check the spelling, or rebuild with a lower minimum count.", apperr.Quote(w))
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
	d := views.CorpusDetailData{Page: s.page(c, locale(c).Name(corp.Name), views.SectionCorpora), Corpus: corpusRow(corp),
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
				d.LastError = jobEndedText(locale(c), j.Status)
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
			NormalizedLines: sum.NormalizedLines, Phrases: sum.Phrases, JoinedPairs: sum.JoinedPairs,
		}
		d.Phrases = s.phrasesView(corp, l, c.QueryParam("phrase"))
		d.Stats.RatioExample = ratioExample(corp.ID, corp.SHA256)
		d.Zipf = zipfView(locale(c), corp, s.zipfOf(id, l))
		pm, perr := s.pmiView(locale(c), corp, l, c.QueryParam("pmi"))
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
	v := views.BuildSettings{Tokenizer: settings.Tokenizer, Window: settings.Window, Symmetric: settings.Symmetric,
		DistanceWeighting: settings.DistanceWeighting, MinCount: settings.MinCount, MaxVocab: settings.MaxVocab,
		Tokens: cmp.Or(settings.Tokens, tokensSyllables), PhrasePasses: settings.PhrasePasses,
		PhraseMinCount: settings.PhraseMinCount, PhraseThreshold: settings.PhraseThreshold}
	if v.PhrasePasses == 0 { // a build made before the setting existed
		def := app.DefaultBuildSettings()
		v.PhrasePasses, v.PhraseMinCount, v.PhraseThreshold = def.PhrasePasses, def.PhraseMinCount, def.PhraseThreshold
	}
	return v
}

// jobEndedText says, in loc's language, how a build job without an error
// message ended (failed, cancelled or interrupted).
func jobEndedText(loc views.Locale, status store.JobStatus) string {
	switch status {
	case store.JobCancelled:
		return loc.T("corpus.build.ended_cancelled")
	case store.JobInterrupted:
		return loc.T("corpus.build.ended_interrupted")
	}
	return loc.T("corpus.build.ended_failed")
}

func zipfView(loc views.Locale, corp store.Corpus, z *zipfResult) *views.ZipfView {
	v := &views.ZipfView{CorpusID: corp.ID, Plot: corpusPlotLinks(corp.ID, "zipf", nil, loc.T("corpus.zipf.alt"))}
	if z.mleErr != nil {
		v.Err = loc.T("corpus.zipf.too_few")
		return v
	}
	m := z.mle
	v.Alpha, v.AlphaSE, v.XMin, v.NTail, v.KS, v.RankExponent = m.Alpha, m.AlphaSE, m.XMin, m.NTail, m.KS, m.RankExponent
	if z.lsErr == nil {
		v.HasLS, v.LSSlope, v.LSR2 = true, z.ls.Slope, z.ls.R2
	}
	return v
}

// pmiView computes the PMI box for word (empty: the box with its form
// only), its text in loc's language.
func (s *Server) pmiView(loc views.Locale, corp store.Corpus, l *app.Build, word string) (views.PMIView, error) {
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
		v.Message = loc.T("corpus.pmi.no_partner", apperr.Quote(v.Word), loc.Int(defaultPMIMin))
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

// errSpectrumNeedsPost refuses a GET of the address that starts a job.
var errSpectrumNeedsPost = public(ErrNeedsPost, "The singular-value spectrum is computed by a background job, so it must be asked for with POST (the form on the corpus page does this). Its result is at /corpora/ID/spectra/JOB, or /api/corpora/ID/spectra/JOB as JSON.")

// formSpectrumParams reads the form (or query) fields; their syntax here,
// their ranges in the service.
func formSpectrumParams(c echo.Context) (app.SpectrumParams, error) {
	p := app.SpectrumParams{Matrix: c.FormValue("matrix")}
	for _, f := range []struct {
		name, label string
		lo, hi      int
		dst         **int
	}{
		// Out of range is the service's to say (a top-N over the limit is
		// a 422 of its own), with the number read.
		{"top_n", "The number of words (top-N)", 2, app.MaxSpectrumTopN, &p.TopN},
		{"k", "The number of singular values k", 1, maxOf[int](), &p.K},
		{"fit_from", "The first rank of the fit range", 1, maxOf[int](), &p.FitFrom},
		{"fit_to", "The last rank of the fit range (0: k)", 0, maxOf[int](), &p.FitTo},
	} {
		raw := strings.TrimSpace(c.FormValue(f.name))
		if raw == "" {
			continue
		}
		v, err := wholeNumber(raw, f.label, 0, f.lo, f.hi)
		if err != nil && !errors.Is(err, errOutOfRange) {
			return p, err
		}
		*f.dst = &v
	}
	return p, nil
}

// corpusOf returns the corpus of the path's id (built or not).
func (s *Server) corpusOf(c echo.Context) (store.Corpus, error) {
	id, err := parseID(c, "corpus")
	if err != nil {
		return store.Corpus{}, err
	}
	corp, err := s.st.Corpus(ctx(c), id)
	return corp, notFound(err, "corpus", id)
}

// spectrumJobParam reads the path parameter job.
func (s *Server) spectrumJobParam(c echo.Context) (store.Corpus, app.JobInfo, *app.CorpusSpectrum, error) {
	corp, err := s.corpusOf(c)
	if err != nil {
		return corp, app.JobInfo{}, nil, err
	}
	id, err := idParam(c, "job", "spectrum job")
	if err != nil {
		return corp, app.JobInfo{}, nil, err
	}
	info, res, err := s.svc.CorpusSpectrumJob(ctx(c), corp.ID, id)
	return corp, info, res, err
}

func pendingSpectrumOf(info app.JobInfo) views.CorpusSpectrumPending {
	p := views.CorpusSpectrumPending{CorpusID: info.TargetID, JobID: info.ID, Status: string(info.Status),
		Percent: info.Progress, Message: info.Message, Error: info.Error}
	if info.Position > 0 {
		p.Message = fmt.Sprintf("waiting for a worker (position %d in the queue)", info.Position)
	}
	return p
}

// weightingText names a spectrum's matrix weighting for people, in loc's
// language (app.WeightingLabel's names in English).
func weightingText(loc views.Locale, w spectrum.Weighting) string {
	switch w {
	case spectrum.Counts:
		return loc.T("corpus.spectrum.matrix_counts")
	case spectrum.Log1p:
		return loc.T("corpus.spectrum.matrix_log")
	}
	return loc.T("corpus.spectrum.label_ppmi")
}

func corpusSpectrumResultView(loc views.Locale, res *app.CorpusSpectrum, jobID int64) views.CorpusSpectrumResult {
	r := res.Request
	matrix := weightingText(loc, r.Weighting)
	v := views.CorpusSpectrumResult{CorpusID: res.CorpusID, JobID: jobID, Matrix: matrix, TopN: r.TopN,
		K: len(res.Values), NNZ: res.NNZ, Note: r.Note, FitError: res.FitError,
		API: fmt.Sprintf("/api/corpora/%d/spectra/%d", res.CorpusID, jobID),
		Plot: views.NewModelPlot(fmt.Sprintf("/corpora/%d/spectra/%d/plot", res.CorpusID, jobID),
			loc.T("corpus.spectrum.alt", matrix, loc.Int(int64(r.TopN))), "")}
	if n := len(res.Values); n > 0 {
		v.First, v.Last = res.Values[0], res.Values[n-1]
	}
	if res.FitError == "" {
		f := res.Fit
		v.Beta, v.R2, v.ExpR2, v.From, v.To = f.Beta, f.R2, f.ExpR2, f.From, f.To
	}
	return v
}

// savedSpectrumRows are the rows of a corpus's saved spectra, named in
// loc's language.
func savedSpectrumRows(loc views.Locale, saved []app.SavedSpectrum) []views.SavedSpectrumRow {
	rows := make([]views.SavedSpectrumRow, len(saved))
	for i, sp := range saved {
		r := sp.Request
		rows[i] = views.SavedSpectrumRow{ID: sp.ID, Name: loc.T("corpus.spectrum.saved_name", weightingText(loc, r.Weighting), loc.Int(int64(r.TopN)), loc.Int(int64(r.K))),
			Values: sp.Values, Beta: r2Text(sp.Beta), R2: r2Text(sp.R2), Created: fmtTime(sp.Created)}
	}
	return rows
}

// corpusSpectrumView is the spectrum card of a built corpus's page, with
// the job of ?spectrum=N when given.
func (s *Server) corpusSpectrumView(c echo.Context, corp store.Corpus, l *app.Build) *views.CorpusSpectrumView {
	vocab := l.Matrix.Dim()
	n := min(vocab, app.DefaultSpectrumTopN)
	v := &views.CorpusSpectrumView{CorpusID: corp.ID, Vocab: vocab, MaxTopN: app.MaxSpectrumTopN,
		Form: views.CorpusSpectrumForm{Matrix: "ppmi", TopN: n, K: min(app.DefaultSpectrumK, n), FitFrom: 1}}
	if saved, err := s.svc.SavedSpectra(ctx(c), corp.ID); err != nil {
		s.log.Error("listing saved spectra", "corpus", corp.ID, "err", err)
	} else {
		v.Saved = savedSpectrumRows(locale(c), saved)
	}
	raw := strings.TrimSpace(c.QueryParam("spectrum"))
	if raw == "" {
		return v
	}
	id, err := parseIDText(raw, "spectrum job")
	if err != nil {
		_, v.Message = s.resolve(err)
		return v
	}
	info, res, err := s.svc.CorpusSpectrumJob(ctx(c), corp.ID, id)
	switch {
	case err != nil:
		_, v.Message = s.resolve(err)
	case res != nil:
		r := res.Request
		v.Form = views.CorpusSpectrumForm{Matrix: r.Weighting.String(), TopN: r.TopN, K: r.K, FitFrom: r.From, FitTo: r.To}
		rv := corpusSpectrumResultView(locale(c), res, info.ID)
		v.Result = &rv
	default:
		p := pendingSpectrumOf(info)
		v.Pending = &p
	}
	return v
}

// startCorpusSpectrum answers the corpus page's form: with htmx, the
// polling fragment (or an error fragment); without, a redirect to the
// corpus page showing the job.
func (s *Server) startCorpusSpectrum(c echo.Context) error {
	fail := func(err error) error {
		if isHTMX(c) {
			return s.fragmentError(c, err)
		}
		return err
	}
	corp, l, err := s.corpusAndBuild(c)
	if err != nil {
		return fail(err)
	}
	p, err := formSpectrumParams(c)
	if err != nil {
		return fail(err)
	}
	r, err := s.svc.CorpusSpectrumRequest(l, p)
	if err != nil {
		return fail(err)
	}
	job, err := s.svc.SubmitCorpusSpectrum(corp, l, r)
	if err != nil {
		return fail(err)
	}
	if !isHTMX(c) {
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/corpora/%d?spectrum=%d#corpus-spectrum", corp.ID, job.ID))
	}
	return s.ok(c, views.CorpusSpectrumPendingFragment(pendingSpectrumOf(app.JobInfo{Job: job})))
}

func (s *Server) corpusSpectrumNeedsPost(c echo.Context) error { return errSpectrumNeedsPost }

// corpusSpectrumFragment is the polled fragment of a spectrum job.
func (s *Server) corpusSpectrumFragment(c echo.Context) error {
	_, info, res, err := s.spectrumJobParam(c)
	if err != nil {
		return s.fragmentError(c, err)
	}
	if res == nil {
		return s.ok(c, views.CorpusSpectrumPendingFragment(pendingSpectrumOf(info)))
	}
	return s.ok(c, views.CorpusSpectrumResultFragment(corpusSpectrumResultView(locale(c), res, info.ID)))
}
