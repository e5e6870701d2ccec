package vectors_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/testkit"
)

func TestScanText(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  vectors.TextInfo
		cause error // nil: success; else the loader sentinel the error wraps besides ErrNotText (ErrNotText: none)
	}{
		{"plain", "a 1 2 3\nb 4 5 6\n", vectors.TextInfo{Count: 2, Dim: 3}, nil},
		{"header undercounts, no final newline", "1 2\na 1 2\nb 3 4", vectors.TextInfo{Count: 2, Dim: 2, HasHeader: true}, nil},
		{"blank line between rows", "a 1\n\nb 2\n", vectors.TextInfo{}, vectors.ErrBlankLine},
		{"blank lines at the end", "a 1\nb 2\n\n\n", vectors.TextInfo{Count: 2, Dim: 1}, nil},
		{"hexadecimal value", "a 0x1p3\n", vectors.TextInfo{}, vectors.ErrNotNumber},
		{"underscore in a value", "a 1_0\n", vectors.TextInfo{}, vectors.ErrNotNumber},
		{"beyond float32", "a 1e39\n", vectors.TextInfo{}, vectors.ErrNonFinite},
		{"ragged", "a 1 2\nb 1\n", vectors.TextInfo{}, vectors.ErrRaggedRow},
		{"NaN component", "a 1 NaN\nb 1 2\n", vectors.TextInfo{}, vectors.ErrNonFinite},
		{"infinite component", "a 1 -Inf\n", vectors.TextInfo{}, vectors.ErrNonFinite},
		{"header dimension disagrees", "10 50\na 1 2 3\nb 4 5 6\n", vectors.TextInfo{}, vectors.ErrHeaderMismatch},
		{"header row count too high is tolerated", "10 3\na 1 2 3\nb 4 5 6\n", vectors.TextInfo{Count: 2, Dim: 3, HasHeader: true}, nil},
		// What Read takes for a row is a row, and only spaces, tabs and
		// '\r' separate fields.
		{"negative count is a row", "-1 2\nx 1\n", vectors.TextInfo{Count: 2, Dim: 1}, nil},
		{"zero dimension is a row", "3 0\nx 1\n", vectors.TextInfo{Count: 2, Dim: 1}, nil},
		{"a lone first line is a row", "3 2", vectors.TextInfo{Count: 1, Dim: 1}, nil},
		{"no-break space inside a word", "b 3 4\nnew\u00a0york 1 2\n", vectors.TextInfo{Count: 2, Dim: 2}, nil},
		{"CRLF", "a 1 2\r\nb 3 4\r\n", vectors.TextInfo{Count: 2, Dim: 2}, nil},
		// A UTF-8 byte-order mark at the start is read as if it were
		// absent, as Read reads it; later it is part of a word.
		{"BOM before a row", "\ufeffa 1 2\nb 3 4\n", vectors.TextInfo{Count: 2, Dim: 2}, nil},
		{"BOM before a header", "\ufeff2 2\na 1 2\nb 3 4\n", vectors.TextInfo{Count: 2, Dim: 2, HasHeader: true}, nil},
		{"BOM then a blank", "\ufeff a 1 2\nb 3 4\n", vectors.TextInfo{Count: 2, Dim: 2}, nil},
		{"only the first BOM is dropped", "\ufeff\ufeff2 2\na 1 2\n", vectors.TextInfo{}, vectors.ErrRaggedRow},
		{"BOM further on is part of a word", "a 1 2\n\ufeffb 3 4\n", vectors.TextInfo{Count: 2, Dim: 2}, nil},
		{"BOM then a blank line before the rows", "\ufeff\na 1 2\n", vectors.TextInfo{}, vectors.ErrBlankLine},
		{"not a number", "a 1 x\n", vectors.TextInfo{}, vectors.ErrNotNumber},
		{"word only", "a\n", vectors.TextInfo{}, vectors.ErrRaggedRow},
		{"wider than MaxScanDim", "a" + strings.Repeat(" 1", vectors.MaxScanDim+1) + "\n", vectors.TextInfo{}, vectors.ErrRaggedRow},
		{"word not UTF-8", "a\xff 1\n", vectors.TextInfo{}, vectors.ErrNotText},
		{"gzip", "\x1f\x8b\x08\x00", vectors.TextInfo{}, vectors.ErrNotText},
		{"empty", "", vectors.TextInfo{}, vectors.ErrEmpty},
		{"header only", "3 50\n", vectors.TextInfo{}, vectors.ErrEmpty},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := vectors.ScanText(context.Background(), strings.NewReader(tc.in))
			if tc.cause != nil {
				if !errors.Is(err, vectors.ErrNotText) || !errors.Is(err, tc.cause) {
					t.Fatalf("err = %v, want ErrNotText and %v", err, tc.cause)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

// TestScanTextMessages pins the wording the dashboard shows after "That
// file is not a word-vector text file (…)".
func TestScanTextMessages(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a 1 2\nb 3\n", "line 2: 1 components where earlier lines have 2: not a word-vector text file"},
		{"a 1 2\n\nb 3 4\n", "line 2: blank line between vector rows: not a word-vector text file"},
		{"a 1 2\nb 0x1p3 4\n", `line 2: "0x1p3" is not a number: not a word-vector text file`},
		{"2 50\na 1\n", "line 2: 1 components where the header says 50: not a word-vector text file"},
	}
	for _, tc := range tests {
		_, err := vectors.ScanText(context.Background(), strings.NewReader(tc.in))
		if err == nil || err.Error() != tc.want {
			t.Errorf("ScanText(%q) = %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestScanTextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := vectors.ScanText(ctx, strings.NewReader(strings.Repeat("a 1\n", 10000)))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestScanTextGloveSample(t *testing.T) {
	f, err := os.Open(testkit.Shipped(t, testkit.DemoVectors))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := vectors.ScanText(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	// The header says 4196 but the file holds 4,197 rows.
	if want := (vectors.TextInfo{Count: 4197, Dim: 50, HasHeader: true}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
