package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

// runTrainCLI runs "glove train args…" in-process.
func runTrainCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"train"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

// writeTinyCooccur writes a vocab.txt of n words and a symmetric
// cooccurrence.bin over them into dir and returns their paths.
func writeTinyCooccur(t *testing.T, dir string, n int) (binPath, vocabPath string) {
	t.Helper()
	var vocab strings.Builder
	for i := range n {
		fmt.Fprintf(&vocab, "w%02d %d\n", i, 1000-i)
	}
	vocabPath = filepath.Join(dir, "vocab.txt")
	if err := os.WriteFile(vocabPath, []byte(vocab.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	bw := cooccur.NewBinWriter(&buf)
	for i := range int32(n) {
		for j := range int32(n) {
			if i != j && (i+j)%3 != 0 {
				if err := bw.Write(cooccur.Entry{Row: i, Col: j, Value: float64(1 + (i*j)%11)}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	binPath = filepath.Join(dir, "cooccurrence.bin")
	if err := os.WriteFile(binPath, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return binPath, vocabPath
}

func TestTrainFromCooccurrenceFile(t *testing.T) {
	dir := t.TempDir()
	bin, vocab := writeTinyCooccur(t, dir, 30)
	out := filepath.Join(dir, "vectors.txt")
	loss := filepath.Join(dir, "loss.csv")
	code, stdout, stderr := runTrainCLI(t, "-cooccur", bin, "-vocab", vocab, "-out", out, "-loss-out", loss,
		"-vector-size", "6", "-iter", "4", "-threads", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if lines := strings.Split(strings.TrimSpace(stdout), "\n"); len(lines) != 4 || !strings.HasPrefix(lines[3], "epoch   4/4") {
		t.Errorf("stdout has %d lines, want one per epoch:\n%s", len(lines), stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(rows) != 30 {
		t.Fatalf("vectors file has %d rows, want 30", len(rows))
	}
	for _, r := range rows {
		if f := strings.Fields(r); len(f) != 7 || !strings.HasPrefix(f[0], "w") {
			t.Fatalf("row %q: want a word and 6 numbers", r)
		}
	}
	csv, err := os.ReadFile(loss)
	if err != nil {
		t.Fatal(err)
	}
	csvRows := strings.Split(strings.TrimSpace(string(csv)), "\n")
	if len(csvRows) != 5 || csvRows[0] != "epoch,cost,seconds,nonzeros_per_second" || !strings.HasPrefix(csvRows[4], "4,") {
		t.Errorf("loss CSV:\n%s", csv)
	}
}

// TestTrainResumeMatchesOneRun: 2 epochs + checkpoint + resume to 4 must
// write the same vectors as 4 epochs in one run (one thread).
func TestTrainResumeMatchesOneRun(t *testing.T) {
	dir := t.TempDir()
	bin, vocab := writeTinyCooccur(t, dir, 25)
	common := []string{"-cooccur", bin, "-vocab", vocab, "-vector-size", "5", "-threads", "1", "-seed", "3"}
	whole := filepath.Join(dir, "whole.txt")
	if code, _, stderr := runTrainCLI(t, append(common, "-iter", "4", "-out", whole)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	ck := filepath.Join(dir, "train.ckpt")
	half := filepath.Join(dir, "half.txt")
	if code, _, stderr := runTrainCLI(t, append(common, "-iter", "2", "-out", half, "-checkpoint", ck)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	resumed := filepath.Join(dir, "resumed.txt")
	code, stdout, stderr := runTrainCLI(t, "-cooccur", bin, "-vocab", vocab, "-threads", "1", "-iter", "4", "-out", resumed, "-resume", ck)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "epoch   3/4") || strings.Count(stdout, "\n") != 2 {
		t.Errorf("resumed run printed:\n%s\nwant epochs 3 and 4 only", stdout)
	}
	a, _ := os.ReadFile(whole)
	b, _ := os.ReadFile(resumed)
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Fatal("2 + 2 resumed epochs wrote other vectors than 4 epochs in one run")
	}
	c, _ := os.ReadFile(half)
	if bytes.Equal(a, c) {
		t.Fatal("2 epochs wrote the same vectors as 4; the comparison proves nothing")
	}
}

func TestTrainCorpus(t *testing.T) {
	dir := t.TempDir()
	text := strings.Repeat("the cat sat on the mat . the dog sat on the log .\nice is solid , steam is gas , water is wet .\n", 40)
	corpusPath := filepath.Join(dir, "corpus.txt")
	if err := os.WriteFile(corpusPath, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "vectors.txt")
	code, stdout, stderr := runTrainCLI(t, "-corpus", corpusPath, "-min-count", "1", "-window", "3", "-out", out, "-vector-size", "4", "-iter", "3", "-vectors", "word")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Count(stdout, "\n") != 3 {
		t.Errorf("want 3 epoch lines, got:\n%s", stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\ncat ") && !strings.HasPrefix(string(data), "cat ") {
		t.Errorf("vectors do not include the word cat:\n%.300s", data)
	}
}

func TestTrainErrors(t *testing.T) {
	dir := t.TempDir()
	bin, vocab := writeTinyCooccur(t, dir, 10)
	out := filepath.Join(dir, "v.txt")
	ck := filepath.Join(dir, "c.ckpt")
	if code, _, stderr := runTrainCLI(t, "-cooccur", bin, "-vocab", vocab, "-out", out, "-iter", "1", "-checkpoint", ck, "-vector-size", "3"); code != 0 {
		t.Fatalf("setup run: exit %d: %s", code, stderr)
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no input", []string{"-out", out}, 2, "exactly one of -corpus and -cooccur"},
		{"no output", []string{"-cooccur", bin, "-vocab", vocab}, 2, "-out is required"},
		{"cooccur without vocab", []string{"-cooccur", bin, "-out", out}, 2, "-cooccur needs -vocab"},
		{"both inputs", []string{"-corpus", bin, "-cooccur", bin, "-vocab", vocab, "-out", out}, 2, "exactly one"},
		{"bad vectors kind", []string{"-cooccur", bin, "-vocab", vocab, "-out", out, "-vectors", "both"}, 2, "-vectors must be"},
		{"zero epochs", []string{"-cooccur", bin, "-vocab", vocab, "-out", out, "-iter", "0"}, 1, "epochs must be at least 1"},
		{"negative eta", []string{"-cooccur", bin, "-vocab", vocab, "-out", out, "-eta", "-1"}, 1, "eta must be"},
		{"huge vector size", []string{"-cooccur", bin, "-vocab", vocab, "-out", out, "-vector-size", "20000"}, 1, "vector size must be"},
		{"vocabulary too small for the matrix", []string{"-cooccur", bin, "-vocab", filepath.Join(dir, "short.txt"), "-out", out}, 1, "outside"},
		{"resume with another vector size", []string{"-cooccur", bin, "-vocab", vocab, "-out", out, "-resume", ck, "-vector-size", "4"}, 2, "cannot be changed when resuming"},
		{"resume from a missing file", []string{"-cooccur", bin, "-vocab", vocab, "-out", out, "-resume", filepath.Join(dir, "nope")}, 1, "no such file"},
		{"resume from a vectors file", []string{"-cooccur", bin, "-vocab", vocab, "-out", out, "-resume", out}, 1, "bad GloVe checkpoint"},
		{"unknown flag", []string{"-bogus"}, 2, ""},
	}
	if err := os.WriteFile(filepath.Join(dir, "short.txt"), []byte("w00 10\nw01 9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runTrainCLI(t, tc.args...)
			if code != tc.wantCode || !strings.Contains(stderr, tc.wantErr) {
				t.Fatalf("exit %d, stderr %q; want exit %d mentioning %q", code, stderr, tc.wantCode, tc.wantErr)
			}
		})
	}
}
