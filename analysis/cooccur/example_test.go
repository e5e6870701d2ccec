package cooccur_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

func ExampleCount() {
	opt := cooccur.DefaultOptions()
	opt.MinCount = 1
	opt.Window = 2
	text := "ice is solid\nsteam is gas\n"
	res, err := cooccur.Count(context.Background(), strings.NewReader(text), opt)
	if err != nil {
		panic(err)
	}
	is, _ := res.Vocab.ID("is")
	cols, vals := res.Matrix.Row(is)
	for k, c := range cols {
		fmt.Printf("X(is, %s) = %.1f\n", res.Vocab.Word(c), vals[k])
	}
	// Output:
	// X(is, gas) = 1.0
	// X(is, ice) = 1.0
	// X(is, solid) = 1.0
	// X(is, steam) = 1.0
}
