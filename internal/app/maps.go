package app

// t-SNE maps: the memory check, the job and its saved result. (PCA and
// relation-axis maps take milliseconds and are drawn in the request.)

import (
	"context"
	"fmt"

	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// TSNERequest is a t-SNE map to draw: the words (all in the vector set),
// their groups, the words left out, and the perplexity.
type TSNERequest struct {
	Words      []string
	Groups     []string
	Skipped    []string
	Perplexity float64
}

// CheckTSNE refuses a t-SNE map of n words of dimension dim that would
// need more memory than one job may use.
func (s *Service) CheckTSNE(n, dim int, perplexity float64) error {
	if need := project.TSNEMemoryBytes(n, dim, perplexity, project.EngineAuto); need > s.budget {
		return apperr.Wrap(ErrOverBudget, apperr.Unprocessable, fmt.Sprintf("A t-SNE map of %s words needs about %s of memory, more than the budget of %s for one job. Map fewer words or lower the perplexity (or start the server with a larger -memory-budget).",
			views.Count(n), views.Bytes(need), views.Bytes(s.budget)))
	}
	return nil
}

// Gather returns the vectors of words (all in set), row after row.
func Gather(set *vectors.Set, words []string) []float32 {
	d := set.Dim()
	data := make([]float32, 0, len(words)*d)
	for _, w := range words {
		i, _ := set.Index(w)
		data = append(data, set.Vector(i)...)
	}
	return data
}

// SubmitTSNE queues a t-SNE map of r's words of vector set v (vectors
// set); the finished map is saved in the store and kept in memory.
func (s *Service) SubmitTSNE(v store.VectorSet, set *vectors.Set, r TSNERequest) (store.Job, error) {
	if err := s.CheckTSNE(len(r.Words), set.Dim(), r.Perplexity); err != nil {
		return store.Job{}, err
	}
	data := Gather(set, r.Words)
	n, d := len(r.Words), set.Dim()
	return s.submit(KindMap, v.ID, func(jctx context.Context, run jobs.Run) error {
		engine := project.EngineBarnesHut
		if n <= project.AutoExactMax {
			engine = project.EngineExact
		}
		run.Progress(0, fmt.Sprintf("%d words, %s engine", n, engine))
		opt := project.Options{Workers: 2, TSNE: project.TSNEOptions{Perplexity: r.Perplexity, Seed: 1, Workers: 2,
			Progress: func(done, total int) {
				if total > 0 && (done%25 == 0 || done == total) {
					run.Progress(0.95*float64(done)/float64(total), fmt.Sprintf("iteration %d of %d · %s engine", done, total, engine))
				}
			}}}
		m, err := project.Project(jctx, data, n, d, project.MethodTSNE, opt)
		if err != nil {
			return err
		}
		res := &MapResult{SetID: v.ID, Words: r.Words, Groups: r.Groups, Skipped: r.Skipped, Map: m}
		run.Progress(0.97, "saving the map")
		return keepResult(s, jctx, run, store.NewJobResult{JobID: run.ID, VectorSetID: v.ID}, res, encodeMapResult, s.maps)
	})
}

// TSNEJob returns t-SNE job id of vector set setID.
func (s *Service) TSNEJob(ctx context.Context, setID, id int64) (JobInfo, error) {
	return s.jobOf(ctx, KindMap, setID, id, fmt.Sprintf("There is no t-SNE map %d of this vector set.", id))
}

// TSNEResult returns the map of the finished t-SNE job info: from memory,
// or else as saved in the store when the job finished (ErrResultGone when
// it is not there).
func (s *Service) TSNEResult(ctx context.Context, info JobInfo) (*MapResult, error) {
	const gone = "The result of this t-SNE map is no longer available on the server. Draw it again."
	if info.Status != store.JobDone {
		return nil, apperr.Wrap(ErrResultGone, apperr.Gone, gone)
	}
	return s.maps.Get(info.ID, func() (*MapResult, error) { return loadResult(ctx, s, info.ID, decodeMapResult, gone) })
}
