//go:build !race

package glove

// hogwildTurn lets workers update the shared parameters without any
// synchronisation (Hogwild): begin and end compile to nothing.
type hogwildTurn struct{}

func (*hogwildTurn) begin() {}
func (*hogwildTurn) end()   {}
