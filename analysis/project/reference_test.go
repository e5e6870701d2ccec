package project

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// TestSklearnReferenceCurrent runs testdata/sklearn_reference.py with
// Debian's scikit-learn on the shipped 4k vectors and checks that it still
// computes testdata/sklearn_expected.json, the figures the PCA and
// trustworthiness tests compare with.
func TestSklearnReferenceCurrent(t *testing.T) {
	t.Parallel()
	py := testkit.Python(t, "recomputes the PCA and trustworthiness reference figures with scikit-learn", "numpy", "sklearn")
	got, err := exec.Command(py, filepath.Join("testdata", "sklearn_reference.py"), testkit.Shipped(t, testkit.DemoVectors)).Output()
	if err != nil {
		t.Fatalf("sklearn_reference.py: %v", err)
	}
	want, err := os.ReadFile("testdata/sklearn_expected.json")
	if err != nil {
		t.Fatal(err)
	}
	// The version is informative; a newer scikit-learn must give the same
	// figures.
	if err := testkit.JSONClose(withoutKey(t, got, "sklearn_version"), withoutKey(t, want, "sklearn_version"), 1e-6); err != nil {
		t.Errorf("testdata/sklearn_expected.json is not what scikit-learn computes today: %v", err)
	}
}

// withoutKey returns the JSON object doc without key.
func withoutKey(t *testing.T, doc []byte, key string) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(doc, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, key)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
