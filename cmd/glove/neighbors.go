package main

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/vectors"
)

// wordScore is one result line of neighbors and analogy in JSON.
type wordScore struct {
	Word  string  `json:"word"`
	Score float64 `json:"score"`
}

// resultsJSON is the -json output of neighbors and analogy:
// {"results":[{"word":…,"score":…}]}, best first.
type resultsJSON struct {
	Results []wordScore `json:"results"`
}

func neighborsCommand() command {
	return command{
		name:    "neighbors",
		summary: "nearest words to a word by cosine similarity",
		run:     runNeighbors,
	}
}

func runNeighbors(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("neighbors", "-vectors FILE -word WORD [-n 10] [-json]", stderr)
	vecPath := fs.String("vectors", "", "word vectors: GloVe/word2vec text or word2vec binary, plain or gzip (required)")
	word := fs.String("word", "", "query word, matched exactly (required)")
	n := fs.Int("n", 10, "number of neighbours")
	asJSON := fs.Bool("json", false, `print {"results":[{"word":…,"score":…}]} (best first) instead of a table`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArguments(fs, stderr, "neighbors"); err != nil {
		return err
	}
	if err := requireFlags(fs, stderr, "neighbors", "vectors", "word"); err != nil {
		return err
	}
	if *n < 1 {
		return usageError(fs, stderr, "neighbors", "-n must be at least 1")
	}
	set, err := loadVectors(ctx, *vecPath)
	if err != nil {
		return err
	}
	res, err := set.NeighborsOf(ctx, *word, *n)
	if err != nil {
		return err
	}
	return printResults(stdout, res, *asJSON, fmt.Sprintf("nearest to %q", *word))
}

// loadVectors reads a vectors file with the default policies (header row
// count tolerated, first of duplicate words kept). A file that is not
// word vectors at all (binary, UTF-16, a damaged gzip stream) is named as
// such rather than reported as a malformed first row, and a gzip bomb of
// zeros is refused after 64 KiB instead of being inflated.
func loadVectors(ctx context.Context, path string) (*vectors.Set, error) {
	in, err := openInput(ctx, path)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	// Sniff the start, then read the file from its start: by seeking back
	// (a regular file, which vectors.Read then counts in a first pass) or
	// by replaying what the sniff consumed (a pipe or FIFO).
	var consumed bytes.Buffer
	gz, err := sniffVectors(path, io.TeeReader(in, &consumed))
	if err != nil {
		return nil, err
	}
	var r io.Reader = in
	if _, serr := in.Seek(0, io.SeekStart); serr != nil {
		r = io.MultiReader(&consumed, in)
	}
	set, _, err := vectors.Read(ctx, r, vectors.LoadOptions{})
	if err == nil {
		return set, nil
	}
	if gz && !errors.Is(err, vectors.ErrTruncated) && isGzipDamage(err) {
		return nil, fmt.Errorf("%s: %w: %s", path, corpus.ErrCorruptGzip, err)
	}
	return nil, fmt.Errorf("%s: %w", path, err)
}

// vectorsSniffSize is how much decoded input sniffVectors inspects.
const vectorsSniffSize = 64 << 10

// sniffVectors inspects the start of the decoded content of f, the file
// path: a UTF-16 byte-order mark, or a NUL byte when the first line (after
// a UTF-8 byte-order mark) is not a word2vec header "n d" (binary word2vec
// data follows such a header), means the file is not text word vectors. It
// reports whether the file is gzip-compressed.
func sniffVectors(path string, f io.Reader) (gz bool, err error) {
	br := bufio.NewReader(f)
	var r io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return true, fmt.Errorf("%s: %w: %v", path, corpus.ErrCorruptGzip, err)
		}
		r, gz = zr, true
	}
	head := make([]byte, vectorsSniffSize)
	n := 0
	for n < len(head) {
		m, err := r.Read(head[n:])
		n += m
		if err == io.EOF {
			break
		}
		if err != nil {
			if gz {
				return gz, fmt.Errorf("%s: %w: %v", path, corpus.ErrCorruptGzip, err)
			}
			return gz, fmt.Errorf("%s: %w", path, pathErrCause(err))
		}
	}
	head = head[:n]
	if len(head) >= 2 && (head[0] == 0xff && head[1] == 0xfe || head[0] == 0xfe && head[1] == 0xff) {
		return gz, fmt.Errorf("%s: %w", path, corpus.ErrUTF16)
	}
	// The loader skips a UTF-8 byte-order mark at the start; it must not
	// hide the header of a binary file here either.
	text := bytes.TrimPrefix(head, []byte("\ufeff"))
	first, _, _ := bytes.Cut(text, []byte{'\n'})
	if fields := bytes.Fields(first); len(fields) == 2 && isUint(fields[0]) && isUint(fields[1]) {
		return gz, nil // word2vec header: binary records may follow
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return gz, fmt.Errorf("%s: %w (NUL byte at offset %d)", path, corpus.ErrBinary, i)
	}
	return gz, nil
}

func isUint(b []byte) bool {
	_, err := strconv.ParseUint(string(b), 10, 63)
	return err == nil
}

// isGzipDamage reports whether err comes from a truncated or corrupt
// gzip stream.
func isGzipDamage(err error) bool {
	var corrupt flate.CorruptInputError
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) ||
		errors.Is(err, gzip.ErrHeader) || errors.As(err, &corrupt)
}

// requireFlags reports the first of the named string flags left empty as
// a usage error.
func requireFlags(fs *flag.FlagSet, stderr io.Writer, cmd string, names ...string) error {
	for _, name := range names {
		if fs.Lookup(name).Value.String() == "" {
			return usageError(fs, stderr, cmd, "-"+name+" is required")
		}
	}
	return nil
}

// usageError prints msg and the usage, and returns errUsage (exit 2).
func usageError(fs *flag.FlagSet, stderr io.Writer, cmd, msg string) error {
	fmt.Fprintf(stderr, "glove %s: %s\n", cmd, msg)
	fs.Usage()
	return errUsage
}

// printResults writes matches as JSON or as a numbered table under title.
func printResults(w io.Writer, res []vectors.Match, asJSON bool, title string) error {
	if asJSON {
		out := resultsJSON{Results: make([]wordScore, len(res))}
		for i, m := range res {
			out.Results[i] = wordScore{Word: m.Word, Score: m.Score}
		}
		return json.NewEncoder(w).Encode(out)
	}
	if len(res) == 0 {
		return errors.New(title + ": no results")
	}
	fmt.Fprintln(w, title)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "rank\tword\tscore\t\n")
	for i, m := range res {
		fmt.Fprintf(tw, "%d\t%s\t%.4f\t\n", i+1, m.Word, m.Score)
	}
	return tw.Flush()
}
