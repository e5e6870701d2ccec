package app

// Word maps: which words (the sources), the size limits and memory check,
// the map jobs (t-SNE, UMAP, and PCA or relation-axis maps that are large
// or kept) and their saved results. Small PCA and relation-axis maps take
// milliseconds and are drawn in the request (MapPlan.Instant).

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/analysis/wordgroups"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// Source says which words a map shows.
type Source string

// The word sources of a map.
const (
	SourceBuiltin   Source = "builtin"   // the built-in word groups
	SourceWords     Source = "words"     // the user's words, with groups
	SourceTop       Source = "top"       // the N most frequent words
	SourceNeighbors Source = "neighbors" // a word and its N nearest neighbours
	SourceSample    Source = "sample"    // a seeded random sample of N words
)

// ParseSource returns the source named s ("" is SourceBuiltin).
func ParseSource(s string) (Source, error) {
	switch src := Source(s); src {
	case "":
		return SourceBuiltin, nil
	case SourceBuiltin, SourceWords, SourceTop, SourceNeighbors, SourceSample:
		return src, nil
	}
	return "", apperr.Wrap(ErrBadMapRequest, apperr.Invalid,
		fmt.Sprintf("The word source must be builtin, words, top, neighbors or sample, not “%s”.", apperr.Quote(s)))
}

// Groups of the words of sources without groups of their own.
const (
	GroupQuery     = "query"     // the word of SourceNeighbors
	GroupNeighbour = "neighbour" // its neighbours
	GroupOther     = "other"     // a word of no built-in group
)

// InstantMapMax is the most words of a PCA or relation-axis map drawn in
// the request; larger ones are jobs.
const InstantMapMax = 2000

// ErrBadMapRequest marks a map request that cannot be drawn as asked
// (unknown source or word, sizes out of range).
var ErrBadMapRequest = errors.New("bad map request")

// MapRequest is a map to draw: the method with its parameters and the
// source of its words.
type MapRequest struct {
	Method string // project.MethodPCA, MethodTSNE, MethodUMAP or MethodAxis
	Source Source
	// N is the number of words of SourceTop and SourceSample, and of
	// neighbours of SourceNeighbors (the word itself comes on top).
	N    int
	Word string                 // the word of SourceNeighbors
	List *wordgroups.Assignment // the words of SourceWords
	// Seed seeds the sample, t-SNE and UMAP (default 1 when 0).
	Seed       uint64
	Perplexity float64 // t-SNE (default 30)
	Neighbors  int     // UMAP n_neighbors (default 15)
	MinDist    float64 // UMAP min_dist, 0 to 1 (callers pass UMAP's usual 0.1 by default)
	Relation   wordgroups.Family
	// Save asks for a saved map (a job) even when it could be instant.
	Save bool
}

// MapPlan is a checked MapRequest with its words: those of the set in
// map order, their groups, the words left out (not in the set) and, for a
// relation axis, the rows of its pairs.
type MapPlan struct {
	MapRequest
	Words, Groups, Skipped []string
	Pairs                  []project.Pair
}

// Instant reports whether the map is drawn in the request (a small PCA or
// relation-axis map not asked to be saved) rather than by a job.
func (p *MapPlan) Instant() bool {
	return !p.Save && (p.Method == project.MethodPCA || p.Method == project.MethodAxis) && len(p.Words) <= InstantMapMax
}

// Name describes the plan's words for people: "the built-in groups",
// "the top 5,000 words", "king and its 200 nearest neighbours", …
func (r MapRequest) Name() string {
	switch r.Source {
	case SourceWords:
		return "my words"
	case SourceTop:
		return fmt.Sprintf("the top %s words", views.Count(r.N))
	case SourceNeighbors:
		return fmt.Sprintf("%s and its %s nearest neighbours", r.Word, views.Count(r.N))
	case SourceSample:
		return fmt.Sprintf("a random sample of %s words (seed %d)", views.Count(r.N), r.Seed)
	}
	return "the built-in groups"
}

func badMap(format string, args ...any) error {
	return apperr.Wrap(ErrBadMapRequest, apperr.Invalid, fmt.Sprintf(format, args...))
}

// PlanMap checks r against vector set set (dimension, vocabulary) and the
// limits of its method (project.CheckSize, the memory budget), picks its
// words and fills in the defaults. Errors are *apperr.Error with a
// message saying what to change.
func (s *Service) PlanMap(ctx context.Context, set *vectors.Set, r MapRequest) (*MapPlan, error) {
	if r.Seed == 0 {
		r.Seed = 1
	}
	if err := checkMethodParams(&r); err != nil {
		return nil, err
	}
	p := &MapPlan{MapRequest: r}
	if err := p.selectWords(ctx, set); err != nil {
		return nil, err
	}
	n := len(p.Words)
	if err := project.CheckSize(r.Method, n); err != nil {
		return nil, sizeError(err, r.Method, n)
	}
	switch r.Method {
	case project.MethodTSNE:
		if r.Perplexity >= float64(n-1) {
			return nil, apperr.Wrap(project.ErrPerplexityTooLarge, apperr.Invalid, fmt.Sprintf("A perplexity of %g is too large for %d words: it must be below %d (the number of words minus one). Lower it or add words.",
				r.Perplexity, n, n-1))
		}
		if err := s.CheckTSNE(n, set.Dim(), r.Perplexity); err != nil {
			return nil, err
		}
	case project.MethodUMAP:
		if r.Neighbors > n {
			return nil, badMap("UMAP with %d neighbours needs at least %d words; this map has %d. Lower the neighbours or add words.", r.Neighbors, r.Neighbors, n)
		}
	case project.MethodAxis:
		if err := p.findPairs(); err != nil {
			return nil, err
		}
	}
	if need := mapMemoryBytes(n, set.Dim()); need > s.budget {
		return nil, apperr.Wrap(ErrOverBudget, apperr.Unprocessable, fmt.Sprintf("A map of %s words needs about %s of memory, more than the budget of %s for one job. Map fewer words (or start the server with a larger -memory-budget).",
			views.Count(n), views.Bytes(need), views.Bytes(s.budget)))
	}
	return p, nil
}

// mapMemoryBytes estimates what every map of n words of dimension dim
// holds whatever its method: the gathered float32 rows, their float64
// copy (PCA's centred data, t-SNE's input) and the map.
func mapMemoryBytes(n, dim int) int64 {
	return int64(n) * (int64(dim)*(4+8) + 2*8)
}

// checkMethodParams checks the method and its parameters and sets their
// defaults.
func checkMethodParams(r *MapRequest) error {
	switch r.Method {
	case project.MethodPCA, project.MethodAxis:
	case project.MethodTSNE:
		if r.Perplexity == 0 {
			r.Perplexity = 30
		}
		if !(r.Perplexity > 0) || math.IsInf(r.Perplexity, 0) {
			return badMap("The perplexity must be a number greater than 0, not %g.", r.Perplexity)
		}
	case project.MethodUMAP:
		if r.Neighbors == 0 {
			r.Neighbors = 15
		}
		if r.Neighbors < 2 || r.Neighbors > 200 {
			return badMap("The UMAP neighbours must be a whole number from 2 to 200, not %d.", r.Neighbors)
		}
		if !(r.MinDist >= 0 && r.MinDist <= 1) {
			return badMap("The UMAP minimum distance must be a number from 0 to 1, not %g.", r.MinDist)
		}
	default:
		return apperr.Wrap(project.ErrUnknownMethod, apperr.Invalid,
			fmt.Sprintf("The map method must be pca, tsne, umap or axis, not “%s”.", apperr.Quote(r.Method)))
	}
	return nil
}

// sizeError explains a refusal of project.CheckSize.
func sizeError(err error, method string, n int) error {
	if errors.Is(err, project.ErrTooManyPoints) {
		return apperr.Wrap(err, apperr.Invalid, fmt.Sprintf("%s words is too many for a %s map: at most %s.",
			views.Count(n), MethodLabel(method), views.Count(project.MaxPoints(method))))
	}
	return apperr.Wrap(err, apperr.Invalid, fmt.Sprintf("A map needs at least %d words that are in this vector set; it has %d.", project.MinPoints, n))
}

// MethodLabel is the name of a map method for people.
func MethodLabel(method string) string {
	switch method {
	case project.MethodTSNE, project.MethodTSNEExact:
		return "t-SNE"
	case project.MethodUMAP:
		return "UMAP"
	case project.MethodAxis:
		return "relation-axis"
	}
	return "PCA"
}

// maxSourceN is the most words any source picks: the most a map of
// method takes, or for PCA and the relation axis the whole vocabulary.
func maxSourceN(method string, set *vectors.Set) int {
	if m := project.MaxPoints(method); m > 0 {
		return min(m, set.Len())
	}
	return set.Len()
}

// selectWords sets the plan's words, groups and skipped words.
func (p *MapPlan) selectWords(ctx context.Context, set *vectors.Set) error {
	builtin := wordgroups.FromGroups(wordgroups.Builtin())
	groupOf := func(w string) string {
		if g := builtin.Group(w); g != "" {
			return g
		}
		return GroupOther
	}
	limit := maxSourceN(p.Method, set)
	checkN := func(least, most int) error {
		if p.N < least || p.N > most {
			return badMap("The number of words must be a whole number from %s to %s for a %s map of this vector set (%s words), not %s.",
				views.Count(least), views.Count(most), MethodLabel(p.Method), views.Count(set.Len()), views.Count(p.N))
		}
		return nil
	}
	switch p.Source {
	case SourceBuiltin, SourceWords:
		as := builtin
		if p.Source == SourceWords {
			if p.List == nil || len(p.List.Words) == 0 {
				return apperr.Wrap(project.ErrTooFewPoints, apperr.Invalid, "Type some words for the map, one a line.")
			}
			as = p.List
		}
		for _, w := range as.Words {
			if _, ok := set.Index(w); ok {
				p.Words = append(p.Words, w)
				p.Groups = append(p.Groups, as.Group(w))
			} else {
				p.Skipped = append(p.Skipped, w)
			}
		}
	case SourceTop:
		if err := checkN(project.MinPoints, limit); err != nil {
			return err
		}
		for i := range p.N {
			p.Words = append(p.Words, set.Word(i))
			p.Groups = append(p.Groups, groupOf(set.Word(i)))
		}
	case SourceSample:
		if err := checkN(project.MinPoints, limit); err != nil {
			return err
		}
		for _, i := range sampleRows(set.Len(), p.N, p.Seed) {
			p.Words = append(p.Words, set.Word(i))
			p.Groups = append(p.Groups, groupOf(set.Word(i)))
		}
	case SourceNeighbors:
		return p.selectNeighbors(ctx, set, limit-1)
	default:
		return badMap("The word source must be builtin, words, top, neighbors or sample, not “%s”.", apperr.Quote(string(p.Source)))
	}
	return nil
}

// selectNeighbors picks the plan's word and its N nearest neighbours (at
// most most of them).
func (p *MapPlan) selectNeighbors(ctx context.Context, set *vectors.Set, most int) error {
	if p.Word == "" {
		return badMap("Type the word whose neighbours to map.")
	}
	if p.N < project.MinPoints-1 || p.N > most {
		return badMap("The number of neighbours must be a whole number from %d to %s for a %s map of this vector set, not %s.",
			project.MinPoints-1, views.Count(most), MethodLabel(p.Method), views.Count(p.N))
	}
	ms, err := set.NeighborsOf(ctx, p.Word, p.N)
	if errors.Is(err, vectors.ErrUnknownWord) {
		return apperr.Wrap(err, apperr.Unprocessable, fmt.Sprintf("“%s” is not in this vector set (%s words), so its neighbours cannot be mapped.",
			apperr.Quote(p.Word), views.Count(set.Len())))
	}
	if err != nil {
		return err
	}
	p.Words = append(p.Words, p.Word)
	p.Groups = append(p.Groups, GroupQuery)
	for _, m := range ms {
		p.Words = append(p.Words, m.Word)
		p.Groups = append(p.Groups, GroupNeighbour)
	}
	return nil
}

// sampleRows returns n distinct rows of 0..total−1 drawn with seed, in
// increasing order (so in frequency order): the same seed gives the same
// rows.
func sampleRows(total, n int, seed uint64) []int {
	rng := rand.New(rand.NewPCG(seed, 0x73616d706c65)) // "sample"
	// A partial Fisher–Yates shuffle over a sparse permutation: O(n).
	swapped := make(map[int]int, n)
	at := func(i int) int {
		if v, ok := swapped[i]; ok {
			return v
		}
		return i
	}
	rows := make([]int, n)
	for i := range n {
		j := i + rng.IntN(total-i)
		rows[i] = at(j)
		swapped[j] = at(i)
	}
	slices.Sort(rows)
	return rows
}

// findPairs sets the rows of the relation's pairs whose two words are both
// on the map, and refuses an axis map without any.
func (p *MapPlan) findPairs() error {
	row := make(map[string]int, len(p.Words))
	for i, w := range p.Words {
		row[w] = i
	}
	for _, pr := range p.Relation.Pairs {
		a, okA := row[pr.A]
		b, okB := row[pr.B]
		if okA && okB {
			p.Pairs = append(p.Pairs, project.Pair{A: a, B: b})
		}
	}
	if len(p.Pairs) == 0 {
		if len(p.Relation.Pairs) == 0 {
			return badMap("A relation-axis map needs a relation (country-capital, male-female or singular-plural).")
		}
		return apperr.Wrap(project.ErrNoPairs, apperr.Unprocessable, fmt.Sprintf("A %s→%s axis needs at least one pair whose two words are both on the map (for example %s and %s).",
			p.Relation.GroupA, p.Relation.GroupB, p.Relation.Pairs[0].A, p.Relation.Pairs[0].B))
	}
	return nil
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

// DrawMap computes the map of plan p of vector set v (vectors set) in the
// caller's goroutine; progress, if set, must not block.
func DrawMap(ctx context.Context, v store.VectorSet, set *vectors.Set, p *MapPlan, progress func(done, total int)) (*MapResult, error) {
	opt := project.Options{Workers: 2, Pairs: p.Pairs, Progress: progress,
		TSNE: project.TSNEOptions{Perplexity: p.Perplexity, Seed: p.Seed, Workers: 2},
		UMAP: project.UMAPOptions{Neighbors: p.Neighbors, MinDist: p.MinDist, Seed: p.Seed, Workers: 2}}
	if p.Method == project.MethodUMAP && p.MinDist == 0 {
		opt.UMAP.MinDist = -1 // UMAPOptions reads 0 as its default; below 0 means 0
	}
	m, err := project.Project(ctx, Gather(set, p.Words), len(p.Words), set.Dim(), p.Method, opt)
	if err != nil {
		return nil, err
	}
	return &MapResult{SetID: v.ID, SetName: v.Name, Words: p.Words, Groups: p.Groups, Skipped: p.Skipped, Map: m,
		Relation: p.Relation, Params: p.params()}, nil
}

// params are the plan's parameters as kept with its result.
func (p *MapPlan) params() MapParams {
	mp := MapParams{Name: p.Name(), Source: string(p.Source), N: p.N, Word: p.Word, Seed: p.Seed}
	switch p.Method {
	case project.MethodTSNE:
		mp.Perplexity = p.Perplexity
	case project.MethodUMAP:
		mp.Neighbors, mp.MinDist = p.Neighbors, max(p.MinDist, 0)
	}
	return mp
}

// SubmitMap queues the map of plan p of vector set v (vectors set) as a
// job of the method's kind; the finished map is saved in the store and
// kept in memory.
func (s *Service) SubmitMap(v store.VectorSet, set *vectors.Set, p *MapPlan) (store.Job, error) {
	kind, ok := mapKinds[p.Method]
	if !ok {
		panic("app: no job kind for map method " + p.Method)
	}
	n := len(p.Words)
	label := MethodLabel(p.Method)
	return s.submit(kind, v.ID, func(jctx context.Context, run jobs.Run) error {
		run.Progress(0, fmt.Sprintf("%s map of %s words", label, views.Count(n)))
		progress := func(done, total int) {
			if total > 0 && (done%25 == 0 || done == total) {
				run.Progress(0.9*float64(done)/float64(total), fmt.Sprintf("%s: step %d of %d", label, done, total))
			}
		}
		res, err := DrawMap(jctx, v, set, p, progress)
		if err != nil {
			return err
		}
		run.Progress(0.97, "saving the map")
		return keepResult(s, jctx, run, store.NewJobResult{JobID: run.ID, VectorSetID: v.ID}, res, encodeMapResult, s.maps)
	})
}

// MapJob returns map job id of vector set setID (a job of any map kind).
func (s *Service) MapJob(ctx context.Context, setID, id int64) (JobInfo, error) {
	info, err := s.jobs.Get(ctx, id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return JobInfo{}, err
	}
	if err != nil || !IsMapKind(info.Kind) || info.TargetID != setID {
		return JobInfo{}, apperr.Wrap(fmt.Errorf("job %d: %w", id, store.ErrNotFound), apperr.NotFound,
			fmt.Sprintf("There is no map %d of this vector set. It may have been deleted.", id))
	}
	return info, nil
}

// MapResultOf returns the map of the finished map job info: from memory,
// or else as saved in the store when the job finished (ErrResultGone when
// it is not there).
func (s *Service) MapResultOf(ctx context.Context, info JobInfo) (*MapResult, error) {
	const gone = "The result of this map is no longer available on the server. Draw it again."
	if info.Status != store.JobDone {
		return nil, apperr.Wrap(ErrResultGone, apperr.Gone, gone)
	}
	return s.maps.Get(info.ID, func() (*MapResult, error) { return loadResult(ctx, s, info.ID, decodeMapResult, gone) })
}
