package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/gloveboard/gloveboard/analysis/evaluate"
	"github.com/gloveboard/gloveboard/analysis/vectors"
)

func evalCommand() command {
	return command{
		name:    "eval",
		summary: "score vectors on the Google analogy set and word-similarity sets",
		run:     runEval,
	}
}

// evalJSON is the -json output of eval. Accuracies are fractions in
// [0, 1] of the covered questions.
type evalJSON struct {
	Analogy    *analogyJSON     `json:"analogy,omitempty"`
	Similarity []similarityJSON `json:"similarity,omitempty"`
}

type analogyJSON struct {
	File              string        `json:"file"`
	Method            string        `json:"method"`
	CaseSensitive     bool          `json:"case_sensitive"`
	TotalAccuracy     float64       `json:"total_accuracy"`
	SemanticAccuracy  float64       `json:"semantic_accuracy"`
	SyntacticAccuracy float64       `json:"syntactic_accuracy"`
	Questions         int           `json:"questions"`
	Covered           int           `json:"covered"`
	Correct           int           `json:"correct"`
	Sections          []sectionJSON `json:"sections"`
}

type sectionJSON struct {
	Section   string  `json:"section"`
	Syntactic bool    `json:"syntactic"`
	Accuracy  float64 `json:"accuracy"`
	Questions int     `json:"questions"`
	Covered   int     `json:"covered"`
	Correct   int     `json:"correct"`
}

type similarityJSON struct {
	File     string  `json:"file"`
	Spearman float64 `json:"spearman"`
	Pearson  float64 `json:"pearson"`
	Pairs    int     `json:"pairs"`
	OOV      int     `json:"oov"`
}

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval", "-vectors FILE [-analogy FILE] [-similarity FILE,FILE,…] [-json]", stderr)
	vecPath := fs.String("vectors", "", "word vectors: GloVe/word2vec text or word2vec binary, plain or gzip (required)")
	analogyPath := fs.String("analogy", "", "analogy questions (e.g. questions-words.txt: ': section' lines, then 'a b c d')")
	simPaths := fs.String("similarity", "", "comma-separated word-similarity files (w1<TAB>w2<TAB>score, ViSim-400 or ViCon)")
	methodName := fs.String("method", "add", "analogy method: add (3CosAdd) or mul (3CosMul)")
	caseSensitive := fs.Bool("case-sensitive", false, "match words exactly (default: case-insensitive, like gensim)")
	restrict := fs.Int("restrict", 0, "use only the first N (most frequent) words; 0 = all")
	asJSON := fs.Bool("json", false, "print JSON (accuracies as fractions in [0,1]) instead of tables")
	if err := parseCommand(fs, args, stderr, "eval", "vectors"); err != nil {
		return err
	}
	if *analogyPath == "" && *simPaths == "" {
		return usageError(fs, stderr, "eval", "give -analogy, -similarity or both")
	}
	if *restrict < 0 {
		return usageError(fs, stderr, "eval", "-restrict must be 0 or positive")
	}
	method, err := vectors.ParseMethod(*methodName)
	if err != nil {
		return usageError(fs, stderr, "eval", err.Error())
	}
	// Read the evaluation files before the (larger) vectors so that a
	// typo fails fast.
	var sections []evaluate.AnalogySection
	if *analogyPath != "" {
		if sections, err = loadAnalogies(ctx, *analogyPath); err != nil {
			return err
		}
	}
	var simFiles []string
	var simSets [][]evaluate.WordPair
	if *simPaths != "" {
		for _, p := range strings.Split(*simPaths, ",") {
			if p = strings.TrimSpace(p); p == "" {
				continue
			}
			pairs, err := loadPairs(ctx, p)
			if err != nil {
				return err
			}
			simFiles = append(simFiles, p)
			simSets = append(simSets, pairs)
		}
	}
	set, err := loadVectors(ctx, *vecPath)
	if err != nil {
		return err
	}

	var out evalJSON
	if sections != nil {
		rep, err := evaluate.Analogies(ctx, set, sections, evaluate.AnalogyOptions{
			CaseSensitive: *caseSensitive, Restrict: *restrict, Method: method,
		})
		if err != nil {
			return err
		}
		a := &analogyJSON{
			File: *analogyPath, Method: method.String(), CaseSensitive: *caseSensitive,
			TotalAccuracy: rep.Total.Accuracy(), SemanticAccuracy: rep.Semantic.Accuracy(), SyntacticAccuracy: rep.Syntactic.Accuracy(),
			Questions: rep.Total.Questions, Covered: rep.Total.Covered, Correct: rep.Total.Correct,
			Sections: make([]sectionJSON, len(rep.Sections)),
		}
		for i, s := range rep.Sections {
			a.Sections[i] = sectionJSON{
				Section: s.Name, Syntactic: sections[i].Syntactic(), Accuracy: s.Accuracy(),
				Questions: s.Questions, Covered: s.Covered, Correct: s.Correct,
			}
		}
		out.Analogy = a
	}
	for i, pairs := range simSets {
		res, err := evaluate.Similarity(set, pairs, evaluate.SimilarityOptions{CaseSensitive: *caseSensitive, Restrict: *restrict})
		if err != nil {
			return fmt.Errorf("%s: %w", simFiles[i], err)
		}
		out.Similarity = append(out.Similarity, similarityJSON{File: simFiles[i], Spearman: res.Spearman, Pearson: res.Pearson, Pairs: res.Pairs, OOV: res.OOV})
	}
	if *asJSON {
		return json.NewEncoder(stdout).Encode(out)
	}
	return printEval(stdout, out)
}

// loadAnalogies reads an analogy file and refuses one without a single
// question: evaluating nothing would print an empty report and exit 0.
func loadAnalogies(ctx context.Context, path string) ([]evaluate.AnalogySection, error) {
	sections, err := readInputFile(ctx, path, evaluate.ReadAnalogies)
	if err != nil {
		return nil, err
	}
	questions := 0
	for _, s := range sections {
		questions += len(s.Questions)
	}
	if questions == 0 {
		return nil, fmt.Errorf("%s: no analogy questions (the file needs \": section\" lines, each followed by questions \"a b c d\")", path)
	}
	return sections, nil
}

// loadPairs reads a word-similarity file: w1<TAB>w2<TAB>score lines,
// ViSim-400 or ViCon (evaluate.ReadSet).
func loadPairs(ctx context.Context, path string) ([]evaluate.WordPair, error) {
	return readInputFile(ctx, path, func(r io.Reader) ([]evaluate.WordPair, error) {
		pairs, _, err := evaluate.ReadSet(r)
		return pairs, err
	})
}

// printEval writes the evaluation as tables, accuracies in percent.
func printEval(w io.Writer, out evalJSON) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if a := out.Analogy; a != nil {
		fmt.Fprintf(tw, "analogy (%s, %s, case-sensitive %v)\n", a.File, a.Method, a.CaseSensitive)
		fmt.Fprintf(tw, "section\taccuracy\tcorrect\tcovered\tquestions\n")
		for _, s := range a.Sections {
			fmt.Fprintf(tw, "%s\t%.2f%%\t%d\t%d\t%d\n", s.Section, 100*s.Accuracy, s.Correct, s.Covered, s.Questions)
		}
		fmt.Fprintf(tw, "semantic\t%.2f%%\t\t\t\n", 100*a.SemanticAccuracy)
		fmt.Fprintf(tw, "syntactic\t%.2f%%\t\t\t\n", 100*a.SyntacticAccuracy)
		fmt.Fprintf(tw, "total\t%.2f%%\t%d\t%d\t%d\n", 100*a.TotalAccuracy, a.Correct, a.Covered, a.Questions)
		if len(out.Similarity) > 0 {
			fmt.Fprintln(tw)
		}
	}
	if len(out.Similarity) > 0 {
		fmt.Fprintf(tw, "similarity file\tspearman\tpearson\tpairs\toov\n")
		for _, s := range out.Similarity {
			fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%d\t%d\n", s.File, s.Spearman, s.Pearson, s.Pairs, s.OOV)
		}
	}
	return tw.Flush()
}
