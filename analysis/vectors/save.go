package vectors

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// WriteText writes s as text rows "word v1 … vd", preceded by the header
// "n d" when header is true (word2vec text; GloVe text has none). Values
// are written in the shortest form that reads back as the same float32.
// Formatting them is most of the cost, so rows are formatted in batches on
// up to GOMAXPROCS goroutines (see formatText) and written in order: the
// bytes do not depend on how many there are.
func WriteText(w io.Writer, s *Set, header bool) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	if header {
		line := strconv.AppendInt(nil, int64(s.Len()), 10)
		line = append(line, ' ')
		line = strconv.AppendInt(line, int64(s.dim), 10)
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	err := formatText(s, runtime.GOMAXPROCS(0), func(text []byte) error {
		_, err := bw.Write(text)
		return err
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

// textBatch is the number of rows formatted at a time: about 600 KB of
// text at d = 100, enough to share the work, few enough to keep little in
// memory.
const textBatch = 1024

// appendText appends rows lo..hi−1 of s to dst as text lines.
func (s *Set) appendText(dst []byte, lo, hi int) []byte {
	for i := lo; i < hi; i++ {
		dst = append(dst, s.words[i]...)
		for _, v := range s.Vector(i) {
			dst = append(dst, ' ')
			dst = strconv.AppendFloat(dst, float64(v), 'g', -1, 32)
		}
		dst = append(dst, '\n')
	}
	return dst
}

// formatText formats the rows of s in batches of textBatch on up to
// workers goroutines and passes each batch's text to emit, in row order,
// on the calling goroutine. emit must not keep the slice. It stops at the
// first error of emit and returns it; it returns only once every goroutine
// it started has ended.
func formatText(s *Set, workers int, emit func(text []byte) error) error {
	batches := (s.Len() + textBatch - 1) / textBatch
	workers = max(1, min(workers, batches))
	if workers == 1 {
		var text []byte
		for b := range batches {
			text = s.appendText(text[:0], b*textBatch, min((b+1)*textBatch, s.Len()))
			if err := emit(text); err != nil {
				return err
			}
		}
		return nil
	}
	// free holds the 2·workers text buffers. A worker takes one before it
	// takes a batch, and the emitter gives it back once it has emitted
	// that batch: at most 2·workers batches are formatted and not yet
	// written, and the buffers are reused instead of left to the garbage
	// collector (which lets a heap grow to twice what is live). Batches
	// are taken in increasing order, so the batch the emitter waits for is
	// always held by a running worker, which never blocks before sending it.
	free := make(chan []byte, 2*workers)
	for range cap(free) {
		free <- nil
	}
	// done[b] receives batch b's text once formatted; its buffer of one
	// means a worker never waits for the emitter to take it.
	done := make([]chan []byte, batches)
	for b := range done {
		done[b] = make(chan []byte, 1)
	}
	quit := make(chan struct{}) // closed when the emitter stops early
	var next atomic.Int64       // the next batch to take
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				var buf []byte
				select {
				case buf = <-free:
				case <-quit:
					return
				}
				b := int(next.Add(1) - 1)
				if b >= batches {
					free <- buf // not a batch: give the buffer back
					return
				}
				done[b] <- s.appendText(buf[:0], b*textBatch, min((b+1)*textBatch, s.Len()))
			}
		})
	}
	var err error
	for b := range batches {
		text := <-done[b]
		err = emit(text)
		free <- text
		if err != nil {
			break
		}
	}
	close(quit)
	wg.Wait()
	return err
}

// WriteBinary writes s in word2vec's binary format: "n d\n", then per row
// the word, a space, d little-endian float32 and "\n".
func WriteBinary(w io.Writer, s *Set) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	head := strconv.Itoa(s.Len()) + " " + strconv.Itoa(s.dim) + "\n"
	if _, err := bw.WriteString(head); err != nil {
		return err
	}
	rec := make([]byte, 0, 4*s.dim+64)
	for i, word := range s.words {
		rec = append(rec[:0], word...)
		rec = append(rec, ' ')
		for _, v := range s.Vector(i) {
			rec = binary.LittleEndian.AppendUint32(rec, math.Float32bits(v))
		}
		rec = append(rec, '\n')
		if _, err := bw.Write(rec); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// WriteProjector writes the TensorFlow Embedding Projector pair: the
// vectors as tab-separated values one row a line to vectorsTSV, and the
// words one a line to metadataTSV (a single column, so without a header
// line, as the projector expects).
func WriteProjector(vectorsTSV, metadataTSV io.Writer, s *Set) error {
	vw := bufio.NewWriterSize(vectorsTSV, 1<<20)
	mw := bufio.NewWriterSize(metadataTSV, 1<<16)
	var line []byte
	for i, word := range s.words {
		line = line[:0]
		for j, v := range s.Vector(i) {
			if j > 0 {
				line = append(line, '\t')
			}
			line = strconv.AppendFloat(line, float64(v), 'g', -1, 32)
		}
		line = append(line, '\n')
		if _, err := vw.Write(line); err != nil {
			return err
		}
		if _, err := mw.WriteString(word + "\n"); err != nil {
			return err
		}
	}
	if err := vw.Flush(); err != nil {
		return err
	}
	return mw.Flush()
}

// SaveText writes s to path as GloVe text (header false) or word2vec text
// (header true), gzip-compressed when path ends in ".gz".
func SaveText(path string, s *Set, header bool) error {
	return saveFile(path, func(w io.Writer) error { return WriteText(w, s, header) })
}

// SaveBinary writes s to path in word2vec binary format, gzip-compressed
// when path ends in ".gz".
func SaveBinary(path string, s *Set) error {
	return saveFile(path, func(w io.Writer) error { return WriteBinary(w, s) })
}

// SaveProjector writes dir/vectors.tsv and dir/metadata.tsv (see
// WriteProjector), creating dir if needed.
func SaveProjector(dir string, s *Set) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	vf, err := os.Create(filepath.Join(dir, "vectors.tsv"))
	if err != nil {
		return err
	}
	mf, err := os.Create(filepath.Join(dir, "metadata.tsv"))
	if err != nil {
		vf.Close()
		return err
	}
	werr := WriteProjector(vf, mf, s)
	return errors.Join(werr, vf.Close(), mf.Close())
}

// saveFile creates path and runs write on it (through gzip for ".gz").
func saveFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if !strings.HasSuffix(path, ".gz") {
		return errors.Join(write(f), f.Close())
	}
	zw := gzip.NewWriter(f)
	werr := write(zw)
	return errors.Join(werr, zw.Close(), f.Close())
}
