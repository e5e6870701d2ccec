package handlers

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestSpreadsheetSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"ice", "ice"},
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"+1+1", "'+1+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"a=b", "a=b"},
		{"\n=1", "'\n=1"},
		{"＝1", "'＝1"},
		// Numbers are data: a negative value keeps its sign.
		{"-0.25", "-0.25"},
		{"+3e-7", "+3e-7"},
		{"-Inf", "'-Inf"},
		{"-NaN", "'-NaN"},
	}
	for _, tc := range tests {
		if got := spreadsheetSafe(tc.in); got != tc.want {
			t.Errorf("spreadsheetSafe(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWriteCSVGuardsEveryCell(t *testing.T) {
	var buf bytes.Buffer
	rows := [][]string{{"1", "=HYPERLINK(\"x\")", "-0.5"}, {"2", "@x", "+y"}}
	if err := writeCSV(&buf, []string{"rank", "word", "score"}, rows); err != nil {
		t.Fatal(err)
	}
	got, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"rank", "word", "score"}, {"1", "'=HYPERLINK(\"x\")", "-0.5"}, {"2", "'@x", "'+y"}}
	if len(got) != len(want) {
		t.Fatalf("got %d records, want %d", len(got), len(want))
	}
	for i := range want {
		if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("record %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestDownloadName(t *testing.T) {
	tests := []struct {
		what, owner, ext string
		params           []string
		want             string
	}{
		{"zipf", corpusOwner(3, "Demo corpus"), "png", nil, "gloveboard-zipf-corpus3-demo-corpus.png"},
		{"ratio", corpusOwner(3, "Demo corpus"), "csv", []string{"ice", "steam"}, "gloveboard-ratio-corpus3-demo-corpus-ice-steam.csv"},
		{"loss", runOwner(7), "svg", nil, "gloveboard-loss-run7.svg"},
		{"neighbors", setOwner(1, "日本"), "png", []string{"king"}, "gloveboard-neighbors-set1-king.png"},
		{"fidelity", runOwner(2), "png", []string{"logx"}, "gloveboard-fidelity-run2-logx.png"},
	}
	for _, tc := range tests {
		if got := downloadName(tc.what, tc.owner, tc.ext, tc.params...); got != tc.want {
			t.Errorf("downloadName(%q, %q, %q, %q) = %q, want %q", tc.what, tc.owner, tc.ext, tc.params, got, tc.want)
		}
	}
	// The same words in two corpora give two names.
	if a, b := downloadName("ratio", corpusOwner(1, "news"), "png", "king", "queen"),
		downloadName("ratio", corpusOwner(2, "news"), "png", "king", "queen"); a == b {
		t.Errorf("two corpora share the file name %q", a)
	}
	// Words that differ only in what the file name cannot hold stay
	// apart; markup and quotes never reach the header.
	seen := map[string]string{}
	for _, w := range []string{"King", "king", "KING", "日本", "中国", `"><script>`, `'><script>`, "a/b", "a\\b", strings.Repeat("x", 41), strings.Repeat("x", 42)} {
		name := downloadName("neighbors", setOwner(1, "s"), "png", w)
		if prev, ok := seen[name]; ok {
			t.Errorf("%q and %q share the file name %q", prev, w, name)
		}
		seen[name] = w
		if strings.ContainsAny(name, "\"'<>/\\ \r\n;") || !strings.HasPrefix(name, "gloveboard-neighbors-set1-s-") {
			t.Errorf("unsafe file name %q for %q", name, w)
		}
	}
}
