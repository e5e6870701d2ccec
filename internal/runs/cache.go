package runs

import (
	"context"
	"sync"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

// SetCache keeps the most recently used vector sets in memory, loading each
// once even under concurrent requests. Vector set files never change, so
// entries are keyed by content hash.
type SetCache struct {
	mu      sync.Mutex
	size    int
	entries []*setEntry // most recently used last
}

type setEntry struct {
	key   string
	ready chan struct{}
	set   *vectors.Set
	err   error
}

// NewSetCache returns a cache holding at most size sets (at least 1).
func NewSetCache(size int) *SetCache { return &SetCache{size: max(size, 1)} }

// Get returns the set stored at path, identified by key (its SHA-256).
// A failed load is not cached.
func (c *SetCache) Get(ctx context.Context, key, path string) (*vectors.Set, error) {
	c.mu.Lock()
	for i, e := range c.entries {
		if e.key == key {
			c.entries = append(append(c.entries[:i:i], c.entries[i+1:]...), e)
			c.mu.Unlock()
			select {
			case <-e.ready:
				return e.set, e.err
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
	}
	e := &setEntry{key: key, ready: make(chan struct{})}
	c.entries = append(c.entries, e)
	if len(c.entries) > c.size {
		c.entries = c.entries[len(c.entries)-c.size:]
	}
	c.mu.Unlock()

	// The load is shared: it must not stop when the first caller leaves.
	e.set, _, e.err = vectors.Load(context.WithoutCancel(ctx), path, vectors.LoadOptions{})
	close(e.ready)
	if e.err != nil {
		c.mu.Lock()
		for i, x := range c.entries {
			if x == e {
				c.entries = append(c.entries[:i:i], c.entries[i+1:]...)
				break
			}
		}
		c.mu.Unlock()
	}
	return e.set, e.err
}
