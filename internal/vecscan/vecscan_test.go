package vecscan_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/testkit"
	"github.com/gloveboard/gloveboard/internal/vecscan"
)

func TestScan(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    vecscan.Info
		wantErr bool
	}{
		{"plain", "a 1 2 3\nb 4 5 6\n", vecscan.Info{Count: 2, Dim: 3}, false},
		{"header undercounts, no final newline", "1 2\na 1 2\nb 3 4", vecscan.Info{Count: 2, Dim: 2, HasHeader: true}, false},
		{"blank line between rows", "a 1\n\nb 2\n", vecscan.Info{}, true},
		{"blank lines at the end", "a 1\nb 2\n\n\n", vecscan.Info{Count: 2, Dim: 1}, false},
		{"hexadecimal value", "a 0x1p3\n", vecscan.Info{}, true},
		{"underscore in a value", "a 1_0\n", vecscan.Info{}, true},
		{"beyond float32", "a 1e39\n", vecscan.Info{}, true},
		{"ragged", "a 1 2\nb 1\n", vecscan.Info{}, true},
		{"NaN component", "a 1 NaN\nb 1 2\n", vecscan.Info{}, true},
		{"infinite component", "a 1 -Inf\n", vecscan.Info{}, true},
		{"header dimension disagrees", "10 50\na 1 2 3\nb 4 5 6\n", vecscan.Info{}, true},
		{"header row count too high is tolerated", "10 3\na 1 2 3\nb 4 5 6\n", vecscan.Info{Count: 2, Dim: 3, HasHeader: true}, false},
		// Found by FuzzScan against the loader: what analysis/vectors
		// reads as a row is a row, and only spaces, tabs and '\r'
		// separate fields.
		{"negative count is a row", "-1 2\nx 1\n", vecscan.Info{Count: 2, Dim: 1}, false},
		{"zero dimension is a row", "3 0\nx 1\n", vecscan.Info{Count: 2, Dim: 1}, false},
		{"no-break space inside a word", "b 3 4\nnew\u00a0york 1 2\n", vecscan.Info{Count: 2, Dim: 2}, false},
		// A UTF-8 byte-order mark at the start is read as if it were
		// absent, as analysis/vectors reads it; later it is part of a word.
		{"BOM before a row", "\ufeffa 1 2\nb 3 4\n", vecscan.Info{Count: 2, Dim: 2}, false},
		{"BOM before a header", "\ufeff2 2\na 1 2\nb 3 4\n", vecscan.Info{Count: 2, Dim: 2, HasHeader: true}, false},
		{"BOM then a blank", "\ufeff a 1 2\nb 3 4\n", vecscan.Info{Count: 2, Dim: 2}, false},
		{"only the first BOM is dropped", "\ufeff\ufeff2 2\na 1 2\n", vecscan.Info{}, true},
		{"BOM further on is part of a word", "a 1 2\n\ufeffb 3 4\n", vecscan.Info{Count: 2, Dim: 2}, false},
		{"BOM then a blank line before the rows", "\ufeff\na 1 2\n", vecscan.Info{}, true},
		{"not a number", "a 1 x\n", vecscan.Info{}, true},
		{"word only", "a\n", vecscan.Info{}, true},
		{"empty", "", vecscan.Info{}, true},
		{"header only", "3 50\n", vecscan.Info{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := vecscan.Scan(strings.NewReader(tc.in))
			if tc.wantErr {
				if !errors.Is(err, vecscan.ErrFormat) {
					t.Fatalf("err = %v, want ErrFormat", err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

func TestScanGloveSample(t *testing.T) {
	f, err := os.Open(testkit.Shipped(t, testkit.DemoVectors))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := vecscan.Scan(f)
	if err != nil {
		t.Fatal(err)
	}
	// The header says 4196 but the file holds 4,197 rows.
	if want := (vecscan.Info{Count: 4197, Dim: 50, HasHeader: true}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
