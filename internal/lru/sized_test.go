package lru_test

import (
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gloveboard/gloveboard/internal/lru"
)

// blob stands for a loaded build: its size is its length in bytes.
type blob []byte

func blobBytes(b blob) int64 { return int64(len(b)) }

func load(n int) func() (blob, error) { return func() (blob, error) { return make(blob, n), nil } }

func TestSizedEvictsOldestByBytes(t *testing.T) {
	tests := []struct {
		name     string
		sizes    []int // loaded in this order, keys "0", "1", …
		wantKeys []string
		wantUsed int64
	}{
		{"all fit", []int{30, 30, 40}, []string{"2", "1", "0"}, 100},
		{"one over evicts the oldest", []int{30, 30, 40, 10}, []string{"3", "2", "1"}, 80},
		{"a big one evicts several", []int{30, 30, 40, 90}, []string{"3"}, 90},
		{"larger than the budget is held alone", []int{30, 150}, []string{"1"}, 150},
		{"a small one after an oversized one evicts it", []int{150, 20}, []string{"1"}, 20},
	}
	for _, tt := range tests {
		c := lru.NewSized[string, blob](100, blobBytes)
		for i, n := range tt.sizes {
			if _, err := c.Get(string(rune('0'+i)), load(n)); err != nil {
				t.Fatal(err)
			}
		}
		if got := c.Keys(); !slices.Equal(got, tt.wantKeys) {
			t.Errorf("%s: keys %v, want %v", tt.name, got, tt.wantKeys)
		}
		if got := c.Bytes(); got != tt.wantUsed {
			t.Errorf("%s: %d bytes held, want %d", tt.name, got, tt.wantUsed)
		}
	}
}

func TestSizedAccountsRemovals(t *testing.T) {
	c := lru.NewSized[string, blob](100, blobBytes)
	c.Get("a", load(30))
	c.Get("b", load(30))
	c.Add("a", make(blob, 50)) // replaced: 50 + 30
	if got := c.Bytes(); got != 80 {
		t.Fatalf("after replacing a: %d bytes, want 80", got)
	}
	c.Get("b", load(0))  // a hit: b becomes the most recent
	c.Get("c", load(40)) // 120 > 100: a, the least recently used, goes
	if got, want := c.Keys(), []string{"c", "b"}; !slices.Equal(got, want) || c.Bytes() != 70 {
		t.Fatalf("keys %v (%d bytes), want %v (70 bytes)", got, c.Bytes(), want)
	}
	c.Remove("b")
	c.RemoveIf(func(k string) bool { return k == "c" })
	if c.Len() != 0 || c.Bytes() != 0 {
		t.Errorf("after removing everything: %d values, %d bytes", c.Len(), c.Bytes())
	}
}

func TestSizedConcurrentGetsLoadOnce(t *testing.T) {
	c := lru.NewSized[string, blob](1<<20, blobBytes)
	var loads atomic.Int32
	release := make(chan struct{})
	var wg sync.WaitGroup
	got := make([]blob, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _ = c.Get("build", func() (blob, error) {
				loads.Add(1)
				<-release
				return make(blob, 1000), nil
			})
		}()
	}
	time.Sleep(20 * time.Millisecond) // let the readers pile up on the one load
	close(release)
	wg.Wait()
	if n := loads.Load(); n != 1 {
		t.Errorf("%d loads for 8 concurrent reads, want 1", n)
	}
	for i, b := range got {
		if len(b) != 1000 || &b[0] != &got[0][0] {
			t.Errorf("reader %d did not get the shared value", i)
		}
	}
}
