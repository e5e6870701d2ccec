package handlers

import "sync"

// fifoCache keeps the latest values put in it, up to a limit given at each
// put, the oldest key going first. The zero value is ready to use; it is
// safe for concurrent use. It holds finished t-SNE maps and spectra (the
// store keeps them all) and the Explore page's memo of computed results.
type fifoCache[K comparable, V any] struct {
	mu    sync.Mutex
	byKey map[K]V
	order []K // oldest first
}

// put keeps v under key, dropping the oldest keys beyond limit. Replacing
// a value keeps its key's place.
func (c *fifoCache[K, V]) put(key K, v V, limit int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byKey == nil {
		c.byKey = map[K]V{}
	}
	if _, ok := c.byKey[key]; !ok {
		c.order = append(c.order, key)
	}
	c.byKey[key] = v
	for len(c.order) > limit {
		delete(c.byKey, c.order[0])
		c.order = c.order[1:]
	}
}

// get returns key's value and whether it is held.
func (c *fifoCache[K, V]) get(key K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.byKey[key]
	return v, ok
}
