package align

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/testkit"
)

// numpyProcrustes aligns two vector files independently: unit rows of
// the shared words in A's order, R = U Vᵀ from numpy's SVD of AᵀB, the
// relative Frobenius residual and every word's cosine distance.
const numpyProcrustes = `
import json, sys
import numpy as np
def load(path):
    words, rows = [], []
    for line in open(path):
        p = line.split()
        words.append(p[0]); rows.append([np.float32(v) for v in p[1:]])
    return words, np.array(rows, dtype=np.float32).astype(np.float64)
wa, A = load(sys.argv[1]); wb, B = load(sys.argv[2])
ib = {w: i for i, w in enumerate(wb)}
shared = [w for w in wa if w in ib]
ia = {w: i for i, w in enumerate(wa)}
A = A[[ia[w] for w in shared]]; B = B[[ib[w] for w in shared]]
A /= np.linalg.norm(A, axis=1, keepdims=True); B /= np.linalg.norm(B, axis=1, keepdims=True)
U, S, Vt = np.linalg.svd(A.T @ B, full_matrices=False)
R = U @ Vt
AR = A @ R
res = np.linalg.norm(AR - B) / np.linalg.norm(B)
cos = np.sum(AR * B, axis=1) / (np.linalg.norm(AR, axis=1) * np.linalg.norm(B, axis=1))
print(json.dumps({"residual": res, "distance": {w: 1 - c for w, c in zip(shared, cos)}, "rotation": R.ravel().tolist()}))
`

// TestAlignMatchesNumpy: the rotation, residual and every distance equal
// numpy's to 1e-9, on sets of different vocabularies and orders.
func TestAlignMatchesNumpy(t *testing.T) {
	py := testkit.Python(t, "compares the Procrustes alignment with numpy's SVD", "numpy")
	rng := rand.New(rand.NewPCG(2016, 3))
	a, b, _ := rotatedCopy(t, rng, 300, 12, 0.2, [][2]int{{1, 2}})
	// B loses some words and lists the rest in another order.
	var words []string
	var data []float32
	for i := b.Len() - 1; i >= 0; i-- {
		if i%7 == 3 {
			continue
		}
		words = append(words, b.Word(i))
		data = append(data, b.Vector(i)...)
	}
	b = mustSet(t, words, b.Dim(), data)
	dir := t.TempDir()
	paths := [2]string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")}
	for i, s := range []*vectors.Set{a, b} {
		var buf bytes.Buffer
		if err := vectors.WriteText(&buf, s, false); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(paths[i], buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out, err := exec.Command(py, "-c", numpyProcrustes, paths[0], paths[1]).Output()
	if err != nil {
		t.Fatalf("numpy reference: %v", err)
	}
	var want struct {
		Residual float64            `json:"residual"`
		Distance map[string]float64 `json:"distance"`
		Rotation []float64          `json:"rotation"`
	}
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	got, err := Align(context.Background(), a, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Shared != len(want.Distance) {
		t.Fatalf("shared %d, numpy %d", got.Shared, len(want.Distance))
	}
	if math.Abs(got.Residual-want.Residual) > 1e-9 {
		t.Errorf("residual %.15g, numpy %.15g", got.Residual, want.Residual)
	}
	for i, w := range want.Rotation {
		if g := got.Rotation.RawMatrix().Data[i]; math.Abs(g-w) > 1e-9 {
			t.Errorf("R[%d] = %.15g, numpy %.15g", i, g, w)
		}
	}
	for _, m := range got.Moved {
		if w := want.Distance[m.Word]; math.Abs(m.Distance-w) > 1e-9 {
			t.Errorf("%s: distance %.15g, numpy %.15g", m.Word, m.Distance, w)
		}
	}
}
