package project

import (
	"context"
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
)

// MethodAxis is the relation-axis map of RelationAxis.
const MethodAxis = "axis"

// ErrNoPairs reports a relation-axis map without a usable word pair.
var ErrNoPairs = errors.New("a relation-axis map needs at least one word pair whose two words are both mapped")

// Pair is a pair of row indices (A, B) of the data, e.g. a country and its
// capital: their offset B − A is one instance of the relation.
type Pair struct{ A, B int }

// AxisResult is a relation-axis map.
type AxisResult struct {
	// Points holds the n×2 coordinates, row-major: x along the relation
	// direction, y along the leading principal component orthogonal to it,
	// both centred on the mean of the data.
	Points []float64
	// Direction is the unit relation direction (length d).
	Direction []float64
	// Alignment is the mean cosine between each pair's offset and the
	// direction: 1 when all offsets are parallel.
	Alignment float64
	// Pairs is the number of pairs used.
	Pairs int
}

// RelationAxis maps the n×d float32 row-major data onto the mean offset of
// the given pairs, u = mean_k (x_Bk − x_Ak) / ‖…‖, and on the leading
// principal component of the data with its u-component removed. Unlike PCA
// and t-SNE, which show whatever varies most, it shows where each word
// lies along one chosen relation (the "gender direction" of Bolukbasi et
// al. 2016; the country→capital offset of Mikolov et al. 2013). It is
// supervised: the pairs define the x axis, so words of the pairs separate
// along it by construction; judge it on words left out of the pairs. It
// panics if len(data) != n·d or a pair index is out of range, and returns
// ErrNoPairs when pairs is empty or its offsets cancel out.
func RelationAxis(ctx context.Context, data []float32, n, d int, pairs []Pair) (*AxisResult, error) {
	if len(data) != n*d {
		panic(fmt.Sprintf("project: data length %d is not %d×%d", len(data), n, d))
	}
	for _, p := range pairs {
		if p.A < 0 || p.A >= n || p.B < 0 || p.B >= n {
			panic(fmt.Sprintf("project: pair (%d, %d) outside %d rows", p.A, p.B, n))
		}
	}
	if n < 2 {
		return nil, fmt.Errorf("%w: a map of %d points", ErrTooFewPoints, n)
	}
	u := make([]float64, d)
	for _, p := range pairs {
		for k := 0; k < d; k++ {
			u[k] += float64(data[p.B*d+k]) - float64(data[p.A*d+k])
		}
	}
	norm := math.Sqrt(floats.Dot(u, u))
	if len(pairs) == 0 || norm == 0 || math.IsNaN(norm) || math.IsInf(norm, 0) {
		return nil, fmt.Errorf("%w (%d pairs given)", ErrNoPairs, len(pairs))
	}
	for k := range u {
		u[k] /= norm
	}
	var align float64
	off := make([]float64, d)
	for _, p := range pairs {
		for k := 0; k < d; k++ {
			off[k] = float64(data[p.B*d+k]) - float64(data[p.A*d+k])
		}
		if l := math.Sqrt(floats.Dot(off, off)); l > 0 {
			align += floats.Dot(off, u) / l
		}
	}
	// The residual of every row after removing its u-component; its
	// leading principal component is the y axis.
	mean := make([]float64, d)
	for i := 0; i < n; i++ {
		for k := 0; k < d; k++ {
			mean[k] += float64(data[i*d+k])
		}
	}
	for k := range mean {
		mean[k] /= float64(n)
	}
	xs := make([]float64, n)
	resid := make([]float32, n*d)
	row := make([]float64, d)
	for i := 0; i < n; i++ {
		for k := 0; k < d; k++ {
			row[k] = float64(data[i*d+k]) - mean[k]
		}
		xs[i] = floats.Dot(row, u)
		for k := 0; k < d; k++ {
			resid[i*d+k] = float32(row[k] - xs[i]*u[k])
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	pc, err := PCA(ctx, resid, n, d, PCAOptions{Components: 1})
	if err != nil {
		return nil, err
	}
	pts := make([]float64, 2*n)
	for i := 0; i < n; i++ {
		pts[2*i], pts[2*i+1] = xs[i], pc.Points[i]
	}
	return &AxisResult{Points: pts, Direction: u, Alignment: align / float64(len(pairs)), Pairs: len(pairs)}, nil
}
