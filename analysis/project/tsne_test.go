package project

import (
	"context"
	"errors"
	"math"
	"sort"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/wordgroups"
)

// TestBarnesHutKLMatchesExact compares the final KL of θ = 0.5 with the
// exact gradient (θ = 0, same P and optimiser) on 500 GloVe vectors.
func TestBarnesHutKLMatchesExact(t *testing.T) {
	g := loadGlove(t, 500)
	n := len(g.words)
	bh, err := TSNE(context.Background(), g.data, n, g.dim, TSNEOptions{Engine: EngineBarnesHut, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	exact, err := TSNE(context.Background(), g.data, n, g.dim, TSNEOptions{Engine: EngineBarnesHut, Theta: -1, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if rel := math.Abs(bh.KL-exact.KL) / exact.KL; rel > 0.05 {
		t.Errorf("KL Barnes–Hut %.4f vs exact gradient %.4f: %.1f%% apart, want ≤ 5%%", bh.KL, exact.KL, 100*rel)
	}
	tb, _ := Trustworthiness(context.Background(), g.data, g.dim, bh.Points, 2, 10, 2)
	te, _ := Trustworthiness(context.Background(), g.data, g.dim, exact.Points, 2, 10, 2)
	if tb.Value < te.Value-0.01 {
		t.Errorf("trustworthiness Barnes–Hut %.4f < exact %.4f − 0.01", tb.Value, te.Value)
	}
	t.Logf("n=%d KL: Barnes–Hut %.4f, exact gradient %.4f; T(10): %.4f, %.4f", n, bh.KL, exact.KL, tb.Value, te.Value)
}

func TestTSNEReproducible(t *testing.T) {
	g := loadGlove(t, 120)
	n := len(g.words)
	for _, engine := range []Engine{EngineBarnesHut, EngineExact} {
		opt := TSNEOptions{Engine: engine, Init: InitRandom, Seed: 7, Iterations: 400, Perplexity: 15}
		a, err := TSNE(context.Background(), g.data, n, g.dim, opt)
		if err != nil {
			t.Fatal(err)
		}
		b, err := TSNE(context.Background(), g.data, n, g.dim, opt)
		if err != nil {
			t.Fatal(err)
		}
		var diff, extent float64
		for i := range a.Points {
			diff = math.Max(diff, math.Abs(a.Points[i]-b.Points[i]))
			extent = math.Max(extent, math.Abs(a.Points[i]))
		}
		if diff != 0 {
			t.Errorf("%s: two runs with seed 7 differ by %.3g (extent %.3g), want bit-for-bit equal", engine, diff, extent)
		}
		if a.Engine != engine || a.Iterations != 400 {
			t.Errorf("engine %s iterations %d, want %s 400", a.Engine, a.Iterations, engine)
		}
		t.Logf("%s: max difference between runs %.3g of extent %.3g; KL %.4f", engine, diff, extent, a.KL)
	}
}

func TestTSNEErrorsAndCancel(t *testing.T) {
	g := loadGlove(t, 60)
	n := len(g.words)
	ctx := context.Background()
	if _, err := TSNE(ctx, g.data, n, g.dim, TSNEOptions{Perplexity: 59}); !errors.Is(err, ErrPerplexityTooLarge) {
		t.Errorf("perplexity 59 of 60: got %v", err)
	}
	if _, err := TSNE(ctx, g.data, n, g.dim, TSNEOptions{Engine: "umap"}); !errors.Is(err, ErrUnknownMethod) {
		t.Errorf("engine umap: got %v", err)
	}
	big := make([]float32, (ExactMax+1)*2)
	if _, err := TSNE(ctx, big, ExactMax+1, 2, TSNEOptions{Engine: EngineExact}); !errors.Is(err, ErrTooManyPointsExact) {
		t.Errorf("exact with %d points: got %v", ExactMax+1, err)
	}
	if _, err := Project(ctx, g.data, n, g.dim, "mds", Options{}); !errors.Is(err, ErrUnknownMethod) {
		t.Errorf("method mds: got %v", err)
	}
	for _, engine := range []Engine{EngineBarnesHut, EngineExact} {
		cctx, cancel := context.WithCancel(ctx)
		calls := 0
		_, err := TSNE(cctx, g.data, n, g.dim, TSNEOptions{Engine: engine, Perplexity: 10, Progress: func(done, total int) {
			calls++
			if done == 5 {
				cancel()
			}
		}})
		cancel()
		if !errors.Is(err, context.Canceled) || calls > 6 {
			t.Errorf("%s cancelled at 5: got %v after %d progress calls", engine, err, calls)
		}
	}
}

func TestAutoEngine(t *testing.T) {
	g := loadGlove(t, AutoExactMax+1)
	for _, tc := range []struct {
		n    int
		want Engine
	}{{AutoExactMax, EngineExact}, {AutoExactMax + 1, EngineBarnesHut}} {
		r, err := TSNE(context.Background(), g.data[:tc.n*g.dim], tc.n, g.dim, TSNEOptions{Iterations: 20})
		if err != nil {
			t.Fatal(err)
		}
		if r.Engine != tc.want {
			t.Errorf("n=%d: engine %s, want %s", tc.n, r.Engine, tc.want)
		}
	}
}

// TestGroupsSeparate maps the built-in group words found in the GloVe 4k
// sample (120 words; only 9 country/capital pairs have both words in it).
//
// Measured (and asserted where it holds): countries and capitals are
// separable in the 50-d space (leave-one-out nearest centroid ≥ 0.9, 44 of
// 45). In the PCA map of the group words the country→capital offsets share
// one direction (mean resultant length of the 9 unit offsets ≥ 0.7; random
// directions give ≈ 0.3), the "parallel arrows" picture; but neither the
// PCA nor the t-SNE map puts the two groups on two sides (centroid
// accuracy below 0.8), and t-SNE keeps each capital beside its country
// (offsets not aligned), because those are its input neighbours. The test
// logs these numbers and the trustworthiness of each map.
func TestGroupsSeparate(t *testing.T) {
	g := loadGlove(t, 0)
	assign := wordgroups.FromGroups(wordgroups.Builtin())
	words, data := g.subset(assign.Words)
	n := len(words)
	if acc := highDimCentroidAccuracy(data, g.dim, words, assign, "country", "capital"); acc < 0.9 {
		t.Errorf("50-d countries vs capitals leave-one-out centroid accuracy %.3f, want ≥ 0.9", acc)
	}
	for _, method := range []string{MethodPCA, MethodTSNE} {
		m, err := Project(context.Background(), data, n, g.dim, method, Options{TSNE: TSNEOptions{Seed: 1}})
		if err != nil {
			t.Fatal(err)
		}
		acc, nc, nk := centroidAccuracy(m.Points, words, assign, "country", "capital")
		r, pairs := offsetAlignment(m.Points, words)
		if method == MethodPCA && r < 0.7 {
			t.Errorf("PCA: country→capital offsets mean resultant length %.3f over %d pairs, want ≥ 0.7", r, pairs)
		}
		if m.Trust.Value < 0.8 {
			t.Errorf("%s: trustworthiness %.4f < 0.8", method, m.Trust.Value)
		}
		t.Logf("%s (%s) of %d group words: %d countries, %d capitals; map centroid accuracy %.3f; offset alignment %.3f over %d pairs; T(10) = %.4f",
			method, m.Engine, n, nc, nk, acc, r, pairs, m.Trust.Value)
	}
}

// offsetAlignment is the mean resultant length of the unit vectors from
// each country to its capital in the map (1: all parallel).
func offsetAlignment(pts []float64, words []string) (float64, int) {
	idx := map[string]int{}
	for i, w := range words {
		idx[w] = i
	}
	var sx, sy float64
	k := 0
	for _, p := range wordgroups.Pairs()[0].Pairs {
		a, okA := idx[p.A]
		b, okB := idx[p.B]
		if !okA || !okB {
			continue
		}
		dx, dy := pts[2*b]-pts[2*a], pts[2*b+1]-pts[2*a+1]
		l := math.Hypot(dx, dy)
		sx += dx / l
		sy += dy / l
		k++
	}
	return math.Hypot(sx, sy) / float64(k), k
}

// highDimCentroidAccuracy is the leave-one-out nearest-centroid accuracy
// of groups g1 and g2 in the input space.
func highDimCentroidAccuracy(data []float32, d int, words []string, a *wordgroups.Assignment, g1, g2 string) float64 {
	sums := map[string][]float64{g1: make([]float64, d), g2: make([]float64, d)}
	counts := map[string]float64{}
	for i, w := range words {
		if s, ok := sums[a.Group(w)]; ok {
			for k := 0; k < d; k++ {
				s[k] += float64(data[i*d+k])
			}
			counts[a.Group(w)]++
		}
	}
	correct, total := 0, 0
	for i, w := range words {
		own := a.Group(w)
		if own != g1 && own != g2 {
			continue
		}
		total++
		dist := map[string]float64{}
		for _, grp := range []string{g1, g2} {
			m := counts[grp]
			var dd float64
			for k := 0; k < d; k++ {
				c := sums[grp][k]
				x := float64(data[i*d+k])
				if grp == own {
					c -= x
				}
				v := x - c/(m-b2f(grp == own))
				dd += v * v
			}
			dist[grp] = dd
		}
		other := g1
		if own == g1 {
			other = g2
		}
		if dist[own] < dist[other] {
			correct++
		}
	}
	return float64(correct) / float64(total)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func centroidAccuracy(pts []float64, words []string, a *wordgroups.Assignment, g1, g2 string) (acc float64, n1, n2 int) {
	var s1, s2 [2]float64
	for i, w := range words {
		switch a.Group(w) {
		case g1:
			s1[0] += pts[2*i]
			s1[1] += pts[2*i+1]
			n1++
		case g2:
			s2[0] += pts[2*i]
			s2[1] += pts[2*i+1]
			n2++
		}
	}
	correct := 0
	for i, w := range words {
		grp := a.Group(w)
		if grp != g1 && grp != g2 {
			continue
		}
		c1 := [2]float64{s1[0], s1[1]}
		c2 := [2]float64{s2[0], s2[1]}
		m1, m2 := float64(n1), float64(n2)
		if grp == g1 {
			c1[0] -= pts[2*i]
			c1[1] -= pts[2*i+1]
			m1--
		} else {
			c2[0] -= pts[2*i]
			c2[1] -= pts[2*i+1]
			m2--
		}
		d1 := math.Hypot(pts[2*i]-c1[0]/m1, pts[2*i+1]-c1[1]/m1)
		d2 := math.Hypot(pts[2*i]-c2[0]/m2, pts[2*i+1]-c2[1]/m2)
		if (grp == g1) == (d1 < d2) {
			correct++
		}
	}
	return float64(correct) / float64(n1+n2), n1, n2
}

// TestFamiliesFormClusters maps the built-in group words of the GloVe 4k
// sample and measures, in each 2-D map, whether the three families of the
// seed's figure — places (countries and capitals), gender words, and
// singular/plural nouns — form their own regions: the leave-one-out
// accuracy of a 5-nearest-neighbour vote of a word's family in the map.
// Chance (the largest family's share) is logged beside it.
func TestFamiliesFormClusters(t *testing.T) {
	g := loadGlove(t, 0)
	assign := wordgroups.FromGroups(wordgroups.Builtin())
	words, data := g.subset(assign.Words)
	n := len(words)
	family := map[string]string{"country": "place", "capital": "place", "male": "gender", "female": "gender", "singular": "number", "plural": "number"}
	fam := make([]string, n)
	sizes := map[string]int{}
	for i, w := range words {
		fam[i] = family[assign.Group(w)]
		sizes[fam[i]]++
	}
	chance := 0
	for _, s := range sizes {
		chance = max(chance, s)
	}
	for _, method := range []string{MethodPCA, MethodTSNE} {
		m, err := Project(context.Background(), data, n, g.dim, method, Options{TSNE: TSNEOptions{Seed: 1}})
		if err != nil {
			t.Fatal(err)
		}
		got := knnFamilyAccuracy(m.Points, fam, 5)
		t.Logf("%s (%s): families %v; 5-NN family accuracy in the map %.3f (chance %.3f); T(10) = %.4f",
			method, m.Engine, sizes, got, float64(chance)/float64(n), m.Trust.Value)
		if want := 0.8; got < want { // measured: PCA 0.825, t-SNE 0.958; chance 0.392
			t.Errorf("%s: 5-NN family accuracy %.3f, want ≥ %.2f", method, got, want)
		}
	}
}

// knnFamilyAccuracy is the leave-one-out accuracy of a k-nearest-neighbour
// majority vote (ties to the nearest neighbour's label) of labels in the
// 2-D map pts.
func knnFamilyAccuracy(pts []float64, labels []string, k int) float64 {
	n := len(labels)
	correct := 0
	for i := 0; i < n; i++ {
		type nd struct {
			d float64
			j int
		}
		var ds []nd
		for j := 0; j < n; j++ {
			if j != i {
				ds = append(ds, nd{math.Hypot(pts[2*i]-pts[2*j], pts[2*i+1]-pts[2*j+1]), j})
			}
		}
		sort.Slice(ds, func(a, b int) bool { return ds[a].d < ds[b].d })
		votes := map[string]int{}
		best, bestN := labels[ds[0].j], 0
		for _, x := range ds[:k] {
			votes[labels[x.j]]++
		}
		for _, x := range ds[:k] { // in order of distance, so ties go to the nearer
			if v := votes[labels[x.j]]; v > bestN {
				best, bestN = labels[x.j], v
			}
		}
		if best == labels[i] {
			correct++
		}
	}
	return float64(correct) / float64(n)
}
