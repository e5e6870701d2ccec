package corpus

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
)

// Vocabulary is a list of distinct words with their counts, ordered by
// count (descending) then by word (byte order). A word's id is its rank:
// 0 is the most frequent word.
type Vocabulary struct {
	words  []string
	counts []int64
	index  map[string]int32
	total  int64
}

// NewVocabulary builds a vocabulary from parallel slices of words and
// counts, in any order; it sorts them. It panics if the lengths differ.
// Duplicate words are an error (ErrBadVocabulary).
func NewVocabulary(words []string, counts []int64) (*Vocabulary, error) {
	if len(words) != len(counts) {
		panic("corpus: NewVocabulary: words and counts differ in length")
	}
	v, _ := newSortedVocabulary(words, counts)
	if err := v.buildIndex(); err != nil {
		return nil, err
	}
	return v, nil
}

// newSortedVocabulary sorts words by count then word and returns the
// vocabulary (without its index) and the sort order: order[rank] is the
// position in the input of the word with that rank.
func newSortedVocabulary(words []string, counts []int64) (*Vocabulary, []int32) {
	order := make([]int32, len(words))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return compareSignedBytes(words[a], words[b])
	})
	v := &Vocabulary{words: make([]string, len(words)), counts: make([]int64, len(words))}
	for r, i := range order {
		v.words[r] = words[i]
		v.counts[r] = counts[i]
	}
	return v, order
}

func (v *Vocabulary) buildIndex() error {
	v.index = make(map[string]int32, len(v.words))
	v.total = 0
	for i, w := range v.words {
		if _, dup := v.index[w]; dup {
			return fmt.Errorf("%w: word %q appears twice", ErrBadVocabulary, w)
		}
		v.index[w] = int32(i)
		v.total += v.counts[i]
	}
	return nil
}

// Len returns the number of words.
func (v *Vocabulary) Len() int { return len(v.words) }

// Word returns the word with the given id (rank). It panics if id is out
// of range.
func (v *Vocabulary) Word(id int32) string { return v.words[id] }

// Count returns the count of the word with the given id.
func (v *Vocabulary) Count(id int32) int64 { return v.counts[id] }

// Counts returns the counts by id, descending. The slice must not be
// modified.
func (v *Vocabulary) Counts() []int64 { return v.counts }

// Words returns the words by id. The slice must not be modified.
func (v *Vocabulary) Words() []string { return v.words }

// Total returns the sum of all counts (the number of tokens covered).
func (v *Vocabulary) Total() int64 { return v.total }

// ID returns the id of word and whether it is in the vocabulary.
func (v *Vocabulary) ID(word string) (int32, bool) {
	id, ok := v.index[word]
	return id, ok
}

// Prune returns the prefix of v holding the words with count ≥ minCount,
// at most maxVocab of them (0 means no limit). Ids are unchanged.
func (v *Vocabulary) Prune(minCount int64, maxVocab int) *Vocabulary {
	n, _ := slices.BinarySearchFunc(v.counts, minCount, func(c, min int64) int {
		// counts are descending: words with c >= min come first.
		if c >= min {
			return -1
		}
		return 1
	})
	if maxVocab > 0 && n > maxVocab {
		n = maxVocab
	}
	p := &Vocabulary{words: v.words[:n:n], counts: v.counts[:n:n]}
	if n == len(v.words) {
		p.index = v.index
		p.total = v.total
		return p
	}
	p.index = make(map[string]int32, n)
	for i, w := range p.words {
		p.index[w] = int32(i)
		p.total += p.counts[i]
	}
	return p
}

// WriteTo writes v in the Stanford vocab.txt format: "word count" lines.
func (v *Vocabulary) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	var n int64
	var num []byte
	for i, word := range v.words {
		num = strconv.AppendInt(num[:0], v.counts[i], 10)
		k, err := bw.WriteString(word)
		n += int64(k)
		if err != nil {
			return n, err
		}
		bw.WriteByte(' ')
		k, err = bw.Write(num)
		n += int64(k) + 2
		if err != nil {
			return n, err
		}
		bw.WriteByte('\n')
	}
	return n, bw.Flush()
}

// ReadVocabulary reads the Stanford vocab.txt format: one "word count" pair
// per line, separated by a space or tab, counts descending. Blank lines are
// skipped, and so is a UTF-8 byte-order mark at the start of the file. A
// line without a count, a count that is not a positive integer, a word
// that appears twice or counts out of order are errors wrapping
// ErrBadVocabulary, with the line number.
func ReadVocabulary(r io.Reader) (*Vocabulary, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	v := &Vocabulary{}
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimRight(sc.Bytes(), "\r")
		if line == 1 {
			b = trimBOM(b)
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		sep := bytes.LastIndexAny(b, " \t")
		if sep <= 0 {
			return nil, fmt.Errorf("%w: line %d: want \"word count\", got %q", ErrBadVocabulary, line, truncateForMessage(b))
		}
		count, err := strconv.ParseInt(string(b[sep+1:]), 10, 64)
		if err != nil || count <= 0 {
			return nil, fmt.Errorf("%w: line %d: count %q is not a positive integer", ErrBadVocabulary, line, truncateForMessage(b[sep+1:]))
		}
		if n := len(v.counts); n > 0 && count > v.counts[n-1] {
			return nil, fmt.Errorf("%w: line %d: counts must be in descending order", ErrBadVocabulary, line)
		}
		if len(v.words) >= math.MaxInt32 {
			return nil, fmt.Errorf("%w: more than %d words", ErrVocabularyTooLarge, math.MaxInt32)
		}
		v.words = append(v.words, string(b[:sep]))
		v.counts = append(v.counts, count)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: line %d: %v", ErrBadVocabulary, line+1, err)
	}
	if err := v.buildIndex(); err != nil {
		return nil, err
	}
	return v, nil
}

// trimBOM drops a UTF-8 byte-order mark from the start of the first line
// of a vocab.txt, as the tokenizer skips one at the start of a corpus, so
// that it does not become part of the first word. A U+FEFF further on is
// part of its word.
func trimBOM(first []byte) []byte { return bytes.TrimPrefix(first, []byte("\ufeff")) }

// compareSignedBytes orders strings byte by byte with bytes read as
// signed (C char on x86), as Stanford's vocab_count breaks ties: bytes
// ≥ 0x80 sort before ASCII. Using the same order makes our vocabulary,
// and so our word ids, identical to theirs.
func compareSignedBytes(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return cmp.Compare(int8(a[i]), int8(b[i]))
		}
	}
	return cmp.Compare(len(a), len(b))
}

// truncateForMessage shortens p for an error message.
func truncateForMessage(p []byte) string {
	const max = 40
	if len(p) > max {
		return string(p[:max]) + "..."
	}
	return string(p)
}
