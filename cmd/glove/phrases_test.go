package main

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// viCorpusNFDAndNFC writes the Vietnamese corpus in NFC and in NFD to
// two files and returns their paths.
func viCorpusNFDAndNFC(t *testing.T) (nfcPath, nfdPath string) {
	t.Helper()
	f, err := os.Open(testkit.Shipped(t, testkit.VietnameseCorpus))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	nfcPath, nfdPath = filepath.Join(dir, "nfc.txt"), filepath.Join(dir, "nfd.txt")
	nfc := norm.NFC.Bytes(text)
	if err := os.WriteFile(nfcPath, nfc, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(nfdPath, norm.NFD.Bytes(nfc), 0o644); err != nil {
		t.Fatal(err)
	}
	return nfcPath, nfdPath
}

// TestVocabNFDEqualsNFC: the decomposed and precomposed corpus give
// byte-identical vocabularies, for both tokenizers; with -normalize none
// they differ.
func TestVocabNFDEqualsNFC(t *testing.T) {
	nfcPath, nfdPath := viCorpusNFDAndNFC(t)
	for _, tok := range []string{"words", "whitespace"} {
		code, a, stderr := runGlove(t, "vocab", "-corpus", nfcPath, "-tokenizer", tok)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		code, b, stderr := runGlove(t, "vocab", "-corpus", nfdPath, "-tokenizer", tok)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if a != b {
			t.Errorf("%s: the NFD corpus gives a different vocabulary (%d vs %d bytes)", tok, len(b), len(a))
		}
		if !strings.Contains(a, "việt ") && tok == "words" {
			t.Errorf("vocabulary lacks việt")
		}
	}
	_, raw, _ := runGlove(t, "vocab", "-corpus", nfdPath, "-normalize", "none")
	_, nfc, _ := runGlove(t, "vocab", "-corpus", nfcPath, "-normalize", "none")
	if raw == nfc {
		t.Errorf("-normalize none: the NFD corpus gives the NFC vocabulary; normalisation is not switched off")
	}
	code, out, stderr := runGlove(t, "stats", "-corpus", nfdPath, "-json")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, stderr)
	}
	var st statsJSON
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if st.NormalizedLines == 0 || st.NormalizedLines > st.Lines+1 {
		t.Errorf("stats of the NFD corpus: normalized_lines %d of %d lines", st.NormalizedLines, st.Lines)
	}
}

func TestVocabToneMarks(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.txt")
	if err := os.WriteFile(path, []byte("hòa hoà thủy thuỷ\nhóa hoá\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for style, want := range map[string]string{"old": "hòa 2\nhóa 2\nthủy 2\n", "new": "hoà 2\nhoá 2\nthuỷ 2\n"} {
		code, out, stderr := runGlove(t, "vocab", "-corpus", path, "-tone-marks", style)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if out != want {
			t.Errorf("-tone-marks %s: got %q, want %q", style, out, want)
		}
	}
}

func TestPhrasesCommand(t *testing.T) {
	brown := testkit.Shared(t, "corpora/brown-ci.txt", "checks glove phrases on the Brown corpus")
	code, out, stderr := runGlove(t, "phrases", "-corpus", brown, "-json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Phrases []struct {
			Phrase string  `json:"phrase"`
			Count  int64   `json:"count"`
			Score  float64 `json:"score"`
		} `json:"phrases"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	rank := map[string]int{}
	for i, p := range doc.Phrases {
		rank[p.Phrase] = i
		if i > 0 && p.Score > doc.Phrases[i-1].Score {
			t.Fatalf("not best first at %d: %v after %v", i, p, doc.Phrases[i-1])
		}
	}
	for _, w := range []string{"new_york", "united_states", "los_angeles", "san_francisco"} {
		if r, ok := rank[w]; !ok || r >= 200 {
			t.Errorf("%s: rank %d (found %v), want among the first 200", w, r, ok)
		}
	}

	// The model file feeds -phrases of vocab; auto learns the same model.
	model := filepath.Join(t.TempDir(), "model.txt")
	if code, _, stderr := runGlove(t, "phrases", "-corpus", brown, "-out", model); code != 0 {
		t.Fatalf("phrases -out: exit %d: %s", code, stderr)
	}
	_, fromFile, _ := runGlove(t, "vocab", "-corpus", brown, "-phrases", model, "-min-count", "20")
	_, auto, _ := runGlove(t, "vocab", "-corpus", brown, "-phrases", "auto", "-min-count", "20")
	if fromFile != auto {
		t.Errorf("-phrases FILE and -phrases auto give different vocabularies")
	}
	if !strings.Contains(fromFile, "\nnew_york ") || !strings.Contains(fromFile, "\nunited_states ") {
		t.Errorf("vocabulary with -phrases lacks new_york or united_states")
	}
	code, out, stderr = runGlove(t, "stats", "-corpus", brown, "-phrases", model, "-json")
	if code != 0 {
		t.Fatalf("stats -phrases: exit %d: %s", code, stderr)
	}
	var st statsJSON
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if st.JoinedPairs < 1000 {
		t.Errorf("stats -phrases: joined_pairs %d", st.JoinedPairs)
	}
}

func TestPhrasesBadInput(t *testing.T) {
	brown := testkit.Shared(t, "corpora/brown-ci.txt", "checks glove phrases on the Brown corpus")
	bad := filepath.Join(t.TempDir(), "bad.txt")
	if err := os.WriteFile(bad, []byte("1\ta\tb\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"phrases"}, 2},
		{[]string{"phrases", "-corpus", brown, "-passes", "0"}, 2},
		{[]string{"phrases", "-corpus", brown, "-scorer", "chi2"}, 2},
		{[]string{"phrases", "-corpus", brown, "-threshold", "NaN"}, 2},
		{[]string{"phrases", "-corpus", brown, "-phrases", "auto"}, 2},
		{[]string{"phrases", "-corpus", brown, "-min-count", "0"}, 1},
		{[]string{"vocab", "-corpus", brown, "-tone-marks", "middle"}, 2},
		{[]string{"vocab", "-corpus", brown, "-normalize", "nfkc"}, 2},
		{[]string{"vocab", "-corpus", "-", "-phrases", "auto"}, 2},
		{[]string{"vocab", "-corpus", brown, "-phrases", bad}, 1},
		{[]string{"stats", "-corpus", brown, "-phrases", bad}, 1},
		{[]string{"stats", "-corpus", brown, "-phrases", filepath.Join(t.TempDir(), "missing.txt")}, 1},
		{[]string{"ratio", "-corpus", "-", "-i", "a", "-j", "b", "-phrases", "auto"}, 2},
	}
	for _, tt := range tests {
		code, _, stderr := runGlove(t, tt.args...)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d (%s)", tt.args, code, tt.code, stderr)
		}
		if code == 1 && strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%v: stderr is not one line: %q", tt.args, stderr)
		}
	}
}
