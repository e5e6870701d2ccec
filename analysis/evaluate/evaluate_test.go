package evaluate

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/testkit"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestRanksAndSpearman(t *testing.T) {
	tests := []struct {
		name      string
		x, y      []float64
		wantRanks []float64
		want      float64
	}{
		// Ties share the mean of their ranks.
		{"ties", []float64{10, 20, 20, 30}, []float64{1, 2, 3, 4}, []float64{1, 2.5, 2.5, 4}, 0.9486832980505138},
		// Hand-computed: ranks x = 1..5, y = 5 4 3 2 1 → ρ = −1.
		{"reversed", []float64{1, 2, 3, 4, 5}, []float64{9, 7, 5, 3, 1}, []float64{1, 2, 3, 4, 5}, -1},
		// Monotone but non-linear: ρ = 1 although Pearson < 1.
		{"monotone", []float64{1, 2, 3, 4}, []float64{1, 10, 100, 1000}, []float64{1, 2, 3, 4}, 1},
		// d² = 0+1+1+0 → 1 − 6·2/(4·15) = 0.8 (no ties).
		{"one swap", []float64{1, 2, 3, 4}, []float64{1, 3, 2, 4}, []float64{1, 2, 3, 4}, 0.8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Ranks(tt.x)
			for i := range got {
				if got[i] != tt.wantRanks[i] {
					t.Fatalf("Ranks(%v) = %v, want %v", tt.x, got, tt.wantRanks)
				}
			}
			if rho := Spearman(tt.x, tt.y); math.Abs(rho-tt.want) > 1e-12 {
				t.Errorf("Spearman = %.15f, want %.15f", rho, tt.want)
			}
		})
	}
	if !math.IsNaN(Spearman([]float64{1, 1, 1}, []float64{1, 2, 3})) {
		t.Error("constant input should give NaN")
	}
}

func TestReadAnalogiesErrors(t *testing.T) {
	tests := []struct {
		input string
		want  error
		line  string
	}{
		{"a b c d\n", ErrNoSection, "line 1"},
		{": s\na b c d\na b c\n", ErrBadLine, "line 3"},
		{": s\n\na b c d e\n", ErrBadLine, "line 3"},
		// Longer than bufio.Scanner's buffer: found by FuzzReadAnalogies.
		{": s\na b c d\n" + strings.Repeat("x", 70000) + "\n", ErrBadLine, "line 3"},
	}
	for _, tt := range tests {
		_, err := ReadAnalogies(strings.NewReader(tt.input))
		if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.line) {
			t.Errorf("%q: got %v, want %v at %s", tt.input, err, tt.want, tt.line)
		}
	}
}

func TestReadPairsErrors(t *testing.T) {
	for _, input := range []string{"a\tb\n", "a\tb\tx\n", "a\tb\tNaN\n", "a b c d\n",
		// Found by FuzzReadPairs: an empty word, a line too long to scan.
		"a\t\t1\n", "a\t \t1\n", "\tb\t1\n", "a b " + strings.Repeat("1", 70000) + "\n"} {
		if _, err := ReadPairs(strings.NewReader(input)); !errors.Is(err, ErrBadLine) || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("%q: got %v, want ErrBadLine at line 1", input, err)
		}
	}
	got, err := ReadPairs(strings.NewReader("# comment\n\nA\tb\t1.5\nc d 2\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != (WordPair{"A", "b", 1.5, 3}) || got[1] != (WordPair{"c", "d", 2, 4}) {
		t.Errorf("got %+v", got)
	}
}

// TestReadersSkipBOM: a UTF-8 byte-order mark at the start of an analogy
// or similarity file is read as if it were absent; further on it is an
// ordinary character.
func TestReadersSkipBOM(t *testing.T) {
	const bom = "\ufeff"
	analogies := []struct {
		name, in string
		want     []AnalogySection
		wantErr  error
	}{
		{"section header", bom + ": capital\nathens greece rome italy\n",
			[]AnalogySection{{"capital", []AnalogyQuestion{{"athens", "greece", "rome", "italy", 2}}}}, nil},
		{"blank first line", bom + "\n: s\na b c d\n",
			[]AnalogySection{{"s", []AnalogyQuestion{{"a", "b", "c", "d", 3}}}}, nil},
		{"question first is still before any section", bom + "a b c d\n", nil, ErrNoSection},
		{"a BOM further on is part of a word", ": s\n" + bom + "a b c d\n",
			[]AnalogySection{{"s", []AnalogyQuestion{{bom + "a", "b", "c", "d", 2}}}}, nil},
	}
	for _, tt := range analogies {
		t.Run("analogies/"+tt.name, func(t *testing.T) {
			got, err := ReadAnalogies(strings.NewReader(tt.in))
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), "line 1") {
					t.Fatalf("got %v, want %v at line 1", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
	pairs := []struct {
		name, in string
		want     []WordPair
	}{
		{"tab-separated", bom + "tiger\tcat\t7.35\n", []WordPair{{"tiger", "cat", 7.35, 1}}},
		{"comment", bom + "# WordSim-353\ntiger cat 7.35\n", []WordPair{{"tiger", "cat", 7.35, 2}}},
		{"a BOM further on is part of a word", "a b 1\n" + bom + "c d 2\n", []WordPair{{"a", "b", 1, 1}, {bom + "c", "d", 2, 2}}},
	}
	for _, tt := range pairs {
		t.Run("pairs/"+tt.name, func(t *testing.T) {
			got, err := ReadPairs(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// tinySet is a hand-made 2-D vocabulary for exact analogy counts.
func tinySet(t *testing.T) *vectors.Set {
	t.Helper()
	set, err := vectors.New(
		[]string{"man", "king", "woman", "queen", "apple", "Paris", "paris"}, 2,
		[]float32{1, 0, 1, 1, 0, 1, -0.1, 1, 1, -1, 5, 5, 1, 1})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func TestAnalogiesTiny(t *testing.T) {
	sections, err := ReadAnalogies(strings.NewReader(`: royal
man king woman queen
Man King Woman Queen
man king woman apple
man king woman unicorn
: gram-test
king man queen woman
`))
	if err != nil {
		t.Fatal(err)
	}
	set := tinySet(t)
	rep, err := Analogies(context.Background(), set, sections, AnalogyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// royal: 4 questions, unicorn uncovered, 2 right (queen twice, the
	// second through case folding), 1 wrong (apple expected).
	if got := rep.Sections[0]; got.Questions != 4 || got.Covered != 3 || got.Correct != 2 {
		t.Errorf("royal: got %+v, want 4 questions, 3 covered, 2 correct", got)
	}
	if rep.Syntactic.Questions != 1 || rep.Syntactic.Covered != 1 {
		t.Errorf("syntactic: got %+v", rep.Syntactic)
	}
	if rep.Total.Covered != 4 || rep.Total.Questions != 5 {
		t.Errorf("total: got %+v", rep.Total)
	}
	if got, want := rep.Sections[0].Accuracy(), 2.0/3; math.Abs(got-want) > 1e-15 {
		t.Errorf("accuracy: got %v, want %v", got, want)
	}
	cs, err := Analogies(context.Background(), set, sections, AnalogyOptions{CaseSensitive: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := cs.Sections[0]; got.Covered != 2 {
		t.Errorf("case-sensitive: got %+v, want the capitalised question uncovered", got)
	}
	// Restricting to the first 3 rows leaves no question covered.
	rs, err := Analogies(context.Background(), set, sections, AnalogyOptions{Restrict: 3})
	if err != nil {
		t.Fatal(err)
	}
	if rs.Total.Covered != 0 || rs.Total.Accuracy() != 0 {
		t.Errorf("restricted: got %+v, want nothing covered", rs.Total)
	}
}

func TestAnalogiesSkipsCaseVariantsOfQueryWords(t *testing.T) {
	// b̂ − â + ĉ for man:king :: woman:? points at about 100°; "Woman"
	// (100°) is nearer than queen (96°). Case-insensitively "Woman" is the
	// query word woman and must be skipped, so queen is found; case-
	// sensitively it is just another word, and wins.
	set, err := vectors.New([]string{"man", "king", "woman", "queen", "Woman"}, 2,
		[]float32{1, 0, 1, 1, 0, 1, -0.1, 1, -0.3, 1.7})
	if err != nil {
		t.Fatal(err)
	}
	sections := []AnalogySection{{Name: "x", Questions: []AnalogyQuestion{{A: "man", B: "king", C: "woman", Expected: "queen"}}}}
	for _, tt := range []struct {
		caseSensitive bool
		wantCorrect   int
	}{{false, 1}, {true, 0}} {
		rep, err := Analogies(context.Background(), set, sections, AnalogyOptions{CaseSensitive: tt.caseSensitive})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Total.Covered != 1 || rep.Total.Correct != tt.wantCorrect {
			t.Errorf("case-sensitive %v: got %+v, want 1 covered, %d correct", tt.caseSensitive, rep.Total, tt.wantCorrect)
		}
	}
}

func TestSimilarityTiny(t *testing.T) {
	set := tinySet(t)
	pairs := []WordPair{{"man", "king", 3, 1}, {"man", "woman", 1, 2}, {"MAN", "apple", 2, 3}, {"man", "unicorn", 5, 4}}
	got, err := Similarity(set, pairs, SimilarityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// cos(man,king)=0.707 (gold 3), cos(man,woman)=0 (gold 1),
	// cos(man,apple)=0.707 (gold 2): model ranks 2.5,1,2.5 vs gold 3,1,2.
	want := Spearman([]float64{3, 1, 2}, []float64{2.5, 1, 2.5})
	if got.Pairs != 3 || got.OOV != 1 || math.Abs(got.Spearman-want) > 1e-9 {
		t.Errorf("got %+v, want 3 pairs, 1 OOV, ρ %v", got, want)
	}
	if _, err := Similarity(set, []WordPair{{"x", "y", 1, 1}}, SimilarityOptions{}); !errors.Is(err, ErrNoPairs) {
		t.Errorf("all OOV: got %v, want ErrNoPairs", err)
	}
}

// gensimExpected mirrors testdata/gensim_expected.json, written by
// testdata/gensim_reference.py.
type gensimExpected struct {
	Rows    int `json:"rows"`
	Analogy struct {
		TotalAccuracy float64 `json:"total_accuracy"`
		Sections      []struct {
			Section string `json:"section"`
			Correct int    `json:"correct"`
			Covered int    `json:"covered"`
		} `json:"sections"`
	} `json:"analogy"`
	KingManWoman     [][2]any `json:"king_man_woman"`
	NeighborsScience [][2]any `json:"neighbors_science"`
	Similarity       []struct {
		File     string  `json:"file"`
		Spearman float64 `json:"spearman"`
		Pearson  float64 `json:"pearson"`
		Pairs    int     `json:"pairs"`
		OOV      int     `json:"oov"`
	} `json:"similarity"`
}

func loadSample(t *testing.T) *vectors.Set { return loadSampleTB(t) }

func loadSampleTB(t testing.TB) *vectors.Set {
	t.Helper()
	set, _, err := vectors.Load(context.Background(), testkit.Shipped(t, testkit.DemoVectors), vectors.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func readExpected(t *testing.T) gensimExpected {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "gensim_expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp gensimExpected
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatal(err)
	}
	return exp
}

func TestGoogleAnalogiesMatchGensim(t *testing.T) {
	set := loadSample(t)
	exp := readExpected(t)
	sections, err := LoadAnalogies(testkit.Shipped(t, testkit.AnalogySet))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Analogies(context.Background(), set, sections, AnalogyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := rep.Total.Questions; got != 19544 {
		t.Errorf("questions: got %d, want 19544", got)
	}
	// The brief's anchors: 62.27% of 1,516 covered questions.
	if rep.Total.Covered != 1516 || math.Abs(rep.Total.Accuracy()-0.6227) > 0.00005 {
		t.Errorf("total: got %d covered, accuracy %.4f; want 1516, 0.6227", rep.Total.Covered, rep.Total.Accuracy())
	}
	if math.Abs(rep.Total.Accuracy()-exp.Analogy.TotalAccuracy) > 1e-12 {
		t.Errorf("total accuracy: got %v, gensim %v", rep.Total.Accuracy(), exp.Analogy.TotalAccuracy)
	}
	byName := map[string]Score{"Total accuracy": rep.Total}
	for _, s := range rep.Sections {
		byName[s.Name] = s
	}
	for _, es := range exp.Analogy.Sections {
		got, ok := byName[es.Section]
		if !ok {
			t.Errorf("section %q missing", es.Section)
			continue
		}
		if got.Covered != es.Covered || got.Correct != es.Correct {
			t.Errorf("section %q: got %d/%d correct/covered, gensim %d/%d", es.Section, got.Correct, got.Covered, es.Correct, es.Covered)
		}
	}
	if rep.Semantic.Covered+rep.Syntactic.Covered != rep.Total.Covered || rep.Semantic.Correct+rep.Syntactic.Correct != rep.Total.Correct {
		t.Errorf("semantic %+v + syntactic %+v != total %+v", rep.Semantic, rep.Syntactic, rep.Total)
	}
}

func TestSimilaritySetsMatchGensim(t *testing.T) {
	set := loadSample(t)
	exp := readExpected(t)
	anchors := map[string]float64{"EN-WS-353-ALL.txt": 0.534, "EN-SIMLEX-999.txt": 0.244, "EN-MEN-TR-3k.txt": 0.623}
	for _, es := range exp.Similarity {
		t.Run(es.File, func(t *testing.T) {
			pairs, err := LoadPairs(testkit.Similarity(t, es.File))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Similarity(set, pairs, SimilarityOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Pairs != es.Pairs || got.OOV != es.OOV {
				t.Errorf("pairs/oov: got %d/%d, gensim %d/%d", got.Pairs, got.OOV, es.Pairs, es.OOV)
			}
			// Same ranks give the same ρ up to rounding; Pearson sees the
			// float32 cosines, which differ from numpy's in the last bits.
			if math.Abs(got.Spearman-es.Spearman) > 1e-9 || math.Abs(got.Pearson-es.Pearson) > 1e-6 {
				t.Errorf("got ρ %.6f r %.6f, gensim ρ %.6f r %.6f", got.Spearman, got.Pearson, es.Spearman, es.Pearson)
			}
			if want, ok := anchors[es.File]; ok && math.Round(got.Spearman*1000)/1000 != want {
				t.Errorf("ρ to three decimals: got %.3f, want %.3f", got.Spearman, want)
			}
		})
	}
}

func TestNeighboursAndAnalogyMatchGensim(t *testing.T) {
	set := loadSample(t)
	exp := readExpected(t)
	ctx := context.Background()
	add, err := set.Analogy(ctx, "man", "king", "woman", vectors.CosAdd, len(exp.KingManWoman))
	if err != nil {
		t.Fatal(err)
	}
	near, err := set.NeighborsOf(ctx, "science", len(exp.NeighborsScience))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		got  []vectors.Match
		want [][2]any
	}{{"king − man + woman", add, exp.KingManWoman}, {"neighbours of science", near, exp.NeighborsScience}} {
		if len(tt.got) != len(tt.want) || len(tt.want) == 0 {
			t.Fatalf("%s: got %d results, gensim %d", tt.name, len(tt.got), len(tt.want))
		}
		for i, w := range tt.want {
			word, score := w[0].(string), w[1].(float64)
			if tt.got[i].Word != word || math.Abs(tt.got[i].Score-score) > 1e-6 {
				t.Errorf("%s rank %d: got %s %.7f, gensim %s %.7f", tt.name, i+1, tt.got[i].Word, tt.got[i].Score, word, score)
			}
		}
	}
}
