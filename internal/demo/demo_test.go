package demo_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/demo"
	"github.com/gloveboard/gloveboard/internal/store"
)

func TestInstallIsIdempotent(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for range 2 {
		if err := demo.Install(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	cs, err := st.Corpora(ctx)
	if err != nil {
		t.Fatal(err)
	}
	vs, err := st.VectorSets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || len(vs) != 1 {
		t.Fatalf("%d corpora and %d vector sets after two installs, want 2 and 1", len(cs), len(vs))
	}
	byName := map[string]store.Corpus{}
	for _, c := range cs {
		byName[c.Name] = c
	}
	c, vi, v := byName[demo.CorpusName], byName[demo.VietnameseName], vs[0]
	if vi.Source != store.SourceDemo || !vi.Gzipped || vi.Filename != demo.VietnameseFile || !demo.Vietnamese(vi.SHA256) || demo.Vietnamese(c.SHA256) {
		t.Errorf("Vietnamese corpus %+v", vi)
	}
	if !strings.Contains(demo.MPLLicense, "Mozilla Public License Version 2.0") {
		t.Error("the MPL-2.0 text is not embedded")
	}
	if c.Source != store.SourceDemo || !c.Gzipped || c.Name != demo.CorpusName {
		t.Errorf("corpus %+v", c)
	}
	if fi, err := os.Stat(st.CorpusPath(c.ID, true)); err != nil || fi.Size() != c.Size {
		t.Errorf("corpus file: %v (size %d, recorded %d)", err, fi.Size(), c.Size)
	}
	if v.Count != 4197 || v.Dim != 50 || v.Source != store.SourceDemo {
		t.Errorf("vectors %+v, want 4197 × 50 demo", v)
	}
	if !strings.Contains(demo.WordNetLicense, "Princeton University") || !strings.Contains(demo.GloVeNotice, "PDDL") {
		t.Error("licence notices not embedded")
	}
}

// The demo vectors are frequent words of glove.6B followed by a selection
// of rarer ones (occupations and the like), not the first 4,197 rows of the
// published file: some common words, berlin among them, are missing. The
// notice on the About page must say so rather than promise a prefix.
func TestGloVeNoticeDescribesTheSample(t *testing.T) {
	f, err := os.ReadFile("glove.6B.50d.4k.txt")
	if err != nil {
		t.Fatal(err)
	}
	words := map[string]bool{}
	for _, line := range strings.Split(string(f), "\n") {
		w, _, _ := strings.Cut(line, " ")
		words[w] = true
	}
	if words["berlin"] || !words["paralegal"] {
		t.Fatal("the sample changed: check GLOVE-VECTORS-NOTICE and this test")
	}
	if strings.Contains(demo.GloVeNotice, "The first 4,197 words") {
		t.Error("the notice calls the sample the first 4,197 words of glove.6B, but berlin is missing and rare words such as paralegal are in it")
	}
	if !strings.Contains(demo.GloVeNotice, "berlin") {
		t.Error("the notice does not warn that common words (berlin) are missing")
	}
}
