package views

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
