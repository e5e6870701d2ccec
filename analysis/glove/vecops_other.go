//go:build !amd64

package glove

// hasAVX2 is false off amd64: trainBlockGo is used.
const hasAVX2 = false

// trainBlockAVX2 is never called off amd64 (hasAVX2 is false).
func trainBlockAVX2(params []float32, ents []entry, order []uint16, lay layout, s stepSizes) (float64, int) {
	panic("glove: trainBlockAVX2 without AVX2")
}
