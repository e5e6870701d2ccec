package svdembed_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/svdembed"
)

func ExampleEmbed() {
	opt := cooccur.DefaultOptions()
	opt.MinCount = 1
	text := strings.Repeat("ice is cold and solid\nsteam is hot gas\n", 10)
	res, err := cooccur.Count(context.Background(), strings.NewReader(text), opt)
	if err != nil {
		panic(err)
	}
	emb, err := svdembed.Embed(context.Background(), res.Matrix, svdembed.Options{Dim: 2, Seed: 1})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(emb.Vectors)/emb.Dim, "words ×", emb.Dim, "dimensions")
	fmt.Println("σ1 ≥ σ2:", emb.Singular[0] >= emb.Singular[1])
	// Output:
	// 8 words × 2 dimensions
	// σ1 ≥ σ2: true
}
