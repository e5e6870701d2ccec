package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

func TestSVDCommand(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "c.txt")
	os.WriteFile(src, []byte(strings.Repeat("ice is cold and solid\nsteam is hot gas\nwater is wet\n", 20)), 0o644)
	out := filepath.Join(dir, "v.txt")
	code, _, stderr := runGlove(t, "svd", "-corpus", src, "-min-count", "1", "-dim", "3", "-out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	set, _, err := vectors.Load(context.Background(), out, vectors.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if set.Len() != 10 || set.Dim() != 3 {
		t.Errorf("loaded %d words × %d, want 10 × 3", set.Len(), set.Dim())
	}
	code, _, stderr = runGlove(t, "svd", "-corpus", src, "-min-count", "1", "-dim", "500", "-out", out)
	if code != 1 || !strings.Contains(stderr, "dimension 500") {
		t.Errorf("dim beyond vocabulary: exit %d, %q", code, stderr)
	}
}
