package cooccur

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// matrixMagic opens gloveboard's own matrix file: the CSR arrays as they
// are in memory, so a matrix loads at disk speed without sorting.
const matrixMagic = "GBCSR001"

// ErrBadMatrixFile reports a matrix file that is not ours or is damaged.
var ErrBadMatrixFile = errors.New("malformed matrix file")

// WriteTo writes m in gloveboard's matrix format: the magic "GBCSR001",
// then little-endian uint64 n, uint64 nnz, uint8 symmetric, the n+1 row
// pointers (int64), the nnz columns (int32) and the nnz values (float64).
func (m *Matrix) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := &countingWriter{w: bw}
	sym := uint8(0)
	if m.symmetric {
		sym = 1
	}
	cw.Write([]byte(matrixMagic))
	for _, v := range []any{uint64(m.n), uint64(len(m.cols)), sym} {
		if err := binary.Write(cw, binary.LittleEndian, v); err != nil {
			return cw.n, err
		}
	}
	if err := errors.Join(writeArray(cw, m.rowPtr), writeArray(cw, m.cols), writeArray(cw, m.vals)); err != nil {
		return cw.n, err
	}
	return cw.n, bw.Flush()
}

// writeChunk is how many values writeArray encodes at a time.
const writeChunk = 1 << 15

// writeArray writes values little-endian through one buffer of writeChunk
// values: binary.Write of a whole slice first encodes it into a new
// buffer of its full size (142 MiB for the values of an 18.7 M-nonzero
// matrix), and of each chunk into a new buffer of the chunk's size, which
// is garbage the heap may grow by before the next collection.
func writeArray[T int32 | int64 | float64](w io.Writer, values []T) error {
	buf := make([]byte, 0, writeChunk*8)
	for len(values) > 0 {
		k := min(len(values), writeChunk)
		var err error
		if buf, err = binary.Append(buf[:0], binary.LittleEndian, values[:k]); err != nil {
			return err
		}
		if _, err := w.Write(buf); err != nil {
			return err
		}
		values = values[k:]
	}
	return nil
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// readArray reads count little-endian values, in chunks of at most 1 Mi
// values.
func readArray[T int32 | int64 | float64](r io.Reader, count uint64) ([]T, error) {
	const chunk = 1 << 20
	out := make([]T, 0, min(count, chunk))
	buf := make([]T, min(count, chunk))
	for left := count; left > 0; {
		k := min(left, chunk)
		if err := binary.Read(r, binary.LittleEndian, buf[:k]); err != nil {
			return nil, fmt.Errorf("%w: %v (the header promises more data than the file holds)", ErrBadMatrixFile, err)
		}
		out = append(out, buf[:k]...)
		left -= k
	}
	return out, nil
}

// ReadMatrix reads a matrix written by WriteTo, checking its structure:
// row pointers non-decreasing, columns in range and ascending within a
// row, values finite and positive. Violations wrap ErrBadMatrixFile.
func ReadMatrix(r io.Reader) (*Matrix, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	magic := make([]byte, len(matrixMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != matrixMagic {
		return nil, fmt.Errorf("%w: not a gloveboard matrix file", ErrBadMatrixFile)
	}
	var n, nnz uint64
	var sym uint8
	for _, v := range []any{&n, &nnz, &sym} {
		if err := binary.Read(br, binary.LittleEndian, v); err != nil {
			return nil, fmt.Errorf("%w: header: %v", ErrBadMatrixFile, err)
		}
	}
	if n > math.MaxInt32 || nnz > 1<<40 || sym > 1 {
		return nil, fmt.Errorf("%w: implausible header (n %d, nnz %d)", ErrBadMatrixFile, n, nnz)
	}
	m := &Matrix{n: int(n), symmetric: sym == 1}
	var err error
	// The header is not trusted with an allocation: the arrays grow as
	// their data arrives, so a lying count ends in an error, not in a
	// request for terabytes.
	if m.rowPtr, err = readArray[int64](br, n+1); err != nil {
		return nil, err
	}
	if m.cols, err = readArray[int32](br, nnz); err != nil {
		return nil, err
	}
	if m.vals, err = readArray[float64](br, nnz); err != nil {
		return nil, err
	}
	if m.rowPtr[0] != 0 || m.rowPtr[n] != int64(nnz) {
		return nil, fmt.Errorf("%w: row pointers do not span the entries", ErrBadMatrixFile)
	}
	for i := 0; i < int(n); i++ {
		lo, hi := m.rowPtr[i], m.rowPtr[i+1]
		if hi < lo || lo < 0 || hi > int64(nnz) {
			return nil, fmt.Errorf("%w: row %d spans entries %d to %d of %d", ErrBadMatrixFile, i, lo, hi, nnz)
		}
		for k := lo; k < hi; k++ {
			c := m.cols[k]
			if c < 0 || uint64(c) >= n || (k > lo && m.cols[k-1] >= c) {
				return nil, fmt.Errorf("%w: row %d: column %d out of range or order", ErrBadMatrixFile, i, c)
			}
			if v := m.vals[k]; !(v > 0) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("%w: row %d: value %v", ErrBadMatrixFile, i, v)
			}
		}
	}
	m.computeSums()
	return m, nil
}
