package cooccur

import (
	"bufio"
	"container/heap"
	"context"
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
// byte budget. When the next run would pass it, the runs in memory and
// that run are merged into one spilled file, so the number of files —
// each needs a read buffer in the final merge — grows with the corpus
// divided by the budget, not with the number of worker flushes (before,
// every run after the budget was reached went to a file of its own:
// 721 files, 180 MiB of read buffers, for 37 M tokens at a 64 MiB
// counting budget).
type runSet struct {
	mu       sync.Mutex
	budget   int64
	memBytes int64
	tempDir  string
	runs     []*run
	entries  int64
	spilled  int // files written: merged in-memory runs, and merges of files
}

func (s *runSet) add(r *run) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.entries += int64(r.n)
	size := int64(r.n) * 16
	if s.memBytes+size <= s.budget {
		s.memBytes += size
		s.runs = append(s.runs, r)
		return nil
	}
	var mem, onDisk []*run
	for _, x := range s.runs {
		if x.file == "" {
			mem = append(mem, x)
		} else {
			onDisk = append(onDisk, x)
		}
	}
	merged, err := mergeToFile(append(mem, r), s.tempDir, minReadBuf)
	if err != nil {
		return err
	}
	s.runs = append(onDisk, merged)
	s.memBytes = 0
	s.spilled++
	return nil
}

// Read buffers of spilled runs in the final merge: readBytes (the part of
// the budget the worker buffers and the token stream held while counting)
// shared among the files, within [minReadBuf, maxReadBuf].
const (
	minReadBuf = 16 << 10
	maxReadBuf = 256 << 10
)

// reduce prepares the final merge within readBytes of read buffers: while
// more files are spilled than readBytes ÷ minReadBuf, it merges the
// oldest of them into one (another pass over those entries on disk, only
// for corpora far larger than the budget). It returns the read buffer
// size of each spilled run. ctx is checked between merges.
func (s *runSet) reduce(ctx context.Context, readBytes int64) (int, error) {
	maxFan := max(int(readBytes/minReadBuf), 2)
	for {
		var onDisk, mem []*run
		for _, x := range s.runs {
			if x.file != "" {
				onDisk = append(onDisk, x)
			} else {
				mem = append(mem, x)
			}
		}
		if len(onDisk) <= maxFan {
			if len(onDisk) == 0 {
				return maxReadBuf, nil
			}
			return int(min(max(readBytes/int64(len(onDisk)), minReadBuf), maxReadBuf)), nil
		}
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		group := onDisk[:maxFan]
		merged, err := mergeToFile(group, s.tempDir, minReadBuf)
		if err != nil {
			return 0, err
		}
		s.spilled++
		var errs []error
		for _, x := range group {
			if err := os.Remove(x.file); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		}
		s.runs = append(append(append([]*run(nil), onDisk[maxFan:]...), merged), mem...)
		if err := errors.Join(errs...); err != nil {
			return 0, fmt.Errorf("removing merged co-occurrence runs: %w", err)
		}
	}
}

// mergeToFile merges runs (in memory or spilled, read with buffers of
// readBuf bytes) into one spilled run in dir, summing equal keys. The
// runs are left as they are.
func mergeToFile(runs []*run, dir string, readBuf int) (*run, error) {
	m, err := newMerger(runs, readBuf)
	if err != nil {
		return nil, err
	}
	defer m.close()
	f, err := os.CreateTemp(dir, "gloveboard-cooccur-*.run")
	if err != nil {
		return nil, fmt.Errorf("spilling co-occurrences: %w", err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	var rec [16]byte
	n := 0
	for {
		if _, ok := m.peek(); !ok {
			break
		}
		key, val, err := m.pop()
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			return nil, err
		}
		binary.LittleEndian.PutUint64(rec[:8], key)
		binary.LittleEndian.PutUint64(rec[8:], math.Float64bits(val))
		bw.Write(rec[:])
		n++
	}
	if err := errors.Join(bw.Flush(), f.Close()); err != nil {
		os.Remove(f.Name())
		return nil, fmt.Errorf("spilling co-occurrences: %w", err)
	}
	return &run{file: f.Name(), n: n}, nil
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

// newMerger opens a merge of runs; a spilled run is read through a
// buffer of readBuf bytes.
func newMerger(runs []*run, readBuf int) (*merger, error) {
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
			c.br = bufio.NewReaderSize(f, readBuf)
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
