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
	"strconv"
	"strings"
)

// WriteText writes s as text rows "word v1 … vd", preceded by the header
// "n d" when header is true (word2vec text; GloVe text has none). Values
// are written in the shortest form that reads back as the same float32.
func WriteText(w io.Writer, s *Set, header bool) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	var line []byte
	if header {
		line = strconv.AppendInt(line, int64(s.Len()), 10)
		line = append(line, ' ')
		line = strconv.AppendInt(line, int64(s.dim), 10)
		line = append(line, '\n')
	}
	for i, word := range s.words {
		line = append(line, word...)
		for _, v := range s.Vector(i) {
			line = append(line, ' ')
			line = strconv.AppendFloat(line, float64(v), 'g', -1, 32)
		}
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
		line = line[:0]
	}
	if _, err := bw.Write(line); err != nil {
		return err
	}
	return bw.Flush()
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
