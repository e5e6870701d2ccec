package glove

import (
	"context"
	"errors"
	"math"
	"testing"
)

// TestDivergenceByCost trains with learning rates from usual to absurd:
// the usual ones finish with a cost below the bounds, and the absurd ones
// stop with ErrDiverged — a *DivergedError naming the epoch and its cost
// past the bounds, or a residual that became NaN mid-epoch — instead of
// finishing with a cost of 1e46.
func TestDivergenceByCost(t *testing.T) {
	tests := []struct {
		eta          float64
		wantDiverged bool
	}{
		{0.05, false},
		{0.5, false},
		{1e10, true},
		{1e20, true},
	}
	for _, tt := range tests {
		opt := smallOptions(8, 1)
		opt.Eta = tt.eta
		tr := newTestTrainer(t, zipfEntries(20_000, 400, 9), 400, opt)
		err := tr.Run(context.Background())
		var de *DivergedError
		switch {
		case !tt.wantDiverged && err != nil:
			t.Errorf("η=%g: %v, want a finished run", tt.eta, err)
		case !tt.wantDiverged:
			h := tr.History()
			if last := h[len(h)-1].Cost; !(last <= MaxCost && last <= DivergenceGrowth*h[0].Cost) {
				t.Errorf("η=%g: finished with cost %g past the bounds", tt.eta, last)
			}
		case !errors.Is(err, ErrDiverged):
			t.Errorf("η=%g: %v, want an error wrapping ErrDiverged", tt.eta, err)
		case !errors.As(err, &de):
			// A residual became NaN mid-epoch: no epoch cost to report.
		case de.Epoch < 1 || de.Epoch > opt.Epochs:
			t.Errorf("η=%g: diverged at epoch %d of %d", tt.eta, de.Epoch, opt.Epochs)
		case !(math.IsNaN(de.Cost) || de.Cost > MaxCost || de.Cost > DivergenceGrowth*tr.History()[0].Cost):
			t.Errorf("η=%g: reported cost %g is within the bounds", tt.eta, de.Cost)
		}
	}
}
