package cooccur

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Entry is one nonzero of a co-occurrence matrix: X[Row][Col] = Value.
// Row and Col are 0-based vocabulary ranks (0 is the most frequent word).
type Entry struct {
	Row, Col int32
	Value    float64
}

// binRecordSize is the size of one record of the Stanford cooccurrence.bin
// format: int32 word1, int32 word2, float64 value, little-endian, with
// 1-based word ids (vocabulary rank + 1).
const binRecordSize = 16

// ErrBadBinFile reports a cooccurrence.bin stream that is not a whole
// number of records, or holds ids outside the vocabulary or non-finite or
// non-positive values.
var ErrBadBinFile = errors.New("malformed cooccurrence.bin file")

// BinWriter writes entries in the Stanford cooccurrence.bin format.
// Call Flush when done.
type BinWriter struct {
	w   *bufio.Writer
	buf [binRecordSize]byte
	n   int64
}

// NewBinWriter returns a writer of Stanford cooccurrence.bin records to w.
func NewBinWriter(w io.Writer) *BinWriter {
	return &BinWriter{w: bufio.NewWriterSize(w, 1<<20)}
}

// Write appends one record; e.Row and e.Col are 0-based and stored 1-based.
func (bw *BinWriter) Write(e Entry) error {
	binary.LittleEndian.PutUint32(bw.buf[0:4], uint32(e.Row+1))
	binary.LittleEndian.PutUint32(bw.buf[4:8], uint32(e.Col+1))
	binary.LittleEndian.PutUint64(bw.buf[8:16], math.Float64bits(e.Value))
	bw.n++
	_, err := bw.w.Write(bw.buf[:])
	return err
}

// Count returns the number of records written so far.
func (bw *BinWriter) Count() int64 { return bw.n }

// Flush writes any buffered records to the underlying writer.
func (bw *BinWriter) Flush() error { return bw.w.Flush() }

// BinReader reads Stanford cooccurrence.bin records one at a time.
type BinReader struct {
	r         *bufio.Reader
	vocabSize int
	buf       [binRecordSize]byte
	n         int64
}

// NewBinReader returns a reader of cooccurrence.bin records from r. When
// vocabSize > 0, ids above it are reported as ErrBadBinFile.
func NewBinReader(r io.Reader, vocabSize int) *BinReader {
	return &BinReader{r: bufio.NewReaderSize(r, 1<<20), vocabSize: vocabSize}
}

// Read returns the next entry with 0-based Row and Col, or io.EOF after the
// last whole record. A trailing partial record, an id outside
// [1, vocabSize] or a value that is not finite and positive is an error
// wrapping ErrBadBinFile that names the record number.
func (br *BinReader) Read() (Entry, error) {
	n, err := io.ReadFull(br.r, br.buf[:])
	if err == io.EOF {
		return Entry{}, io.EOF
	}
	if err != nil {
		return Entry{}, fmt.Errorf("%w: record %d is truncated (%d of %d bytes)", ErrBadBinFile, br.n+1, n, binRecordSize)
	}
	br.n++
	w1 := int32(binary.LittleEndian.Uint32(br.buf[0:4]))
	w2 := int32(binary.LittleEndian.Uint32(br.buf[4:8]))
	v := math.Float64frombits(binary.LittleEndian.Uint64(br.buf[8:16]))
	if w1 < 1 || w2 < 1 || (br.vocabSize > 0 && (int(w1) > br.vocabSize || int(w2) > br.vocabSize)) {
		return Entry{}, fmt.Errorf("%w: record %d has word ids (%d, %d) outside 1..%d", ErrBadBinFile, br.n, w1, w2, br.vocabSize)
	}
	if !(v > 0) || math.IsInf(v, 0) {
		return Entry{}, fmt.Errorf("%w: record %d has value %v; counts must be finite and positive", ErrBadBinFile, br.n, v)
	}
	return Entry{Row: w1 - 1, Col: w2 - 1, Value: v}, nil
}

// ReadBin reads a whole cooccurrence.bin stream into memory.
func ReadBin(r io.Reader, vocabSize int) ([]Entry, error) {
	br := NewBinReader(r, vocabSize)
	var out []Entry
	for {
		e, err := br.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
}
