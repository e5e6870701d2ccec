package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/align"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/analysis/weat"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// runCommand runs cmd and returns its exit code as run would, stdout and
// stderr.
func runCommand(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// TestAlignCommand: the demo vectors against a copy turned by a random
// rotation, with two words' vectors swapped, give residual ≈ the
// swapped rows' share and those two words first.
func TestAlignCommand(t *testing.T) {
	demoVectors := testkit.Shipped(t, testkit.DemoVectors)
	set, _, err := vectors.Load(context.Background(), demoVectors, vectors.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := set.Dim()
	rng := rand.New(rand.NewPCG(3, 4))
	// A random rotation in the plane of the first two axes, plus a swap.
	theta := rng.Float64() * 2 * math.Pi
	c, s := math.Cos(theta), math.Sin(theta)
	data := append([]float32(nil), set.Data()...)
	for i := range set.Len() {
		x, y := float64(data[i*d]), float64(data[i*d+1])
		data[i*d], data[i*d+1] = float32(c*x-s*y), float32(s*x+c*y)
	}
	ia, _ := set.Index("ice")
	ib, _ := set.Index("king")
	for k := range d {
		data[ia*d+k], data[ib*d+k] = data[ib*d+k], data[ia*d+k]
	}
	turned, err := vectors.New(append([]string(nil), set.Words()...), d, data)
	if err != nil {
		t.Fatal(err)
	}
	pathB := filepath.Join(t.TempDir(), "turned.txt")
	f, _ := os.Create(pathB)
	if err := vectors.WriteText(f, turned, false); err != nil {
		t.Fatal(err)
	}
	f.Close()

	code, stdout, stderr := runCommand(t, "align", "-a", demoVectors, "-b", pathB, "-n", "3", "-json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got align.Summary
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	if got.Shared != set.Len() || len(got.Moved) != 3 {
		t.Fatalf("shared %d, moved %d; want %d and 3", got.Shared, len(got.Moved), set.Len())
	}
	first := map[string]bool{got.Moved[0].Word: true, got.Moved[1].Word: true}
	if !first["ice"] || !first["king"] {
		t.Errorf("most moved = %v, want ice and king", got.Moved)
	}
	if got.Moved[2].Distance > 1e-5 {
		t.Errorf("third most moved %v, want unmoved (float32 rounding only)", got.Moved[2])
	}
	want, err := align.Align(context.Background(), set, turned, align.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(got.Residual-want.Residual) > 1e-6 {
		t.Errorf("CLI residual %g, library %g (file round trip)", got.Residual, want.Residual)
	}
}

// TestWEATCommand: the CLI answers what the library answers, in the
// documented JSON shape, on a career/family × male/female test.
func TestWEATCommand(t *testing.T) {
	demoVectors := testkit.Shipped(t, testkit.DemoVectors)
	sets := weat.Sets{
		X: []string{"career", "business", "office", "salary"},
		Y: []string{"family", "home", "children", "wedding"},
		A: []string{"man", "he", "father", "son", "brother", "boy"},
		B: []string{"woman", "she", "mother", "daughter", "sister", "girl"},
	}
	code, stdout, stderr := runCommand(t, "weat", "-vectors", demoVectors, "-x", "career,business,office,salary",
		"-y", "family, home,children,wedding", "-a", "man,he,father,son,brother,boy", "-b", "woman,she,mother,daughter,sister,girl", "-json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	for _, key := range []string{"effect_size", "p_value", "permutations", "exact", "missing"} {
		if _, ok := got[key]; !ok {
			t.Errorf("JSON lacks %q: %s", key, stdout)
		}
	}
	set, _, err := vectors.Load(context.Background(), demoVectors, vectors.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := weat.Test(context.Background(), set, sets, weat.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got["effect_size"].(float64) != want.EffectSize || got["p_value"].(float64) != want.PValue || got["exact"] != true {
		t.Errorf("CLI %s, library d = %g p = %g", stdout, want.EffectSize, want.PValue)
	}
	t.Logf("career/family × male/female on the 4k sample: %s", bytes.TrimSpace([]byte(stdout)))
}

func TestCompareCommandsBadInput(t *testing.T) {
	demoVectors := testkit.Shipped(t, testkit.DemoVectors)
	for _, c := range []struct {
		name string
		args []string
		code int
	}{
		{"align without -b", []string{"align", "-a", demoVectors}, 2},
		{"align -n 0", []string{"align", "-a", demoVectors, "-b", demoVectors, "-n", "0"}, 2},
		{"align negative fit-top", []string{"align", "-a", demoVectors, "-b", demoVectors, "-fit-top", "-3"}, 2},
		{"align missing file", []string{"align", "-a", demoVectors, "-b", "/nonexistent/vectors.txt"}, 1},
		{"weat without -a", []string{"weat", "-vectors", demoVectors, "-x", "a,b", "-y", "c,d", "-b", "e"}, 2},
		{"weat -permutations 0", []string{"weat", "-vectors", demoVectors, "-x", "man,he", "-y", "woman,she", "-a", "king", "-b", "queen", "-permutations", "0"}, 2},
		{"weat unknown words", []string{"weat", "-vectors", demoVectors, "-x", "zzqq,qqzz", "-y", "woman,she", "-a", "king", "-b", "queen"}, 1},
		{"weat overlapping targets", []string{"weat", "-vectors", demoVectors, "-x", "man,he", "-y", "he,she", "-a", "king", "-b", "queen"}, 1},
	} {
		code, _, stderr := runCommand(t, c.args...)
		if code != c.code {
			t.Errorf("%s: exit %d, want %d (stderr %q)", c.name, code, c.code, stderr)
		}
		if c.code == 1 && (bytes.Count([]byte(stderr), []byte("\n")) != 1 || bytes.Contains([]byte(stderr), []byte("panic"))) {
			t.Errorf("%s: stderr %q, want one line", c.name, stderr)
		}
	}
}
