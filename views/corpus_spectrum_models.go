package views

import (
	"math"
	"strconv"
)

// CorpusSpectrumView is the singular-value spectrum card of the corpus
// page: the form, and the job given by ?spectrum=N (pending or finished)
// when there is one.
type CorpusSpectrumView struct {
	CorpusID int64
	Vocab    int // words (rows) of the built co-occurrence matrix
	MaxTopN  int
	Form     CorpusSpectrumForm
	Pending  *CorpusSpectrumPending // a job still running, or one that failed
	Result   *CorpusSpectrumResult
	// Message explains a ?spectrum=N that cannot be shown.
	Message string
	// Saved are the corpus's saved spectra, newest first.
	Saved []SavedSpectrumRow
}

// CorpusSpectrumForm holds the values of the spectrum form.
type CorpusSpectrumForm struct {
	Matrix  string // counts | log | ppmi
	TopN    int
	K       int
	FitFrom int
	FitTo   int // 0: the last rank
}

// FitToText is the fit-to field's value: empty for "the last rank".
func (f CorpusSpectrumForm) FitToText() string {
	if f.FitTo <= 0 {
		return ""
	}
	return strconv.Itoa(f.FitTo)
}

// CorpusSpectrumPending is a spectrum job that has not finished, or that
// failed or was cancelled.
type CorpusSpectrumPending struct {
	CorpusID int64
	JobID    int64
	Status   string // queued | running | failed | cancelled | interrupted
	Percent  float64
	Message  string
	Error    string
}

// Active reports whether the job can still change (the fragment polls).
func (p CorpusSpectrumPending) Active() bool { return p.Status == "queued" || p.Status == "running" }

// ProgressValue formats the progress fraction for <progress value>.
func (p CorpusSpectrumPending) ProgressValue() string {
	return strconv.FormatFloat(p.Percent, 'f', 3, 64)
}

// Poll is the address of the job's fragment.
func (p CorpusSpectrumPending) Poll() string {
	return idPath("/corpora/", p.CorpusID) + "/spectra/" + strconv.FormatInt(p.JobID, 10)
}

// PageLink is the corpus page showing this job (for browsers without
// scripts, which cannot poll).
func (p CorpusSpectrumPending) PageLink() string {
	return idPath("/corpora/", p.CorpusID) + "?spectrum=" + strconv.FormatInt(p.JobID, 10) + "#corpus-spectrum"
}

// CorpusSpectrumResult is a finished spectrum with its power-law fit.
type CorpusSpectrumResult struct {
	CorpusID int64
	JobID    int64
	Matrix   string // how the matrix is named for people: "PPMI", "log(1 + X)", "raw counts X"
	TopN     int
	K        int
	NNZ      int
	First    float64 // σ_1
	Last     float64 // σ_k
	// Note says how the request was adjusted (fewer words than asked).
	Note string
	// FitError, when set, replaces the fit figures.
	FitError string
	Beta     float64
	R2       float64
	ExpR2    float64
	From, To int
	API      string // the JSON address of this result
	Plot     ModelPlot
}

// Ratio is σ_1/σ_k, how far the spectrum falls over the k values,
// written in l's language.
func (r CorpusSpectrumResult) Ratio(l Locale) string {
	if !(r.Last > 0) {
		return "—"
	}
	return l.Sig(r.First / r.Last)
}

// DoublingFactor is 2^β: by how much a singular value shrinks when the
// rank doubles, if the power law holds.
func (r CorpusSpectrumResult) DoublingFactor(l Locale) string {
	return l.Fixed(math.Pow(2, r.Beta), 2)
}

// FitQuality says in words how straight the log–log line is.
func (r CorpusSpectrumResult) FitQuality(l Locale) string {
	switch {
	case math.IsNaN(r.R2):
		return l.T("corpus.spectrum.quality_unknown")
	case r.R2 >= 0.98:
		return l.T("corpus.spectrum.quality_straight")
	case r.R2 >= 0.9:
		return l.T("corpus.spectrum.quality_bends")
	default:
		return l.T("corpus.spectrum.quality_curved")
	}
}

// Comparison compares the power law with exponential decay ("" when
// either R² is unknown).
func (r CorpusSpectrumResult) Comparison(l Locale) string {
	switch {
	case math.IsNaN(r.R2) || math.IsNaN(r.ExpR2):
		return ""
	case r.R2 > r.ExpR2:
		return l.T("corpus.spectrum.power_better", l.Fixed(r.R2, 3), l.Fixed(r.ExpR2, 3))
	default:
		return l.T("corpus.spectrum.exp_better", l.Fixed(r.ExpR2, 3), l.Fixed(r.R2, 3))
	}
}
