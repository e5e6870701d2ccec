package phrases

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/corpus"
)

// MaxPasses is the largest number of passes learned or read.
const MaxPasses = 8

// Joiner is the byte that joins the two parts of a phrase.
const Joiner = "_"

// Errors. They are wrapped with details; test with errors.Is.
var (
	// ErrBadModel means a phrase list or model file is malformed.
	ErrBadModel = errors.New("malformed phrase model")
	// ErrBadOptions means an option is out of range.
	ErrBadOptions = errors.New("invalid phrase options")
	// ErrTooManyPairs means a pass saw more distinct pairs than
	// Options.MaxPairs allows.
	ErrTooManyPairs = errors.New("too many distinct word pairs")
)

// Phrase is one learned pair: Left and Right (tokens, or phrases of an
// earlier pass) joined into Text = Left + "_" + Right.
type Phrase struct {
	Text        string
	Left, Right string
	// Count is the number of times Left and Right were adjacent in the
	// input of the pass that learned the phrase.
	Count int64
	// Score is the pair's score (see the package documentation).
	Score float64
	// Pass is the pass that joined it, from 1.
	Pass int
}

// Model is a learned set of phrases, pass by pass. The zero value and nil
// join nothing. A Model is safe for concurrent use.
type Model struct {
	phrases []Phrase // best first
	// header is a comment line written at the top of the model file.
	header string

	words  []string         // token texts, indexed by model id
	bytes  [][]byte         // words as bytes, for the joined tokens
	dict   map[string]int32 // text → model id
	passes []map[uint64]join
}

// pairKey packs two ids into a map key.
func pairKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// NewModel builds a model from a list of phrases in any order. A phrase
// whose Text is not Left_Right, with an empty or blank part, a pass
// outside 1..MaxPasses, a count below 1, a score that is not finite or
// a pair listed twice in one pass is an error wrapping ErrBadModel.
func NewModel(list []Phrase) (*Model, error) {
	m := &Model{dict: make(map[string]int32)}
	for i, p := range list {
		if err := checkPhrase(p); err != nil {
			return nil, fmt.Errorf("%w: phrase %d: %v", ErrBadModel, i+1, err)
		}
		for len(m.passes) < p.Pass {
			m.passes = append(m.passes, make(map[uint64]join))
		}
		a, b, joined := m.id(p.Left), m.id(p.Right), m.id(p.Text)
		key := pairKey(a, b)
		if _, dup := m.passes[p.Pass-1][key]; dup {
			return nil, fmt.Errorf("%w: the pair %q %q appears twice in pass %d", ErrBadModel, p.Left, p.Right, p.Pass)
		}
		m.passes[p.Pass-1][key] = join{joined, p.Score}
	}
	m.phrases = slices.Clone(list)
	slices.SortStableFunc(m.phrases, comparePhrases)
	return m, nil
}

// comparePhrases orders best first: score, then count, descending, then
// pass and text.
func comparePhrases(a, b Phrase) int {
	if c := cmp.Compare(b.Score, a.Score); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Count, a.Count); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Pass, b.Pass); c != 0 {
		return c
	}
	return strings.Compare(a.Text, b.Text)
}

func checkPhrase(p Phrase) error {
	switch {
	case p.Left == "" || p.Right == "":
		return fmt.Errorf("empty part in %q", p.Text)
	case strings.ContainsAny(p.Left, " \t\n\r") || strings.ContainsAny(p.Right, " \t\n\r"):
		return fmt.Errorf("%q %q: a part holds white space", p.Left, p.Right)
	case p.Text != p.Left+Joiner+p.Right:
		return fmt.Errorf("text %q is not %q_%q", p.Text, p.Left, p.Right)
	case p.Pass < 1 || p.Pass > MaxPasses:
		return fmt.Errorf("pass %d outside 1..%d", p.Pass, MaxPasses)
	case p.Count < 1:
		return fmt.Errorf("count %d below 1", p.Count)
	case math.IsNaN(p.Score) || math.IsInf(p.Score, 0):
		return fmt.Errorf("score %v is not finite", p.Score)
	}
	return nil
}

// id returns the model id of a token text, adding it if new.
func (m *Model) id(text string) int32 {
	if id, ok := m.dict[text]; ok {
		return id
	}
	id := int32(len(m.words))
	m.dict[text] = id
	m.words = append(m.words, text)
	m.bytes = append(m.bytes, []byte(text))
	return id
}

// Phrases returns the phrases, best first (score, then count,
// descending). The slice is a copy.
func (m *Model) Phrases() []Phrase {
	if m == nil {
		return nil
	}
	return slices.Clone(m.phrases)
}

// Len returns the number of phrases.
func (m *Model) Len() int {
	if m == nil {
		return 0
	}
	return len(m.phrases)
}

// Passes returns the number of passes.
func (m *Model) Passes() int {
	if m == nil {
		return 0
	}
	return len(m.passes)
}

// Apply returns the tokens of one line with the model's pairs joined,
// pass by pass, left to right.
func (m *Model) Apply(line []string) []string {
	src := &sliceStream{tokens: line, pos: -1}
	ts := m.Rewrite(src)
	out := make([]string, 0, len(line))
	for ts.Scan() {
		out = append(out, string(ts.Token()))
	}
	return out
}

// Rewrite returns ts with the model's pairs joined: the stream that is
// counted when a Model is set as cooccur.Options.Phrases or
// corpus.EncodeOptions.Phrases. It holds one token per pass, however long
// a line is. Its Stats are those of ts, with Tokens counting a joined
// token once and JoinedPairs the joins made.
func (m *Model) Rewrite(ts corpus.TokenStream) corpus.TokenStream {
	if m == nil || len(m.passes) == 0 {
		return ts
	}
	s := &stream{src: ts, dict: m.dict}
	s.stages = newStages(m.passes, m.bytes, s.sink)
	return s
}

// item is one element of a stream between stages: a token (its model id,
// or -1 when the model does not know it, and its text) or a line break.
type item struct {
	id  int32
	tok []byte
	brk bool
}

// join is what a selected pair becomes: the id of the joined token, and
// the pair's score, which settles overlaps.
type join struct {
	id    int32
	score float64
}

// stage joins the pairs of one pass, left to right: a pair a b is joined
// unless the overlapping pair b c that follows scores strictly higher,
// in which case a is passed on and b c is weighed against c d in turn.
// It holds back at most two tokens.
type stage struct {
	pairs  map[uint64]join
	texts  [][]byte // texts of joined ids; nil when only ids matter
	next   func(item)
	joined *int64

	n    int     // tokens held: 0, 1 or 2
	held [2]item // held[i].tok aliases bufs[i]
	bufs [2][]byte
	pair join // the pair held[0] held[1], when n == 2
}

// newStages chains one stage per pass in front of sink.
func newStages(passes []map[uint64]join, texts [][]byte, sink func(item)) []*stage {
	stages := make([]*stage, len(passes))
	next := sink
	var joined int64
	for k := len(passes) - 1; k >= 0; k-- {
		st := &stage{pairs: passes[k], texts: texts, next: next, joined: &joined}
		stages[k] = st
		next = st.push
	}
	return stages
}

// lookup returns the join of the pair a b, if selected.
func (s *stage) lookup(a, b item) (join, bool) {
	if a.id < 0 || b.id < 0 {
		return join{}, false
	}
	j, ok := s.pairs[pairKey(a.id, b.id)]
	return j, ok
}

// hold keeps a copy of it in slot i: every consumer copies what it
// keeps, so the caller's buffer may be reused.
func (s *stage) hold(i int, it item) {
	s.bufs[i] = append(s.bufs[i][:0], it.tok...)
	s.held[i] = item{id: it.id, tok: s.bufs[i]}
}

func (s *stage) push(it item) {
	if it.brk {
		s.flush()
		s.next(it)
		return
	}
	switch s.n {
	case 0:
		s.hold(0, it)
		s.n = 1
	case 1:
		if j, ok := s.lookup(s.held[0], it); ok {
			s.hold(1, it)
			s.pair, s.n = j, 2
			return
		}
		s.next(s.held[0])
		s.hold(0, it)
	case 2:
		if j, ok := s.lookup(s.held[1], it); ok && j.score > s.pair.score {
			s.next(s.held[0])
			s.bufs[0], s.bufs[1] = s.bufs[1], s.bufs[0]
			s.held[0] = s.held[1]
			s.hold(1, it)
			s.pair = j
			return
		}
		s.emitJoined()
		s.hold(0, it)
		s.n = 1
	}
}

// emitJoined passes on the joined token of the two held.
func (s *stage) emitJoined() {
	*s.joined++
	out := item{id: s.pair.id}
	if s.texts != nil {
		out.tok = s.texts[s.pair.id]
	}
	s.n = 0
	s.next(out)
}

// flush passes on what is held.
func (s *stage) flush() {
	switch s.n {
	case 1:
		s.n = 0
		s.next(s.held[0])
	case 2:
		s.emitJoined()
	}
}

// flushAll flushes the stages in order, at the end of input.
func flushAll(stages []*stage) {
	for _, st := range stages {
		st.flush()
	}
}

// stream is the corpus.TokenStream Rewrite returns.
type stream struct {
	src    corpus.TokenStream
	dict   map[string]int32
	stages []*stage
	done   bool

	// queue of items emitted by the last stage: token i is
	// text[starts[i]:ends[i]], a line break when ends[i] < 0.
	text         []byte
	starts, ends []int
	pos          int
	cur          []byte
	brk          bool
}

func (s *stream) sink(it item) {
	if it.brk {
		s.starts = append(s.starts, 0)
		s.ends = append(s.ends, -1)
		return
	}
	s.starts = append(s.starts, len(s.text))
	s.text = append(s.text, it.tok...)
	s.ends = append(s.ends, len(s.text))
}

// Scan implements corpus.TokenStream.
func (s *stream) Scan() bool {
	for s.pos >= len(s.ends) {
		s.text, s.starts, s.ends, s.pos = s.text[:0], s.starts[:0], s.ends[:0], 0
		if s.done {
			s.cur, s.brk = nil, false
			return false
		}
		if !s.src.Scan() {
			s.done = true
			flushAll(s.stages)
			continue
		}
		if s.src.LineBreak() {
			s.stages[0].push(item{brk: true})
			continue
		}
		tok := s.src.Token()
		id, ok := s.dict[string(tok)]
		if !ok {
			id = -1
		}
		s.stages[0].push(item{id: id, tok: tok})
	}
	if s.ends[s.pos] < 0 {
		s.cur, s.brk = nil, true
	} else {
		s.cur, s.brk = s.text[s.starts[s.pos]:s.ends[s.pos]], false
	}
	s.pos++
	return true
}

func (s *stream) Token() []byte   { return s.cur }
func (s *stream) LineBreak() bool { return s.brk }
func (s *stream) Err() error      { return s.src.Err() }

// Stats implements corpus.TokenStream.
func (s *stream) Stats() corpus.Stats {
	st := s.src.Stats()
	joined := *s.stages[0].joined
	st.Tokens -= joined
	st.JoinedPairs += joined
	return st
}

// sliceStream is a corpus.TokenStream over the tokens of one line.
type sliceStream struct {
	tokens []string
	pos    int
}

func (s *sliceStream) Scan() bool          { s.pos++; return s.pos < len(s.tokens) }
func (s *sliceStream) Token() []byte       { return []byte(s.tokens[s.pos]) }
func (s *sliceStream) LineBreak() bool     { return false }
func (s *sliceStream) Err() error          { return nil }
func (s *sliceStream) Stats() corpus.Stats { return corpus.Stats{Tokens: int64(s.pos)} }
