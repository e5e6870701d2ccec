package glove

import (
	"errors"
	"math"
	"runtime"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

func TestNewTrainerValidatesOptions(t *testing.T) {
	entries := []cooccur.Entry{{Row: 0, Col: 1, Value: 2}, {Row: 1, Col: 0, Value: 2}}
	tests := []struct {
		name   string
		modify func(*Options)
	}{
		{"zero x_max", func(o *Options) { o.XMax = 0 }},
		{"negative x_max", func(o *Options) { o.XMax = -1 }},
		{"NaN x_max", func(o *Options) { o.XMax = math.NaN() }},
		{"negative alpha", func(o *Options) { o.Alpha = -0.1 }},
		{"NaN alpha", func(o *Options) { o.Alpha = math.NaN() }},
		{"zero eta", func(o *Options) { o.Eta = 0 }},
		{"negative eta", func(o *Options) { o.Eta = -0.05 }},
		{"NaN eta", func(o *Options) { o.Eta = math.NaN() }},
		{"infinite eta", func(o *Options) { o.Eta = math.Inf(1) }},
		{"zero bias eta", func(o *Options) { o.BiasEta = 0 }},
		{"zero gradient clip", func(o *Options) { o.GradClip = 0 }},
		{"zero epochs", func(o *Options) { o.Epochs = 0 }},
		{"zero vector size", func(o *Options) { o.VectorSize = 0 }},
		{"absurd vector size", func(o *Options) { o.VectorSize = MaxVectorSize + 1 }},
		{"negative workers", func(o *Options) { o.Workers = -1 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opt := DefaultOptions()
			tc.modify(&opt)
			_, err := NewTrainer(entries, 2, opt)
			if !errors.Is(err, ErrInvalidOptions) {
				t.Fatalf("got error %v, want one wrapping ErrInvalidOptions", err)
			}
		})
	}
	t.Run("defaults are valid", func(t *testing.T) {
		if _, err := NewTrainer(entries, 2, DefaultOptions()); err != nil {
			t.Fatalf("got error %v for the default options", err)
		}
	})
	t.Run("alpha zero and the largest vector size are valid", func(t *testing.T) {
		opt := DefaultOptions()
		opt.Alpha = 0
		opt.VectorSize = MaxVectorSize
		if _, err := NewTrainer(entries, 2, opt); err != nil {
			t.Fatalf("got error %v", err)
		}
	})
}

func TestNewTrainerValidatesEntries(t *testing.T) {
	tests := []struct {
		name    string
		entries []cooccur.Entry
		want    error
	}{
		{"no entries", nil, ErrNoCooccurrences},
		{"row outside vocabulary", []cooccur.Entry{{Row: 3, Col: 0, Value: 1}}, ErrBadEntry},
		{"negative column", []cooccur.Entry{{Row: 0, Col: -1, Value: 1}}, ErrBadEntry},
		{"zero count", []cooccur.Entry{{Row: 0, Col: 1, Value: 0}}, ErrBadEntry},
		{"negative count", []cooccur.Entry{{Row: 0, Col: 1, Value: -2}}, ErrBadEntry},
		{"NaN count", []cooccur.Entry{{Row: 0, Col: 1, Value: math.NaN()}}, ErrBadEntry},
		{"infinite count", []cooccur.Entry{{Row: 0, Col: 1, Value: math.Inf(1)}}, ErrBadEntry},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewTrainer(tc.entries, 3, DefaultOptions())
			if !errors.Is(err, tc.want) {
				t.Fatalf("got error %v, want one wrapping %v", err, tc.want)
			}
		})
	}
}

func TestWeight(t *testing.T) {
	tests := []struct {
		x, xMax, alpha, want float64
	}{
		{100, 100, 0.75, 1},
		{250, 100, 0.75, 1},
		{50, 100, 1, 0.5},
		{25, 100, 0.5, 0.5},
		{10, 100, 0, 1},
		{1, 100, 0.75, math.Pow(0.01, 0.75)},
	}
	for _, tc := range tests {
		if got := weight(tc.x, tc.xMax, tc.alpha); math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("weight(%v, %v, %v) = %v, want %v", tc.x, tc.xMax, tc.alpha, got, tc.want)
		}
	}
}

// TestMemoryBytesBoundsTheAllocation checks the estimate against what
// NewTrainer and Model really allocate: never below, at most 1.5× above.
func TestMemoryBytesBoundsTheAllocation(t *testing.T) {
	for _, tc := range []struct{ v, nnz, d int }{{500, 50_000, 50}, {2000, 20_000, 10}, {300, 90_000, 200}} {
		entries := make([]cooccur.Entry, 0, tc.nnz)
		for k := 0; len(entries) < tc.nnz; k++ {
			entries = append(entries, cooccur.Entry{Row: int32(k % tc.v), Col: int32(k / tc.v % tc.v), Value: 1 + float64(k%7)})
		}
		opt := DefaultOptions()
		opt.VectorSize, opt.Workers = tc.d, 1
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		tr, err := NewTrainer(entries, tc.v, opt)
		if err != nil {
			t.Fatal(err)
		}
		m := tr.Model()
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(m)
		got := int64(after.TotalAlloc - before.TotalAlloc)
		est := MemoryBytes(tc.v, int64(tc.nnz), tc.d)
		t.Logf("V=%d nnz=%d d=%d: estimate %d, allocated %d (%.3f×)", tc.v, tc.nnz, tc.d, est, got, float64(est)/float64(got))
		if est < got || float64(est) > 1.5*float64(got) {
			t.Errorf("V=%d nnz=%d d=%d: estimate %d bytes, allocated %d", tc.v, tc.nnz, tc.d, est, got)
		}
	}
}
