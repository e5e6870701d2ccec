package handlers

import (
	"context"

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
}

// JobService lists, watches and cancels background jobs.
type JobService interface {
	Workers() int
	Job(ctx context.Context, id int64) (app.JobInfo, error)
	Jobs(ctx context.Context, limit int) ([]app.JobInfo, error)
	CancelJob(ctx context.Context, id int64) error
	// JobWorkingOn returns an active job on the noun's id, or nil.
	JobWorkingOn(noun string, id int64) *app.JobInfo
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
}

var _ Service = (*app.Service)(nil)
