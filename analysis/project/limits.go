package project

import (
	"errors"
	"fmt"
)

// Size limits of a map, shared by the CLI and the dashboard so that both
// accept the same requests.
const (
	// MinPoints is the fewest points any map accepts.
	MinPoints = 4
	// MaxPointsTSNE is the most points of a t-SNE map: Barnes–Hut t-SNE
	// of 20,000 points takes about a minute on two cores.
	MaxPointsTSNE = 20_000
	// MaxPointsUMAP is the most points of a UMAP map (the exact
	// neighbour search ends at UMAPExactNeighborsMax as well).
	MaxPointsUMAP = 20_000
)

// ErrTooManyPoints reports a map asked for more points than its method
// accepts (MaxPoints).
var ErrTooManyPoints = errors.New("too many points for this map method")

// MaxPoints returns the most points a map of method accepts, or 0 when the
// method has no limit of its own (PCA and the relation axis, whose cost is
// linear in the number of points: only memory bounds them).
func MaxPoints(method string) int {
	switch method {
	case MethodTSNE:
		return MaxPointsTSNE
	case MethodTSNEExact:
		return ExactMax
	case MethodUMAP:
		return MaxPointsUMAP
	}
	return 0
}

// CheckSize reports whether a map of n points by method is within the
// limits: ErrTooFewPoints below MinPoints, ErrTooManyPoints above
// MaxPoints(method) (ErrTooManyPointsExact for MethodTSNEExact, as TSNE
// reports it), ErrUnknownMethod for a method Project does not know.
func CheckSize(method string, n int) error {
	switch method {
	case MethodPCA, MethodTSNE, MethodTSNEExact, MethodUMAP, MethodAxis:
	default:
		return fmt.Errorf("%w: method %q", ErrUnknownMethod, method)
	}
	if n < MinPoints {
		return fmt.Errorf("%w: %d points, a map needs at least %d", ErrTooFewPoints, n, MinPoints)
	}
	if method == MethodTSNEExact && n > ExactMax {
		// The error TSNE itself gives.
		return fmt.Errorf("%w: %d points, at most %d", ErrTooManyPointsExact, n, ExactMax)
	}
	if max := MaxPoints(method); max > 0 && n > max {
		return fmt.Errorf("%w: %d points, a %s map takes at most %d", ErrTooManyPoints, n, method, max)
	}
	return nil
}
