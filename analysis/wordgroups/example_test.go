package wordgroups_test

import (
	"fmt"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/wordgroups"
)

func ExampleParse() {
	file := "# my groups\nfruit\tapple\nfruit\tpear\nparis city\n"
	a, _ := wordgroups.Parse(strings.NewReader(file))
	for _, w := range a.Words {
		fmt.Println(w, a.Group(w))
	}
	// Output:
	// apple fruit
	// pear fruit
	// paris city
}

func ExampleBuiltin() {
	for _, g := range wordgroups.Builtin() {
		fmt.Println(g.Name, g.Words[0])
	}
	// Output:
	// country france
	// capital paris
	// male king
	// female queen
	// singular car
	// plural cars
}
