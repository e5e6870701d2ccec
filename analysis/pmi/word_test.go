package pmi

import (
	"math"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

// threeWords is the symmetric matrix over words 0, 1, 2 with X_01 = 2,
// X_02 = 1, X_12 = 3 (each also transposed): row sums 3, 5, 4, S = 12.
func threeWords(t *testing.T) *cooccur.Matrix {
	t.Helper()
	var es []cooccur.Entry
	for _, e := range []struct {
		a, b int32
		x    float64
	}{{0, 1, 2}, {0, 2, 1}, {1, 2, 3}} {
		es = append(es, cooccur.Entry{Row: e.a, Col: e.b, Value: e.x}, cooccur.Entry{Row: e.b, Col: e.a, Value: e.x})
	}
	m, err := cooccur.NewMatrix(3, es, true)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestProfileHandComputed: row 0 has P(1|0) = 2/3, P(2|0) = 1/3, so
// H = −(2/3 ln 2/3 + 1/3 ln 1/3) nats; its MI term is
// 2/12·ln(2·12/(3·5)) + 1/12·ln(1·12/(3·4)) = (1/6)ln(1.6) + 0.
func TestProfileHandComputed(t *testing.T) {
	m := threeWords(t)
	mi := MutualInformation(m, Nats)
	p := Profile(m, 0, mi, Nats)
	wantH := -(2.0/3*math.Log(2.0/3) + 1.0/3*math.Log(1.0/3))
	wantC := math.Log(1.6) / 6
	if p.RowSum != 3 || p.Contexts != 2 || math.Abs(p.ContextEntropy-wantH) > 1e-15 || math.Abs(p.MIContribution-wantC) > 1e-15 {
		t.Errorf("profile %+v, want X_w 3, 2 contexts, H %.15g, MI term %.15g", p, wantH, wantC)
	}
	if math.Abs(p.MIShare-wantC/mi) > 1e-15 {
		t.Errorf("share %g, want %g", p.MIShare, wantC/mi)
	}
	bits := Profile(m, 0, MutualInformation(m, Bits), Bits)
	if math.Abs(bits.ContextEntropy-wantH/math.Ln2) > 1e-15 || math.Abs(bits.MIShare-p.MIShare) > 1e-12 {
		t.Errorf("bits: %+v", bits)
	}
	// The rows' terms add up to I(W;C), and each is non-negative.
	var total float64
	for w := int32(0); w < 3; w++ {
		c := Profile(m, w, mi, Nats).MIContribution
		if c < 0 {
			t.Errorf("row %d: negative MI term %g", w, c)
		}
		total += c
	}
	if math.Abs(total-mi) > 1e-15 {
		t.Errorf("Σ rows = %.17g, I(W;C) = %.17g", total, mi)
	}
}

func TestRowPartners(t *testing.T) {
	m := threeWords(t)
	md, err := New(m, 1)
	if err != nil {
		t.Fatal(err)
	}
	got := md.TopByCount(1, 5)
	// Row 1: X_10 = 2, X_12 = 3, X_1 = 5; PMI(1,2) = ln(3·12/(5·4)).
	want := []RowPartner{{ID: 2, X: 3, P: 0.6, PMI: math.Log(36.0 / 20)}, {ID: 0, X: 2, P: 0.4, PMI: math.Log(24.0 / 15)}}
	if len(got) != 2 {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i].ID != want[i].ID || got[i].X != want[i].X || math.Abs(got[i].P-want[i].P) > 1e-15 || math.Abs(got[i].PMI-want[i].PMI) > 1e-15 {
			t.Errorf("partner %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	byPMI := md.TopByPMI(1, 1, 2.5)
	if len(byPMI) != 1 || byPMI[0].ID != 2 || math.Abs(byPMI[0].P-0.6) > 1e-15 {
		t.Errorf("TopByPMI = %+v", byPMI)
	}
	if p := Profile(m, 1, 0, Nats); p.MIShare != 0 {
		t.Errorf("share with I = 0 given: %g", p.MIShare)
	}
}
