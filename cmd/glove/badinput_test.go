package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

// outDir in an argument of a badInputCase stands for a fresh, empty
// directory of that case: the outputs a command writes go there, and after
// a failure it must still be empty (no output file, no temporary file).
const outDir = "$OUT"

// badInputCase is one command line of TestCLIBadInput.
type badInputCase struct {
	name string
	args []string
	// code is the expected exit status: 1 for bad input, 2 for a bad
	// command line (message, then usage), 0 for input that is valid by
	// the documented behaviour.
	code int
	// phrase must appear in the one-line error message, or, when code is
	// 0, in standard output.
	phrase string
}

// badInputFiles writes the small inputs of TestCLIBadInput into dir and
// returns their paths by name.
func badInputFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string][]byte{
		"good.txt":  []byte(strings.Repeat("ice is solid and cold water\nsteam is gas and hot water\n", 20)),
		"empty.txt": nil,
		"punct.txt": []byte(strings.Repeat(".,;:!? -- ... (( )) [] «» !!\n", 3)),
		"png":       []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"),
		"elf":       append([]byte("\x7fELF\x02\x01\x01\x00"), make([]byte, 56)...),
		"utf16.txt": utf16LE("\ufeffice steam water\nice steam gas\n"),
		// The BOM once at the start, CRLF line ends.
		"crlf-bom.txt": []byte("\ufeffice steam water\r\nice steam gas\r\n"),
		// Vectors: 6 words × 3.
		"vec.txt":     []byte("a 1 0 0\nb 0 1 0\nc 0 0 1\nd 1 1 0\ne 1 0 1\nf 0 1 1\n"),
		"ragged.txt":  []byte("a 1 2 3\nb 4 5\nc 7 8 9\n"),
		"nan.txt":     []byte("a 1 2 3\nb NaN 5 6\nc 7 8 9\n"),
		"liar.txt":    []byte("10 50\na 1 2 3\nb 4 5 6\n"),
		"hdr5of3.txt": []byte("5 3\na 1 2 3\nb 4 5 6\nc 7 8 9\n"),
		// a twice: first (1,0,0) vs second (0,0,1) decides a's neighbours.
		"dup.txt": []byte("a 1 0 0\nb 0 1 0\na 0 0 1\nc 1 1 0\n"),
		// Analogy questions none of which the vectors cover.
		"unknown-analogies.txt": []byte(": capital\nzz a b c\na b c yy\n"),
		"neighbors.json":        []byte(`{"results":[{"word":"a","score":0.5}]}`),
		"project.json":          []byte(`{"method":"pca","points":[{"word":"a","x":0,"y":0},{"word":"b","x":1,"y":1}]}`),
		// UTF-8 byte-order marks at the start of every kind of text file.
		"vec-bom.txt":       []byte("\ufeff6 3\na 1 0 0\nb 0 1 0\nc 0 0 1\nd 1 1 0\ne 1 0 1\nf 0 1 1\n"),
		"analogies-bom.txt": []byte("\ufeff: s\na b d e\n"),
		"words-bom.txt":     []byte("\ufeffa first\nb g\nc g\nd g\n"),
		// A word-group file with a line over 1 MiB.
		"words-long.txt": []byte("a g\n" + strings.Repeat("x", 1<<20) + " g\n"),
	}
	// 3001 points: one more than the exact t-SNE engine takes.
	var big strings.Builder
	for i := range 3001 {
		fmt.Fprintf(&big, "w%d %d %d\n", i, i%61, i%67)
	}
	files["vec3001.txt"] = []byte(big.String())
	// A gzip bomb: 64 MiB of zeros in about 80 KiB.
	var bomb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestSpeed)
	zeros := make([]byte, 1<<20)
	for range 64 {
		zw.Write(zeros)
	}
	zw.Close()
	files["bomb.gz"] = bomb.Bytes()
	// Truncated gzip: a corpus, and vectors cut past their first 64 KiB.
	files["corpus-trunc.gz"] = truncatedGzip(t, files["good.txt"], 1)
	var rows strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&rows, "w%d %d.%d %d.5 %d\n", i, i%977, i%13, i%89, i%7)
	}
	files["vec-trunc.gz"] = truncatedGzip(t, []byte(rows.String()), 2)
	// word2vec binary vectors after a BOM (the NUL bytes of the floats
	// follow a header the BOM must not hide).
	vs, err := vectors.New([]string{"a", "b", "c", "d"}, 3, []float32{1, 0, 0, 0.9, 0.1, 0, 0, 0, 1, 0, 1, 0})
	if err != nil {
		t.Fatal(err)
	}
	var vbin bytes.Buffer
	if err := vectors.WriteBinary(&vbin, vs); err != nil {
		t.Fatal(err)
	}
	files["vec-bom.bin"] = append([]byte("\ufeff"), vbin.Bytes()...)

	paths := map[string]string{"dir": filepath.Join(dir, "a-directory")}
	if err := os.Mkdir(paths["dir"], 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		paths[name] = filepath.Join(dir, name)
		if err := os.WriteFile(paths[name], data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	paths["cooccur.bin"], paths["vocab.txt"] = writeTinyCooccur(t, dir, 10)
	paths["missing"] = filepath.Join(dir, "no-such-file.txt")
	return paths
}

// utf16LE encodes s as UTF-16 little-endian.
func utf16LE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// truncatedGzip compresses data (repeated copies times) and keeps the
// first two thirds of the stream.
func truncatedGzip(t *testing.T, data []byte, copies int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	for range copies {
		zw.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()[:buf.Len()*2/3]
}

// TestCLIBadInput runs every subcommand on malformed input and bad flag
// values and checks the failure is clean: the expected non-zero exit, one
// line of error message naming the problem (for exit 2 the usage follows
// that line), no panic, and no output file or temporary file left behind.
// Cases named "valid:" are input the documented behaviour accepts; they
// check that behaviour instead.
func TestCLIBadInput(t *testing.T) {
	f := badInputFiles(t, t.TempDir())
	bin, vocab := f["cooccur.bin"], f["vocab.txt"]
	train := func(extra ...string) []string {
		return append([]string{"train", "-cooccur", bin, "-vocab", vocab, "-out", outDir + "/v.txt", "-vector-size", "3", "-iter", "2", "-threads", "1"}, extra...)
	}
	cases := []badInputCase{
		// Corpus content.
		{"vocab: empty file", []string{"vocab", "-corpus", f["empty.txt"]}, 1, "the corpus contains no words"},
		{"stats: only punctuation", []string{"stats", "-corpus", f["punct.txt"]}, 1, "the corpus contains no words"},
		{"vocab: PNG header bytes", []string{"vocab", "-corpus", f["png"]}, 1, "the input looks like a binary file"},
		{"cooccur: ELF header bytes, no -out left", []string{"cooccur", "-corpus", f["elf"], "-out", outDir + "/x.bin", "-vocab-out", outDir + "/vocab.txt"}, 1, "the input looks like a binary file"},
		{"zipf: UTF-16 with BOM", []string{"zipf", "-corpus", f["utf16.txt"]}, 1, "the input is UTF-16 text; convert it to UTF-8"},
		{"cooccur: gzip bomb of 64 MiB zeros refused, no -out left", []string{"cooccur", "-corpus", f["bomb.gz"], "-out", outDir + "/x.bin"}, 1, "the input looks like a binary file"},
		{"stats: truncated gzip", []string{"stats", "-corpus", f["corpus-trunc.gz"]}, 1, "the gzip data is truncated or corrupt"},
		{"cooccur: truncated gzip, no -out left", []string{"cooccur", "-corpus", f["corpus-trunc.gz"], "-out", outDir + "/x.bin"}, 1, "the gzip data is truncated or corrupt"},
		{"valid: vocab of CRLF text with a BOM (BOM and CR dropped)", []string{"vocab", "-corpus", f["crlf-bom.txt"], "-tokenizer", "whitespace"}, 0, "ice 2\nsteam 2\ngas 1\nwater 1\n"},

		// Files and paths.
		{"vocab: nonexistent corpus file", []string{"vocab", "-corpus", f["missing"]}, 1, "no such file or directory"},
		{"stats: directory as corpus", []string{"stats", "-corpus", f["dir"]}, 1, "is a directory"},
		{"vocab: missing required -corpus", []string{"vocab"}, 2, "-corpus is required"},
		{"cooccur: missing required -out", []string{"cooccur", "-corpus", f["good.txt"]}, 2, "-out is required"},
		{"cooccur: -out in a nonexistent directory", []string{"cooccur", "-corpus", f["good.txt"], "-out", outDir + "/missing/x.bin"}, 1, "/missing does not exist"},
		{"cooccur: -vocab-out in a nonexistent directory leaves no matrix", []string{"cooccur", "-corpus", f["good.txt"], "-min-count", "1", "-out", outDir + "/x.bin", "-vocab-out", outDir + "/missing/vocab.txt"}, 1, "-vocab-out " + outDir + "/missing/vocab.txt: directory"},
		{"train: -out in a nonexistent directory fails before training", train("-out", outDir+"/missing/v.txt"), 1, "/missing does not exist"},
		{"train: -out is a directory", train("-out", outDir), 1, "is a directory; give a file name"},
		{"train: -loss-out in a nonexistent directory, no vectors left", train("-loss-out", outDir+"/missing/loss.csv"), 1, "-loss-out " + outDir + "/missing/loss.csv: directory"},
		{"svd: -out in a nonexistent directory", []string{"svd", "-corpus", f["good.txt"], "-min-count", "1", "-dim", "2", "-out", outDir + "/missing/v.txt"}, 1, "/missing does not exist"},
		{"plot: -out in a nonexistent directory", []string{"plot", "neighbors", "-in", f["neighbors.json"], "-out", outDir + "/missing/p.png"}, 1, "/missing does not exist"},
		{"neighbors: nonexistent vectors file", []string{"neighbors", "-vectors", f["missing"], "-word", "a"}, 1, "no such file or directory"},
		{"neighbors: directory as vectors file", []string{"neighbors", "-vectors", f["dir"], "-word", "a"}, 1, "is a directory"},

		// Window and counting flags.
		{"stats: window 0", []string{"stats", "-corpus", f["good.txt"], "-window", "0"}, 1, "window 0 must be between 1 and 255"},
		{"cooccur: negative window, no -out left", []string{"cooccur", "-corpus", f["good.txt"], "-window", "-3", "-out", outDir + "/x.bin"}, 1, "window -3 must be between 1 and 255"},
		{"stats: absurd window 100000", []string{"stats", "-corpus", f["good.txt"], "-window", "100000"}, 1, "window 100000 must be between 1 and 255"},
		{"stats: -memory NaN", []string{"stats", "-corpus", f["good.txt"], "-memory", "NaN"}, 2, "-memory NaN GiB is out of range"},
		{"stats: non-numeric -window", []string{"stats", "-corpus", f["good.txt"], "-window", "ten"}, 2, `invalid value "ten" for flag -window`},

		// Ratio.
		{"ratio: i = j", []string{"ratio", "-corpus", f["good.txt"], "-min-count", "1", "-i", "ice", "-j", "ice"}, 1, `the two words must differ: i and j are both "ice"`},
		{"ratio: word not in the vocabulary", []string{"ratio", "-corpus", f["good.txt"], "-min-count", "1", "-i", "ice", "-j", "fire"}, 1, `word not in the vocabulary: "fire"`},
		{"ratio: no probes and no discovery (-top 0)", []string{"ratio", "-corpus", f["good.txt"], "-min-count", "1", "-i", "ice", "-j", "steam", "-probes", "", "-top", "0"}, 1, "no probe words and no discovery requested"},
		{"valid: ratio with no probes lists the discovered words", []string{"ratio", "-corpus", f["good.txt"], "-min-count", "1", "-i", "ice", "-j", "steam", "-probes", " , "}, 0, "\nlargest ratios: solid (inf)"},
		{"ratio: missing -j", []string{"ratio", "-corpus", f["good.txt"], "-i", "ice"}, 2, "-j is required"},

		// Training options.
		{"train: x_max 0", train("-x-max", "0"), 1, "x_max must be a finite number > 0, got 0"},
		{"train: negative alpha", train("-alpha", "-0.5"), 1, "alpha must be a finite number ≥ 0, got -0.5"},
		{"train: eta NaN", train("-eta", "NaN"), 1, "eta must be a finite number > 0, got NaN"},
		{"train: 0 epochs", train("-iter", "0"), 1, "epochs must be at least 1, got 0"},
		{"train: vector size 0", train("-vector-size", "0"), 1, "vector size must be in 1..10000, got 0"},
		{"train: vector size 100000", train("-vector-size", "100000"), 1, "vector size must be in 1..10000, got 100000"},
		{"train: empty vocabulary file", []string{"train", "-cooccur", bin, "-vocab", f["empty.txt"], "-out", outDir + "/v.txt"}, 1, "the vocabulary file lists no words"},
		{"train: PNG as cooccurrence.bin", []string{"train", "-cooccur", f["png"], "-vocab", vocab, "-out", outDir + "/v.txt"}, 1, "malformed cooccurrence.bin file"},
		{"train: non-numeric -eta", train("-eta", "fast"), 2, `invalid value "fast" for flag -eta`},
		{"train: unknown flag", train("-bogus"), 2, "flag provided but not defined: -bogus"},
		{"svd: -dim 0", []string{"svd", "-corpus", f["good.txt"], "-min-count", "1", "-dim", "0", "-out", outDir + "/v.txt"}, 2, "-dim must be at least 1, got 0"},

		// Vector files.
		{"neighbors: ragged rows", []string{"neighbors", "-vectors", f["ragged.txt"], "-word", "a"}, 1, `line 2: word "b": 2 values, want 3`},
		{"neighbors: NaN value", []string{"neighbors", "-vectors", f["nan.txt"], "-word", "a"}, 1, `line 2: word "b", value 1 "NaN": vector value is NaN`},
		{"spectrum: lying header (10 rows of 50, file has 2 of 3)", []string{"spectrum", "-vectors", f["liar.txt"]}, 1, "header says dimension 50, first row has 3 values"},
		{"valid: neighbors with a header row count of 5 for 3 rows (tolerated)", []string{"neighbors", "-vectors", f["hdr5of3.txt"], "-word", "a", "-json"}, 0, `{"results":[{"word":"b","score":0.97`},
		{"valid: neighbors with duplicate words, first row wins", []string{"neighbors", "-vectors", f["dup.txt"], "-word", "a", "-json"}, 0, `{"results":[{"word":"c","score":0.7071`},
		{"neighbors: PNG as vectors", []string{"neighbors", "-vectors", f["png"], "-word", "a"}, 1, "the input looks like a binary file"},
		{"project: ELF as vectors", []string{"project", "-vectors", f["elf"]}, 1, "the input looks like a binary file"},
		{"neighbors: UTF-16 vectors", []string{"neighbors", "-vectors", f["utf16.txt"], "-word", "ice"}, 1, "the input is UTF-16 text; convert it to UTF-8"},
		{"analogy: gzip bomb as vectors", []string{"analogy", "-vectors", f["bomb.gz"], "a", "b", "c"}, 1, "the input looks like a binary file"},
		{"neighbors: truncated gzip vectors", []string{"neighbors", "-vectors", f["vec-trunc.gz"], "-word", "w1"}, 1, "the gzip data is truncated or corrupt"},
		{"neighbors: empty vectors file", []string{"neighbors", "-vectors", f["empty.txt"], "-word", "a"}, 1, "no word vectors in input"},
		{"neighbors: word not in the vectors", []string{"neighbors", "-vectors", f["vec.txt"], "-word", "zz"}, 1, `"zz": unknown word`},
		{"neighbors: missing required -word", []string{"neighbors", "-vectors", f["vec.txt"]}, 2, "-word is required"},
		{"neighbors: non-numeric -n", []string{"neighbors", "-vectors", f["vec.txt"], "-word", "a", "-n", "ten"}, 2, `invalid value "ten" for flag -n`},
		{"analogy: unknown word", []string{"analogy", "-vectors", f["vec.txt"], "a", "b", "zz"}, 1, `"zz": unknown word`},
		{"analogy: two words instead of three", []string{"analogy", "-vectors", f["vec.txt"], "a", "b"}, 2, "want three words A B C after the flags, got 2"},
		{"valid: eval counts questions with unknown words as not covered", []string{"eval", "-vectors", f["vec.txt"], "-analogy", f["unknown-analogies.txt"], "-json"}, 0, `"questions":2,"covered":0,"correct":0`},

		// Maps.
		{"project: tsne-exact with 3001 points", []string{"project", "-vectors", f["vec3001.txt"], "-method", "tsne-exact", "-n", "3001"}, 1, "too many points for the exact t-SNE engine: 3001 points, at most 3000"},
		{"project: perplexity equal to the number of points", []string{"project", "-vectors", f["vec.txt"], "-method", "tsne", "-n", "6", "-perplexity", "6"}, 1, "perplexity must be smaller than the number of points minus one: perplexity 6 with 6 points"},
		{"project: perplexity NaN", []string{"project", "-vectors", f["vec.txt"], "-method", "tsne", "-n", "6", "-perplexity", "NaN"}, 2, "-perplexity must be a positive number, got NaN"},
		{"project: negative perplexity", []string{"project", "-vectors", f["vec.txt"], "-method", "tsne", "-n", "6", "-perplexity", "-2"}, 2, "-perplexity must be a positive number, got -2"},
		{"project: negative iterations", []string{"project", "-vectors", f["vec.txt"], "-method", "tsne", "-n", "6", "-perplexity", "2", "-iterations", "-5"}, 2, "-iterations must be at least 1, got -5"},

		// Byte-order marks: every reader skips one at the start of a file.
		{"valid: neighbors on word2vec text vectors with a BOM", []string{"neighbors", "-vectors", f["vec-bom.txt"], "-word", "a", "-n", "1", "-json"}, 0, `{"results":[{"word":"d","score":0.7071`},
		{"valid: neighbors on word2vec binary vectors with a BOM", []string{"neighbors", "-vectors", f["vec-bom.bin"], "-word", "a", "-n", "1", "-json"}, 0, `{"results":[{"word":"b","score":0.99`},
		{"valid: eval with an analogy file starting with a BOM", []string{"eval", "-vectors", f["vec.txt"], "-analogy", f["analogies-bom.txt"], "-json"}, 0, `"questions":1,"covered":1`},
		{"valid: project with a word-group file starting with a BOM", []string{"project", "-vectors", f["vec.txt"], "-words", f["words-bom.txt"], "-json"}, 0, `"word":"a",`},
		{"project: word-group line over 1 MiB", []string{"project", "-vectors", f["vec.txt"], "-words", f["words-long.txt"]}, 1, "malformed word-group line 2: too long"},

		// Command line: a missing required flag or argument, an unexpected
		// argument, conflicting flags and a flag value refused before any
		// input is read are exit 2 with the usage, in every subcommand.
		{"unknown subcommand", []string{"frobnicate", "-corpus", f["good.txt"]}, 2, `unknown command "frobnicate"`},
		{"vocab: unknown flag", []string{"vocab", "-corpus", f["good.txt"], "-nope"}, 2, "flag provided but not defined: -nope"},
		{"vocab: unexpected argument", []string{"vocab", "-corpus", f["good.txt"], "extra"}, 2, `unexpected argument "extra"`},
		{"vocab: unknown tokenizer", []string{"vocab", "-corpus", f["good.txt"], "-tokenizer", "chars"}, 2, `unknown tokenizer "chars"`},
		{"cooccur: missing required -corpus", []string{"cooccur", "-out", outDir + "/x.bin"}, 2, "-corpus is required"},
		{"cooccur: unknown tokenizer, no -out left", []string{"cooccur", "-corpus", f["good.txt"], "-out", outDir + "/x.bin", "-tokenizer", "chars"}, 2, `unknown tokenizer "chars"`},
		{"cooccur: unexpected argument", []string{"cooccur", "-corpus", f["good.txt"], f["good.txt"], "-out", outDir + "/x.bin"}, 2, "unexpected argument"},
		{"ratio: missing required -corpus", []string{"ratio", "-i", "ice", "-j", "steam"}, 2, "-corpus is required"},
		{"ratio: missing -i", []string{"ratio", "-corpus", f["good.txt"], "-j", "steam"}, 2, "-i is required"},
		{"stats: missing required -corpus", []string{"stats"}, 2, "-corpus is required"},
		{"stats: unknown tokenizer", []string{"stats", "-corpus", f["good.txt"], "-tokenizer", "chars"}, 2, `unknown tokenizer "chars"`},
		{"train: missing required -out", []string{"train", "-cooccur", bin, "-vocab", vocab}, 2, "-out is required"},
		{"train: neither -corpus nor -cooccur", []string{"train", "-out", outDir + "/v.txt"}, 2, "give exactly one of -corpus and -cooccur"},
		{"train: -cooccur without -vocab", []string{"train", "-cooccur", bin, "-out", outDir + "/v.txt"}, 2, "-cooccur needs -vocab"},
		{"train: unknown -vectors kind", train("-vectors", "both"), 2, `-vectors must be sum, word or context, not "both"`},
		{"train: model flag with -resume, before reading anything", train("-resume", f["missing"]), 2, "-vector-size cannot be changed when resuming"},
		{"train: unknown tokenizer", []string{"train", "-corpus", f["good.txt"], "-out", outDir + "/v.txt", "-tokenizer", "chars"}, 2, `unknown tokenizer "chars"`},
		{"train: unexpected argument", train("extra"), 2, `unexpected argument "extra"`},
		{"svd: missing required -corpus", []string{"svd", "-out", outDir + "/v.txt"}, 2, "-corpus is required"},
		{"svd: missing required -out", []string{"svd", "-corpus", f["good.txt"]}, 2, "-out is required"},
		{"svd: negative -p", []string{"svd", "-corpus", f["good.txt"], "-p", "-1", "-out", outDir + "/v.txt"}, 2, "-p must be a finite number ≥ 0, got -1"},
		{"svd: -alpha above 1", []string{"svd", "-corpus", f["good.txt"], "-alpha", "2", "-out", outDir + "/v.txt"}, 2, "-alpha must be in (0, 1], got 2"},
		{"neighbors: missing required -vectors", []string{"neighbors", "-word", "a"}, 2, "-vectors is required"},
		{"analogy: missing required -vectors", []string{"analogy", "a", "b", "c"}, 2, "-vectors is required"},
		{"eval: missing required -vectors", []string{"eval", "-analogy", f["unknown-analogies.txt"]}, 2, "-vectors is required"},
		{"eval: neither -analogy nor -similarity", []string{"eval", "-vectors", f["vec.txt"]}, 2, "give -analogy, -similarity or both"},
		{"project: missing required -vectors", []string{"project", "-method", "pca"}, 2, "-vectors is required"},
		{"project: unknown -method", []string{"project", "-vectors", f["vec.txt"], "-method", "mds"}, 2, `-method "mds": want pca, tsne, tsne-exact, umap or axis`},
		{"project: unknown -engine", []string{"project", "-vectors", f["vec.txt"], "-method", "tsne", "-engine", "warp"}, 2, `-engine "warp": want auto, barnes-hut or exact`},
		{"project: unknown -relation, before reading the vectors", []string{"project", "-vectors", f["missing"], "-method", "axis", "-relation", "up-down"}, 2, `-relation "up-down"`},
		{"spectrum: neither -vectors nor -corpus", []string{"spectrum"}, 2, "give exactly one of -vectors and -corpus"},
		{"svd: unknown solver", []string{"svd", "-corpus", f["good.txt"], "-out", filepath.Join(t.TempDir(), "v.txt"), "-solver", "qr"}, 2, `-solver must be lanczos or randomized, not "qr"`},
		{"spectrum: randomized-SVD flags with lanczos", []string{"spectrum", "-corpus", f["good.txt"], "-oversample", "10"}, 2, "-oversample and -power-iters apply to -solver randomized only"},
		{"spectrum: unknown solver", []string{"spectrum", "-corpus", f["good.txt"], "-solver", "qr"}, 2, `-solver must be lanczos or randomized, not "qr"`},
		{"spectrum: unknown tokenizer", []string{"spectrum", "-corpus", f["good.txt"], "-tokenizer", "chars"}, 2, `unknown tokenizer "chars"`},
		{"zipf: missing required -corpus", []string{"zipf"}, 2, "-corpus is required"},
		{"zipf: unknown tokenizer", []string{"zipf", "-corpus", f["good.txt"], "-tokenizer", "chars"}, 2, `unknown tokenizer "chars"`},
		{"plot: missing KIND", []string{"plot", "-in", f["neighbors.json"], "-out", outDir + "/p.png"}, 2, "KIND and -out are required"},
		{"plot: missing required -out", []string{"plot", "neighbors", "-in", f["neighbors.json"]}, 2, "KIND and -out are required"},
		{"plot: unknown -unit", []string{"plot", "neighbors", "-in", f["neighbors.json"], "-out", outDir + "/p.png", "-unit", "cm"}, 2, `-unit "cm": want px or in`},
		{"plot: -width without -height", []string{"plot", "neighbors", "-in", f["neighbors.json"], "-out", outDir + "/p.png", "-width", "500"}, 2, "give both -width and -height, or neither"},
		{"plot: unknown -format", []string{"plot", "neighbors", "-in", f["neighbors.json"], "-out", "-", "-format", "gif"}, 2, `"gif" (want png or svg)`},
		{"plot: -out with an unknown extension", []string{"plot", "neighbors", "-in", f["neighbors.json"], "-out", outDir + "/p.gif"}, 2, `".gif" (want png or svg)`},
		{"plot: image too small", []string{"plot", "neighbors", "-in", f["neighbors.json"], "-out", outDir + "/p.png", "-width", "5", "-height", "5"}, 2, "bad output size"},
		{"plot: unknown -aspect", []string{"plot", "scatter", "-in", f["neighbors.json"], "-out", outDir + "/p.png", "-aspect", "square"}, 2, `-aspect "square": want auto, equal or free`},
		// Numbers outside their flag's range, refused before the input
		// is read (a missing file would be reported otherwise).
		{"zipf: -min-tail 1", []string{"zipf", "-corpus", f["missing"], "-min-tail", "1"}, 2, "-min-tail must be at least 2, got 1"},
		{"zipf: negative -min-tail", []string{"zipf", "-corpus", f["good.txt"], "-min-tail", "-5"}, 2, "-min-tail must be at least 2, got -5"},
		{"spectrum: negative -oversample", []string{"spectrum", "-corpus", f["missing"], "-solver", "randomized", "-oversample", "-1"}, 2, "-oversample and -power-iters must be ≥ 0 (0: the default), got -1 and 0"},
		{"spectrum: negative -power-iters", []string{"spectrum", "-corpus", f["good.txt"], "-solver", "randomized", "-power-iters", "-2"}, 2, "-oversample and -power-iters must be ≥ 0 (0: the default), got 0 and -2"},
		{"spectrum: -fit-from 0", []string{"spectrum", "-vectors", f["missing"], "-fit-from", "0"}, 2, "-fit-from must be at least 1, got 0"},
		{"spectrum: negative -fit-to", []string{"spectrum", "-vectors", f["missing"], "-fit-to", "-1"}, 2, "-fit-to must be 0 (the default range) or at least -fit-from + 2 = 3 (3 ranks or more), got -1"},
		{"spectrum: -fit-to one short of three ranks", []string{"spectrum", "-vectors", f["vec.txt"], "-fit-from", "2", "-fit-to", "3"}, 2, "-fit-to must be 0 (the default range) or at least -fit-from + 2 = 4 (3 ranks or more), got 3"},
		{"valid: spectrum fit over exactly three ranks", []string{"spectrum", "-vectors", f["vec.txt"], "-fit-from", "1", "-fit-to", "3"}, 0, "over ranks 1..3"},
		{"project: -trust-k 0", []string{"project", "-vectors", f["missing"], "-trust-k", "0"}, 2, "-trust-k must be at least 1, got 0"},
		{"plot: -max-labels -2", []string{"plot", "scatter", "-in", f["missing"], "-out", outDir + "/p.png", "-max-labels", "-2"}, 2, "-max-labels must be -1 (no labels), 0 (as many as fit) or a positive count, got -2"},
		{"valid: plot -max-labels -1 draws no labels", []string{"plot", "scatter", "-in", f["project.json"], "-out", "-", "-format", "svg", "-max-labels", "-1"}, 0, "<svg"},
		// The minimum count and maximum vocabulary are checked by the
		// analysis code for every build (exit 1, as for cooccur and the
		// dashboard); vocab, which prunes without it, checks them the same
		// way, before reading the corpus.
		{"vocab: -min-count 0, before reading the corpus", []string{"vocab", "-corpus", f["missing"], "-min-count", "0"}, 1, "min-count 0 must be at least 1"},
		{"vocab: negative -min-count", []string{"vocab", "-corpus", f["good.txt"], "-min-count", "-3"}, 1, "min-count -3 must be at least 1"},
		{"vocab: negative -max-vocab", []string{"vocab", "-corpus", f["good.txt"], "-max-vocab", "-1"}, 1, "max-vocab -1 must not be negative"},
		{"cooccur: -min-count 0 (the same message), no -out left", []string{"cooccur", "-corpus", f["good.txt"], "-min-count", "0", "-out", outDir + "/x.bin"}, 1, "min-count 0 must be at least 1"},
		{"plot: unknown -reference", []string{"plot", "fidelity", "-in", f["neighbors.json"], "-out", outDir + "/p.png", "-reference", "up"}, 2, `-reference "up": want identity, fit or none`},
	}

	names := map[string]bool{}
	for _, tc := range cases {
		if names[tc.name] {
			t.Fatalf("duplicate case name %q", tc.name)
		}
		names[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				args[i] = strings.ReplaceAll(a, outDir, out)
			}
			phrase := strings.ReplaceAll(tc.phrase, outDir, out)
			code, stdout, stderr := runGloveRecovering(t, args)
			if p := strings.ToLower(stderr + stdout); strings.Contains(p, "panic") || strings.Contains(p, "goroutine ") || strings.Contains(p, ".go:") {
				t.Fatalf("stack trace or panic in the output:\n%s%s", stderr, stdout)
			}
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tc.code, stderr)
			}
			if tc.code == 0 {
				if !strings.Contains(stdout, phrase) {
					t.Fatalf("stdout %q lacks %q", stdout, phrase)
				}
				return
			}
			msg := stderr
			if tc.code == 2 {
				// A bad command line: the message, then the usage.
				if i := strings.Index(stderr, "usage: glove"); i >= 0 {
					msg = stderr[:i]
				}
			} else if !strings.HasPrefix(msg, "glove "+args[0]+": ") {
				t.Errorf("error %q does not start with %q", msg, "glove "+args[0]+": ")
			}
			if strings.Count(msg, "\n") != 1 || !strings.HasSuffix(msg, "\n") {
				t.Errorf("error message is not one line: %q", msg)
			}
			if !strings.Contains(msg, phrase) {
				t.Errorf("error message %q lacks %q", msg, phrase)
			}
			if stdout != "" {
				t.Errorf("a failed run wrote to stdout: %q", stdout)
			}
			if left, err := filepath.Glob(filepath.Join(out, "*")); err != nil || len(left) > 0 {
				t.Errorf("output directory not empty after the failure: %q %v", left, err)
			}
			hidden, _ := filepath.Glob(filepath.Join(out, ".*"))
			if len(hidden) > 0 {
				t.Errorf("temporary files left behind: %q", hidden)
			}
		})
	}
	if len(cases) < 30 {
		t.Errorf("only %d cases", len(cases))
	}
}

// runGloveRecovering is runGlove with a panic of the command reported as
// a test failure rather than taking the test binary down.
func runGloveRecovering(t *testing.T, args []string) (code int, stdout, stderr string) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("glove %q panicked: %v", args, r)
		}
	}()
	return runGlove(t, args...)
}

// TestCLIStatsReportsInvalidUTF8: invalid UTF-8 is not an error. Like
// Stanford's tools the CLI counts and continues: the words tokenizer drops
// each invalid byte as a separator and stats reports how many there were;
// the whitespace tokenizer passes the bytes through inside the tokens.
func TestCLIStatsReportsInvalidUTF8(t *testing.T) {
	path := filepath.Join(t.TempDir(), "latin1.txt")
	// "café" in Latin-1 (\xe9 before a space is invalid UTF-8), a lone
	// continuation byte and a 3-byte sequence cut after 2 bytes: 4 invalid
	// bytes.
	text := "caf\xe9 au lait\nok \x80 word\nend \xe2\x82\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runGlove(t, "stats", "-corpus", path, "-min-count", "1", "-json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var s statsJSON
	if err := json.Unmarshal([]byte(stdout), &s); err != nil {
		t.Fatalf("%v in %s", err, stdout)
	}
	// caf au lait / ok word / end: 6 tokens.
	if s.InvalidUTF8 != 4 || s.Tokens != 6 || s.Lines != 3 {
		t.Errorf("invalid_utf8 %d, tokens %d, lines %d; want 4, 6, 3", s.InvalidUTF8, s.Tokens, s.Lines)
	}
	code, stdout, stderr = runGlove(t, "stats", "-corpus", path, "-min-count", "1")
	if code != 0 || !strings.Contains(stdout, "invalid UTF-8       4 bytes, dropped as word separators\n") {
		t.Errorf("text stats (exit %d, %s) do not report the invalid bytes:\n%s", code, stderr, stdout)
	}
	code, stdout, stderr = runGlove(t, "vocab", "-corpus", path, "-tokenizer", "whitespace")
	if code != 0 || !strings.Contains(stdout, "caf\xe9 1\n") || !strings.Contains(stdout, "\x80 1\n") {
		t.Errorf("whitespace vocab (exit %d, %s) does not keep the bytes:\n%q", code, stderr, stdout)
	}
}
