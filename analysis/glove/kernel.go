package glove

import "math"

// entry is one nonzero prepared for training: the parameter rows of the
// word (row) and of the context word (ctx = V + column), log X_ij and
// f(X_ij), precomputed once so that the hot loop never calls log or pow.
type entry struct {
	row, ctx     uint32
	logX, weight float32
}

// layout describes where parameters live in the flat parameter slice.
// Row r (r < V: word r; r ≥ V: context word r−V) occupies
// params[r*stride : r*stride+2*(dim+1)] as
//
//	[w_0 … w_{d−1}, b, G_0 … G_{d−1}, G_b]
//
// so that a vector, its bias and their AdaGrad accumulators share cache
// lines. stride ≥ 2*(dim+1) is rounded up to whole 64-byte lines.
type layout struct {
	dim, stride int
}

func newLayout(dim int) layout {
	const floatsPerLine = 16
	n := 2 * (dim + 1)
	return layout{dim: dim, stride: (n + floatsPerLine - 1) / floatsPerLine * floatsPerLine}
}

// prefetchAhead is how many nonzeros ahead trainBlock asks for the
// parameter rows it will need: the rows of a nonzero are random, so
// without a hint every nonzero waits for two main-memory loads.
const prefetchAhead = 4

// stepSizes are the learning rates and clip of the update, in float32.
type stepSizes struct {
	eta, biasEta, clip float32
}

// maxFinite32 is the largest finite float32; |x| ≤ maxFinite32 is false
// exactly for NaN and ±Inf.
const maxFinite32 = math.MaxFloat32

// trainBlock applies one AdaGrad step per nonzero ents[o] for o in order,
// in that order, and returns the sum of ½ f(X)·diff² over the nonzeros
// updated and their number, done. done < len(order) means that the diff of
// nonzero ents[order[done]] was NaN or infinite: the block stopped there
// without updating it.
//
// This is the hot loop of the package: on amd64 CPUs with AVX2 it runs
// trainBlockAVX2 (one assembly step per nonzero), elsewhere
// trainBlockGo; both give the same bits (TestTrainBlockAVX2MatchesGo).
func trainBlock(params []float32, ents []entry, order []uint16, lay layout, s stepSizes) (cost float64, done int) {
	if hasAVX2 {
		return trainBlockAVX2(params, ents, order, lay, s)
	}
	return trainBlockGo(params, ents, order, lay, s)
}

// trainBlockGo is trainBlock in Go, and the definition of its arithmetic:
// glove.c's operations per component, in float32, never fused. The dot
// product sums the first d &^ 7 components in eight lanes (dotLanesGo),
// as an 8-wide SIMD register does, then adds the remaining products one by
// one; adagradGo updates every component. The rows of the nonzero
// prefetchAhead places later are requested before this one is computed.
func trainBlockGo(params []float32, ents []entry, order []uint16, lay layout, s stepSizes) (cost float64, done int) {
	d := lay.dim
	stride := lay.stride
	eta, biasEta, clip := s.eta, s.biasEta, s.clip
	rowBytes := 4 * 2 * (d + 1)
	lanes := d &^ 7 // components summed eight at a time
	for n, o := range order {
		if n+prefetchAhead < len(order) {
			next := ents[order[n+prefetchAhead]]
			prefetchRows(&params[int(next.row)*stride], &params[int(next.ctx)*stride], rowBytes)
		}
		e := ents[o]
		oi := int(e.row) * stride
		oj := int(e.ctx) * stride
		ri := params[oi : oi+stride : oi+stride]
		rj := params[oj : oj+stride : oj+stride]
		wi := ri[:d:d]
		wj := rj[:len(wi):len(wi)]
		gi := ri[d+1 : d+1+len(wi) : d+1+len(wi)]
		gj := rj[d+1 : d+1+len(wi) : d+1+len(wi)]

		dot := dotLanesGo(wi[:lanes], wj[:lanes])
		for k := lanes; k < len(wi); k++ {
			dot += float32(wi[k] * wj[k]) // rounded, never fused
		}
		diff := dot + ri[d] + rj[d] - e.logX
		if !(diff <= maxFinite32 && diff >= -maxFinite32) {
			return cost, n
		}
		fdiff := e.weight * diff
		cost += 0.5 * float64(fdiff) * float64(diff)

		adagradGo(wi, wj, gi, gj, fdiff, eta, clip)

		tb := biasEta * fdiff
		gbi, gbj := ri[2*d+1], rj[2*d+1]
		ri[d] -= tb / float32(math.Sqrt(float64(gbi)))
		rj[d] -= tb / float32(math.Sqrt(float64(gbj)))
		ri[2*d+1] = gbi + float32(tb*tb)
		rj[2*d+1] = gbj + float32(tb*tb)
	}
	return cost, len(order)
}
