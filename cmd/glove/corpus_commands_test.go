package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/internal/testkit"
)

// runGlove runs the CLI in-process and returns exit code, stdout, stderr.
func runGlove(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestVocabBrownCounts(t *testing.T) {
	brown := testkit.Shared(t, "corpora/brown-ci.txt", "checks glove vocab counts against the figures of brown-ci")
	code, out, stderr := runGlove(t, "vocab", "-corpus", brown, "-tokenizer", "whitespace", "-min-count", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	v, err := corpus.ReadVocabulary(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	// Counts from ../shared/data/SOURCES.md: whitespace tokens, summed over
	// case variants (ice + Ice + ICE), which is how those figures count.
	folded := map[string]int64{}
	for i := 0; i < v.Len(); i++ {
		folded[strings.ToLower(v.Word(int32(i)))] += v.Count(int32(i))
	}
	for w, want := range map[string]int64{"ice": 20, "steam": 10, "solid": 50, "gas": 40, "water": 212, "fashion": 38, "king": 40, "queen": 12, "man": 615, "woman": 113} {
		if folded[w] != want {
			t.Errorf("count(%s) = %d, want %d", w, folded[w], want)
		}
	}
	code, out, _ = runGlove(t, "vocab", "-corpus", brown, "-tokenizer", "whitespace", "-min-count", "5")
	if code != 0 {
		t.Fatal("vocab -min-count 5 failed")
	}
	v5, err := corpus.ReadVocabulary(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < v.Len(); i++ {
		_, kept := v5.ID(v.Word(int32(i)))
		if want := v.Count(int32(i)) >= 5; kept != want {
			t.Fatalf("word %q with count %d: kept %v under -min-count 5", v.Word(int32(i)), v.Count(int32(i)), kept)
		}
	}
}

func TestCooccurWritesBinAndVocab(t *testing.T) {
	dir := t.TempDir()
	corpusPath := filepath.Join(dir, "c.txt")
	if err := os.WriteFile(corpusPath, []byte("the cat sat\nthe cat\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bin, voc := filepath.Join(dir, "x.bin"), filepath.Join(dir, "vocab.txt")
	code, _, stderr := runGlove(t, "cooccur", "-corpus", corpusPath, "-out", bin, "-vocab-out", voc, "-window", "2", "-min-count", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	vf, _ := os.Open(voc)
	defer vf.Close()
	v, err := corpus.ReadVocabulary(vf)
	if err != nil {
		t.Fatal(err)
	}
	bf, _ := os.Open(bin)
	defer bf.Close()
	es, err := cooccur.ReadBin(bf, v.Len())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, e := range es {
		got[v.Word(e.Row)+" "+v.Word(e.Col)] = e.Value
	}
	want := map[string]float64{"the cat": 2, "cat the": 2, "the sat": 0.5, "sat the": 0.5, "cat sat": 1, "sat cat": 1}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("X(%s) = %g, want %g", k, got[k], w)
		}
	}
	if st, _ := os.Stat(bin); st.Mode().Perm()&0o044 == 0 {
		t.Errorf("output mode %v is not readable by others", st.Mode())
	}
}

func TestRatioJSONShape(t *testing.T) {
	dir := t.TempDir()
	corpusPath := filepath.Join(dir, "c.txt")
	text := strings.Repeat("ice is solid and cold water\nsteam is gas and hot water\n", 20)
	os.WriteFile(corpusPath, []byte(text), 0o644)
	code, out, stderr := runGlove(t, "ratio", "-corpus", corpusPath, "-i", "ice", "-j", "steam", "-window", "5", "-json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		I, J string
		Rows []struct {
			K         string   `json:"k"`
			XIK       *float64 `json:"x_ik"`
			XJK       *float64 `json:"x_jk"`
			PIK       *float64 `json:"p_ik"`
			PJK       *float64 `json:"p_jk"`
			Ratio     *float64 `json:"ratio"`
			RatioKind string   `json:"ratio_kind"`
		}
		Largest  []json.RawMessage `json:"largest"`
		Smallest []json.RawMessage `json:"smallest"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if got.I != "ice" || got.J != "steam" || len(got.Rows) != 4 {
		t.Fatalf("got %+v", got)
	}
	kinds := map[string]string{}
	for _, r := range got.Rows {
		kinds[r.K] = r.RatioKind
		if r.XIK == nil || r.XJK == nil || r.PIK == nil || r.PJK == nil {
			t.Errorf("row %s lacks a count or probability", r.K)
		}
		if (r.RatioKind == "finite") != (r.Ratio != nil) {
			t.Errorf("row %s: kind %s with ratio %v", r.K, r.RatioKind, r.Ratio)
		}
	}
	want := map[string]string{"solid": "inf", "gas": "zero", "water": "finite", "fashion": "undefined"}
	for k, w := range want {
		if kinds[k] != w {
			t.Errorf("ratio_kind(%s) = %q, want %q", k, kinds[k], w)
		}
	}
	if !strings.Contains(out, `"largest"`) || !strings.Contains(out, `"smallest"`) {
		t.Error("largest/smallest missing")
	}
}

func TestStatsJSONFromStdin(t *testing.T) {
	old := os.Stdin
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	os.Stdin = r
	defer func() { os.Stdin = old }()
	go func() {
		w.WriteString(strings.Repeat("a b a c\n", 10))
		w.Close()
	}()
	code, out, stderr := runGlove(t, "stats", "-corpus", "-", "-min-count", "1", "-json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var s map[string]any
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"tokens", "types", "entropy_bits", "mutual_information_bits", "nnz", "sum_x"} {
		if _, ok := s[k]; !ok {
			t.Errorf("stats JSON lacks %q: %s", k, out)
		}
	}
	if s["tokens"].(float64) != 40 || s["types"].(float64) != 3 || s["entropy_bits"].(float64) != 1.5 {
		t.Errorf("stats = %v; want 40 tokens, 3 types, 1.5 bits", s)
	}
}

func TestCorpusCommandErrors(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte(strings.Repeat("ice steam water\n", 10)), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	binary := filepath.Join(dir, "x.png")
	os.WriteFile(binary, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantMsg  string
	}{
		{"help", []string{"ratio", "-h"}, 0, "-probes"},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"unknown flag", []string{"vocab", "-nope"}, 2, "flag provided but not defined"},
		{"missing corpus", []string{"vocab"}, 2, "-corpus is required"},
		{"missing file", []string{"stats", "-corpus", filepath.Join(dir, "absent.txt")}, 1, "no such file"},
		{"empty corpus", []string{"stats", "-corpus", empty}, 1, "no words"},
		{"binary corpus", []string{"vocab", "-corpus", binary}, 1, "binary file"},
		{"window 0", []string{"stats", "-corpus", good, "-window", "0"}, 1, "window 0"},
		{"unknown word", []string{"ratio", "-corpus", good, "-i", "ice", "-j", "fire", "-min-count", "1"}, 1, "not in the vocabulary"},
		{"same word", []string{"ratio", "-corpus", good, "-i", "ice", "-j", "ice", "-min-count", "1"}, 1, "must differ"},
		{"cooccur without -out", []string{"cooccur", "-corpus", good}, 2, "-out is required"},
		{"bad tokenizer", []string{"vocab", "-corpus", good, "-tokenizer", "chars"}, 2, "unknown tokenizer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runGlove(t, tt.args...)
			if code != tt.wantCode || !strings.Contains(out+stderr, tt.wantMsg) {
				t.Fatalf("exit %d, output %q %q; want exit %d mentioning %q", code, out, stderr, tt.wantCode, tt.wantMsg)
			}
			if tt.wantCode == 1 && strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
				t.Errorf("error is not one line: %q", stderr)
			}
		})
	}
}
