package handlers

import (
	"context"
	"io"

	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/store"
)

// Service is what the handlers need of the application service
// (*app.Service), one small interface per section.
type Service interface {
	// Store is the catalogue, for plain reads and uploads.
	Store() *store.Store
	JobService
	BuildService
	RunService
	VectorService
	WordService
	EvalSetService
	CompareService
}

// JobService lists, watches and cancels background jobs.
type JobService interface {
	Workers() int
	Job(ctx context.Context, id int64) (app.JobInfo, error)
	Jobs(ctx context.Context, limit int) ([]app.JobInfo, error)
	// ActiveJobs returns every job recorded as queued or running.
	ActiveJobs(ctx context.Context) ([]app.JobInfo, error)
	CancelJob(ctx context.Context, id int64) error
}

// BuildService builds corpora and computes their spectra.
type BuildService interface {
	StartBuild(ctx context.Context, corpusID int64, settings app.BuildSettings) (store.Job, error)
	LatestBuild(ctx context.Context, corpusID int64) (*app.JobInfo, error)
	Build(corpusID int64) (*app.Build, error)
	BuildSummary(corpusID int64) (*app.BuildSummary, error)
	CorpusSpectrumRequest(b *app.Build, p app.SpectrumParams) (app.SpectrumRequest, error)
	SubmitCorpusSpectrum(c store.Corpus, b *app.Build, r app.SpectrumRequest) (store.Job, error)
	CorpusSpectrumJob(ctx context.Context, corpusID, jobID int64) (app.JobInfo, *app.CorpusSpectrum, error)
	SavedSpectra(ctx context.Context, corpusID int64) ([]app.SavedSpectrum, error)
}

// RunService trains GloVe and reports on training runs.
type RunService interface {
	StartRun(ctx context.Context, p app.RunParams) (app.Run, store.Job, error)
	ResumeRun(ctx context.Context, id int64) (app.Run, store.Job, error)
	RetryRun(ctx context.Context, id int64) (app.Run, store.Job, error)
	Resumable(r app.Run) (int, error)
	Run(ctx context.Context, id int64) (app.Run, error)
	Runs(ctx context.Context) ([]app.Run, error)
	Fidelity(r app.Run) (*app.FidelityPoints, error)
	EvalSets() (*app.EvalSets, error)
	EvalDir() string
}

// VectorService loads vector sets and computes what the Explore pages show.
type VectorService interface {
	VectorSet(ctx context.Context, v store.VectorSet) (*vectors.Set, error)
	Evaluate(ctx context.Context, v store.VectorSet, set *vectors.Set) (*app.Evaluation, error)
	CovarianceEigenvalues(ctx context.Context, v store.VectorSet, set *vectors.Set) ([]float64, error)
	PlanMap(ctx context.Context, set *vectors.Set, r app.MapRequest) (*app.MapPlan, error)
	SubmitMap(v store.VectorSet, set *vectors.Set, p *app.MapPlan) (store.Job, error)
	MapJob(ctx context.Context, setID, jobID int64) (app.JobInfo, error)
	MapResultOf(ctx context.Context, info app.JobInfo) (*app.MapResult, error)
	SavedMaps(ctx context.Context, setID int64) ([]app.SavedMap, error)
	WordOnMaps(ctx context.Context, setID int64, word string) ([]app.WordOnMap, error)
}

// WordService answers what the word pages show beyond a build's counts.
type WordService interface {
	Concordance(ctx context.Context, c store.Corpus, b *app.Build, word string) (*app.Concordance, error)
	CorpusRuns(ctx context.Context, corpusID int64) ([]app.Run, error)
	WordFit(r app.Run, b *app.Build, w int32) (spectrum.RowFit, error)
	RunVectors(ctx context.Context, r app.Run) (store.VectorSet, *vectors.Set, error)
}

// EvalSetService keeps the evaluation sets users upload and scores vector
// sets on them (evalsets.go).
type EvalSetService interface {
	AddEvalSet(name, filename string, r io.Reader) (app.UserEvalSet, error)
	UserEvalSets() ([]app.UserEvalSet, error)
	DeleteEvalSet(id string) error
	ScoreUserEvalSets(set *vectors.Set) ([]app.UserEvalScore, error)
}

var _ Service = (*app.Service)(nil)

// CompareService aligns two vector sets (issue 16).
type CompareService interface {
	Align(ctx context.Context, a, b store.VectorSet, fitTop int) (*app.Alignment, error)
	SubmitAlign(ctx context.Context, a, b store.VectorSet, fitTop int) (store.Job, error)
	AlignedMap(ctx context.Context, al *app.Alignment, words []string) (*app.AlignedMap, error)
}
