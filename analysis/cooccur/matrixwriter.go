package cooccur

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// MatrixFile is a counted matrix kept on disk instead of in memory: its
// columns and values are in two scratch files, and only its row pointers
// and row and column sums (8 bytes a word each) are in memory. It can
// replay its rows (EachRow) and write itself in the format of
// Matrix.WriteTo, byte for byte what the in-memory Matrix would write.
// Close removes the scratch files. It is not safe for concurrent use.
type MatrixFile struct {
	n         int
	symmetric bool
	rowPtr    []int64 // length n+1 once complete
	rowSums   []float64
	colSums   []float64
	sum       float64
	cols      *os.File // int32 little-endian
	vals      *os.File // float64 little-endian
	colW      *bufio.Writer
	valW      *bufio.Writer
	buf       []byte
	next      int32 // next row to be added
}

// scratchBuf is the size of the write and read buffers of a MatrixFile's
// scratch files.
const scratchBuf = 1 << 20

// newMatrixFile creates the scratch files of an n-word matrix in dir
// ("": os.TempDir()).
func newMatrixFile(n int, symmetric bool, dir string) (*MatrixFile, error) {
	mf := &MatrixFile{n: n, symmetric: symmetric, rowPtr: make([]int64, 1, n+1),
		rowSums: make([]float64, n), colSums: make([]float64, n)}
	var err error
	if mf.cols, err = os.CreateTemp(dir, "gloveboard-matrix-cols-*.bin"); err != nil {
		return nil, fmt.Errorf("writing the matrix: %w", err)
	}
	if mf.vals, err = os.CreateTemp(dir, "gloveboard-matrix-vals-*.bin"); err != nil {
		mf.Close()
		return nil, fmt.Errorf("writing the matrix: %w", err)
	}
	mf.colW = bufio.NewWriterSize(mf.cols, scratchBuf)
	mf.valW = bufio.NewWriterSize(mf.vals, scratchBuf)
	return mf, nil
}

// addRow appends row (greater than the rows before) with its columns
// (ascending) and values, and adds to the sums in the order
// Matrix.computeSums does, so that they are bit for bit the same.
func (mf *MatrixFile) addRow(row int32, cols []int32, vals []float64) error {
	nnz := mf.rowPtr[len(mf.rowPtr)-1]
	for ; mf.next < row; mf.next++ {
		mf.rowPtr = append(mf.rowPtr, nnz)
	}
	var err error
	if mf.buf, err = binary.Append(mf.buf[:0], binary.LittleEndian, cols); err != nil {
		return err
	}
	if _, err := mf.colW.Write(mf.buf); err != nil {
		return fmt.Errorf("writing the matrix: %w", err)
	}
	if mf.buf, err = binary.Append(mf.buf[:0], binary.LittleEndian, vals); err != nil {
		return err
	}
	if _, err := mf.valW.Write(mf.buf); err != nil {
		return fmt.Errorf("writing the matrix: %w", err)
	}
	s := 0.0
	for k, v := range vals {
		s += v
		mf.colSums[cols[k]] += v
	}
	mf.rowSums[row] = s
	mf.sum += s
	mf.rowPtr = append(mf.rowPtr, nnz+int64(len(cols)))
	mf.next = row + 1
	return nil
}

// finish closes the row pointers and flushes the scratch files.
func (mf *MatrixFile) finish() error {
	nnz := mf.rowPtr[len(mf.rowPtr)-1]
	for ; int(mf.next) < mf.n; mf.next++ {
		mf.rowPtr = append(mf.rowPtr, nnz)
	}
	if err := errors.Join(mf.colW.Flush(), mf.valW.Flush()); err != nil {
		return fmt.Errorf("writing the matrix: %w", err)
	}
	return nil
}

// Dim returns the number of rows (= columns = vocabulary size).
func (mf *MatrixFile) Dim() int { return mf.n }

// NNZ returns the number of stored nonzeros.
func (mf *MatrixFile) NNZ() int64 { return mf.rowPtr[len(mf.rowPtr)-1] }

// RowSum returns X_i = Σ_k X[i][k].
func (mf *MatrixFile) RowSum(i int32) float64 { return mf.rowSums[i] }

// ColSum returns Σ_k X[k][j].
func (mf *MatrixFile) ColSum(j int32) float64 { return mf.colSums[j] }

// Sum returns Σ_ij X[i][j].
func (mf *MatrixFile) Sum() float64 { return mf.sum }

// EachRow reads the rows back from disk and passes each nonempty one, in
// order, to fn; the slices are reused after fn returns. An error from fn
// or from reading stops it and is returned.
func (mf *MatrixFile) EachRow(fn func(i int32, cols []int32, vals []float64) error) error {
	colR, err := sectionReader(mf.cols)
	if err != nil {
		return err
	}
	valR, err := sectionReader(mf.vals)
	if err != nil {
		return err
	}
	var cols []int32
	var vals []float64
	for i := 0; i < mf.n; i++ {
		k := int(mf.rowPtr[i+1] - mf.rowPtr[i])
		if k == 0 {
			continue
		}
		if cap(cols) < k {
			cols, vals = make([]int32, k), make([]float64, k)
		}
		cols, vals = cols[:k], vals[:k]
		if err := errors.Join(binary.Read(colR, binary.LittleEndian, cols), binary.Read(valR, binary.LittleEndian, vals)); err != nil {
			return fmt.Errorf("reading the matrix back: %w", err)
		}
		if err := fn(int32(i), cols, vals); err != nil {
			return err
		}
	}
	return nil
}

// sectionReader reads f from its start, through a buffer.
func sectionReader(f *os.File) (*bufio.Reader, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("reading the matrix back: %w", err)
	}
	return bufio.NewReaderSize(io.NewSectionReader(f, 0, st.Size()), scratchBuf), nil
}

// WriteTo writes the matrix in the format of Matrix.WriteTo, copying the
// columns and values from the scratch files.
func (mf *MatrixFile) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriterSize(w, scratchBuf)
	cw := &countingWriter{w: bw}
	sym := uint8(0)
	if mf.symmetric {
		sym = 1
	}
	cw.Write([]byte(matrixMagic))
	for _, v := range []any{uint64(mf.n), uint64(mf.NNZ()), sym} {
		if err := binary.Write(cw, binary.LittleEndian, v); err != nil {
			return cw.n, err
		}
	}
	if err := writeArray(cw, mf.rowPtr); err != nil {
		return cw.n, err
	}
	for _, f := range []*os.File{mf.cols, mf.vals} {
		st, err := f.Stat()
		if err != nil {
			return cw.n, fmt.Errorf("reading the matrix back: %w", err)
		}
		if _, err := io.Copy(cw, io.NewSectionReader(f, 0, st.Size())); err != nil {
			return cw.n, err
		}
	}
	return cw.n, bw.Flush()
}

// Close removes the scratch files.
func (mf *MatrixFile) Close() error {
	var errs []error
	for _, f := range []*os.File{mf.cols, mf.vals} {
		if f == nil {
			continue
		}
		f.Close()
		if err := os.Remove(f.Name()); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	mf.cols, mf.vals = nil, nil
	return errors.Join(errs...)
}

// CountToFile is Count with the matrix on disk: its rows go to scratch
// files in opt.TempDir as the merge produces them, so the memory of
// counting stays within opt.MemoryBytes however large the matrix is (the
// in-memory Matrix of Count takes 12 bytes a nonzero on top). The
// Result's Matrix is nil; the caller closes the MatrixFile, which removes
// its scratch files. On an error nothing is left in opt.TempDir by the
// matrix.
func CountToFile(ctx context.Context, r io.Reader, opt Options) (*Result, *MatrixFile, error) {
	var mf *MatrixFile
	res, err := count(ctx, r, opt, func(vocabSize int, _ int64) (rowSink, error) {
		var err error
		mf, err = newMatrixFile(vocabSize, opt.Symmetric, opt.TempDir)
		if err != nil {
			return nil, err
		}
		return mf.addRow, nil
	})
	if err == nil {
		err = mf.finish()
	}
	if err != nil {
		if mf != nil {
			err = errors.Join(err, mf.Close())
		}
		return nil, nil, err
	}
	return res, mf, nil
}
