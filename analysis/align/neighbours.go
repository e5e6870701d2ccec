package align

import (
	"context"
	"fmt"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

// NeighbourChange is a word's k nearest neighbours in two sets, compared.
type NeighbourChange struct {
	Word string `json:"word"`
	// InA and InB are the neighbours in each set, best first.
	InA []vectors.Match `json:"in_a"`
	InB []vectors.Match `json:"in_b"`
	// Kept are in both lists (in A's order); Lost only in A's; Gained
	// only in B's (in B's order).
	Kept   []string `json:"kept"`
	Lost   []string `json:"lost"`
	Gained []string `json:"gained"`
}

// Neighbours compares word's k nearest neighbours (cosine, the word
// itself excluded) in a and in b. The word must be in both sets
// (vectors.ErrUnknownWord otherwise).
func Neighbours(ctx context.Context, a, b *vectors.Set, word string, k int) (*NeighbourChange, error) {
	inA, err := a.NeighborsOf(ctx, word, k)
	if err != nil {
		return nil, fmt.Errorf("first set: %w", err)
	}
	inB, err := b.NeighborsOf(ctx, word, k)
	if err != nil {
		return nil, fmt.Errorf("second set: %w", err)
	}
	c := &NeighbourChange{Word: word, InA: inA, InB: inB}
	seenB := make(map[string]bool, len(inB))
	for _, m := range inB {
		seenB[m.Word] = true
	}
	seenA := make(map[string]bool, len(inA))
	for _, m := range inA {
		seenA[m.Word] = true
		if seenB[m.Word] {
			c.Kept = append(c.Kept, m.Word)
		} else {
			c.Lost = append(c.Lost, m.Word)
		}
	}
	for _, m := range inB {
		if !seenA[m.Word] {
			c.Gained = append(c.Gained, m.Word)
		}
	}
	return c, nil
}
