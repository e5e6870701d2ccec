package runs

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/gloveboard/gloveboard/analysis/svdembed"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/corpusbuild"
	"github.com/gloveboard/gloveboard/internal/store"
)

// SVDTraining is one SVD-PPMI run to carry out: the count-based baseline
// W = U_d Σ_d^p of the PPMI matrix of a corpus build (analysis/svdembed,
// context smoothing α = 0.75, Lanczos to working precision).
type SVDTraining struct {
	Store  *store.Store
	RunID  int64
	Params Params // an SVD-PPMI run's (Params.IsSVD)
	Build  *corpusbuild.Loaded
	Eval   *EvalSets // nil: no evaluation
	// Progress receives the job's progress (fraction, message).
	Progress      func(frac float64, msg string)
	VectorSetName string
}

// ErrSVDTooLarge means the vector size of an SVD-PPMI run is larger than
// the corpus's vocabulary.
var ErrSVDTooLarge = errors.New("runs: the vector size is larger than the vocabulary")

// SVDBytes estimates the memory (bytes) of an SVD-PPMI run of vocabSize
// words and nnz nonzeros at vector size d, besides the loaded build: the
// PPMI matrix (CSR, float64 values), the Lanczos basis and U (about 3d
// columns of vocabSize float64) and the float32 vectors.
func SVDBytes(vocabSize int, nnz int64, d int) int64 {
	n := int64(vocabSize)
	return 16*nnz + 8*(n+1) + 24*int64(d)*n + 4*int64(d)*n
}

// ExecuteSVD computes the SVD-PPMI vectors of j's build, scores them and
// saves them as the run's vector set. It records no loss (there are no
// epochs); a cancelled context returns its error.
func ExecuteSVD(ctx context.Context, j SVDTraining) (Results, error) {
	start := time.Now()
	progress := j.Progress
	if progress == nil {
		progress = func(float64, string) {}
	}
	var res Results
	n := j.Build.Vocab.Len()
	if j.Params.VectorSize > n {
		return res, fmt.Errorf("%w: %d dimensions for %d words", ErrSVDTooLarge, j.Params.VectorSize, n)
	}
	progress(0.05, fmt.Sprintf("weighting %d nonzeros by PPMI and finding the top %d singular vectors", j.Build.Matrix.NNZ(), j.Params.VectorSize))
	emb, err := svdembed.Embed(ctx, j.Build.Matrix, svdembed.Options{Dim: j.Params.VectorSize, Power: j.Params.Power,
		NoPower: j.Params.Power == 0, Seed: j.Params.Seed})
	if err != nil {
		return res, err
	}
	progress(0.9, "saving the vectors")
	set, err := vectors.New(slices.Clone(j.Build.Vocab.Words()), emb.Dim, emb.Vectors)
	if err != nil {
		return res, err
	}
	if err := publish(ctx, j.Store, j.RunID, j.VectorSetName, set, j.Eval, progress, &res); err != nil {
		return res, err
	}
	res.Seconds = time.Since(start).Seconds()
	progress(1, fmt.Sprintf("done: %d × %d vectors, σ₁ = %.4g", n, emb.Dim, emb.Singular[0]))
	return res, nil
}
