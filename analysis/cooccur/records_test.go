package cooccur

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"testing"
	"testing/iotest"
)

// randomMatrix returns an n×n matrix with about nnz random nonzeros,
// some rows empty.
func randomMatrix(t *testing.T, n, nnz int, seed uint64) *Matrix {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 1))
	entries := make([]Entry, nnz)
	for i := range entries {
		entries[i] = Entry{Row: int32(rng.IntN(n/2) * 2), Col: int32(rng.IntN(n)), Value: 0.5 + rng.Float64()}
	}
	m, err := NewMatrix(n, entries, true)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestRecordsEqualWriteBin checks that both record readers, read through
// buffers of awkward sizes, give exactly the bytes WriteBin writes.
func TestRecordsEqualWriteBin(t *testing.T) {
	m := randomMatrix(t, 300, 50_000, 1)
	var want bytes.Buffer
	if err := m.WriteBin(&want); err != nil {
		t.Fatal(err)
	}
	var file bytes.Buffer
	if _, err := m.WriteTo(&file); err != nil {
		t.Fatal(err)
	}
	fromFile := func() io.Reader {
		r, err := OpenMatrixRecords(bytes.NewReader(file.Bytes()), int64(file.Len()))
		if err != nil {
			t.Fatal(err)
		}
		if r.Size() != int64(want.Len()) || r.Dim() != 300 {
			t.Fatalf("Size %d, Dim %d; want %d, 300", r.Size(), r.Dim(), want.Len())
		}
		return r
	}
	for _, tc := range []struct {
		name string
		r    func() io.Reader
	}{
		{"in memory", func() io.Reader { return m.Records() }},
		{"in memory, one byte at a time", func() io.Reader { return iotest.OneByteReader(m.Records()) }},
		{"in memory, 7 bytes at a time", func() io.Reader { return &chunkedReader{m.Records(), 7} }},
		{"matrix file", fromFile},
		{"matrix file, 23 bytes at a time", func() io.Reader { return &chunkedReader{fromFile(), 23} }},
	} {
		got, err := io.ReadAll(tc.r())
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s: %d bytes differ from WriteBin's %d", tc.name, len(got), want.Len())
		}
	}
}

// chunkedReader reads at most n bytes per call.
type chunkedReader struct {
	r io.Reader
	n int
}

func (c *chunkedReader) Read(p []byte) (int, error) { return c.r.Read(p[:min(len(p), c.n)]) }

func TestOpenMatrixRecordsErrors(t *testing.T) {
	m := randomMatrix(t, 50, 2000, 2)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	hdr := len(matrixMagic) + 17
	swapped := bytes.Clone(good)
	copy(swapped[hdr+8:hdr+16], good[hdr+16:hdr+24]) // row 1 pointer ≥ row 2 pointer...
	copy(swapped[hdr+16:hdr+24], []byte{0, 0, 0, 0, 0, 0, 0, 0})
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"not a matrix file", []byte("GBCSR00X and more")},
		{"truncated", good[:len(good)-8]},
		{"row pointers out of order", swapped},
	} {
		_, err := OpenMatrixRecords(bytes.NewReader(tc.data), int64(len(tc.data)))
		if !errors.Is(err, ErrBadMatrixFile) {
			t.Errorf("%s: %v, want ErrBadMatrixFile", tc.name, err)
		}
	}
}
