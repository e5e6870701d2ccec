package pmi

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

// TestWriteRandomFixture regenerates testdata/random.bin, a random sparse
// symmetric co-occurrence matrix, when GLOVEBOARD_WRITE_FIXTURE=1; then
// run testdata/numpy_reference.py to refresh the expected values.
// Otherwise it checks that the committed fixture is the one the seed
// produces, so fixture and reference cannot drift apart.
func TestWriteRandomFixture(t *testing.T) {
	rng := rand.New(rand.NewPCG(2014, 1))
	const n = 40
	var es []cooccur.Entry
	for i := int32(0); i < n; i++ {
		for j := i; j < n; j++ {
			if rng.Float64() < 0.3 {
				x := float64(1+rng.IntN(50)) / float64(1+rng.IntN(4))
				es = append(es, cooccur.Entry{Row: i, Col: j, Value: x})
				if i != j {
					es = append(es, cooccur.Entry{Row: j, Col: i, Value: x})
				}
			}
		}
	}
	m, err := cooccur.NewMatrix(n, es, true)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.CreateTemp(t.TempDir(), "random.bin")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.WriteBin(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	fresh, _ := os.ReadFile(f.Name())
	if os.Getenv("GLOVEBOARD_WRITE_FIXTURE") == "1" {
		if err := os.WriteFile("testdata/random.bin", fresh, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	committed, err := os.ReadFile("testdata/random.bin")
	if err != nil {
		t.Fatal(err)
	}
	if string(committed) != string(fresh) {
		t.Fatal("testdata/random.bin differs from what the seed produces; regenerate it and the numpy reference")
	}
}

func TestAgainstNumpy(t *testing.T) {
	f, err := os.Open("testdata/random.bin")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ref struct {
		N      int     `json:"n"`
		MINats float64 `json:"mi_nats"`
		MIBits float64 `json:"mi_bits"`
		Pairs  []struct {
			I, J int32
			X    float64
			PMI  *float64 `json:"pmi"`
			PPMI float64  `json:"ppmi_075"`
		} `json:"pairs"`
		Entropy float64 `json:"entropy_bits_of_rounded_row_sums"`
		Counts  []int64 `json:"rounded_row_sums"`
	}
	raw, err := os.ReadFile("testdata/numpy_reference.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatal(err)
	}
	es, err := cooccur.ReadBin(f, ref.N)
	if err != nil {
		t.Fatal(err)
	}
	m, err := cooccur.NewMatrix(ref.N, es, true)
	if err != nil {
		t.Fatal(err)
	}
	const tol = 1e-12
	if got := MutualInformation(m, Nats); math.Abs(got-ref.MINats) > tol*ref.MINats {
		t.Errorf("MI = %.15g nats, numpy %.15g", got, ref.MINats)
	}
	if got := MutualInformation(m, Bits); math.Abs(got-ref.MIBits) > tol*ref.MIBits {
		t.Errorf("MI = %.15g bits, numpy %.15g", got, ref.MIBits)
	}
	md, _ := New(m, 1)
	ms, _ := New(m, 0.75)
	for _, p := range ref.Pairs {
		got, ok := md.PMI(p.I, p.J)
		if (p.PMI != nil) != ok || (ok && math.Abs(got-*p.PMI) > tol*math.Max(1, math.Abs(*p.PMI))) {
			t.Errorf("PMI(%d,%d) = %g, %v; numpy %v", p.I, p.J, got, ok, p.PMI)
		}
		if g := ms.PPMI(p.I, p.J); math.Abs(g-p.PPMI) > tol*math.Max(1, p.PPMI) {
			t.Errorf("PPMI_0.75(%d,%d) = %.15g, numpy %.15g", p.I, p.J, g, p.PPMI)
		}
	}
	if got := Entropy(ref.Counts, Bits); math.Abs(got-ref.Entropy) > tol*ref.Entropy {
		t.Errorf("entropy = %.15g bits, numpy %.15g", got, ref.Entropy)
	}
}
