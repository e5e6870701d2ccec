package views

import "testing"

func TestVectorWordURL(t *testing.T) {
	for _, c := range []struct {
		id   int64
		word string
		want string
	}{
		{3, "ice", "/vectors/3/words/ice"},
		{12, "a/b", "/vectors/12/words/a%2Fb"},
		{1, "..", "/vectors/1/words/%2E%2E"},
		{1, ".", "/vectors/1/words/%2E"},
		{1, "...", "/vectors/1/words/..."},
		{1, "văn_bản", "/vectors/1/words/v%C4%83n_b%E1%BA%A3n"},
		{7, "?x=1#y", "/vectors/7/words/%3Fx=1%23y"},
	} {
		if got := VectorWordURL(c.id, c.word); got != c.want {
			t.Errorf("VectorWordURL(%d, %q) = %q, want %q", c.id, c.word, got, c.want)
		}
	}
}

func TestAlignJobProgressValue(t *testing.T) {
	if got := (AlignJob{Progress: 0.25}).ProgressValue(); got != "0.250" {
		t.Errorf("ProgressValue = %q", got)
	}
}
