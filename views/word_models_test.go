package views

import (
	"context"
	"strings"
	"testing"
)

func TestWordURL(t *testing.T) {
	for _, tc := range []struct {
		word, want string
	}{
		{"ice", "/corpora/3/words/ice"},
		{"a/b", "/corpora/3/words/a%2Fb"},
		{"<script>", "/corpora/3/words/%3Cscript%3E"},
		{"naïve café", "/corpora/3/words/na%C3%AFve%20caf%C3%A9"},
		{"50%", "/corpora/3/words/50%25"},
		{"?x#y", "/corpora/3/words/%3Fx%23y"},
	} {
		if got := WordURL(3, tc.word); got != tc.want {
			t.Errorf("WordURL(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestSharePercent(t *testing.T) {
	for _, tc := range []struct {
		share float64
		want  string
	}{{0.5, "50 %"}, {0.000162, "0.0162 %"}, {1.0 / 3, "33.3 %"}, {0, "0 %"}} {
		if got := SharePercent(tc.share); got != tc.want {
			t.Errorf("SharePercent(%g) = %q, want %q", tc.share, got, tc.want)
		}
	}
}

// TestWordPageEscapes renders a word with markup and checks that it is
// text, and that its partner links and the compare form carry it escaped.
func TestWordPageEscapes(t *testing.T) {
	w := WordView{Word: "<b>x</b>", Count: 2, Rank: 1, Partners: []WordPartner{{Word: "<i>y", X: 1, P: 1}}, Contrasts: []string{"a&b"}, ContrastRule: "rule"}
	var b strings.Builder
	if err := WordPage(WordPageData{CorpusID: 7, CorpusName: "c", Word: &w}).Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<b>x</b>", "<i>y"} {
		if strings.Contains(page, bad) {
			t.Errorf("markup %q reached the page", bad)
		}
	}
	for _, want := range []string{"&lt;b&gt;x&lt;/b&gt;", `href="/corpora/7/words/%3Ci%3Ey"`, "j=a%26b"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}
