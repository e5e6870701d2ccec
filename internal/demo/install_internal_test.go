package demo

import (
	"bytes"
	"context"
	"testing"

	"github.com/gloveboard/gloveboard/internal/store"
)

// A first start killed after the demo corpus was added but before that
// was recorded: the next Install adopts it instead of adding it again.
func TestInstallAdoptsUnrecordedDemo(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	f, err := st.Stage(bytes.NewReader(corpusGz), 0)
	if err != nil {
		t.Fatal(err)
	}
	first, err := st.AddCorpus(ctx, store.NewCorpus{Name: CorpusName, Source: store.SourceDemo}, f)
	if err != nil {
		t.Fatal(err)
	}
	if err := Install(ctx, st); err != nil {
		t.Fatal(err)
	}
	cs, err := st.Corpora(ctx)
	if err != nil {
		t.Fatal(err)
	}
	same := 0
	for _, c := range cs {
		if c.SHA256 == first.SHA256 {
			same++
			if c.ID != first.ID {
				t.Errorf("the WordNet corpus is id %d, want the one added before (id %d)", c.ID, first.ID)
			}
		}
	}
	if len(cs) != 2 || same != 1 {
		t.Errorf("%d corpora after Install (%d of them WordNet), want the one added before and the Vietnamese corpus", len(cs), same)
	}
	if got, err := st.Meta(ctx, metaCorpus); err != nil || got != "1" {
		t.Errorf("meta %s = %q, %v; want the adopted id", metaCorpus, got, err)
	}
}
