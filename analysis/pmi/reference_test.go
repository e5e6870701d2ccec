package pmi

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// TestNumpyReferenceCurrent runs testdata/numpy_reference.py with Debian's
// numpy and checks that it still computes testdata/numpy_reference.json,
// the figures TestAgainstNumpy compares with: the committed reference is
// numpy's, not a copy of gloveboard's own output.
func TestNumpyReferenceCurrent(t *testing.T) {
	t.Parallel()
	py := testkit.Python(t, "recomputes the PMI/MI reference figures with numpy", "numpy")
	out := filepath.Join(t.TempDir(), "numpy_reference.json")
	if msg, err := exec.Command(py, "testdata/numpy_reference.py", out).CombinedOutput(); err != nil {
		t.Fatalf("numpy_reference.py: %v\n%s", err, msg)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/numpy_reference.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := testkit.JSONClose(got, want, 1e-12); err != nil {
		t.Errorf("testdata/numpy_reference.json is not what numpy computes today: %v", err)
	}
}
