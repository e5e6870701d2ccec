package views

// UploadedEvals is the part of a vector set's evaluation card about the
// sets users uploaded: the scores on each and the upload form.
type UploadedEvals struct {
	Page  Page
	SetID int64
	Rows  []UploadedEvalRow
	// Note explains why the uploaded sets could not be scored.
	Note string
	// MaxBytes is the largest file accepted.
	MaxBytes int64
}

// UploadedEvalRow is one uploaded set's score.
type UploadedEvalRow struct {
	ID       string // for the delete form
	Name     string
	Format   string // "ViSim-400", "ViCon", "word pairs with scores"
	Spearman string // "n/a" when it cannot be computed
	AUC      string // ViCon only: synonyms vs antonyms by cosine
	Pairs    int
	Total    int
}
