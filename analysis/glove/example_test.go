package glove_test

import (
	"bytes"
	"context"
	"fmt"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/glove"
)

// Train GloVe vectors on a hand-made co-occurrence matrix of four words
// and read back W + W̃, the vectors the paper publishes.
func Example() {
	// Words 0 and 1 co-occur a lot, as do words 2 and 3.
	var entries []cooccur.Entry
	add := func(i, j int32, x float64) {
		entries = append(entries, cooccur.Entry{Row: i, Col: j, Value: x}, cooccur.Entry{Row: j, Col: i, Value: x})
	}
	add(0, 1, 40)
	add(2, 3, 30)
	add(0, 2, 2)
	add(1, 3, 1)

	opt := glove.DefaultOptions()
	opt.VectorSize = 2
	opt.Epochs = 200
	opt.Workers = 1 // one worker and a fixed seed: bit-for-bit reproducible
	model, history, err := glove.Train(context.Background(), entries, 4, opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	first, last := history[0], history[len(history)-1]
	fmt.Printf("epochs: %d, cost fell: %v\n", last.Epoch, last.Cost < first.Cost/10)
	vecs := model.Sum()
	rows, cols := vecs.Dims()
	fmt.Printf("W+W̃ is %d×%d\n", rows, cols)
	// Output:
	// epochs: 200, cost fell: true
	// W+W̃ is 4×2
}

// Stop after five epochs, save everything, and continue later.
func ExampleResume() {
	var entries []cooccur.Entry
	for i := range int32(20) {
		for j := range int32(20) {
			if i != j {
				entries = append(entries, cooccur.Entry{Row: i, Col: j, Value: float64(1 + (i*j)%7)})
			}
		}
	}
	opt := glove.DefaultOptions()
	opt.VectorSize = 4
	opt.Epochs = 5
	opt.Workers = 1
	trainer, err := glove.NewTrainer(entries, 20, opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := trainer.Run(context.Background()); err != nil {
		fmt.Println(err)
		return
	}
	var file bytes.Buffer // an *os.File in real use
	if err := trainer.WriteCheckpoint(&file); err != nil {
		fmt.Println(err)
		return
	}

	ck, err := glove.ReadCheckpoint(&file)
	if err != nil {
		fmt.Println(err)
		return
	}
	ck.Options.Epochs = 10 // the total, not the number of extra epochs
	resumed, err := glove.Resume(entries, 20, ck)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := resumed.Run(context.Background()); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("epochs trained:", resumed.Epoch(), "history rows:", len(resumed.History()))
	// Output:
	// epochs trained: 10 history rows: 10
}
