package views

import "context"

// RunScores are a run's evaluation scores as table cells ("–" when it
// has none): Google analogy accuracy, total, semantic and syntactic, and
// the Spearman ρ of each word-similarity set, in the order of the
// table's similarity columns.
type RunScores struct {
	Scored                     bool
	Total, Semantic, Syntactic string
	Similarity                 []string
}

// RunActions are the buttons of a run that is over: Resume (a GloVe run
// cancelled or interrupted with a checkpoint) and Retry (any run that is
// over). ResumeNote says why a stopped run cannot be resumed.
type RunActions struct {
	Resume      bool
	ResumeEpoch int // epochs the checkpoint holds
	Retry       bool
	ResumeNote  string
}

// CompareRow is one run on the comparison page: its legend label, the
// rank of its final cost among comparable runs, and its table row.
type CompareRow struct {
	Label    string
	CostRank string // "1 of 3"; "" when costs are not ranked
	Run      RunRow
}

// runStatusKeys are the catalogue keys of the states of runs and their
// jobs, as their badges name them.
var runStatusKeys = map[string]string{
	"queued":      "train.status.queued",
	"running":     "train.status.running",
	"done":        "train.status.done",
	"failed":      "train.status.failed",
	"cancelled":   "train.status.cancelled",
	"interrupted": "train.status.interrupted",
}

// runStatus names a run's status in the page's language; an unknown
// status is shown as it is stored.
func runStatus(ctx context.Context, status string) string {
	if key, ok := runStatusKeys[status]; ok {
		return T(ctx, key)
	}
	return status
}

// modelName names a run's model ("GloVe", "SVD-PPMI", as
// app.RunParams.ModelName gives it) in the page's language.
func modelName(ctx context.Context, model string) string {
	switch model {
	case "GloVe":
		return T(ctx, "train.model.glove")
	case "SVD-PPMI":
		return T(ctx, "train.model.svd_ppmi")
	}
	return model
}
