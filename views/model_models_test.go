package views

import (
	"strings"
	"testing"
)

func TestNewModelPlot(t *testing.T) {
	l := NewModelPlot("/runs/3/plots/loss", "alt", "4-running")
	if l.Src != "/runs/3/plots/loss?format=png&v=4-running" || l.CSV != "/runs/3/plots/loss?format=csv&download=1" {
		t.Errorf("links %+v", l)
	}
	l = NewModelPlot("/vectors/1/plots/neighbors?word=ice", "alt", "")
	if l.Src != "/vectors/1/plots/neighbors?word=ice&format=png" || l.SVG != "/vectors/1/plots/neighbors?word=ice&format=svg&download=1" {
		t.Errorf("links with a query %+v", l)
	}
}

func TestModelJoinWords(t *testing.T) {
	if got := modelJoinWords([]string{"a", "b"}); got != "a, b" {
		t.Errorf("got %q", got)
	}
	many := make([]string, 35)
	for i := range many {
		many[i] = "w"
	}
	if got := modelJoinWords(many); !strings.HasSuffix(got, "and 5 more") {
		t.Errorf("got %q", got)
	}
}

func TestAccuracyText(t *testing.T) {
	for _, tc := range []struct {
		correct, covered int
		want             string
	}{
		{0, 0, "n/a"},
		{0, 6576, "0.0%"},
		{3, 6576, "<0.1%"}, // 0.046%: not zero
		{944, 1516, "62.3%"},
		{7, 7, "100.0%"},
		{9999, 10000, ">99.9%"}, // 99.99%: not all
		{1, 1000, "0.1%"},
	} {
		if got := AccuracyText(tc.correct, tc.covered); got != tc.want {
			t.Errorf("AccuracyText(%d, %d) = %q, want %q", tc.correct, tc.covered, got, tc.want)
		}
	}
}
