package evaluate_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/evaluate"
	"github.com/gloveboard/gloveboard/analysis/vectors"
)

func tinySet() *vectors.Set {
	set, _ := vectors.New([]string{"man", "king", "woman", "queen", "apple"}, 2,
		[]float32{1, 0, 1, 1, 0, 1, -0.1, 1, 1, -1})
	return set
}

func ExampleAnalogies() {
	sections, err := evaluate.ReadAnalogies(strings.NewReader(`: family
Man King Woman Queen
man king woman unicorn
: gram-plural
man king woman apple
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, err := evaluate.Analogies(context.Background(), tinySet(), sections, evaluate.AnalogyOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range append(rep.Sections, rep.Total) {
		fmt.Printf("%s: %d/%d correct of %d questions (accuracy %.2f)\n", s.Name, s.Correct, s.Covered, s.Questions, s.Accuracy())
	}
	// Output:
	// family: 1/1 correct of 2 questions (accuracy 1.00)
	// gram-plural: 0/1 correct of 1 questions (accuracy 0.00)
	// total: 1/2 correct of 3 questions (accuracy 0.50)
}

func ExampleSimilarity() {
	pairs, _ := evaluate.ReadPairs(strings.NewReader("man\tking\t3\nman\twoman\t1\nman\tapple\t2\nman\tunicorn\t5\n"))
	res, err := evaluate.Similarity(tinySet(), pairs, evaluate.SimilarityOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("spearman %.3f on %d pairs, %d out of vocabulary\n", res.Spearman, res.Pairs, res.OOV)
	// Output: spearman 0.866 on 3 pairs, 1 out of vocabulary
}

func ExampleSpearman() {
	gold := []float64{10, 20, 20, 30}
	model := []float64{0.1, 0.2, 0.3, 0.4}
	fmt.Println(evaluate.Ranks(gold))
	fmt.Printf("%.4f\n", evaluate.Spearman(gold, model))
	// Output:
	// [1 2.5 2.5 4]
	// 0.9487
}
