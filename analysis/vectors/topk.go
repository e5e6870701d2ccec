package vectors

import "math"

// scored is one candidate row and its score.
type scored struct {
	score float32
	row   int32
}

// better orders candidates best first: higher score, then lower row (so
// ties go to the more frequent word and results are deterministic).
func better(a, b scored) bool {
	return a.score > b.score || (a.score == b.score && a.row < b.row)
}

// topK keeps the k best candidates offered so far in a min-heap whose root
// is the worst kept one, so a candidate costs one comparison unless it
// enters the top k.
type topK struct {
	k     int
	items []scored
}

func newTopK(k int) topK { return topK{k: k, items: make([]scored, 0, k)} }

// threshold returns the score a candidate must reach to be considered:
// -Inf while fewer than k are kept, else the worst kept score (+Inf when
// k ≤ 0: nothing is kept).
func (t *topK) threshold() float32 {
	if t.k <= 0 {
		return float32(math.Inf(1))
	}
	if len(t.items) < t.k {
		return float32(math.Inf(-1))
	}
	return t.items[0].score
}

// offer considers one candidate.
func (t *topK) offer(c scored) {
	if t.k <= 0 {
		return
	}
	if len(t.items) < t.k {
		t.items = append(t.items, c)
		// sift up: the worst candidate bubbles to the root.
		i := len(t.items) - 1
		for i > 0 {
			p := (i - 1) / 2
			if !better(t.items[p], t.items[i]) {
				break
			}
			t.items[p], t.items[i] = t.items[i], t.items[p]
			i = p
		}
		return
	}
	if !better(c, t.items[0]) {
		return
	}
	t.items[0] = c
	t.siftDown(0)
}

func (t *topK) siftDown(i int) {
	n := len(t.items)
	for {
		worst := i
		l, r := 2*i+1, 2*i+2
		if l < n && better(t.items[worst], t.items[l]) {
			worst = l
		}
		if r < n && better(t.items[worst], t.items[r]) {
			worst = r
		}
		if worst == i {
			return
		}
		t.items[i], t.items[worst] = t.items[worst], t.items[i]
		i = worst
	}
}

// merge offers every candidate kept by o.
func (t *topK) merge(o *topK) {
	for _, c := range o.items {
		t.offer(c)
	}
}

// best returns the kept candidates best first; t is emptied.
func (t *topK) best() []scored {
	out := make([]scored, len(t.items))
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = t.items[0]
		last := len(t.items) - 1
		t.items[0] = t.items[last]
		t.items = t.items[:last]
		t.siftDown(0)
	}
	return out
}
