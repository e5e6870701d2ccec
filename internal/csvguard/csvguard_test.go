package csvguard_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"testing"

	"github.com/gloveboard/gloveboard/internal/csvguard"
)

func TestCell(t *testing.T) {
	tests := []struct{ in, want string }{
		// The cases of issue 13 and OWASP's list.
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"+1+2", "'+1+2"},
		{"-2+3", "'-2+3"},
		{"@SUM(1+1)", "'@SUM(1+1)"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"\n=1", "'\n=1"},
		{"＝1+1", "'＝1+1"},
		{"＋1", "'＋1"},
		{"－1", "'－1"},
		{"＠x", "'＠x"},
		// Ordinary words stay as they are, including ones holding the
		// characters elsewhere.
		{"", ""},
		{"ice", "ice"},
		{"e-mail", "e-mail"},
		{"a=b", "a=b"},
		{"'quoted", "'quoted"},
		{"über", "über"},
		{"日本", "日本"},
		{"1+2", "1+2"},
		{"\xff=1", "\xff=1"}, // invalid UTF-8 cannot start a formula
	}
	for _, tc := range tests {
		if got := csvguard.Cell(tc.in); got != tc.want {
			t.Errorf("Cell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestCellProperties: a guarded cell never starts with a formula
// character, and removing the apostrophe gives the word back.
func TestCellProperties(t *testing.T) {
	for _, s := range []string{"=1", "+", "-", "@", "x", "", "'", "''=", "\t", "＝"} {
		got := csvguard.Cell(s)
		if got != s && got != "'"+s {
			t.Errorf("Cell(%q) = %q: neither the word nor the word after an apostrophe", s, got)
		}
		if csvguard.Cell(got) != got {
			t.Errorf("Cell(Cell(%q)) = %q, want %q: not idempotent", s, csvguard.Cell(got), got)
		}
	}
}

func ExampleCell() {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for _, word := range []string{"ice", "=1+1", "-0.5"} {
		w.Write([]string{csvguard.Cell(word), "3"})
	}
	w.Flush()
	fmt.Print(b.String())
	// Output:
	// ice,3
	// '=1+1,3
	// '-0.5,3
}
