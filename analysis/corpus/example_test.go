package corpus_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/corpus"
)

func ExampleScanner() {
	sc := corpus.NewScanner(strings.NewReader("Ice is SOLID; steam isn't.\nWater flows"), corpus.Words)
	for sc.Scan() {
		if sc.LineBreak() {
			fmt.Println("<line break>")
			continue
		}
		fmt.Println(string(sc.Token()))
	}
	// Output:
	// ice
	// is
	// solid
	// steam
	// isn't
	// <line break>
	// water
	// flows
}

func ExampleCountWords() {
	text, err := corpus.NewReader(strings.NewReader("a rose is a rose is a rose"), corpus.ReadOptions{})
	if err != nil {
		panic(err)
	}
	vocab, stats, err := corpus.CountWords(context.Background(), text, corpus.EncodeOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(stats.Tokens, "tokens")
	vocab.Prune(2, 0).WriteTo(os.Stdout)
	// Output:
	// 8 tokens
	// a 3
	// rose 3
	// is 2
}
