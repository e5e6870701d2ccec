package phrases_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/phrases"
)

func Example() {
	text := strings.Repeat("tôi mở văn bản mới\nlưu văn bản cũ\nvăn phòng và bản đồ\nmở cửa hàng\n", 5)
	opt := phrases.DefaultOptions()
	opt.MinCount = 3
	model, err := phrases.Learn(context.Background(), strings.NewReader(text), opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range model.Phrases() {
		if p.Text == "văn_bản" {
			fmt.Printf("%s: count %d, pass %d\n", p.Text, p.Count, p.Pass)
		}
	}
	fmt.Println(model.Apply(strings.Fields("mở văn bản")))
	// Output:
	// văn_bản: count 10, pass 1
	// [mở văn_bản]
}
