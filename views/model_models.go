package views

import (
	"math"
	"net/url"
	"strconv"
	"strings"
)

// View models of the Train and Explore pages.

// ModelPlot are the addresses of one plot: Src is the PNG shown on the
// page; PNG, SVG and CSV download it (or its data) as files.
type ModelPlot struct {
	Src           string
	PNG, SVG, CSV string
	Alt           string
}

// NewModelPlot builds the links of the plot at base (a path, possibly with
// a query). version, when not empty, is added to the shown image's address
// so that browsers fetch a fresh image when it changes.
func NewModelPlot(base, alt, version string) ModelPlot {
	sep := "?"
	if u, err := url.Parse(base); err == nil && u.RawQuery != "" {
		sep = "&"
	}
	// view=page lays the figure out at the width pages show it, so its
	// tick labels are readable (handlers.pageLayoutPx).
	src := base + sep + "format=png&view=page"
	if version != "" {
		src += "&v=" + url.QueryEscape(version)
	}
	return ModelPlot{
		Src: src, Alt: alt,
		PNG: base + sep + "format=png&download=1",
		SVG: base + sep + "format=svg&download=1",
		CSV: base + sep + "format=csv&download=1",
	}
}

// TrainCorpus is a corpus offered for training.
type TrainCorpus struct {
	ID        int64
	Name      string
	Built     bool
	VocabSize int64
	Tokens    int64
	NNZ       int64
}

// TrainForm holds the values shown in the training form, as text: the
// defaults (NewTrainForm), or what a refused submission sent, so that the
// user finds the form as they left it.
type TrainForm struct {
	CorpusID                                            int64
	VectorSize, Epochs, XMax, Alpha, Eta, Threads, Seed string
	// Model is "glove" or "svd-ppmi"; Power the SVD-PPMI weight p.
	Model, Power string
}

// NewTrainForm returns a training form filled with the given values.
func NewTrainForm(corpusID int64, vectorSize, epochs int, xMax, alpha, eta float64, threads int, seed uint64) TrainForm {
	return TrainForm{CorpusID: corpusID, VectorSize: strconv.Itoa(vectorSize), Epochs: strconv.Itoa(epochs),
		XMax: ftoa(xMax), Alpha: ftoa(alpha), Eta: ftoa(eta), Threads: strconv.Itoa(threads), Seed: strconv.FormatUint(seed, 10),
		Model: "glove", Power: "0.5"}
}

// PowerField is the SVD-PPMI eigenvalue weight p of the training form,
// labelled in loc's language.
func (d TrainPageData) PowerField(loc Locale) NumField {
	return NumField{ID: "train-power", Name: "power", Label: loc.T("train.field.power"), Hint: loc.T("train.field.power_hint"),
		Value: d.Form.Power, Min: "0", Max: htmlFloat(d.Limits.MaxPower), Step: "any"}
}

// TrainLimits are the bounds the server accepts for the training
// hyperparameters (internal/runs), given to the form's inputs.
type TrainLimits struct {
	MaxVector, MaxEpochs, MaxThreads int
	MaxAlpha, MaxEta, MaxPower       float64
	// CPUs is the number of processors the server may use (a hint for
	// the number of threads).
	CPUs int
}

// NumField is a number input: its value and its min, max and step
// attributes ("" for none).
type NumField struct {
	ID, Name, Label, Hint string
	Value                 string
	Min, Max, Step        string
}

// Fields lists the number inputs of the training form. Their min, max and
// step are the server's limits, so that the browser refuses what the
// server would refuse and never what it accepts: x_max and η must be
// above 0, which min="0" cannot say exactly, so the browser lets 0 through
// and the server's message explains it. None is required: the server
// takes the default for an empty value. Labels and hints are in loc's
// language; values stay in the form's own syntax (1.5, as HTML number
// inputs want it).
func (d TrainPageData) Fields(loc Locale) []NumField {
	f, l := d.Form, d.Limits
	threads := loc.T("train.field.threads_hint")
	switch {
	case l.CPUs == 1:
		threads = loc.T("train.field.threads_hint_cpu", loc.Int(1))
	case l.CPUs > 1:
		threads = loc.T("train.field.threads_hint_cpus", loc.Int(int64(l.CPUs)))
	}
	return []NumField{
		{ID: "train-vector-size", Name: "vector_size", Label: loc.T("train.field.vector_size"), Hint: loc.T("train.field.vector_size_hint"), Value: f.VectorSize, Min: "1", Max: strconv.Itoa(l.MaxVector), Step: "1"},
		{ID: "train-epochs", Name: "epochs", Label: loc.T("train.field.epochs"), Hint: loc.T("train.field.epochs_hint"), Value: f.Epochs, Min: "1", Max: strconv.Itoa(l.MaxEpochs), Step: "1"},
		{ID: "train-xmax", Name: "x_max", Label: loc.T("train.field.xmax"), Hint: loc.T("train.field.xmax_hint"), Value: f.XMax, Min: "0", Step: "any"},
		{ID: "train-alpha", Name: "alpha", Label: "α", Hint: loc.T("train.field.alpha_hint"), Value: f.Alpha, Min: "0", Max: htmlFloat(l.MaxAlpha), Step: "any"},
		{ID: "train-eta", Name: "eta", Label: loc.T("train.field.eta"), Hint: loc.T("train.field.eta_hint"), Value: f.Eta, Min: "0", Max: htmlFloat(l.MaxEta), Step: "any"},
		{ID: "train-threads", Name: "threads", Label: loc.T("train.field.threads"), Hint: threads, Value: f.Threads, Min: "1", Max: strconv.Itoa(l.MaxThreads), Step: "1"},
		{ID: "train-seed", Name: "seed", Label: loc.T("train.field.seed"), Hint: loc.T("train.field.seed_hint"), Value: f.Seed, Min: "0", Step: "1"},
	}
}

// htmlFloat formats f as an HTML floating-point number ("1e30", not
// "1e+30").
func htmlFloat(f float64) string { return strings.Replace(ftoa(f), "e+", "e", 1) }

// RunRow is one training run in a list.
type RunRow struct {
	ID          int64
	CorpusID    int64
	CorpusName  string
	Status      string
	Created     string
	Epochs      int // epochs recorded so far
	TotalEpochs int
	FinalCost   string
	VectorSize  int
	Eta         string
	VectorSetID int64
	Checked     bool
	// Model is "GloVe" or "SVD-PPMI"; SVD is true for the latter (no
	// epochs, no cost). Settings lists the hyperparameters without a
	// column of their own; Scores are the evaluation scores.
	Model    string
	SVD      bool
	Settings string
	Scores   RunScores
}

// EvalView shows the evaluation scores of a vector set.
type EvalView struct {
	Analogy    []EvalAnalogyRow
	Similarity []EvalSimilarityRow
}

// EvalAnalogyRow is one analogy aggregate (total, semantic, syntactic).
// Name is its catalogue key (train.eval.total, train.eval.semantic,
// train.eval.syntactic); the page writes the accuracy from Correct and
// Covered in its language (AccuracyText).
type EvalAnalogyRow struct {
	Name      string
	Correct   int
	Covered   int
	Questions int
}

// EvalSimilarityRow is one word-similarity set: Spearman is nil when it
// cannot be computed, TooFew when it is not shown because too few pairs
// were covered.
type EvalSimilarityRow struct {
	Name     string
	Spearman *float64
	TooFew   bool
	Pairs    int
	Total    int
}

// SpearmanText is the row's Spearman ρ as loc writes it, or why there is
// none.
func (r EvalSimilarityRow) SpearmanText(loc Locale) string {
	switch {
	case r.TooFew:
		return loc.T("train.score.too_few_pairs")
	case r.Spearman == nil || math.IsNaN(*r.Spearman) || math.IsInf(*r.Spearman, 0):
		return loc.T("train.score.na")
	}
	return loc.Fixed(*r.Spearman, 3)
}

// Download is one file offered for download.
type Download struct {
	Href  string
	Label string
	Hint  string
}

// RunProgress is the live part of a run page, polled while it is active.
type RunProgress struct {
	RunID   int64
	Status  string // running, done, failed, cancelled, interrupted, queued
	Active  bool
	JobID   int64
	Epoch   int
	Epochs  int
	Cost    string
	Rate    string // nonzeros per second in the last epoch
	Percent float64
	Message string
	Error   string
	// Loss is the loss plot, nil before the first epoch.
	Loss *ModelPlot
	// SVD marks an SVD-PPMI run: no epochs, no loss curve.
	SVD bool
}

// ProgressValue formats the progress fraction for <progress value>.
func (r RunProgress) ProgressValue() string { return strconv.FormatFloat(r.Percent, 'f', 3, 64) }

// TrainPageData is the Train page.
type TrainPageData struct {
	Page    Page
	Corpora []TrainCorpus
	Form    TrainForm
	Runs    []RunRow
	// SimilarityNames head the runs table's similarity columns.
	SimilarityNames []string
	EvalDir         string // empty when evaluation sets are not configured
	HasBuilt        bool
	Limits          TrainLimits
	// Error is the message of a refused submission, shown above the form
	// (which then holds the values sent).
	Error string
}

// RunPageData is the page of one training run.
type RunPageData struct {
	Page        Page
	Run         RunRow
	Params      []Fact
	Progress    RunProgress
	Eval        *EvalView
	EvalNote    string
	Downloads   []Download
	VectorSetID int64
	Diverged    int
	Actions     RunActions
}

// Fact is a labelled value in a facts list.
type Fact struct{ Label, Value string }

// CompareData is the loss comparison of several runs.
type CompareData struct {
	Page     Page
	Runs     []RunRow
	Selected []int64
	Plot     *ModelPlot
	Note     string
	LogY     bool   // the plot has a logarithmic cost axis
	LogURL   string // the same comparison with the other axis
	// Compared are the selected runs side by side, with the similarity
	// sets' names for their columns; CostNote says why their final costs
	// are not ranked, NoCurve which runs have no loss curve and why.
	Compared        []CompareRow
	SimilarityNames []string
	CostNote        string
	NoCurve         []string
}

// ExploreListData is the vector set picker of the Explore section.
type ExploreListData struct {
	Page    Page
	Vectors []VectorRow
}

// ScoreRow is one word with a score in a results table.
type ScoreRow struct {
	Rank  int
	Word  string
	Score float64 // shown with 4 decimals in the page's language
	URL   string  // the word's page ("" for none)
}

// NeighborsView is the nearest neighbours of a word.
type NeighborsView struct {
	Word string
	Rows []ScoreRow
	Plot ModelPlot
}

// AnalogyView is the answer to a:b :: c:?.
type AnalogyView struct {
	A, B, C string
	Method  string // add | mul
	Rows    []ScoreRow
	Plot    ModelPlot
}

// MapView is a finished 2-D map.
type MapView struct {
	Method  string // PCA | t-SNE
	Engine  string
	Trust   string // "" when not computed
	TrustK  int
	Words   int
	Skipped []string
	Groups  []string
	Extra   string // explained variance, KL divergence
	Plot    ModelPlot
	Viewer  MapViewer // the interactive map
}

// MapPending is a t-SNE map being computed by a job.
type MapPending struct {
	SetID   int64
	JobID   int64
	Status  string
	Percent float64
	Message string
	Error   string
}

// ProgressValue formats the progress fraction for <progress value>.
func (m MapPending) ProgressValue() string { return strconv.FormatFloat(m.Percent, 'f', 3, 64) }

// Poll is the address the pending map polls.
func (m MapPending) Poll() string {
	return "/vectors/" + strconv.FormatInt(m.SetID, 10) + "/maps/" + strconv.FormatInt(m.JobID, 10)
}

// SpectrumView is the covariance eigenvalue spectrum of a vector set.
// Its numbers are formatted by the template in the page's language; NaN
// reads "n/a".
type SpectrumView struct {
	SetID int64
	Error string // a rejected fit range (English, shown translated)
	Note  string // how the default range was chosen (in the page's language)
	Dim   int
	Words int
	Beta  float64
	R2    float64
	ExpR2 float64
	From  int
	To    int
	Plot  ModelPlot
	Top   float64 // share of variance of the first component, in [0, 1]
}

// FidelityView shows how well a trained model satisfies the GloVe
// identities. Its numbers are written in English ("0.912", "n/a"); the
// template shows them in the page's language (numText).
type FidelityView struct {
	Sampled  int
	LogXR    string
	LogXR2   string
	PMIR     string
	PMIR2    string
	LogXPlot ModelPlot
	PMIPlot  ModelPlot
}

// ExploreData is the Explore page of one vector set.
type ExploreData struct {
	Page      Page
	Set       VectorRow
	Word      string
	N         int
	Neighbors *NeighborsView
	A, B, C   string
	Method    string
	Analogy   *AnalogyView
	Words     string // user word list for maps
	TSNEMax   int
	PCAMax    int
	// InstantMax is the most words of a map drawn in the request.
	InstantMax int
	SavedMaps  []SavedMapRow
	Downloads  []Download
	Examples   []string
}

// setPath is the address of a vector set page below /vectors/<id>.
func setPath(id int64, rest string) string {
	return "/vectors/" + strconv.FormatInt(id, 10) + rest
}

// runPath is the address of a run page below /runs/<id>.
func runPath(id int64, rest string) string {
	return "/runs/" + strconv.FormatInt(id, 10) + rest
}

func itoa(n int) string { return strconv.Itoa(n) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// AccuracyText is an analogy accuracy, correct of covered, as a percentage
// with one decimal, written as loc writes numbers (12.5% or 12,5%). A
// score that is neither none nor all of the questions never rounds to
// "0.0%" or "100.0%" (it reads "<0.1%" or ">99.9%"), so a reader is not
// told that no answer was right when three were; "n/a" (in loc's
// language) when no question was covered.
func AccuracyText(loc Locale, correct, covered int) string {
	if covered <= 0 {
		return loc.T("train.score.na")
	}
	p := 100 * float64(correct) / float64(covered)
	switch {
	case correct > 0 && p < 0.05:
		return "<" + loc.Fixed(0.1, 1) + "%"
	case correct < covered && p >= 99.95:
		return ">" + loc.Fixed(99.9, 1) + "%"
	}
	return loc.Fixed(p, 1) + "%"
}

// SavedMapRow is a saved map in its vector set's list.
type SavedMapRow struct {
	ID        int64
	Name      string // the words ("the top 5,000 words")
	Method    string // "t-SNE", "UMAP", …
	N         int
	Seed      string
	Trust     string // "0.912", or "" when not computed
	TrustNote string // how it was computed ("k = 10, on a sample of 5,000 words")
	Created   string
}

// SavedSpectrumRow is a saved co-occurrence spectrum in its corpus's list.
type SavedSpectrumRow struct {
	ID      int64
	Name    string // the matrix and its size
	Values  int
	Beta    string
	R2      string
	Created string
}
