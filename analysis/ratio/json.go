package ratio

import (
	"encoding/json"
	"math"
)

// rowJSON is the wire form of a Row, shared by `glove ratio -json` and the
// dashboard's JSON API: ratio is null unless ratio_kind is "finite".
type rowJSON struct {
	K         string   `json:"k"`
	XIK       float64  `json:"x_ik"`
	XJK       float64  `json:"x_jk"`
	PIK       float64  `json:"p_ik"`
	PJK       float64  `json:"p_jk"`
	Ratio     *float64 `json:"ratio"`
	RatioKind Kind     `json:"ratio_kind"`
	Thin      bool     `json:"thin"`
	InVocab   bool     `json:"in_vocab"`
	// Bound is the confidence bound of a discovered word's ratio
	// (omitted on probe rows; null when infinite).
	Bound *float64 `json:"bound,omitempty"`
}

// MarshalJSON writes r as {"k","x_ik","x_jk","p_ik","p_jk","ratio"
// (number or null),"ratio_kind","thin","in_vocab"}.
func (r Row) MarshalJSON() ([]byte, error) {
	j := rowJSON{K: r.K, XIK: r.XIK, XJK: r.XJK, PIK: r.PIK, PJK: r.PJK, RatioKind: r.Kind, Thin: r.Thin, InVocab: r.InVocab}
	if r.Kind == Finite && !math.IsNaN(r.Ratio) && !math.IsInf(r.Ratio, 0) {
		v := r.Ratio
		j.Ratio = &v
	}
	if r.Bound != 0 && !math.IsInf(r.Bound, 0) && !math.IsNaN(r.Bound) {
		b := r.Bound
		j.Bound = &b
	}
	return json.Marshal(j)
}

// MarshalJSON writes t as {"i","j","x_i","x_j","rows","largest",
// "smallest"}, with empty lists rather than null.
func (t *Table) MarshalJSON() ([]byte, error) {
	nonNil := func(rows []Row) []Row {
		if rows == nil {
			return []Row{}
		}
		return rows
	}
	return json.Marshal(struct {
		I        string  `json:"i"`
		J        string  `json:"j"`
		XI       float64 `json:"x_i"`
		XJ       float64 `json:"x_j"`
		Rows     []Row   `json:"rows"`
		Largest  []Row   `json:"largest"`
		Smallest []Row   `json:"smallest"`
	}{t.I, t.J, t.XI, t.XJ, nonNil(t.Rows), nonNil(t.Largest), nonNil(t.Smallest)})
}
