package concord

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/phrases"
)

// Defaults of Options.
const (
	// DefaultMaxLines is the number of occurrences shown.
	DefaultMaxLines = 50
	// DefaultMaxBytes is the decoded text read at most: 64 MiB.
	DefaultMaxBytes = 64 << 20
	// DefaultContext is the number of tokens shown beyond the window on
	// each side.
	DefaultContext = 6
)

// chunkSize is the unit of reading and of cancellation checks.
const chunkSize = 1 << 20

// Options say how the counts were made and how much to look for.
type Options struct {
	// Scan is how the build tokenized the text (tokenizer, NFC, tone
	// marks).
	Scan corpus.ScanOptions
	// Window, Symmetric and DistanceWeighting are the build's window
	// (see cooccur.Options).
	Window            int
	Symmetric         bool
	DistanceWeighting bool
	// Phrases is the phrase model of a build that joined word pairs
	// before counting (nil: none). The lines are rewritten with it, pass
	// by pass as the build did, before they are searched and windowed, so
	// that a phrase word (văn_bản) is found and its windows are the
	// counted ones.
	Phrases *phrases.Model
	// InVocab reports whether a token is in the vocabulary (kept by the
	// minimum count); nil keeps every token.
	InVocab func(token string) bool
	// MaxLines bounds the occurrences returned; 0 means DefaultMaxLines.
	MaxLines int
	// MaxBytes bounds the decoded text read; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Context is the number of tokens shown beyond the window on each
	// side; 0 means DefaultContext, negative none.
	Context int
}

func (o Options) withDefaults() (Options, error) {
	if err := o.Scan.Check(); err != nil {
		return o, fmt.Errorf("%w: %w", ErrBadOptions, err)
	}
	if o.Window < 1 || o.Window > cooccur.MaxWindow {
		return o, fmt.Errorf("%w: window %d must be between 1 and %d", ErrBadOptions, o.Window, cooccur.MaxWindow)
	}
	if o.MaxLines < 0 || o.MaxBytes < 0 {
		return o, fmt.Errorf("%w: negative limit", ErrBadOptions)
	}
	if o.MaxLines == 0 {
		o.MaxLines = DefaultMaxLines
	}
	if o.MaxBytes == 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	switch {
	case o.Context == 0:
		o.Context = DefaultContext
	case o.Context < 0:
		o.Context = 0
	}
	return o, nil
}

// Role is what a token of a line is to the counts of the word.
type Role uint8

const (
	// Outside is a vocabulary word outside the window.
	Outside Role = iota
	// Dropped is a token outside the vocabulary: windowing skips it.
	Dropped
	// InWindow is a context of the word: it adds Weight to X_wk.
	InWindow
	// Keyword is the occurrence of the word itself.
	Keyword
)

// Token is one token of a concordance line, as the tokenizer wrote it.
type Token struct {
	Text string
	Role Role
	// Distance is the signed distance in kept words (negative: to the
	// left) of an InWindow token, 0 otherwise.
	Distance int
	// Weight is what this token adds to X_wk: 1/|Distance| with distance
	// weighting, else 1; 0 unless InWindow.
	Weight float64
}

// Line is one occurrence of the word in context.
type Line struct {
	// Number is the line of the corpus, from 1.
	Number int64
	// Tokens are the tokens around the occurrence: the window and
	// Options.Context more on each side.
	Tokens []Token
	// CutBefore and CutAfter report tokens of the line left out.
	CutBefore, CutAfter bool
}

// Result is what Find found.
type Result struct {
	// Lines are the first occurrences, in corpus order.
	Lines []Line
	// Bytes is the decoded text read.
	Bytes int64
	// Complete is true when the whole text was read: Lines then holds
	// every occurrence, unless there were more than MaxLines.
	Complete bool
}

// Find reads decoded text (see corpus.NewReader) and returns the first
// occurrences of word, a token as the tokenizer of opt.Scan writes it
// (lower-cased with the words tokenizer), with their windows. It checks
// ctx once per chunk of about a megabyte.
func Find(ctx context.Context, text io.Reader, word string, opt Options) (*Result, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	if word == "" {
		return nil, ErrNoWord
	}
	f := &finder{word: word, opt: opt, res: &Result{}}
	if needle, ok := f.needle(); ok {
		err = f.scanFast(ctx, text, needle)
	} else {
		err = f.scanAll(ctx, text)
	}
	if err != nil {
		return nil, err
	}
	return f.res, nil
}

type finder struct {
	word string
	opt  Options
	res  *Result
	toks []string // tokens of the current line
	kept []bool

	batch   []byte  // the candidate lines of a chunk (fast path)
	numbers []int64 // their line numbers
}

// full reports whether MaxLines occurrences were found.
func (f *finder) full() bool { return len(f.res.Lines) >= f.opt.MaxLines }

// addLine takes the tokens of line number and adds a concordance line for
// each occurrence of the word, until MaxLines.
func (f *finder) addLine(number int64) {
	kept := f.kept[:0]
	for _, t := range f.toks {
		kept = append(kept, f.opt.InVocab == nil || f.opt.InVocab(t))
	}
	f.kept = kept
	for i, t := range f.toks {
		if t == f.word && !f.full() {
			f.res.Lines = append(f.res.Lines, f.kwic(number, i))
		}
	}
}

// kwic builds the concordance line of the occurrence at index i of the
// current line's tokens.
func (f *finder) kwic(number int64, i int) Line {
	toks, kept := f.toks, f.kept
	roles := make(map[int]Token)
	lo, hi := i, i
	if kept[i] {
		walk := func(step, sign int) int {
			last, d := i, 0
			for j := i + step; j >= 0 && j < len(toks) && d < f.opt.Window; j += step {
				if !kept[j] {
					continue
				}
				d++
				w := 1.0
				if f.opt.DistanceWeighting {
					w = 1 / float64(d)
				}
				roles[j] = Token{Role: InWindow, Distance: sign * d, Weight: w}
				last = j
			}
			return last
		}
		if f.opt.Symmetric {
			lo = walk(-1, -1)
		}
		hi = walk(1, 1)
	}
	lo = max(0, lo-f.opt.Context)
	hi = min(len(toks)-1, hi+f.opt.Context)
	line := Line{Number: number, CutBefore: lo > 0, CutAfter: hi < len(toks)-1, Tokens: make([]Token, 0, hi-lo+1)}
	for j := lo; j <= hi; j++ {
		t, ok := roles[j]
		switch {
		case j == i:
			t = Token{Role: Keyword}
		case ok:
		case !kept[j]:
			t = Token{Role: Dropped}
		default:
			t = Token{Role: Outside}
		}
		t.Text = toks[j]
		line.Tokens = append(line.Tokens, t)
	}
	return line
}

// scanAll tokenizes the whole text line by line (any word).
func (f *finder) scanAll(ctx context.Context, text io.Reader) error {
	sc := f.opt.Phrases.Rewrite(corpus.NewScannerOptions(text, f.opt.Scan))
	number := int64(1)
	lineHas := false
	next := int64(chunkSize)
	f.toks = f.toks[:0]
	for sc.Scan() {
		if !sc.LineBreak() {
			t := string(sc.Token())
			lineHas = lineHas || t == f.word
			f.toks = append(f.toks, t)
			continue
		}
		if lineHas {
			f.addLine(number)
		}
		number++
		f.toks, lineHas = f.toks[:0], false
		read := sc.Stats().Bytes
		if f.full() || read >= f.opt.MaxBytes {
			f.res.Bytes = read
			return nil
		}
		if read >= next {
			next = read + chunkSize
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if lineHas {
		f.addLine(number)
	}
	f.res.Bytes, f.res.Complete = sc.Stats().Bytes, true
	return nil
}

// needle returns what the prefilter of scanFast searches for, and false
// when the word needs scanAll (it is not ASCII). Without phrases it is
// the word. With phrases, a word a_b_c may be a joined token, whose text
// is not in the corpus: the needle is then its first part, a, which
// begins the token it was joined from (a itself, or a_b when the
// whitespace tokenizer kept a literal a_b whole), followed by a space or
// the joiner; the prefilter counts the joiner as a token boundary.
func (f *finder) needle() (string, bool) {
	if !isASCII([]byte(f.word)) {
		return "", false
	}
	if f.opt.Phrases.Len() == 0 {
		return f.word, true
	}
	first, _, _ := strings.Cut(f.word, phrases.Joiner)
	return first, first != ""
}

// scanFast reads the text in chunks of whole lines and tokenizes only
// the lines that may hold the (ASCII) word: those holding needle (see
// finder.needle).
func (f *finder) scanFast(ctx context.Context, text io.Reader, needle string) error {
	buf := make([]byte, chunkSize)
	n := 0             // bytes held in buf
	number := int64(1) // line number of buf[0]
	var read int64     // bytes read from text
	p := newPrefilter(needle, f.opt.Scan.Tokenizer, f.opt.Phrases.Len() > 0)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		m, err := io.ReadFull(text, buf[n:])
		n += m
		read += int64(m)
		eof := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !eof {
			return err
		}
		end := bytes.LastIndexByte(buf[:n], '\n') + 1
		if eof {
			end = n
		}
		if end == 0 { // one line longer than buf: grow it, within the budget
			if int64(len(buf)) >= f.opt.MaxBytes {
				f.res.Bytes = read - int64(n)
				return nil
			}
			buf = append(buf, make([]byte, len(buf))...)
			continue
		}
		budgetHit := false
		if left := f.opt.MaxBytes - f.res.Bytes; int64(end) > left {
			// Stop at the last whole line within the budget (a line
			// longer than the budget is not read, as when buf grows).
			end = bytes.LastIndexByte(buf[:left], '\n') + 1
			budgetHit, eof = true, false
		}
		if err := f.chunk(p, buf[:end], number); err != nil {
			return err
		}
		number += int64(bytes.Count(buf[:end], []byte{'\n'}))
		f.res.Bytes += int64(end)
		if eof && !f.full() {
			f.res.Complete = true
		}
		if eof || f.full() || budgetHit || f.res.Bytes >= f.opt.MaxBytes {
			return nil
		}
		n = copy(buf, buf[end:n])
	}
}

// chunk tokenizes the candidate lines of chunk (whole lines; the first is
// line number), all with one scanner.
func (f *finder) chunk(p *prefilter, chunk []byte, number int64) error {
	p.reset(chunk, number == 1)
	f.batch, f.numbers = f.batch[:0], f.numbers[:0]
	counted := 0 // chunk[:counted] has had its line feeds counted into number
	for from := 0; from < len(chunk); {
		at := p.next(from)
		if at < 0 {
			break
		}
		start := bytes.LastIndexByte(chunk[:at], '\n') + 1
		end := len(chunk)
		if k := bytes.IndexByte(chunk[at:], '\n'); k >= 0 {
			end = at + k + 1
		}
		number += int64(bytes.Count(chunk[counted:start], []byte{'\n'}))
		counted = start
		if len(f.batch) == 0 && number > 1 && bytes.HasPrefix(chunk[start:], []byte(bom)) {
			// Only the text's first line may start with a byte-order
			// mark the scanner skips; elsewhere it is text.
			f.batch = append(f.batch, ' ')
		}
		f.batch = append(f.batch, chunk[start:end]...)
		if f.batch[len(f.batch)-1] != '\n' {
			f.batch = append(f.batch, '\n')
		}
		f.numbers = append(f.numbers, number)
		from = end
	}
	if len(f.numbers) == 0 {
		return nil
	}
	// The batch's lines end in line feeds, at which the phrase stages
	// flush: no pair is joined across two lines, as in the build.
	sc := f.opt.Phrases.Rewrite(corpus.NewScannerOptions(bytes.NewReader(f.batch), f.opt.Scan))
	f.toks = f.toks[:0]
	for line := 0; sc.Scan() && !f.full(); {
		if !sc.LineBreak() {
			f.toks = append(f.toks, string(sc.Token()))
			continue
		}
		f.addLine(f.numbers[line])
		f.toks = f.toks[:0]
		line++
	}
	return sc.Err()
}

func isASCII(p []byte) bool {
	for _, b := range p {
		if b >= 0x80 {
			return false
		}
	}
	return true
}
