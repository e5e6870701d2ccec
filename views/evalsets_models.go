package views

// UploadedEvals is the part of a vector set's evaluation card about the
// sets users uploaded: the scores on each and the upload form.
type UploadedEvals struct {
	Page  Page
	SetID int64
	Rows  []UploadedEvalRow
	// Note explains why the uploaded sets could not be scored (in the
	// page's language).
	Note string
	// MaxBytes is the largest file accepted.
	MaxBytes int64
}

// UploadedEvalRow is one uploaded set's score. Scores are nil when they
// cannot be computed; the template writes them in the page's language.
type UploadedEvalRow struct {
	ID     string // for the delete form
	Name   string
	Format string // "ViSim-400", "ViCon", "word pairs with scores" (in the page's language)
	// TooFew marks a set with too few pairs in the vocabulary to score.
	TooFew   bool
	Spearman *float64
	AUC      *float64 // ViCon only: synonyms vs antonyms by cosine
	Pairs    int
	Total    int
}
