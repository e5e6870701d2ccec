package views

import (
	"context"
	"net/url"
	"strconv"
)

// WordPageData is the page of one word of a built corpus: its counts, the
// information its contexts carry, its partners and the words to compare
// it with.
type WordPageData struct {
	Page       Page
	CorpusID   int64
	CorpusName string
	// Error is a user-facing message (unknown word); the rest is then
	// empty.
	Error string
	Word  *WordView
}

// WordView holds the numbers of one word w.
type WordView struct {
	Word  string
	Count int64
	Rank  int     // 1 is the most frequent word
	Share float64 // Count / tokens in the corpus
	// Tokens is the number of tokens of the corpus (the share's
	// denominator).
	Tokens int64
	// XW is X_w = Σ_k X_wk; Contexts the number of k with X_wk > 0.
	XW       float64
	Contexts int
	// EntropyBits is H(C | W = w) in bits; MIShare the row's share of
	// I(W;C), whose value (bits) is MIBits.
	EntropyBits float64
	MIShare     float64
	MIBits      float64
	// Partners are the top contexts by X_wk, PMIPartners by PMI among
	// those with X_wk ≥ MinCount.
	Partners    []WordPartner
	PMIPartners []WordPartner
	MinCount    float64
	N           int
	// Contrasts are suggested words j for the ratio table (w, j); the
	// rule is stated by ContrastRule.
	Contrasts    []string
	ContrastRule string
	Unweighted   bool
	// Zipf, Concordance and Run are the word's Zipf point, its lines in
	// the corpus and the chosen run's view of it (nil when absent).
	Zipf        *ZipfMarkView
	Concordance *ConcordanceView
	Run         *WordRunPanel
}

// WordPartner is one context word k of w.
type WordPartner struct {
	Word    string
	X       float64 // X_wk
	P       float64 // P(k|w)
	PMIBits float64
}

// WordURL is the address of word's page in a corpus; the word is
// path-escaped, so any word (a slash, markup) makes a valid link.
func WordURL(corpusID int64, word string) string {
	return "/corpora/" + strconv.FormatInt(corpusID, 10) + "/words/" + wordSegment(word)
}

// compareURL opens the ratio table of (i, j) with the default probes.
func compareURL(corpusID int64, i, j string) string {
	q := url.Values{}
	q.Set("i", i)
	q.Set("j", j)
	return "/corpora/" + strconv.FormatInt(corpusID, 10) + "/ratio?" + q.Encode()
}

// SharePercent formats a share (0.0123) as a percentage with three
// significant digits ("1.23 %"); small shares keep their digits, unlike
// Percent.
func SharePercent(share float64) string { return Sig(100*share) + " %" }

// sharePercent is SharePercent in the page's language ("1,23 %").
func sharePercent(ctx context.Context, share float64) string { return Loc(ctx).Sig(100*share) + " %" }

// ZipfMarkView is the word's place on the corpus's Zipf plot.
type ZipfMarkView struct {
	Plot ModelPlot
	Rank int // rank among every type of the corpus, from 1
}

// ConcordanceView is a word's first lines in the corpus.
type ConcordanceView struct {
	Lines []ConcordLine
	// Scope says which part of the corpus was read ("the whole corpus
	// (9.0 MB)", "the first 8.4 MB of 36 MB").
	Scope string
	// Complete is true when the whole corpus was read.
	Complete bool
	// Max is the most lines shown.
	Max int
	// WindowRule states the window the counts were made with.
	WindowRule string
	// Error is set when the corpus file could not be read.
	Error string
}

// ConcordLine is one occurrence in context.
type ConcordLine struct {
	Number              int64
	CutBefore, CutAfter bool
	Tokens              []ConcordToken
}

// ConcordToken is one token; Class is "kw" (the word), "win" (a context
// in its window), "oov" (outside the vocabulary, skipped) or "".
type ConcordToken struct {
	Text, Class, Title string
}

// WordRunPanel is what the chosen training run made of the word.
type WordRunPanel struct {
	Runs  []RunChoice
	RunID int64
	// Error is a user-facing reason the panel is empty (model missing,
	// corpus rebuilt since the run).
	Error string
	// VectorWordURL is the word's page in the run's vector set.
	VectorWordURL string
	// Neighbors are the nearest words by cosine of W + W̃; PMITop the
	// top partners by PMI (same count), Overlap how many are in both.
	Neighbors []WordScore
	PMITop    []WordScore
	Overlap   int
	// Fit is the row's fit (nil when it could not be computed).
	Fit *WordFitView
}

// RunChoice is one run in the chooser.
type RunChoice struct {
	ID       int64
	Label    string
	Selected bool
}

// WordScore is a word with a score (cosine, PMI bits) and whether it is
// also in the other list.
type WordScore struct {
	Word   string
	Score  float64
	Shared bool
	URL    string
}

// WordFitView is how GloVe fitted the word's row of X.
type WordFitView struct {
	Plot     ModelPlot
	Partners int
	// Statistics over the partners (NaN when undefined, shown "—").
	LogXR, LogXR2, PMIR, WeightedRMS float64
	// WordBias is b_w; LogXW is ln X_w and LogS ln S (so ln X_w − ln S
	// can be compared with b_w); MeanContextBias the mean b̃_k.
	WordBias, LogXW, LogS, MeanContextBias float64
	// Worst are the partners with the largest f(X_wk)·r², the terms
	// the objective weighs most.
	Worst []FitPartner
	XMax  float64
	Alpha float64
}

// FitPartner is one partner k of the fitted row.
type FitPartner struct {
	Word                        string
	URL                         string
	X, F, LogX, Model, Residual float64
	Dot, PMI                    float64
	WeightedSquare              float64
}

// VectorWordPageData is the page of one word of a vector set.
type VectorWordPageData struct {
	Page    Page
	SetID   int64
	SetName string
	Error   string
	Word    *VectorWordView
}

// VectorWordView holds what a vector set says of one word.
type VectorWordView struct {
	Word     string
	Norm     float64
	MeanNorm float64
	// LongerThan is the share of the set's vectors shorter than this one.
	LongerThan float64
	// Position is the word's row in the file, from 1: its frequency rank
	// when the file lists words by frequency, as GloVe's do.
	Position  int
	Words     int
	Dim       int
	Neighbors []WordScore
	// Analogies are the evaluation questions whose answer is the word and
	// that the vectors answer right; Asked is how many covered questions
	// have the word as their answer (at most AskedMax are tried).
	Analogies []AnalogyDone
	Asked     int
	AskedMax  int
	// CorpusWordURL is the word's page in the corpus the vectors were
	// trained on ("" without one).
	CorpusWordURL string
	ExploreURL    string
	// OnMaps is where the word lies on the set's saved maps, newest first.
	OnMaps []WordOnMapRow
}

// WordOnMapRow is the word's place on one saved map.
type WordOnMapRow struct {
	Map    string // "t-SNE map 12 · the top 5,000 words", in the page's language
	URL    string // the map's page, with the word pinned
	Method string
	Words  int
	X, Y   float64 // coordinates on the map
	Group  string
}

// AnalogyDone is one analogy a : b :: c : d the vectors complete.
type AnalogyDone struct {
	Section    string
	A, B, C, D string
}
