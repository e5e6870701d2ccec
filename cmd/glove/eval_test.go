package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

func TestEvalJSON(t *testing.T) {
	sims := []string{
		testkit.Similarity(t, "EN-WS-353-ALL.txt"),
		testkit.Similarity(t, "EN-SIMLEX-999.txt"),
		testkit.Similarity(t, "EN-MEN-TR-3k.txt"),
	}
	args := []string{"-vectors", sampleVectors(t), "-analogy", testkit.Shipped(t, testkit.AnalogySet),
		"-similarity", strings.Join(sims, ","), "-json"}
	var stdout, stderr bytes.Buffer
	if err := runEval(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("%v (stderr %q)", err, stderr.String())
	}
	var out evalJSON
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	a := out.Analogy
	if a == nil || a.Covered != 1516 || a.Questions != 19544 || math.Abs(a.TotalAccuracy-0.6227) > 0.00005 || len(a.Sections) != 14 {
		t.Fatalf("analogy: got %+v, want 62.27%% of 1516 covered in 14 sections", a)
	}
	wantRho := []float64{0.534, 0.244, 0.623}
	if len(out.Similarity) != 3 {
		t.Fatalf("similarity: got %+v", out.Similarity)
	}
	for i, s := range out.Similarity {
		if s.File != sims[i] || math.Round(s.Spearman*1000)/1000 != wantRho[i] || s.Pairs+s.OOV == 0 {
			t.Errorf("similarity %d: got %+v, want %s with ρ %.3f", i, s, sims[i], wantRho[i])
		}
	}
	// The required shape, checked on the raw JSON rather than through the
	// structs that produced it.
	var raw struct {
		Analogy    map[string]json.RawMessage   `json:"analogy"`
		Similarity []map[string]json.RawMessage `json:"similarity"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"total_accuracy", "covered", "sections"} {
		if _, ok := raw.Analogy[key]; !ok {
			t.Errorf("analogy JSON lacks %q", key)
		}
	}
	for _, key := range []string{"file", "spearman", "pairs", "oov"} {
		if _, ok := raw.Similarity[0][key]; !ok {
			t.Errorf("similarity JSON lacks %q", key)
		}
	}
}

func TestEvalTable(t *testing.T) {
	var stdout, stderr bytes.Buffer
	args := []string{"-vectors", sampleVectors(t), "-similarity", testkit.Similarity(t, "EN-WS-353-ALL.txt")}
	if err := runEval(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "0.534") || strings.Contains(stdout.String(), "analogy") {
		t.Errorf("got %q, want a similarity table with 0.534 and no analogy part", stdout.String())
	}
}

func TestEvalErrors(t *testing.T) {
	path := sampleVectors(t)
	tests := []struct {
		name string
		args []string
		want error
	}{
		{"nothing to do", []string{"-vectors", path}, errUsage},
		{"no vectors", []string{"-similarity", "x"}, errUsage},
		{"bad method", []string{"-vectors", path, "-analogy", "x", "-method", "div"}, errUsage},
		{"missing analogy file", []string{"-vectors", path, "-analogy", path + ".missing"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := runEval(context.Background(), tt.args, &stdout, &stderr)
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

// TestEvalRefusesAnalogyFileWithoutQuestions: an empty analogy file (or
// one with section headers only) used to print {} and exit 0.
func TestEvalRefusesAnalogyFileWithoutQuestions(t *testing.T) {
	dir := t.TempDir()
	vec := writeTestFile(t, dir, "vec.txt", "a 1 0 0\nb 0 1 0\nc 0 0 1\nd 1 1 0\n")
	for name, content := range map[string]string{
		"empty.txt":        "",
		"headers-only.txt": ": capital\n: family\n",
		"blank-lines.txt":  "\n\n",
	} {
		t.Run(name, func(t *testing.T) {
			path := writeTestFile(t, dir, name, content)
			code, stdout, stderr := runGlove(t, "eval", "-vectors", vec, "-analogy", path, "-json")
			if code != 1 || stdout != "" {
				t.Fatalf("exit %d, stdout %q; want exit 1 and no output", code, stdout)
			}
			if want := "glove eval: " + path + ": no analogy questions"; !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr %q, want one line starting %q", stderr, want)
			}
		})
	}
}
