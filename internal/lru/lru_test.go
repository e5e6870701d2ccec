package lru_test

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/gloveboard/gloveboard/internal/lru"
)

func value(v int) func() (int, error) { return func() (int, error) { return v, nil } }

func TestEvictionOrder(t *testing.T) {
	c := lru.New[string, int](3)
	for i, k := range []string{"a", "b", "c"} {
		c.Get(k, value(i))
	}
	c.Get("a", value(-1)) // a becomes the most recent
	c.Get("d", value(3))  // evicts b, the least recently used
	if got, want := c.Keys(), []string{"d", "a", "c"}; !slices.Equal(got, want) {
		t.Fatalf("keys = %v, want %v", got, want)
	}
	if v, ok := c.Peek("a"); !ok || v != 0 {
		t.Errorf("Peek(a) = %d, %v; want the first value 0 (a hit must not reload)", v, ok)
	}
	if _, ok := c.Peek("b"); ok {
		t.Error("b is still held")
	}
	c.Add("e", 4) // evicts c (Peek did not refresh anything)
	if got, want := c.Keys(), []string{"e", "d", "a"}; !slices.Equal(got, want) {
		t.Fatalf("after Add: keys = %v, want %v", got, want)
	}
	c.Remove("d")
	c.RemoveIf(func(k string) bool { return k == "e" })
	if got := c.Keys(); !slices.Equal(got, []string{"a"}) || c.Len() != 1 {
		t.Fatalf("after Remove: keys = %v", got)
	}
}

func TestErrorNotCached(t *testing.T) {
	c := lru.New[int, string](2)
	boom := errors.New("boom")
	calls := 0
	load := func() (string, error) {
		calls++
		if calls == 1 {
			return "", boom
		}
		return "ok", nil
	}
	if _, err := c.Get(1, load); !errors.Is(err, boom) {
		t.Fatalf("first Get: %v, want boom", err)
	}
	if c.Len() != 0 {
		t.Fatal("a failed load was stored")
	}
	if v, err := c.Get(1, load); err != nil || v != "ok" || calls != 2 {
		t.Fatalf("second Get = %q, %v after %d loads; want ok after 2", v, err, calls)
	}
}

// TestSingleFlight has many goroutines ask for few keys at once: each key
// is loaded exactly once and everyone gets its value (run with -race).
func TestSingleFlight(t *testing.T) {
	c := lru.New[int, int](8)
	var loads [4]atomic.Int32
	release := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 64 {
		key := g % 4
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := c.Get(key, func() (int, error) {
				loads[key].Add(1)
				<-release // hold the load until every goroutine has asked
				return key * 10, nil
			})
			if err != nil || v != key*10 {
				errs <- fmt.Errorf("key %d: got %d, %v", key, v, err)
			}
		}()
	}
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for k := range loads {
		if n := loads[k].Load(); n != 1 {
			t.Errorf("key %d loaded %d times, want 1", k, n)
		}
	}
}

func TestRemoveDuringLoad(t *testing.T) {
	c := lru.New[string, int](2)
	started, finish := make(chan struct{}), make(chan struct{})
	done := make(chan int)
	go func() {
		v, _ := c.Get("k", func() (int, error) { close(started); <-finish; return 1, nil })
		done <- v
	}()
	<-started
	c.Remove("k") // e.g. the build was replaced while it was being read
	close(finish)
	if v := <-done; v != 1 {
		t.Fatalf("the caller got %d, want its loaded 1", v)
	}
	if _, ok := c.Peek("k"); ok {
		t.Fatal("a value removed during its load was stored")
	}
}

func TestPanickingLoadReleasesWaiters(t *testing.T) {
	c := lru.New[int, int](1)
	started := make(chan struct{})
	proceed := make(chan struct{})
	go func() {
		defer func() { _ = recover() }()
		c.Get(1, func() (int, error) { close(started); <-proceed; panic("load failed") })
	}()
	<-started
	res := make(chan error)
	go func() { _, err := c.Get(1, value(5)); res <- err }()
	close(proceed)
	if err := <-res; err == nil {
		// The waiter may also have arrived after the panic and loaded 5.
		if v, ok := c.Peek(1); !ok || v != 5 {
			t.Fatalf("waiter got no error but the cache holds %d, %v", v, ok)
		}
	}
}

func ExampleLRU() {
	c := lru.New[string, int](2)
	length := func(s string) func() (int, error) { return func() (int, error) { return len(s), nil } }
	a, _ := c.Get("glove", length("glove"))
	b, _ := c.Get("glove", length("ignored: already loaded"))
	fmt.Println(a, b, c.Len())
	// Output: 5 5 1
}
