package evaluate

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// TestGensimReferenceCurrent runs testdata/gensim_reference.py with
// Debian's gensim on the shipped vectors and evaluation sets and checks
// that it still computes testdata/gensim_expected.json, the figures
// TestGoogleAnalogiesMatchGensim and its siblings compare with. The tolerance covers float32
// round-off in gensim's Pearson r (about 1e-8).
func TestGensimReferenceCurrent(t *testing.T) {
	t.Parallel()
	py := testkit.Python(t, "recomputes the analogy and similarity reference figures with gensim", "numpy", "gensim")
	got, err := exec.Command(py, filepath.Join("testdata", "gensim_reference.py")).Output()
	if err != nil {
		t.Fatalf("gensim_reference.py: %v", err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "gensim_expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := testkit.JSONClose(got, want, 1e-6); err != nil {
		t.Errorf("testdata/gensim_expected.json is not what gensim computes today: %v", err)
	}
}
