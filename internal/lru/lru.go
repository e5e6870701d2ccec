// Package lru is the dashboard's one cache type: values by key, the
// least recently used going first, each loaded once however many callers
// ask for it at the same time. A cache is bounded either by a number of
// values (New) or by the bytes its values take (NewSized, given a
// function that measures a value), for values as large as a loaded
// co-occurrence matrix, whose number says little about the memory held.
//
// Concurrency: every method is safe for concurrent use. Get holds the
// cache's mutex only to look up and to store, never while loading: a
// load for one key does not block Gets of other keys. Concurrent Gets of
// a key that is being loaded wait for that one load and share its result
// (single flight). The load runs in the goroutine of the first caller, so
// it must not depend on that caller's cancellation if others may share
// it (pass context.WithoutCancel when loading from a request). A failed
// load is returned to everyone waiting on it and not cached: the next Get
// loads again.
package lru

import (
	"container/list"
	"sync"
)

// LRU holds at most a number of values, or values of at most a number of
// bytes. Create it with New or NewSized.
type LRU[K comparable, V any] struct {
	mu       sync.Mutex
	size     int           // most values held (New), or no bound (NewSized)
	budget   int64         // most bytes held (NewSized), or 0: no bound
	sizeOf   func(V) int64 // the bytes of a value (NewSized), or nil
	used     int64         // bytes of the values held (NewSized)
	order    *list.List    // of *entry[K, V], most recently used first
	items    map[K]*list.Element
	inflight map[K]*call[V]
}

type entry[K comparable, V any] struct {
	key   K
	value V
	bytes int64 // sizeOf(value) when the cache is sized
}

// call is one load in progress; done is closed when value and err are set.
type call[V any] struct {
	done  chan struct{}
	value V
	err   error
}

// New returns an empty cache holding at most size values (at least 1).
func New[K comparable, V any](size int) *LRU[K, V] {
	return &LRU[K, V]{size: max(size, 1), order: list.New(), items: map[K]*list.Element{}, inflight: map[K]*call[V]{}}
}

// NewSized returns an empty cache whose values take at most budget bytes
// together, as measured by sizeOf (called once per value stored, with the
// cache's lock held: it must be cheap and must not use the cache). Storing a value
// evicts the least recently used values until the total is within budget
// again, but never the value just stored: one value larger than the whole
// budget is held alone (the caller has already paid for loading it, and
// reloading it on every Get would be worse).
func NewSized[K comparable, V any](budget int64, sizeOf func(V) int64) *LRU[K, V] {
	if sizeOf == nil {
		panic("lru: NewSized without a size function")
	}
	c := New[K, V](1)
	c.size, c.budget, c.sizeOf = int(^uint(0)>>1), max(budget, 1), sizeOf
	return c
}

// Bytes returns the bytes of the values held, as the size function
// measured them (0 for a cache made by New).
func (c *LRU[K, V]) Bytes() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.used
}

// Get returns the value of key, calling load to compute it when the cache
// does not hold it. Concurrent Gets of the same key share one call of
// load. A value loaded without error is stored (evicting the least
// recently used value beyond the size); an error is returned, not stored.
// A Remove of key while its load runs keeps the loaded value out of the
// cache (the callers waiting for it still receive it).
func (c *LRU[K, V]) Get(key K, load func() (V, error)) (V, error) {
	c.mu.Lock()
	if el, ok := c.items[key]; ok {
		c.order.MoveToFront(el)
		v := el.Value.(*entry[K, V]).value
		c.mu.Unlock()
		return v, nil
	}
	if cl, ok := c.inflight[key]; ok {
		c.mu.Unlock()
		<-cl.done
		return cl.value, cl.err
	}
	cl := &call[V]{done: make(chan struct{})}
	c.inflight[key] = cl
	c.mu.Unlock()

	func() {
		// A panicking load must not leave its waiters blocked forever.
		defer func() {
			c.mu.Lock()
			if c.inflight[key] == cl {
				delete(c.inflight, key)
				if cl.err == nil {
					c.storeLocked(key, cl.value)
				}
			}
			c.mu.Unlock()
			close(cl.done)
		}()
		cl.err = errPanicked
		cl.value, cl.err = load()
	}()
	return cl.value, cl.err
}

// Peek returns the value of key without loading it or changing its place.
func (c *LRU[K, V]) Peek(key K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		return el.Value.(*entry[K, V]).value, true
	}
	var zero V
	return zero, false
}

// Add stores value under key as the most recently used, replacing any
// value it had and any load in progress.
func (c *LRU[K, V]) Add(key K, value V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.inflight, key)
	c.storeLocked(key, value)
}

// Remove drops key, and keeps a load of key in progress from storing its
// value.
func (c *LRU[K, V]) Remove(key K) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.inflight, key)
	if el, ok := c.items[key]; ok {
		c.removeLocked(el)
	}
}

// RemoveIf drops every key for which drop returns true.
func (c *LRU[K, V]) RemoveIf(drop func(K) bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.inflight {
		if drop(k) {
			delete(c.inflight, k)
		}
	}
	for k, el := range c.items {
		if drop(k) {
			c.removeLocked(el)
		}
	}
}

// Len returns the number of values held.
func (c *LRU[K, V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// Keys returns the keys held, most recently used first.
func (c *LRU[K, V]) Keys() []K {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]K, 0, c.order.Len())
	for el := c.order.Front(); el != nil; el = el.Next() {
		out = append(out, el.Value.(*entry[K, V]).key)
	}
	return out
}

func (c *LRU[K, V]) storeLocked(key K, value V) {
	var bytes int64
	if c.sizeOf != nil {
		bytes = max(c.sizeOf(value), 0)
	}
	if el, ok := c.items[key]; ok {
		e := el.Value.(*entry[K, V])
		c.used += bytes - e.bytes
		e.value, e.bytes = value, bytes
		c.order.MoveToFront(el)
	} else {
		c.items[key] = c.order.PushFront(&entry[K, V]{key: key, value: value, bytes: bytes})
		c.used += bytes
	}
	for c.order.Len() > 1 && (c.order.Len() > c.size || (c.budget > 0 && c.used > c.budget)) {
		c.removeLocked(c.order.Back())
	}
}

func (c *LRU[K, V]) removeLocked(el *list.Element) {
	e := el.Value.(*entry[K, V])
	c.order.Remove(el)
	delete(c.items, e.key)
	c.used -= e.bytes
}

// errPanicked is what waiters receive when the load they share panicked
// (the panic itself continues in the loading goroutine).
var errPanicked = panicError{}

type panicError struct{}

func (panicError) Error() string { return "lru: the load panicked" }
