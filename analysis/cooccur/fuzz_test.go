package cooccur

import (
	"bytes"
	"testing"
)

// FuzzReadBin: arbitrary bytes never panic, and whatever reads back
// writes out to the same bytes.
func FuzzReadBin(f *testing.F) {
	var buf bytes.Buffer
	bw := NewBinWriter(&buf)
	bw.Write(Entry{Row: 0, Col: 1, Value: 2.5})
	bw.Write(Entry{Row: 2, Col: 0, Value: 1})
	bw.Flush()
	f.Add(buf.Bytes(), 3)
	f.Add(buf.Bytes()[:7], 3)
	f.Add([]byte{}, 0)
	f.Fuzz(func(t *testing.T, in []byte, vocab int) {
		es, err := ReadBin(bytes.NewReader(in), vocab)
		if err != nil {
			return
		}
		var out bytes.Buffer
		w := NewBinWriter(&out)
		for _, e := range es {
			w.Write(e)
		}
		w.Flush()
		if !bytes.Equal(out.Bytes(), in) {
			t.Fatal("records read back do not write out to the same bytes")
		}
	})
}

// FuzzReadMatrix: damaged matrix files are errors, never panics or
// out-of-range matrices.
func FuzzReadMatrix(f *testing.F) {
	m, _ := NewMatrix(3, []Entry{{0, 1, 1}, {1, 0, 1}, {2, 2, 4}}, true)
	var buf bytes.Buffer
	m.WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte("GBCSR001"))
	f.Fuzz(func(t *testing.T, in []byte) {
		m, err := ReadMatrix(bytes.NewReader(in))
		if err != nil {
			return
		}
		for i := 0; i < m.Dim(); i++ {
			cols, _ := m.Row(int32(i))
			for _, c := range cols {
				if c < 0 || int(c) >= m.Dim() {
					t.Fatalf("column %d out of range", c)
				}
			}
		}
	})
}
