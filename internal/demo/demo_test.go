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
	if len(cs) != 1 || len(vs) != 1 {
		t.Fatalf("%d corpora and %d vector sets after two installs, want 1 and 1", len(cs), len(vs))
	}
	c, v := cs[0], vs[0]
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
