package phrases

import (
	"bytes"
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/corpus"
)

// handCorpus has 16 tokens: x 4, y 4, z 5, q 3; pairs x y 3, y z 3, and
// five pairs seen once.
const handCorpus = "x y z\nx y z\nx y z\nz x\nq y q z q\n"

func learnString(t *testing.T, text string, opt Options) *Model {
	t.Helper()
	m, err := Learn(context.Background(), strings.NewReader(text), opt)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestLearnHandComputed checks the phrases and scores against values
// worked out by hand (the counts are in the comment of handCorpus; pass
// 2 sees x_y 3, z 5, q 3, x 1, y 1 among 13 tokens and the pair x_y z 3
// times).
func TestLearnHandComputed(t *testing.T) {
	ln := math.Log
	tests := []struct {
		name      string
		scorer    Scorer
		threshold float64
		want      []Phrase
	}{
		{"npmi", NPMI, 0.5, []Phrase{
			// npmi(x,y) = ln(3·16/(4·4)) / ln(16/3)
			{Text: "x_y", Left: "x", Right: "y", Count: 3, Score: ln(3) / ln(16.0/3), Pass: 1},
			// npmi(x_y,z) in pass 2 = ln(3·13/(3·5)) / ln(13/3)
			{Text: "x_y_z", Left: "x_y", Right: "z", Count: 3, Score: ln(2.6) / ln(13.0/3), Pass: 2},
			// npmi(y,z) = ln(3·16/(4·5)) / ln(16/3): selected, though
			// x_y takes the y of every "x y z" first
			{Text: "y_z", Left: "y", Right: "z", Count: 3, Score: ln(2.4) / ln(16.0/3), Pass: 1},
		}},
		{"npmi above y z", NPMI, 0.6, []Phrase{
			{Text: "x_y", Left: "x", Right: "y", Count: 3, Score: ln(3) / ln(16.0/3), Pass: 1},
			{Text: "x_y_z", Left: "x_y", Right: "z", Count: 3, Score: ln(2.6) / ln(13.0/3), Pass: 2},
		}},
		// word2phrase: (3−2)/(4·4)·16 = 1, (3−2)/(4·5)·16 = 0.8, pass 2
		// (3−2)/(3·5)·13 = 13/15
		{"word2phrase", Word2Phrase, 0.85, []Phrase{
			{Text: "x_y", Left: "x", Right: "y", Count: 3, Score: 1, Pass: 1},
			{Text: "x_y_z", Left: "x_y", Right: "z", Count: 3, Score: 13.0 / 15, Pass: 2},
		}},
		{"word2phrase one pass joins", Word2Phrase, 0.9, []Phrase{
			{Text: "x_y", Left: "x", Right: "y", Count: 3, Score: 1, Pass: 1},
		}},
	}
	for _, tt := range tests {
		opt := DefaultOptions()
		opt.MinCount, opt.Scorer, opt.Threshold = 2, tt.scorer, tt.threshold
		got := learnString(t, handCorpus, opt).Phrases()
		if len(got) != len(tt.want) {
			t.Errorf("%s: got %d phrases %v, want %d", tt.name, len(got), got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			g := got[i]
			if g.Text != w.Text || g.Left != w.Left || g.Right != w.Right || g.Count != w.Count || g.Pass != w.Pass || math.Abs(g.Score-w.Score) > 1e-12 {
				t.Errorf("%s: phrase %d = %+v, want %+v", tt.name, i, g, w)
			}
		}
	}
}

func TestApply(t *testing.T) {
	opt := DefaultOptions()
	opt.MinCount = 2
	m := learnString(t, handCorpus, opt)
	tests := []struct{ in, want string }{
		{"x y z", "x_y_z"},
		{"y z", "y_z"},
		{"z x y", "z x_y"},
		{"x y y z", "x_y y_z"},
		{"x y z x y z", "x_y_z x_y_z"},
		{"q", "q"},
		{"", ""},
	}
	for _, tt := range tests {
		got := strings.Join(m.Apply(strings.Fields(tt.in)), " ")
		if got != tt.want {
			t.Errorf("Apply(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	var nilModel *Model
	if got := nilModel.Apply([]string{"x", "y"}); !slices.Equal(got, []string{"x", "y"}) {
		t.Errorf("nil model: got %q", got)
	}
}

// TestRewriteProperties checks on random text: a line without a pair of
// the model comes out unchanged; joins never cross a line break; the
// streaming rewrite equals Apply line by line; Stats account for every
// join.
func TestRewriteProperties(t *testing.T) {
	opt := DefaultOptions()
	opt.MinCount = 2
	m := learnString(t, handCorpus, opt)
	pairs := map[[2]string]bool{}
	for _, p := range m.Phrases() {
		pairs[[2]string{p.Left, p.Right}] = true
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"x", "y", "z", "q", "w", "x_y"}
	for trial := 0; trial < 300; trial++ {
		var lines [][]string
		var text strings.Builder
		for range rng.IntN(6) + 1 {
			line := make([]string, rng.IntN(8))
			for i := range line {
				line[i] = alphabet[rng.IntN(len(alphabet))]
			}
			lines = append(lines, line)
			text.WriteString(strings.Join(line, " ") + "\n")
		}
		sc := corpus.NewScannerOptions(strings.NewReader(text.String()), corpus.ScanOptions{Tokenizer: corpus.Whitespace})
		ts := m.Rewrite(sc)
		var got [][]string
		cur := []string{}
		for ts.Scan() {
			if ts.LineBreak() {
				got = append(got, cur)
				cur = []string{}
				continue
			}
			cur = append(cur, string(ts.Token()))
		}
		if len(got) != len(lines) {
			t.Fatalf("%d lines in, %d out", len(lines), len(got))
		}
		var joined int
		for i, line := range lines {
			want := m.Apply(line)
			if !slices.Equal(got[i], want) {
				t.Fatalf("line %q: streamed %q, Apply %q", line, got[i], want)
			}
			joined += len(line) - len(want)
			joinable := false
			for k := 0; k+1 < len(line); k++ {
				joinable = joinable || pairs[[2]string{line[k], line[k+1]}]
			}
			if !joinable && !slices.Equal(want, line) {
				t.Fatalf("line %q without a pair of the model became %q", line, want)
			}
		}
		if st := ts.Stats(); st.JoinedPairs != int64(joined) || st.Tokens != sc.Stats().Tokens-int64(joined) {
			t.Fatalf("stats %+v, want %d joins", st, joined)
		}
	}
}

func TestModelFileRoundTrip(t *testing.T) {
	opt := DefaultOptions()
	opt.MinCount = 2
	m := learnString(t, handCorpus, opt)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(back.Phrases(), m.Phrases()) {
		t.Errorf("read back %v, wrote %v", back.Phrases(), m.Phrases())
	}
	if got := back.Apply([]string{"x", "y", "z"}); !slices.Equal(got, []string{"x_y_z"}) {
		t.Errorf("read-back model applies to %q", got)
	}
}

func TestReadModelErrors(t *testing.T) {
	for _, in := range []string{
		"1\ta\tb\t3\n",
		"x\ta\tb\t3\t0.5\n",
		"1\ta\tb\tthree\t0.5\n",
		"1\ta\tb\t3\tNaN\n",
		"0\ta\tb\t3\t0.5\n",
		"1\t\tb\t3\t0.5\n",
		"1\ta\tb\t0\t0.5\n",
		"1\ta\tb\t3\t0.5\n1\ta\tb\t4\t0.6\n",
		"1\ta b\tc\t3\t0.5\n",
	} {
		if _, err := ReadModel(strings.NewReader(in)); !errors.Is(err, ErrBadModel) {
			t.Errorf("ReadModel(%q) = %v, want ErrBadModel", in, err)
		}
	}
}

func TestLearnErrors(t *testing.T) {
	bad := []func(*Options){
		func(o *Options) { o.Passes = 0 },
		func(o *Options) { o.Passes = MaxPasses + 1 },
		func(o *Options) { o.MinCount = 0 },
		func(o *Options) { o.Threshold = math.NaN() },
		func(o *Options) { o.Scorer = 7 },
		func(o *Options) { o.Scan.ToneMarks = 9 },
		func(o *Options) { o.MaxPairs = -1 },
	}
	for i, f := range bad {
		opt := DefaultOptions()
		f(&opt)
		if _, err := Learn(context.Background(), strings.NewReader("a b"), opt); !errors.Is(err, ErrBadOptions) {
			t.Errorf("case %d: err %v, want ErrBadOptions", i, err)
		}
	}
	if _, err := Learn(context.Background(), strings.NewReader(" ,\n"), DefaultOptions()); !errors.Is(err, corpus.ErrEmptyCorpus) {
		t.Errorf("empty corpus: err %v", err)
	}
	tight := DefaultOptions()
	tight.MinCount, tight.MaxPairs = 1, 3
	if _, err := Learn(context.Background(), strings.NewReader("a b c d e f"), tight); !errors.Is(err, ErrTooManyPairs) {
		t.Errorf("5 distinct pairs, MaxPairs 3: err %v, want ErrTooManyPairs", err)
	}
	tight.MaxPairs = 5
	if _, err := Learn(context.Background(), strings.NewReader("a b c d e f"), tight); err != nil {
		t.Errorf("5 distinct pairs, MaxPairs 5: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Learn(ctx, strings.NewReader(strings.Repeat("a b ", 1<<19)), DefaultOptions()); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err %v", err)
	}
}

// FuzzReadModel: no panic; a model that reads back survives a
// write/read round trip unchanged.
func FuzzReadModel(f *testing.F) {
	for _, s := range []string{"1\ta\tb\t3\t0.5\n", "# c\n2\ta_b\tc\t1\t-0.25\n1\ta\tb\t4\t1e3\n", "\ufeff1\tx\ty\t1\t0\r\n", "1\ta\tb\t3\n", "9\ta\tb\t1\t1\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		m, err := ReadModel(bytes.NewReader(in))
		if err != nil {
			if !errors.Is(err, ErrBadModel) {
				t.Fatalf("error %v does not wrap ErrBadModel", err)
			}
			return
		}
		var buf bytes.Buffer
		if _, err := m.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := ReadModel(&buf)
		if err != nil {
			t.Fatalf("written model does not read back: %v\n%s", err, buf.Bytes())
		}
		if !slices.Equal(back.Phrases(), m.Phrases()) {
			t.Fatalf("round trip changed the model")
		}
	})
}

// TestApplyOverlap checks the rule for overlapping pairs: a pair is
// joined unless the next overlapping pair scores strictly higher.
func TestApplyOverlap(t *testing.T) {
	m, err := NewModel([]Phrase{
		{Text: "a_b", Left: "a", Right: "b", Count: 5, Score: 0.6, Pass: 1},
		{Text: "b_c", Left: "b", Right: "c", Count: 5, Score: 0.8, Pass: 1},
		{Text: "c_d", Left: "c", Right: "d", Count: 5, Score: 0.9, Pass: 1},
		{Text: "d_e", Left: "d", Right: "e", Count: 5, Score: 0.9, Pass: 1},
		{Text: "a_b_c_d", Left: "a_b", Right: "c_d", Count: 5, Score: 0.7, Pass: 2},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"a b", "a_b"},
		{"a b c", "a b_c"},
		{"a b c d", "a b c_d"},
		{"c d e", "c_d e"}, // a tie keeps the left pair
		{"a b x c d", "a_b x c_d"},
		{"a b a b c d", "a_b a b c_d"},
		{"b c d", "b c_d"},
	}
	for _, tt := range tests {
		if got := strings.Join(m.Apply(strings.Fields(tt.in)), " "); got != tt.want {
			t.Errorf("Apply(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
