package runs

import (
	"errors"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"

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
// how well the model p satisfies the GloVe identities.
func Fidelity(m *glove.Model, entries []cooccur.Entry, sample int, seed uint64) (*FidelityPoints, error) {
	v := m.VocabSize()
	for _, e := range entries {
		if int(e.Row) >= v || int(e.Col) >= v {
			return nil, ErrModelMismatch
		}
	}
	id, err := spectrum.MeasureIdentities(m, entries, sample, seed)
	if err != nil {
		return nil, err
	}
	rows := make([]float64, v)
	cols := make([]float64, v)
	total := 0.0
	for _, e := range entries {
		rows[e.Row] += e.Value
		cols[e.Col] += e.Value
		total += e.Value
	}
	idx := make([]int, len(entries))
	for i := range idx {
		idx[i] = i
	}
	if sample > 0 && sample < len(entries) {
		r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
		r.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		idx = idx[:sample]
	}
	fp := &FidelityPoints{Identities: id}
	for _, k := range idx {
		e := entries[k]
		if e.Value <= 0 {
			continue
		}
		dot := mat.Dot(m.Word.RowView(int(e.Row)), m.Context.RowView(int(e.Col)))
		lx := math.Log(e.Value)
		fp.LogX = append(fp.LogX, lx)
		fp.Full = append(fp.Full, dot+m.WordBias[e.Row]+m.ContextBias[e.Col])
		fp.PMI = append(fp.PMI, lx+math.Log(total)-math.Log(rows[e.Row])-math.Log(cols[e.Col]))
		fp.Dot = append(fp.Dot, dot)
	}
	return fp, nil
}
