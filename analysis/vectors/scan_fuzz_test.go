package vectors_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

// FuzzScanText checks ScanText on arbitrary bytes: errors wrap ErrNotText;
// a success counts every non-blank line but a header, with a dimension in
// [1, MaxScanDim]; and a text file that Read loads (which is what the
// dashboard does with an upload) passes ScanText with Read's row count,
// dimension and header.
func FuzzScanText(f *testing.F) {
	for _, s := range []string{
		"a 1 2 3\nb 4 5 6\n",
		"2 3\na 1 2 3\nb 4 5 6\n",
		"1 2\na 1 2\nb 3 4", // header undercounts, no final newline
		"1000000000 2\na 1 2\n",
		"10 50\na 1 2 3\n", // header lies about the dimension
		"3 1048576\n",
		"-1 2\nx 1\n",
		"3 0\na 1\n",
		"99999999999 1\na 1\n",
		"a 1\n\nb 2\n",
		"a 1 2\nb 1\n", // ragged
		"a 1 NaN\n",
		"a 1 -Inf\n",
		"a 1e39 2\n",
		"a 0x1p3 2\n",
		"a 1 2\nb 3 4\na 5 6\n", // duplicate
		"\ufeffa 1 2\nb 3 4\n",  // BOM
		"\ufeff2 2\na 1 2\n",
		"\ufeff a 1 2\nb 3 4\n",  // BOM then a blank
		"\ufeff\ufeff2 2\na 1\n", // only the first BOM is skipped
		"a 1\n\ufeffb 2\n",       // a BOM further on is part of a word
		"\ufeff\na 1\n",          // BOM, then a blank line
		"a 1 2\r\nb 3 4\r\n",
		"new\u00a0york 1 2\nb 3 4\n", // NBSP inside a word
		"b 3 4\nnew\u00a0york 1 2\n",
		"a\v1 2\nb 3 4\n",
		"a\xff 1\n",
		"",
		"\n \n",
		"3 2",
		"a\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		info, err := vectors.ScanText(context.Background(), bytes.NewReader(in))
		if err != nil {
			if !errors.Is(err, vectors.ErrNotText) {
				t.Fatalf("error does not wrap ErrNotText: %v", err)
			}
		} else {
			if info.Count < 1 || info.Dim < 1 || info.Dim > vectors.MaxScanDim {
				t.Fatalf("got %+v", info)
			}
			lines := 0
			for l := range bytes.SplitSeq(in, []byte{'\n'}) {
				if len(bytes.TrimSpace(l)) > 0 {
					lines++
				}
			}
			if info.HasHeader {
				lines--
			}
			if info.Count != lines {
				t.Fatalf("Count %d, but %d non-blank lines that are not a header", info.Count, lines)
			}
		}

		// Uploads are text (gzip and binary are refused), at most
		// MaxScanDim wide and UTF-8.
		set, li, lerr := vectors.Read(context.Background(), bytes.NewReader(in), vectors.LoadOptions{})
		if lerr != nil || li.Gzip || li.Format == vectors.FormatWord2VecBinary ||
			set.Dim() > vectors.MaxScanDim || !utf8.Valid(in) {
			return
		}
		if err != nil {
			t.Fatalf("Read loads %d rows × %d (%v), ScanText fails: %v", li.Rows, set.Dim(), li.Format, err)
		}
		if info.Count != li.Rows || info.Dim != set.Dim() || info.HasHeader != (li.HeaderRows >= 0) {
			t.Fatalf("ScanText %+v, Read %d rows × %d, header %v", info, li.Rows, set.Dim(), li.HeaderRows >= 0)
		}
	})
}
