package concord_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/concord"
	"github.com/gloveboard/gloveboard/analysis/corpus"
)

// The window of "ice" in one line, with 1/d weights: these are the
// contributions of this occurrence to X_ice,k.
func ExampleFind() {
	text := "Ice is solid, steam is a gas.\n"
	opt := concord.Options{Scan: corpus.ScanOptions{Tokenizer: corpus.Words}, Window: 2, Symmetric: true, DistanceWeighting: true}
	res, err := concord.Find(context.Background(), strings.NewReader(text), "ice", opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range res.Lines[0].Tokens {
		if t.Role == concord.InWindow {
			fmt.Printf("%s at %+d weighs %.2f\n", t.Text, t.Distance, t.Weight)
		}
	}
	fmt.Println("lines:", len(res.Lines), "complete:", res.Complete)
	// Output:
	// is at +1 weighs 1.00
	// solid at +2 weighs 0.50
	// lines: 1 complete: true
}
