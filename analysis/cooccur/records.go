package cooccur

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
)

// BinRecordSize is the size in bytes of one cooccurrence.bin record
// (int32 word, int32 context, float64 count, little-endian, 1-based ids).
const BinRecordSize = binRecordSize

// RecordReader reads the nonzeros of a matrix, row by row, as a
// cooccurrence.bin byte stream: the input of glove.NewTrainerBin, which
// can then train on (or stream to disk) a matrix without a []Entry copy
// of it. Size is the stream's length in bytes. Read never returns a
// partial record unless p is shorter than one.
type RecordReader struct {
	n, nnz  int64
	rowPtr  []int64
	cols    func(dst []int32) error   // the next len(dst) columns
	vals    func(dst []float64) error // the next len(dst) values
	row     int64                     // row of the next record
	k       int64                     // index of the next record
	colBuf  []int32
	valBuf  []float64
	pending []byte // bytes of a record split by a short p
}

// recordBatch is how many records RecordReader converts at a time.
const recordBatch = 1 << 14

// Records returns a reader of m's nonzeros as cooccurrence.bin records.
func (m *Matrix) Records() *RecordReader {
	var colAt, valAt int
	return &RecordReader{
		n: int64(m.n), nnz: int64(len(m.cols)), rowPtr: m.rowPtr,
		cols: func(dst []int32) error { colAt += copy(dst, m.cols[colAt:]); return nil },
		vals: func(dst []float64) error { valAt += copy(dst, m.vals[valAt:]); return nil },
	}
}

// OpenMatrixRecords reads the header and row pointers of a matrix file
// written by Matrix.WriteTo (size bytes long) and returns a reader of its
// nonzeros as cooccurrence.bin records, read from the file as they are
// needed: memory holds the row pointers (8 bytes a word) and two 1 MiB
// buffers, not the matrix. Structural damage (a header that does not match
// size, row pointers out of order) wraps ErrBadMatrixFile; the columns
// and values are checked by whoever reads the records (glove.NewTrainerBin
// does).
func OpenMatrixRecords(f io.ReaderAt, size int64) (*RecordReader, error) {
	hdrLen := int64(len(matrixMagic)) + 8 + 8 + 1
	hdr := make([]byte, hdrLen)
	if _, err := f.ReadAt(hdr, 0); err != nil || string(hdr[:len(matrixMagic)]) != matrixMagic {
		return nil, fmt.Errorf("%w: not a gloveboard matrix file", ErrBadMatrixFile)
	}
	n := binary.LittleEndian.Uint64(hdr[len(matrixMagic):])
	nnz := binary.LittleEndian.Uint64(hdr[len(matrixMagic)+8:])
	if n > math.MaxInt32 || nnz > 1<<40 || hdr[hdrLen-1] > 1 {
		return nil, fmt.Errorf("%w: implausible header (n %d, nnz %d)", ErrBadMatrixFile, n, nnz)
	}
	colsOff := hdrLen + 8*int64(n+1)
	valsOff := colsOff + 4*int64(nnz)
	if valsOff+8*int64(nnz) != size {
		return nil, fmt.Errorf("%w: the header promises %d bytes, the file has %d", ErrBadMatrixFile, valsOff+8*int64(nnz), size)
	}
	rowPtr, err := readArray[int64](io.NewSectionReader(f, hdrLen, colsOff-hdrLen), n+1)
	if err != nil {
		return nil, err
	}
	if rowPtr[0] != 0 || rowPtr[n] != int64(nnz) {
		return nil, fmt.Errorf("%w: row pointers do not span the entries", ErrBadMatrixFile)
	}
	for i := range n {
		if rowPtr[i+1] < rowPtr[i] {
			return nil, fmt.Errorf("%w: row %d spans entries %d to %d", ErrBadMatrixFile, i, rowPtr[i], rowPtr[i+1])
		}
	}
	colR := bufio.NewReaderSize(io.NewSectionReader(f, colsOff, 4*int64(nnz)), 1<<20)
	valR := bufio.NewReaderSize(io.NewSectionReader(f, valsOff, 8*int64(nnz)), 1<<20)
	short := func(err error) error {
		return fmt.Errorf("%w: reading the entries: %v", ErrBadMatrixFile, err)
	}
	return &RecordReader{
		n: int64(n), nnz: int64(nnz), rowPtr: rowPtr,
		cols: func(dst []int32) error {
			if err := binary.Read(colR, binary.LittleEndian, dst); err != nil {
				return short(err)
			}
			return nil
		},
		vals: func(dst []float64) error {
			if err := binary.Read(valR, binary.LittleEndian, dst); err != nil {
				return short(err)
			}
			return nil
		},
	}, nil
}

// Size returns the length of the record stream in bytes (16 a nonzero).
func (r *RecordReader) Size() int64 { return r.nnz * binRecordSize }

// Dim returns the matrix dimension (the vocabulary size).
func (r *RecordReader) Dim() int { return int(r.n) }

// Read fills p with the next records; io.EOF after the last.
func (r *RecordReader) Read(p []byte) (int, error) {
	done := copy(p, r.pending)
	r.pending = r.pending[done:]
	for done+binRecordSize <= len(p) && r.k < r.nnz {
		batch := min(int64((len(p)-done)/binRecordSize), r.nnz-r.k, recordBatch)
		if err := r.fill(p[done:done+int(batch)*binRecordSize], int(batch)); err != nil {
			return done, err
		}
		done += int(batch) * binRecordSize
	}
	if done < len(p) && r.k < r.nnz && len(r.pending) == 0 {
		var rec [binRecordSize]byte // p ends inside a record: keep the rest
		if err := r.fill(rec[:], 1); err != nil {
			return done, err
		}
		c := copy(p[done:], rec[:])
		r.pending = append([]byte(nil), rec[c:]...)
		done += c
	}
	if done == 0 && len(p) > 0 {
		return 0, io.EOF
	}
	return done, nil
}

// fill writes the next count records to dst.
func (r *RecordReader) fill(dst []byte, count int) error {
	if cap(r.colBuf) < count {
		r.colBuf, r.valBuf = make([]int32, count), make([]float64, count)
	}
	cols, vals := r.colBuf[:count], r.valBuf[:count]
	if err := r.cols(cols); err != nil {
		return err
	}
	if err := r.vals(vals); err != nil {
		return err
	}
	for i := range count {
		for r.rowPtr[r.row+1] <= r.k {
			r.row++
		}
		rec := dst[i*binRecordSize:]
		binary.LittleEndian.PutUint32(rec[0:], uint32(r.row+1))
		binary.LittleEndian.PutUint32(rec[4:], uint32(cols[i]+1))
		binary.LittleEndian.PutUint64(rec[8:], math.Float64bits(vals[i]))
		r.k++
	}
	return nil
}
