package handlers

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/plot"
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
		owner     fileOwner
		what, ext string
		params    []string
		want      string
		wantUTF8  string // "" when the same as want
	}{
		{corpusOwner(3, "Demo corpus"), "zipf", "png", nil, "gloveboard-demo-corpus-zipf.png", "gloveboard-Demo-corpus-zipf.png"},
		{corpusOwner(3, "news"), "ratio", "csv", []string{"ice", "steam"}, "gloveboard-news-ratio-ice-steam.csv", ""},
		{corpusOwner(3, "news"), "ratio", "png", []string{"king", "queen"}, "gloveboard-news-ratio-king-queen.png", ""},
		{runOwner(7, "news"), "loss", "svg", nil, "gloveboard-run7-news-loss.svg", ""},
		{runOwner(2, ""), "fidelity", "png", []string{"logx"}, "gloveboard-run2-fidelity-logx.png", ""},
		{setOwner(1, "日本"), "neighbors", "png", []string{"king"}, "gloveboard-set1-neighbors-king.png", "gloveboard-日本-neighbors-king.png"},
		{setOwner(4, "demo"), "tsne", "png", []string{"1000", "seed1"}, "gloveboard-demo-tsne-1000-seed1.png", ""},
		// Vietnamese names are transliterated; the UTF-8 name keeps them.
		{corpusOwner(5, "Tiếng Việt đời sống"), "zipf", "png", nil, "gloveboard-tieng-viet-doi-song-zipf.png", "gloveboard-Tiếng-Việt-đời-sống-zipf.png"},
		{setOwner(6, "vi"), "neighbors", "csv", []string{"phở"}, "gloveboard-vi-neighbors-ph-*.csv", "gloveboard-vi-neighbors-phở.csv"},
		// A name with path separators or quotes cannot break out.
		{corpusOwner(8, `a/b\c"d`), "zipf", "png", nil, "gloveboard-a-b-c-d-zipf.png", ""},
	}
	for _, tc := range tests {
		got := downloadName(tc.owner, tc.what, tc.ext, tc.params...)
		if !matchHash(tc.want, got.ascii) {
			t.Errorf("downloadName(%+v, %q, %q, %q) = %q, want %q", tc.owner, tc.what, tc.ext, tc.params, got.ascii, tc.want)
		}
		want := tc.wantUTF8
		if want == "" {
			want = got.ascii
		}
		if got.utf8 != want {
			t.Errorf("downloadName(%+v, …) UTF-8 name %q, want %q", tc.owner, got.utf8, want)
		}
	}
	// Words that differ only in what the file name cannot hold stay
	// apart; markup and quotes never reach the header.
	seen := map[string]string{}
	for _, w := range []string{"King", "king", "KING", "日本", "中国", `"><script>`, `'><script>`, "a/b", "a\\b", strings.Repeat("x", 41), strings.Repeat("x", 42)} {
		name := downloadName(setOwner(1, "s"), "neighbors", "png", w)
		if prev, ok := seen[name.ascii]; ok {
			t.Errorf("%q and %q share the file name %q", prev, w, name.ascii)
		}
		seen[name.ascii] = w
		if strings.ContainsAny(name.ascii, "\"'<>/\\ \r\n;") || !strings.HasPrefix(name.ascii, "gloveboard-s-neighbors-") {
			t.Errorf("unsafe file name %q for %q", name.ascii, w)
		}
		if strings.ContainsAny(name.utf8, "\"'<>/\\\r\n;") {
			t.Errorf("unsafe UTF-8 file name %q for %q", name.utf8, w)
		}
	}
}

// matchHash reports whether got is want with its '*' (if any) standing
// for six hex digits.
func matchHash(want, got string) bool {
	before, after, ok := strings.Cut(want, "*")
	if !ok {
		return got == want
	}
	if !strings.HasPrefix(got, before) || !strings.HasSuffix(got, after) || len(got) != len(before)+6+len(after) {
		return false
	}
	return strings.Trim(got[len(before):len(before)+6], "0123456789abcdef") == ""
}

func TestContentDisposition(t *testing.T) {
	tests := []struct {
		name fileName
		want string
	}{
		{fileName{"gloveboard-news-zipf.png", "gloveboard-news-zipf.png"}, `attachment; filename="gloveboard-news-zipf.png"`},
		{fileName{"gloveboard-tieng-viet-zipf.png", "gloveboard-Tiếng-Việt-zipf.png"},
			`attachment; filename="gloveboard-tieng-viet-zipf.png"; filename*=UTF-8''gloveboard-Ti%E1%BA%BFng-Vi%E1%BB%87t-zipf.png`},
	}
	for _, tc := range tests {
		if got := contentDisposition("attachment", tc.name); got != tc.want {
			t.Errorf("contentDisposition(%+v) = %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestPageOutput checks the sizes of figures on pages and downloads, and
// that tick labels on pages are at least 11 CSS px where a page shows the
// figure 560 px wide.
func TestPageOutput(t *testing.T) {
	const tickPoints, narrowestDisplay = 9.0, 560.0
	tests := []struct {
		p         plotOut
		f         plot.Format
		page      bool
		w, h, dpi int
	}{
		{plotOut{}, plot.PNG, false, 960, 720, 96},
		{plotOut{}, plot.PNG, true, 1200, 900, 192},
		{plotOut{}, plot.SVG, true, 600, 450, 96},
		{plotOut{width: 640, height: 420}, plot.PNG, true, 1200, 788, 192},
		{plotOut{width: 640, height: 420}, plot.PNG, false, 640, 420, 96},
		{plotOut{width: 400, height: 300}, plot.PNG, true, 800, 600, 192},
	}
	for _, tc := range tests {
		w, h, dpi, err := tc.p.output(tc.f, tc.page).PixelSize()
		if err != nil || w != tc.w || h != tc.h || dpi != tc.dpi {
			t.Errorf("output(%+v, %v, page %v) = %d×%d at %d DPI (%v), want %d×%d at %d", tc.p, tc.f, tc.page, w, h, dpi, err, tc.w, tc.h, tc.dpi)
		}
		if !tc.page {
			continue
		}
		// A tick label is tickPoints/72 inch: that many image pixels at
		// dpi, scaled by display width over image width.
		if css := tickPoints / 72 * float64(dpi) * narrowestDisplay / float64(w); css < 11 {
			t.Errorf("output(%+v, page): tick labels %.1f CSS px shown %g px wide, want ≥ 11", tc.p, css, narrowestDisplay)
		}
	}
}
