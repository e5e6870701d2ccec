// Package lru is the dashboard's one cache type: a fixed number of values
// by key, the least recently used going first, each loaded once however
// many callers ask for it at the same time.
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

// LRU holds at most Size values. Create it with New.
type LRU[K comparable, V any] struct {
	mu       sync.Mutex
	size     int
	order    *list.List // of *entry[K, V], most recently used first
	items    map[K]*list.Element
	inflight map[K]*call[V]
}

type entry[K comparable, V any] struct {
	key   K
	value V
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
		c.order.Remove(el)
		delete(c.items, key)
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
			c.order.Remove(el)
			delete(c.items, k)
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
	if el, ok := c.items[key]; ok {
		el.Value.(*entry[K, V]).value = value
		c.order.MoveToFront(el)
		return
	}
	c.items[key] = c.order.PushFront(&entry[K, V]{key: key, value: value})
	for c.order.Len() > c.size {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*entry[K, V]).key)
	}
}

// errPanicked is what waiters receive when the load they share panicked
// (the panic itself continues in the loading goroutine).
var errPanicked = panicError{}

type panicError struct{}

func (panicError) Error() string { return "lru: the load panicked" }
