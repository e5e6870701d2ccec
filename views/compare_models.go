package views

import (
	"math"
	"net/url"
	"strconv"
	"strings"
)

// The view models of the Compare pages: two vector sets aligned, a
// concept axis of one set, and the WEAT on one set.

// VectorWordURL is the address of a word's page in vector set id. The
// words "." and ".." (tokens in many vocabularies) are written %2E so that
// browsers do not read them as path steps.
func VectorWordURL(id int64, word string) string {
	return "/vectors/" + strconv.FormatInt(id, 10) + "/words/" + wordSegment(word)
}

// wordSegment is word as one path segment of a word page's address (the
// corpus's and the vector set's).
func wordSegment(word string) string {
	if word == "." || word == ".." {
		return strings.Repeat("%2E", len(word))
	}
	return url.PathEscape(word)
}

// SetChoice is a vector set offered in a chooser, labelled with its
// name, id, words and dimensions.
type SetChoice struct {
	ID    int64
	Name  string
	Words int64
	Dim   int
}

// AlignData is the align page: the form and, once two sets are chosen,
// the result.
type AlignData struct {
	Page  Page
	Sets  []SetChoice
	A, B  int64 // chosen sets (0: none)
	Form  AlignForm
	Error string
	// Large is set when the two sets share too many words to align in
	// the request: the page offers a job instead.
	Large bool
	// Job is the alignment job the page waits for, if any.
	Job *AlignJob
	// Result is nil until both sets are chosen.
	Result *AlignView
}

// AlignJob is an alignment running in the background.
type AlignJob struct {
	ID       int64
	Status   string
	Progress float64
	Position int    // place in the queue, 0 once a worker has it
	Message  string // progress, in English (translated at display)
	Error    string // failure, in English (translated at display)
	Active   bool
	Poll     string // the fragment's address
}

// ProgressValue is the job's progress for a <progress> element.
func (j AlignJob) ProgressValue() string { return strconv.FormatFloat(j.Progress, 'f', 3, 64) }

// AlignForm holds the form's fields as typed.
type AlignForm struct {
	FitTop, MinRank, MaxRank, N, Word string
}

// AlignView is an alignment as the page shows it.
type AlignView struct {
	IDA, IDB     int64
	NameA, NameB string
	Shared       string // "1,234"
	FitWords     string
	Residual     string // ‖AR − B‖/‖B‖, 4 decimals
	Filter       string // "ranks 1–5,000", "" for none
	Listed       int    // words listed
	Matching     string // how many shared words pass the filter
	Moved        []MovedRow
	Neighbours   *NeighbourView
	Plot         ModelPlot
	PlotWords    string // the words the map draws
	APIURL       string
}

// MovedRow is one word that moved, with its cosine distance after
// alignment and its frequency ranks (1-based file positions).
type MovedRow struct {
	Rank         int
	Word         string
	Distance     string
	RankA, RankB int
	HrefA, HrefB string // the word's pages in A and B
	Select       string // this page with &word=
}

// NeighbourView is a word's nearest neighbours in A and in B.
type NeighbourView struct {
	Word               string
	InA, InB           []NeighbourRow
	Kept, Lost, Gained int
}

// NeighbourRow is one neighbour; Status is kept, lost (A only) or gained
// (B only).
type NeighbourRow struct {
	Word, Href, Cosine, Status string
}

// neighbourStatusKey is the catalogue key of a neighbour's status.
func neighbourStatusKey(status string) string {
	switch status {
	case "lost":
		return "compare.align.nb.lost"
	case "gained":
		return "compare.align.nb.gained"
	}
	return "compare.align.nb.kept"
}

// PValue writes a p-value with four significant digits in l's
// separators: "0.03125" (0,03125), and below 10⁻⁴ as m×10ⁿ (Sci).
func PValue(l Locale, p float64) string {
	s := strconv.FormatFloat(p, 'g', 4, 64)
	if strings.ContainsAny(s, "eE") || math.IsNaN(p) || math.IsInf(p, 0) {
		return l.Sci(p)
	}
	_, frac, _ := strings.Cut(s, ".")
	return l.Fixed(p, len(frac))
}

// AxesData is the concept-axis page of one vector set.
type AxesData struct {
	Page  Page
	Set   VectorRow
	Mode  string // "pairs" or "sets"
	Pairs string // one pair a line: "he she"
	SetA  string // words of the first pole (sets mode)
	SetB  string
	Words string // words to project; empty: the top N
	Top   string
	N     string // rows listed at each end
	Error string
	// Result is nil until an axis is asked for.
	Result *AxesView
}

// AxesView is a concept axis and the words projected on it.
type AxesView struct {
	From, To  string // the poles' names: "he, man, …" → "she, woman, …"
	How       string // how the direction was made
	Alignment string // mean cosine of the pair offsets with the axis
	Words     int
	Skipped   []string
	TowardTo  []AxisRow // largest projections first
	TowardFro []AxisRow // smallest first
	Plot      ModelPlot
}

// AxisRow is one word's projection on the axis.
type AxisRow struct {
	Rank       int
	Word, Href string
	Value      string
}

// WEATData is the WEAT page of one vector set.
type WEATData struct {
	Page         Page
	Set          VectorRow
	Examples     []WEATExample
	Example      string // chosen built-in test
	X, Y, A, B   string // the word lists as typed (or filled in)
	XName, YName string
	AName, BName string
	Permutations string
	Seed         string
	Note         string // words of a built-in test not in the vocabulary
	Error        string
	Result       *WEATView
}

// WEATExample is a built-in test offered in the chooser.
type WEATExample struct{ Name, Title string }

// WEATView is a test's result.
type WEATView struct {
	EffectSize   string
	PValue       string
	Statistic    string
	Exact        bool
	Permutations string
	Seed         string
	PaperEffect  string // the effect size the paper reports, "" if none
	Used         [4]int // words used of X, Y, A, B
	Missing      []string
	Associations []AssociationRow
	APIBody      string // the JSON to POST to the API for the same test
}

// AssociationRow is s(w, A, B) of one target word.
type AssociationRow struct {
	Word, Href, Target, S string
}
