//go:build race

package glove

import "sync"

// hogwildTurn serialises workers block by block under the race detector,
// which would otherwise (rightly) report Hogwild's deliberate lock-free
// updates. The same code paths still run with several workers.
type hogwildTurn struct{ mu sync.Mutex }

func (h *hogwildTurn) begin() { h.mu.Lock() }
func (h *hogwildTurn) end()   { h.mu.Unlock() }
