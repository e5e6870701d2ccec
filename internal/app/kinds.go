package app

import (
	"context"

	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
)

// Kind is a kind of background job. Its value is what the catalogue
// stores in jobs.kind, so the values below must never change: existing
// databases hold them.
type Kind string

// The job kinds. Adding one: a constant here, a row in kinds, and a
// method that validates the request, checks the memory budget and calls
// s.submit with the body.
const (
	// KindBuild counts a corpus's co-occurrences; target: the corpus.
	KindBuild Kind = "build-corpus"
	// KindTrain trains GloVe on a built corpus and evaluates the
	// vectors; target: the corpus (the run names the job).
	KindTrain Kind = "train"
	// KindMap draws a t-SNE map of words; target: the vector set.
	KindMap Kind = "tsne"
	// KindUMAP draws a UMAP map of words; target: the vector set.
	KindUMAP Kind = "umap-map"
	// KindPCAMap draws (and saves) a PCA map of words: a large one, or a
	// small one the user asked to keep; target: the vector set.
	KindPCAMap Kind = "pca-map"
	// KindAxisMap draws (and saves) a relation-axis map of words;
	// target: the vector set.
	KindAxisMap Kind = "axis-map"
	// KindSpectrum computes the singular values of a corpus's weighted
	// co-occurrence matrix; target: the corpus.
	KindSpectrum Kind = "corpus-spectrum"
	// KindSVD computes the SVD-PPMI baseline vectors of a built corpus
	// and evaluates them; target: the corpus (the run names the job).
	KindSVD Kind = "svd-ppmi"
	// KindAlign aligns two vector sets too large to align in a request;
	// target: the first set (compare.go).
	KindAlign Kind = "align"
)

// KindInfo describes a kind of job for people.
type KindInfo struct {
	Title string // e.g. "Build corpus"
	// Target is the noun of what the job's target id refers to
	// ("corpus", "vector set").
	Target      string
	Description string
}

var kinds = map[Kind]KindInfo{
	KindBuild: {Title: "Build corpus", Target: "corpus",
		Description: "Counts the co-occurrences of a corpus and records its statistics."},
	KindTrain: {Title: "Train GloVe", Target: "corpus",
		Description: "Trains GloVe vectors on a built corpus, saves them as a vector set and scores them."},
	KindMap: {Title: "t-SNE map", Target: "vector set",
		Description: "Places words of a vector set on a 2-D map with t-SNE."},
	KindUMAP: {Title: "UMAP map", Target: "vector set",
		Description: "Places words of a vector set on a 2-D map with UMAP."},
	KindPCAMap: {Title: "PCA map", Target: "vector set",
		Description: "Places words of a vector set on a 2-D map along their two main principal components, and keeps the map."},
	KindAxisMap: {Title: "Relation-axis map", Target: "vector set",
		Description: "Places words of a vector set on a 2-D map along a relation's mean offset, and keeps the map."},
	KindSpectrum: {Title: "Co-occurrence spectrum", Target: "corpus",
		Description: "Computes the singular values of a corpus's weighted co-occurrence matrix."},
	KindSVD: {Title: "SVD-PPMI baseline", Target: "corpus",
		Description: "Computes W = U_d Σ_d^p of a built corpus's PPMI matrix, saves it as a vector set and scores it."},
	KindAlign: {Title: "Align vector sets", Target: "vector set",
		Description: "Rotates one vector set onto another over their shared words and finds the words that moved most."},
}

// Describe returns what people read about jobs of kind (as stored in a
// job record); an unknown kind is described by its own name.
func Describe(kind string) KindInfo {
	if k, ok := kinds[Kind(kind)]; ok {
		return k
	}
	return KindInfo{Title: kind, Target: "item"}
}

// Kinds returns every registered kind.
func Kinds() []Kind {
	return []Kind{KindBuild, KindTrain, KindMap, KindUMAP, KindPCAMap, KindAxisMap, KindSpectrum, KindSVD, KindAlign}
}

// mapKinds are the job kinds that draw a map, by map method.
var mapKinds = map[string]Kind{
	project.MethodTSNE: KindMap, project.MethodUMAP: KindUMAP,
	project.MethodPCA: KindPCAMap, project.MethodAxis: KindAxisMap,
}

// IsMapKind reports whether jobs of kind (as stored) draw a word map.
func IsMapKind(kind string) bool {
	for _, k := range mapKinds {
		if string(k) == kind {
			return true
		}
	}
	return false
}

// Submit queues body as a job of kind working on target. The service's
// own methods (StartBuild, StartRun, ResumeRun, SubmitMap, SubmitCorpusSpectrum)
// validate their requests and check the memory budget first; Submit is
// for work that needs neither, such as tests standing in for a job.
func (s *Service) Submit(kind Kind, target int64, body func(ctx context.Context, run jobs.Run) error) (store.Job, error) {
	return s.submit(kind, target, body)
}

// submit queues body as a job of kind working on target.
func (s *Service) submit(kind Kind, target int64, body func(ctx context.Context, run jobs.Run) error) (store.Job, error) {
	if _, ok := kinds[kind]; !ok {
		panic("app: job kind " + string(kind) + " is not registered")
	}
	info := Describe(string(kind))
	var owner store.JobOwner
	switch info.Target {
	case "corpus":
		owner.CorpusID = target
	case "vector set":
		owner.VectorSetID = target
	}
	// The job's row and the check that its corpus or vector set still
	// exists are one transaction (store.CreateJobFor): a delete at the
	// same time either wins (and the job is refused as not found) or
	// finds the job and refuses.
	j, err := s.jobs.SubmitWith(func(ctx context.Context) (store.Job, error) {
		return s.st.CreateJobFor(ctx, string(kind), target, owner)
	}, body)
	return j, NotFound(jobSubmitError(err), info.Target, target)
}
