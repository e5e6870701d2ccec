package glove

import "golang.org/x/sys/cpu"

// hasAVX2 selects the AVX2 kernel of vecops_amd64.s; x/sys/cpu also
// checks that the operating system saves the YMM registers. It is set once
// at start-up and never written again.
var hasAVX2 = cpu.X86.HasAVX2 && cpu.X86.HasAVX

// stepAVX2 is one nonzero of trainBlockGo in AVX2 assembly, prefetch
// included; see vecops_amd64.s. ri and rj point at rows of 2(d+1) floats.
//
//go:noescape
func stepAVX2(ri, rj, pi, pj *float32, prefetchBytes, d int, logX, weight, eta, biasEta, clip float32) (diff float32, ok bool)

// trainBlockAVX2 is trainBlockGo with one call of stepAVX2 per nonzero:
// the same operations in the same order, so the same bits, without the
// scalar tail and the calls per nonzero of the Go loop.
func trainBlockAVX2(params []float32, ents []entry, order []uint16, lay layout, s stepSizes) (cost float64, done int) {
	d, stride := lay.dim, lay.stride
	rowBytes := 4 * 2 * (d + 1)
	for n, o := range order {
		e := ents[o]
		oi, oj := int(e.row)*stride, int(e.ctx)*stride
		// The slice expressions check that both rows lie inside params;
		// stride ≥ 2(d+1) keeps the kernel inside them.
		ri := params[oi : oi+stride : oi+stride]
		rj := params[oj : oj+stride : oj+stride]
		pi, pj, pb := &ri[0], &rj[0], 0
		if n+prefetchAhead < len(order) {
			next := ents[order[n+prefetchAhead]]
			pi, pj, pb = &params[int(next.row)*stride], &params[int(next.ctx)*stride], rowBytes
		}
		diff, ok := stepAVX2(&ri[0], &rj[0], pi, pj, pb, d, e.logX, e.weight, s.eta, s.biasEta, s.clip)
		if !ok {
			return cost, n
		}
		fdiff := e.weight * diff
		cost += 0.5 * float64(fdiff) * float64(diff)
	}
	return cost, len(order)
}
