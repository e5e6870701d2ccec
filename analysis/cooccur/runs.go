package cooccur

import (
	"bufio"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sync"
)

// A run is a sorted list of distinct (row, col) keys with summed values.
// key = row<<32 | col.
type run struct {
	keys []uint64
	vals []float64
	file string // spilled: path of a file of (key, value) records
	n    int
}

// runSet collects runs from the workers, keeping them in memory up to a
// byte budget and spilling the largest to temporary files beyond it.
type runSet struct {
	mu       sync.Mutex
	budget   int64
	memBytes int64
	tempDir  string
	runs     []*run
	entries  int64
	spilled  int // runs written to disk
}

func (s *runSet) add(r *run) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.entries += int64(r.n)
	size := int64(r.n) * 16
	if s.memBytes+size > s.budget {
		if err := r.spill(s.tempDir); err != nil {
			return err
		}
		s.spilled++
	} else {
		s.memBytes += size
	}
	s.runs = append(s.runs, r)
	return nil
}

func (s *runSet) close() error {
	var errs []error
	for _, r := range s.runs {
		if r.file != "" {
			if err := os.Remove(r.file); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	s.runs = nil
	return errors.Join(errs...)
}

// spill writes r to a temporary file and frees its memory.
func (r *run) spill(dir string) error {
	f, err := os.CreateTemp(dir, "gloveboard-cooccur-*.run")
	if err != nil {
		return fmt.Errorf("spilling co-occurrences: %w", err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	var rec [16]byte
	for i, k := range r.keys {
		binary.LittleEndian.PutUint64(rec[:8], k)
		binary.LittleEndian.PutUint64(rec[8:], math.Float64bits(r.vals[i]))
		bw.Write(rec[:])
	}
	if err := errors.Join(bw.Flush(), f.Close()); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("spilling co-occurrences: %w", err)
	}
	r.file = f.Name()
	r.keys, r.vals = nil, nil
	return nil
}

// cursor iterates over one run.
type cursor struct {
	key uint64
	val float64
	// in memory
	r *run
	i int
	// on disk
	f   *os.File
	br  *bufio.Reader
	rec [16]byte
}

// next advances; it reports false at the end.
func (c *cursor) next() (bool, error) {
	if c.br == nil {
		if c.i >= len(c.r.keys) {
			return false, nil
		}
		c.key, c.val = c.r.keys[c.i], c.r.vals[c.i]
		c.i++
		return true, nil
	}
	if _, err := io.ReadFull(c.br, c.rec[:]); err != nil {
		if err == io.EOF {
			return false, nil
		}
		return false, fmt.Errorf("reading spilled co-occurrences: %w", err)
	}
	c.key = binary.LittleEndian.Uint64(c.rec[:8])
	c.val = math.Float64frombits(binary.LittleEndian.Uint64(c.rec[8:]))
	return true, nil
}

// merger merges runs into one sorted stream, summing equal keys.
type merger struct {
	h   cursorHeap
	all []*cursor
}

func newMerger(runs []*run) (*merger, error) {
	m := &merger{}
	for _, r := range runs {
		c := &cursor{r: r}
		if r.file != "" {
			f, err := os.Open(r.file)
			if err != nil {
				m.close()
				return nil, fmt.Errorf("reading spilled co-occurrences: %w", err)
			}
			c.f = f
			c.br = bufio.NewReaderSize(f, 1<<18)
		}
		m.all = append(m.all, c)
		ok, err := c.next()
		if err != nil {
			m.close()
			return nil, err
		}
		if ok {
			m.h = append(m.h, c)
		}
	}
	heap.Init(&m.h)
	return m, nil
}

// peek returns the smallest key without consuming it.
func (m *merger) peek() (uint64, bool) {
	if len(m.h) == 0 {
		return 0, false
	}
	return m.h[0].key, true
}

// pop returns the smallest key with the sum of its values over all runs.
func (m *merger) pop() (key uint64, val float64, err error) {
	key = m.h[0].key
	for len(m.h) > 0 && m.h[0].key == key {
		c := m.h[0]
		val += c.val
		ok, err := c.next()
		if err != nil {
			return 0, 0, err
		}
		if ok {
			heap.Fix(&m.h, 0)
		} else {
			heap.Pop(&m.h)
		}
	}
	return key, val, nil
}

func (m *merger) close() {
	for _, c := range m.all {
		if c.f != nil {
			c.f.Close()
		}
	}
}

type cursorHeap []*cursor

func (h cursorHeap) Len() int           { return len(h) }
func (h cursorHeap) Less(i, j int) bool { return h[i].key < h[j].key }
func (h cursorHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *cursorHeap) Push(x any)        { *h = append(*h, x.(*cursor)) }
func (h *cursorHeap) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	return c
}
