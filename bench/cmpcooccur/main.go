// Command cmpcooccur compares two cooccurrence.bin files entry for entry:
// the same (word1, word2) pairs in the same order, values within a
// relative tolerance. It prints the number of entries and the largest
// relative difference, and exits 1 on any mismatch.
//
//	go run ./bench/cmpcooccur -rel 1e-9 ours.bin theirs.bin
package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

func main() {
	rel := flag.Float64("rel", 1e-9, "largest relative difference accepted")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: cmpcooccur [-rel 1e-9] a.bin b.bin")
		os.Exit(2)
	}
	if err := compare(flag.Arg(0), flag.Arg(1), *rel); err != nil {
		fmt.Fprintln(os.Stderr, "cmpcooccur:", err)
		os.Exit(1)
	}
}

func compare(pathA, pathB string, rel float64) error {
	fa, err := os.Open(pathA)
	if err != nil {
		return err
	}
	defer fa.Close()
	fb, err := os.Open(pathB)
	if err != nil {
		return err
	}
	defer fb.Close()
	ra, rb := cooccur.NewBinReader(fa, 0), cooccur.NewBinReader(fb, 0)
	var n int64
	worst := 0.0
	for {
		a, errA := ra.Read()
		b, errB := rb.Read()
		if errA == io.EOF && errB == io.EOF {
			break
		}
		if errA != nil || errB != nil {
			return fmt.Errorf("after %d equal entries: %v / %v (files differ in length or are malformed)", n, errA, errB)
		}
		n++
		if a.Row != b.Row || a.Col != b.Col {
			return fmt.Errorf("entry %d: (%d, %d) vs (%d, %d)", n, a.Row+1, a.Col+1, b.Row+1, b.Col+1)
		}
		d := math.Abs(a.Value-b.Value) / math.Max(math.Abs(a.Value), math.Abs(b.Value))
		worst = math.Max(worst, d)
		if d > rel {
			return fmt.Errorf("entry %d (%d, %d): %.17g vs %.17g (relative difference %.3g)", n, a.Row+1, a.Col+1, a.Value, b.Value, d)
		}
	}
	fmt.Printf("%d entries equal; largest relative difference %.3g\n", n, worst)
	return nil
}
