package vectors_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

// A tiny GloVe text file with a word2vec header that undercounts the rows.
const tiny = `4 2
man 1 0
king 1 1
woman 0 1
queen -0.1 1
apple 1 -1
`

func ExampleRead() {
	set, info, err := vectors.Read(context.Background(), strings.NewReader(tiny), vectors.LoadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(set.Len(), "words of dimension", set.Dim(), "in", info.Format)
	fmt.Println("header says", info.HeaderRows, "rows; mismatch:", info.HeaderMismatch())
	fmt.Println(set.Word(1), set.Vector(1))
	// Output:
	// 5 words of dimension 2 in word2vec-text
	// header says 4 rows; mismatch: true
	// king [1 1]
}

func ExampleSet_NeighborsOf() {
	set, _, _ := vectors.Read(context.Background(), strings.NewReader(tiny), vectors.LoadOptions{})
	res, err := set.NeighborsOf(context.Background(), "woman", 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range res {
		fmt.Printf("%s %.3f\n", m.Word, m.Score)
	}
	_, err = set.NeighborsOf(context.Background(), "unicorn", 2)
	fmt.Println(err)
	// Output:
	// queen 0.995
	// king 0.707
	// "unicorn": unknown word
}

func ExampleSet_Analogy() {
	set, _, _ := vectors.Read(context.Background(), strings.NewReader(tiny), vectors.LoadOptions{})
	for _, method := range []vectors.Method{vectors.CosAdd, vectors.CosMul} {
		res, err := set.Analogy(context.Background(), "man", "king", "woman", method, 1)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(method, res[0].Word)
	}
	// Output:
	// add queen
	// mul queen
}

func ExampleSet_OddOneOut() {
	set, _, _ := vectors.Read(context.Background(), strings.NewReader(tiny), vectors.LoadOptions{})
	odd, _, err := set.OddOneOut([]string{"king", "queen", "woman", "apple"})
	fmt.Println(odd, err)
	// Output: apple <nil>
}

func ExampleWriteText() {
	set, err := vectors.New([]string{"a", "b"}, 2, []float32{0.5, -1, 1e-6, 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = vectors.WriteText(os.Stdout, set, true)
	// Output:
	// 2 2
	// a 0.5 -1
	// b 1e-06 3
}
