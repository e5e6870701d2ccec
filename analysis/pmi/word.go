package pmi

import (
	"cmp"
	"math"
	"slices"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

// WordProfile is the information-theoretic view of one row w of the
// co-occurrence matrix: what the word's contexts are and how much they
// say about it.
type WordProfile struct {
	// RowSum is X_w = Σ_k X_wk.
	RowSum float64
	// Contexts is the number of distinct k with X_wk > 0.
	Contexts int
	// ContextEntropy is H(C | W = w) = −Σ_k P(k|w) log P(k|w), in the
	// unit asked for: low for a word with few, fixed contexts, high for
	// one that appears anywhere. At most log(Contexts).
	ContextEntropy float64
	// MIContribution is the row's term of I(W;C):
	// Σ_k P_wk log(P_wk / (P_w P_k)) = P_w · KL(P(·|w) ‖ P(·)) ≥ 0, in the
	// unit asked for; MIShare is its share of I(W;C) (0 when I is 0). The
	// contributions of all rows add up to I(W;C).
	MIContribution float64
	MIShare        float64
}

// Profile returns the profile of row w of m in unit u. mi is I(W;C) of m
// in the same unit (MutualInformation(m, u)), passed in so that profiles
// of many words do not recompute it; a row without co-occurrences has
// a zero profile.
func Profile(m *cooccur.Matrix, w int32, mi float64, u Unit) WordProfile {
	cols, vals := m.Row(w)
	xw := m.RowSum(w)
	p := WordProfile{RowSum: xw, Contexts: len(cols)}
	s := m.Sum()
	if xw <= 0 || s <= 0 {
		return p
	}
	var h, contribution float64
	for k, j := range cols {
		x := vals[k]
		if x <= 0 {
			continue
		}
		pkw := x / xw
		h -= pkw * math.Log(pkw)
		contribution += x / s * (math.Log(x) + math.Log(s) - math.Log(xw) - math.Log(m.ColSum(j)))
	}
	p.ContextEntropy = u.scale(h)
	p.MIContribution = u.scale(contribution)
	if mi > 0 {
		p.MIShare = p.MIContribution / mi
	}
	return p
}

// RowPartner is a context word k of row w with its count, conditional
// probability and PMI.
type RowPartner struct {
	ID int32
	X  float64 // X_wk
	P  float64 // P(k|w) = X_wk / X_w
	// PMI in nats: log(X_wk·S / (X_w·X_·k)).
	PMI float64
}

// TopByCount returns the n contexts k of row w with the largest X_wk
// (equivalently the largest P(k|w), which is X_wk / X_w), largest first;
// ties by smaller id.
func (md *Model) TopByCount(w int32, n int) []RowPartner {
	cols, vals := md.m.Row(w)
	ps := make([]RowPartner, 0, len(cols))
	xw := md.m.RowSum(w)
	for k, j := range cols {
		if vals[k] <= 0 {
			continue
		}
		ps = append(ps, RowPartner{ID: j, X: vals[k], P: vals[k] / xw, PMI: md.pmiOf(w, j, vals[k])})
	}
	slices.SortFunc(ps, func(a, b RowPartner) int {
		if c := cmp.Compare(b.X, a.X); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return ps[:min(n, len(ps))]
}

// TopByPMI returns Top(w, n, minCount) with each partner's P(k|w) too.
func (md *Model) TopByPMI(w int32, n int, minCount float64) []RowPartner {
	top := md.Top(w, n, minCount)
	out := make([]RowPartner, len(top))
	xw := md.m.RowSum(w)
	for i, p := range top {
		out[i] = RowPartner{ID: p.ID, X: p.X, P: p.X / xw, PMI: p.PMI}
	}
	return out
}
