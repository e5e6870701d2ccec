package views

import (
	"math"
	"net/url"
	"strconv"
	"strings"
)

// CorpusDetailData is the page of one corpus: its file, its build (or the
// form to make one), the Zipf fit and PMI partners.
type CorpusDetailData struct {
	Page      Page
	Corpus    CorpusRow
	Duplicate bool
	// Form holds the build settings shown in the build form: the last
	// build's settings, the defaults, or the values of a refused
	// submission.
	Form BuildForm
	// Limits are the bounds the server accepts, given to the form's inputs.
	Limits BuildLimits
	// BuildError is the message of a refused build submission, shown
	// above the build form (unfolded).
	BuildError string
	// Building is set while a build job of this corpus is queued or
	// running; the page then polls BuildStatus.
	Building *BuildStatus
	// LastError is the message of the most recent failed build, if the
	// corpus has no finished build.
	LastError string
	// Stats is nil until the corpus has been built.
	Stats *CorpusStatsView
	Zipf  *ZipfView
	PMI   *PMIView
	// Spectrum is the singular-value spectrum card (built corpora only).
	Spectrum *CorpusSpectrumView
	// Phrases is the learned phrase list (builds with phrases only).
	Phrases *PhrasesView
}

// BuildSettings are the settings of a corpus build.
type BuildSettings struct {
	Tokenizer         string // words | whitespace
	Window            int
	Symmetric         bool
	DistanceWeighting bool
	MinCount          int64
	MaxVocab          int
	// Tokens is syllables or phrases; the phrase settings apply to
	// phrases.
	Tokens          string
	PhrasePasses    int
	PhraseMinCount  int64
	PhraseThreshold float64
}

// Form returns the build form filled with s.
func (s BuildSettings) Form() BuildForm {
	return BuildForm{Tokenizer: s.Tokenizer, Window: strconv.Itoa(s.Window), Symmetric: s.Symmetric,
		DistanceWeighting: s.DistanceWeighting, MinCount: strconv.FormatInt(s.MinCount, 10), MaxVocab: strconv.Itoa(s.MaxVocab),
		Tokens: s.Tokens, PhrasePasses: strconv.Itoa(s.PhrasePasses), PhraseMinCount: strconv.FormatInt(s.PhraseMinCount, 10),
		PhraseThreshold: strconv.FormatFloat(s.PhraseThreshold, 'g', -1, 64)}
}

// BuildForm holds the values of the build settings form, as text (so that
// a refused value is shown as it was sent).
type BuildForm struct {
	Tokenizer         string // words | whitespace
	Window            string
	Symmetric         bool
	DistanceWeighting bool
	MinCount          string
	MaxVocab          string
	Tokens            string // syllables | phrases
	PhrasePasses      string
	PhraseMinCount    string
	PhraseThreshold   string
}

// BuildLimits are the largest window, minimum count and maximum
// vocabulary the server accepts.
type BuildLimits struct {
	MaxWindow   int
	MaxMinCount int64
	MaxVocab    int
}

// BuildStatus is the progress of the build job of one corpus, polled by
// the corpus page.
type BuildStatus struct {
	CorpusID int64
	JobID    int64
	Status   string // queued | running | done | failed | cancelled | interrupted
	Progress float64
	Message  string
	Error    string
	Position int
}

// Active reports whether the build can still change.
func (b BuildStatus) Active() bool { return b.Status == "queued" || b.Status == "running" }

// CorpusStatsView holds the headline numbers of a built corpus.
type CorpusStatsView struct {
	Tokens, Lines, NNZ  int64
	Types, VocabSize    int
	InvalidUTF8         int64
	TruncatedTokens     int64
	SumX                float64
	EntropyBits, MIBits float64
	Settings            BuildSettings
	Built               string
	Seconds             float64
	// NormalizedLines counts the lines NFC normalisation changed;
	// Phrases and JoinedPairs the phrases learned and the pairs joined
	// (builds with phrases).
	NormalizedLines int64
	Phrases         int
	JoinedPairs     int64
	// RatioExample links the ratio page's example for this corpus (a
	// demo corpus's preset), when it has one.
	RatioExample Link
}

// Link is a labelled address.
type Link struct {
	Label, Href string
}

// ZipfView is the Zipf rank–frequency fit of a corpus. Err, when set,
// replaces the fit figures with an explanation.
type ZipfView struct {
	CorpusID     int64
	Err          string
	Alpha        float64
	AlphaSE      float64
	XMin         int64
	NTail        int
	KS           float64
	RankExponent float64
	LSSlope      float64
	LSR2         float64
	HasLS        bool
	Plot         ModelPlot
}

// PMIView is the PMI-partners box of the corpus page.
type PMIView struct {
	CorpusID int64
	Word     string
	N        int
	MinCount float64
	Rows     []PMIRow
	// Message explains an empty result or a word outside the vocabulary.
	Message string
}

// PMIRow is one partner of a word.
type PMIRow struct {
	Word  string
	Bits  float64 // PMI in bits
	Count float64 // X_ij
}

// RatioPageData is the probability-ratio page (Table 1 of the paper).
type RatioPageData struct {
	Page       Page
	CorpusID   int64
	CorpusName string
	Form       RatioForm
	// Notes explain the defaults chosen (paper's words or the most
	// frequent words).
	Notes []string
	// Error is a user-facing message about the request (bad word, bad
	// parameter); the table is then nil.
	Error string
	Table *RatioTableView
	Plot  ModelPlot
}

// RatioForm holds the page's query parameters as typed.
type RatioForm struct {
	I, J, Probes, Smoothing, Thin, Top, MinEvidence string
	// OptionsOpen unfolds the options when the query set any of them.
	OptionsOpen bool
}

// RatioTableView is a computed ratio table.
type RatioTableView struct {
	I, J      string
	XI, XJ    float64
	Columns   []RatioCell // probes in the vocabulary, in the order given
	Unknown   []string    // probes not in the vocabulary
	Largest   []RatioCell
	Smallest  []RatioCell
	ThinBelow float64
	Smoothing float64
	MinEvid   float64
	// LeanThreshold (≥ 1) and Confidence (in (0, 1)) are the rules of the
	// discovered lists: ratio ≥ LeanThreshold or ≤ 1/LeanThreshold, with a
	// bound at Confidence that excludes 1.
	LeanThreshold float64
	Confidence    float64
	AnyThin       bool
	AllThin       bool
	Discovery     bool // discovered words were asked for (top > 0)
	// Unweighted is true when the build counted every pair in the window
	// as 1 (no 1/d distance weighting), so X holds plain counts.
	Unweighted bool
}

// RatioCell is one context word k.
type RatioCell struct {
	K        string
	XIK, XJK float64
	PIK, PJK float64
	Ratio    float64 // meaningful when Kind is "finite"
	Kind     string  // finite | inf | zero | undefined
	Thin     bool
	// Bound is a discovered word's confidence bound of its ratio: a lower
	// bound in the "largest" list, an upper bound in the "smallest" one;
	// 0 on probe columns.
	Bound float64
}

// BoundText is the discovered word's confidence bound: a number in l's
// format, or "∞" for an upper bound that is not finite.
func (r RatioCell) BoundText(l Locale) string {
	if math.IsInf(r.Bound, 1) {
		return "∞"
	}
	return l.Sig(r.Bound)
}

// RatioText is how a ratio is written in the table: a number in l's
// format, "∞", "0" or l's word for undefined; never NaN.
func (r RatioCell) RatioText(l Locale) string {
	switch r.Kind {
	case "finite":
		return l.Sig(r.Ratio)
	case "inf":
		return "∞"
	case "zero":
		return "0"
	}
	return l.T("ratio.kind.undefined")
}

// RatioTitle explains a ratio kind in l's words (tooltip); "" for a
// finite ratio.
func (r RatioCell) RatioTitle(l Locale) string {
	switch r.Kind {
	case "inf":
		return l.T("ratio.kind.inf_title")
	case "zero":
		return l.T("ratio.kind.zero_title")
	case "undefined":
		return l.T("ratio.kind.undefined_title")
	}
	return ""
}

// Sig formats v with 3 significant digits, using scientific notation
// (1.9×10⁻⁴) for very small or large magnitudes; "—" for NaN or ±Inf.
func Sig(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	if v == 0 {
		return "0"
	}
	a := math.Abs(v)
	if a >= 0.01 && a < 1e5 {
		s := strconv.FormatFloat(v, 'g', 3, 64)
		if strings.ContainsAny(s, "e") {
			s = strconv.FormatFloat(v, 'f', 0, 64)
		}
		return s
	}
	return Sci(v)
}

// Sci formats v as m×10ⁿ with 2 significant digits (the paper's style).
func Sci(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	if v == 0 {
		return "0"
	}
	s := strconv.FormatFloat(v, 'e', 1, 64) // 1.9e-04
	mant, exp, _ := strings.Cut(s, "e")
	n, err := strconv.Atoi(exp)
	if err != nil {
		return s
	}
	if n == 0 {
		return mant
	}
	return mant + "×10" + superscript(strconv.Itoa(n))
}

func superscript(s string) string {
	const digits = "⁰¹²³⁴⁵⁶⁷⁸⁹"
	sup := []rune(digits)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '-':
			b.WriteRune('⁻')
		case r >= '0' && r <= '9':
			b.WriteRune(sup[r-'0'])
		}
	}
	return b.String()
}

// Fixed formats v with d decimals; "—" for NaN or ±Inf.
func Fixed(v float64, d int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	return strconv.FormatFloat(v, 'f', d, 64)
}

// CountF formats a non-negative count held in a float64: whole numbers
// with thousands separators, fractional ones (1/d weighting) with two
// decimals.
func CountF(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return Count(int64(v))
	}
	if math.Abs(v) >= 1e15 {
		return Sci(v)
	}
	whole := math.Trunc(v)
	frac := strconv.FormatFloat(v-whole, 'f', 2, 64) // "0.37" or "1.00"
	if strings.HasPrefix(frac, "1") {
		return Count(int64(whole) + 1)
	}
	return Count(int64(whole)) + strings.TrimPrefix(frac, "0")
}

// ratioURL builds a ratio page address for the same corpus with words i,
// j and the options of f: used for the links in the discovered-word lists.
func ratioURL(corpusID int64, i, j string, f RatioForm) string {
	q := url.Values{}
	q.Set("i", i)
	q.Set("j", j)
	for _, p := range []struct{ k, v string }{{"probes", f.Probes}, {"smoothing", f.Smoothing}, {"thin", f.Thin},
		{"top", f.Top}, {"min_evidence", f.MinEvidence}} {
		if p.v != "" {
			q.Set(p.k, p.v)
		}
	}
	return "/corpora/" + strconv.FormatInt(corpusID, 10) + "/ratio?" + q.Encode()
}

func onOff(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// Text writes the settings as the corpus page lists them, in l's
// language: "tokenizer words, window 10, symmetric, 1/d weighting, …".
func (s BuildSettings) Text(l Locale) string {
	tokenizer := l.T("corpus.settings.tokenizer_words")
	if s.Tokenizer == "whitespace" {
		tokenizer = l.T("corpus.settings.tokenizer_whitespace")
	}
	parts := []string{l.T("corpus.settings.tokenizer", tokenizer), l.T("corpus.settings.window", l.Int(int64(s.Window)))}
	if s.Symmetric {
		parts = append(parts, l.T("corpus.settings.symmetric"))
	} else {
		parts = append(parts, l.T("corpus.settings.left_only"))
	}
	if s.DistanceWeighting {
		parts = append(parts, l.T("corpus.settings.weighting"))
	} else {
		parts = append(parts, l.T("corpus.settings.no_weighting"))
	}
	maxVocab := l.T("corpus.settings.max_vocab_all")
	if s.MaxVocab > 0 {
		maxVocab = l.T("corpus.settings.max_vocab", l.Int(int64(s.MaxVocab)))
	}
	parts = append(parts, l.T("corpus.settings.min_count", l.Int(s.MinCount)), maxVocab)
	if s.Tokens == "phrases" {
		parts = append(parts, l.T("corpus.settings.phrases", l.Int(int64(s.PhrasePasses)), l.Int(s.PhraseMinCount), l.Fixed(s.PhraseThreshold, 2)))
	} else {
		parts = append(parts, l.T("corpus.settings.syllables"))
	}
	return strings.Join(parts, ", ")
}

// JobStatusText is a job status (queued, running, done, failed,
// cancelled, interrupted) in l's language; an unknown status is shown as
// it is.
func JobStatusText(l Locale, status string) string {
	switch status {
	case "queued":
		return l.T("corpus.status.queued")
	case "running":
		return l.T("corpus.status.running")
	case "done":
		return l.T("corpus.status.done")
	case "failed":
		return l.T("corpus.status.failed")
	case "cancelled":
		return l.T("corpus.status.cancelled")
	case "interrupted":
		return l.T("corpus.status.interrupted")
	}
	return status
}
