package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"text/tabwriter"

	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/analysis/wordgroups"
)

func projectCommand() command {
	return command{
		name:    "project",
		summary: "2-D map of word vectors (PCA or t-SNE) with trustworthiness",
		run:     runProject,
	}
}

// projectPointJSON is one word of the map.
type projectPointJSON struct {
	Word  string  `json:"word"`
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	Group string  `json:"group"`
}

// projectJSON is the -json output of glove project.
type projectJSON struct {
	Method                 string             `json:"method"`
	Engine                 string             `json:"engine"`
	Points                 []projectPointJSON `json:"points"`
	ExplainedVarianceRatio []float64          `json:"explained_variance_ratio,omitempty"`
	Trustworthiness        *float64           `json:"trustworthiness,omitempty"`
	TrustworthinessK       int                `json:"trustworthiness_k,omitempty"`
	TrustworthinessSampled int                `json:"trustworthiness_points,omitempty"`
	KL                     *float64           `json:"kl,omitempty"`
	Relation               string             `json:"relation,omitempty"`
	AxisPairs              int                `json:"axis_pairs,omitempty"`
	AxisAlignment          *float64           `json:"axis_alignment,omitempty"`
	Skipped                []string           `json:"skipped_words,omitempty"`
}

// projectFlags are the command line of glove project.
type projectFlags struct {
	vectors, method, relation, engine, words, init string
	topN, iterations, trustK, neighbors            int
	seed                                           uint64
	perplexity, minDist                            float64
	asJSON                                         bool
}

func (f *projectFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.vectors, "vectors", "", "word vectors: GloVe/word2vec text or word2vec binary, plain or gzip (required)")
	fs.StringVar(&f.method, "method", "pca", "pca, tsne (engine chosen by size), tsne-exact (go-tsne engine), umap, or axis (x along a relation's mean offset, see -relation)")
	fs.StringVar(&f.relation, "relation", "country-capital", "built-in pair family whose mean offset is the x axis of -method axis: country-capital, male-female or singular-plural")
	fs.StringVar(&f.engine, "engine", "auto", "t-SNE engine for -method tsne: auto, barnes-hut or exact")
	fs.IntVar(&f.topN, "n", 0, "map the N most frequent words (the first N rows); 0 with no -words maps the built-in groups")
	fs.StringVar(&f.words, "words", "", "map the words of a word-group file (lines \"group<TAB>word\" or \"word group\"; # comments)")
	fs.Uint64Var(&f.seed, "seed", 1, "random seed (UMAP; t-SNE with -init random)")
	fs.IntVar(&f.neighbors, "neighbors", 15, "UMAP neighbourhood size, the word itself included (2 to the number of words)")
	fs.Float64Var(&f.minDist, "min-dist", 0.1, "UMAP: how tightly words may pack in the map (0 to 1)")
	fs.Float64Var(&f.perplexity, "perplexity", 30, "t-SNE perplexity (must be below the number of words minus one)")
	fs.IntVar(&f.iterations, "iterations", 1000, "t-SNE iterations, 250 of them with early exaggeration")
	fs.StringVar(&f.init, "init", "pca", "t-SNE initial map: pca or random (seeded)")
	fs.IntVar(&f.trustK, "trust-k", project.DefaultTrustK, "neighbours for trustworthiness")
	fs.BoolVar(&f.asJSON, "json", false, `print {"method","engine","points":[{"word","x","y","group"}],"explained_variance_ratio","trustworthiness"}`)
}

// check validates the flags before any input is read (a bad value is a
// usage error, exit 2) and returns the relation family and the options
// of project.Project but for the pairs, which depend on the words.
func (f *projectFlags) check(fs *flag.FlagSet, stderr io.Writer) (wordgroups.Family, project.Options, error) {
	fail := func(format string, args ...any) (wordgroups.Family, project.Options, error) {
		return wordgroups.Family{}, project.Options{}, usageError(fs, stderr, "project", fmt.Sprintf(format, args...))
	}
	if err := noArguments(fs, stderr, "project"); err != nil {
		return wordgroups.Family{}, project.Options{}, err
	}
	if err := requireFlags(fs, stderr, "project", "vectors"); err != nil {
		return wordgroups.Family{}, project.Options{}, err
	}
	switch {
	case f.topN < 0 || (f.topN > 0 && f.words != ""):
		return fail("use either -n N (N ≥ 1) or -words FILE")
	case !(f.perplexity > 0) || math.IsInf(f.perplexity, 0):
		return fail("-perplexity must be a positive number, got %v", f.perplexity)
	case f.iterations < 1:
		return fail("-iterations must be at least 1, got %d", f.iterations)
	case f.trustK < 1:
		// project.Project would take 0 or less for its default k, hiding a typo.
		return fail("-trust-k must be at least 1, got %d", f.trustK)
	case f.neighbors < 2:
		return fail("-neighbors must be at least 2, got %d", f.neighbors)
	case !(f.minDist >= 0 && f.minDist <= 1):
		return fail("-min-dist must be between 0 and 1 (the spread), got %v", f.minDist)
	}
	switch f.method {
	case project.MethodPCA, project.MethodTSNE, project.MethodTSNEExact, project.MethodUMAP, project.MethodAxis:
	default:
		return fail("-method %q: want pca, tsne, tsne-exact, umap or axis", f.method)
	}
	switch project.Engine(f.engine) {
	case project.EngineAuto, project.EngineBarnesHut, project.EngineExact:
	default:
		return fail("-engine %q: want auto, barnes-hut or exact", f.engine)
	}
	fam, ok := wordgroups.FamilyNamed(f.relation)
	if !ok {
		return fail("-relation %q: want country-capital, male-female or singular-plural", f.relation)
	}
	opt := project.Options{TrustK: f.trustK, TSNE: project.TSNEOptions{
		Perplexity: f.perplexity, Iterations: f.iterations, Engine: project.Engine(f.engine), Seed: f.seed,
	}, UMAP: project.UMAPOptions{Neighbors: f.neighbors, MinDist: f.minDist, Seed: f.seed}}
	if f.minDist == 0 {
		opt.UMAP.MinDist = -1 // UMAPOptions reads 0 as its default; below 0 means 0
	}
	switch f.init {
	case "pca":
		opt.TSNE.Init = project.InitPCA
	case "random":
		opt.TSNE.Init = project.InitRandom
	default:
		return fail("-init %q: want pca or random", f.init)
	}
	return fam, opt, nil
}

func runProject(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("project", "-vectors FILE [-method pca|tsne|tsne-exact|umap|axis] [-neighbors 15] [-min-dist 0.1] [-relation country-capital] [-n N | -words FILE] [-seed S] [-json]", stderr)
	var f projectFlags
	f.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fam, opt, err := f.check(fs, stderr)
	if err != nil {
		return err
	}
	set, err := loadVectors(ctx, f.vectors)
	if err != nil {
		return err
	}
	words, groups, skipped, err := projectSelect(ctx, set, f.topN, f.words)
	if err != nil {
		return err
	}
	// The dashboard's limits (t-SNE and UMAP up to 20,000 words).
	if err := project.CheckSize(f.method, len(words)); err != nil {
		return err
	}
	d := set.Dim()
	data := make([]float32, 0, len(words)*d)
	for _, w := range words {
		i, _ := set.Index(w)
		data = append(data, set.Vector(i)...)
	}
	opt.Pairs = mapPairs(words, fam)
	m, err := project.Project(ctx, data, len(words), d, f.method, opt)
	if err != nil {
		return err
	}
	out := newProjectJSON(m, fam, words, groups, skipped)
	if f.asJSON {
		return json.NewEncoder(stdout).Encode(out)
	}
	if len(skipped) > 0 {
		fmt.Fprintf(stderr, "glove project: %d words not in the vectors were skipped\n", len(skipped))
	}
	return printProject(stdout, out)
}

// newProjectJSON describes the map m of words.
func newProjectJSON(m *project.Map, fam wordgroups.Family, words []string, groups *wordgroups.Assignment, skipped []string) projectJSON {
	out := projectJSON{Method: m.Method, Engine: m.Engine, Skipped: skipped}
	switch m.Method {
	case project.MethodPCA:
		out.ExplainedVarianceRatio = m.ExplainedVarianceRatio
	case project.MethodAxis:
		a := m.AxisAlignment
		out.Relation, out.AxisPairs, out.AxisAlignment = fam.Name(), m.AxisPairs, &a
	case project.MethodTSNE, project.MethodTSNEExact:
		kl := m.KL
		out.KL = &kl
	}
	if m.Trust.K > 0 {
		t := m.Trust.Value
		out.Trustworthiness, out.TrustworthinessK, out.TrustworthinessSampled = &t, m.Trust.K, m.Trust.Sampled
	}
	for i, w := range words {
		out.Points = append(out.Points, projectPointJSON{Word: w, X: m.Points[2*i], Y: m.Points[2*i+1], Group: groups.Group(w)})
	}
	return out
}

// printProject writes the map as a header line and a table of points.
func printProject(w io.Writer, out projectJSON) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "# %s map (%s engine) of %d words", out.Method, out.Engine, len(out.Points))
	if out.Trustworthiness != nil {
		fmt.Fprintf(tw, ", trustworthiness(k=%d) %.4f", out.TrustworthinessK, *out.Trustworthiness)
	}
	if len(out.ExplainedVarianceRatio) >= 2 {
		fmt.Fprintf(tw, ", explained variance %.4f + %.4f", out.ExplainedVarianceRatio[0], out.ExplainedVarianceRatio[1])
	}
	if out.KL != nil {
		fmt.Fprintf(tw, ", KL %.4f", *out.KL)
	}
	if out.AxisAlignment != nil {
		fmt.Fprintf(tw, ", x axis: %s offset of %d pairs (alignment %.3f)", out.Relation, out.AxisPairs, *out.AxisAlignment)
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "word\tx\ty\tgroup")
	for _, p := range out.Points {
		fmt.Fprintf(tw, "%s\t%.6g\t%.6g\t%s\n", p.Word, p.X, p.Y, p.Group)
	}
	return tw.Flush()
}

// projectSelect chooses the words to map and their groups: the words of a
// group file, the first n rows, or (neither) the built-in group words.
// Words missing from the vectors are returned as skipped.
func projectSelect(ctx context.Context, set *vectors.Set, n int, wordsFile string) (words []string, groups *wordgroups.Assignment, skipped []string, err error) {
	builtin := wordgroups.FromGroups(wordgroups.Builtin())
	switch {
	case wordsFile != "":
		if groups, err = readInputFile(ctx, wordsFile, wordgroups.Parse); err != nil {
			return nil, nil, nil, err
		}
	case n > 0:
		n = min(n, set.Len())
		for i := 0; i < n; i++ {
			words = append(words, set.Word(i))
		}
		return words, builtin, nil, nil
	default:
		groups = builtin
	}
	for _, w := range groups.Words {
		if _, ok := set.Index(w); ok {
			words = append(words, w)
		} else {
			skipped = append(skipped, w)
		}
	}
	if len(words) == 0 {
		return nil, nil, nil, fmt.Errorf("%w: none of the %d listed words is in the vectors", project.ErrTooFewPoints, len(groups.Words))
	}
	return words, groups, skipped, nil
}

// mapPairs returns the pairs of fam whose two words are both among words,
// as row indices.
func mapPairs(words []string, fam wordgroups.Family) []project.Pair {
	row := make(map[string]int, len(words))
	for i, w := range words {
		row[w] = i
	}
	var out []project.Pair
	for _, p := range fam.Pairs {
		a, okA := row[p.A]
		b, okB := row[p.B]
		if okA && okB {
			out = append(out, project.Pair{A: a, B: b})
		}
	}
	return out
}
