package runs

import (
	"errors"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/glove"
	"github.com/gloveboard/gloveboard/analysis/spectrum"
)

// ErrModelMismatch means a run's model does not fit the corpus build it is
// compared with (the corpus was rebuilt with other settings).
var ErrModelMismatch = errors.New("the corpus was rebuilt since this run: its vocabulary no longer matches the model")

// FidelityPoints are sampled nonzeros X_ij with what the model says about
// them: LogX = log X_ij against Full = w_iᵀw̃_j + b_i + b̃_j, and PMI against
// Dot = w_iᵀw̃_j.
type FidelityPoints struct {
	LogX, Full []float64
	PMI, Dot   []float64
	Identities spectrum.Identities
}

// Fidelity samples up to sample nonzeros of entries (seeded) and measures
// how well the model m satisfies the GloVe identities on that sample: the
// points drawn are the ones the statistics are computed on.
func Fidelity(m *glove.Model, entries []cooccur.Entry, sample int, seed uint64) (*FidelityPoints, error) {
	v := m.VocabSize()
	for _, e := range entries {
		if int(e.Row) >= v || int(e.Col) >= v {
			return nil, ErrModelMismatch
		}
	}
	s, err := spectrum.SampleIdentities(m, entries, sample, seed)
	if err != nil {
		return nil, err
	}
	return &FidelityPoints{LogX: s.LogX, Full: s.Model, PMI: s.PMI, Dot: s.Dot, Identities: s.Identities()}, nil
}
