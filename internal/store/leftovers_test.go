package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/durable"
	"github.com/gloveboard/gloveboard/internal/store"
)

// TestOpenRemovesTempLeftovers: a process killed while writing a build's
// or a run's artefact leaves the temporary file inside builds/<id>/ or
// runs/<id>/; the next Open removes it and keeps the artefacts.
func TestOpenRemovesTempLeftovers(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := open(t, dir)
	f, err := st.Stage(strings.NewReader("a b c\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.AddCorpus(ctx, store.NewCorpus{Name: "c"}, f)
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := st.CreateRun(ctx, "train", c.ID, json.RawMessage(`{"dim": 2}`))
	if err != nil {
		t.Fatal(err)
	}
	buildDir := st.CorpusBuildDir(c.ID)
	if err := st.Syncer().MkdirAll(buildDir, 0o755); err != nil {
		t.Fatal(err)
	}
	runDir, err := st.RunDir(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	kept := map[string]string{
		filepath.Join(buildDir, "vocab.txt"):    "a 1\n",
		filepath.Join(buildDir, "summary.json"): "{}",
		filepath.Join(runDir, "model.gob"):      "model",
	}
	for path, data := range kept {
		if err := st.Syncer().WriteFile(path, 0o644, func(w io.Writer) error { _, err := io.WriteString(w, data); return err }); err != nil {
			t.Fatal(err)
		}
	}
	// The temporary files of writes cut short, named as WriteFile names
	// them.
	var leftovers []string
	for _, d := range []string{buildDir, buildDir, runDir} {
		tmp, err := os.CreateTemp(d, durable.TempPrefix+"*")
		if err != nil {
			t.Fatal(err)
		}
		tmp.WriteString("half an artefact")
		tmp.Close()
		leftovers = append(leftovers, tmp.Name())
	}
	st.Close()

	open(t, dir)
	for _, p := range leftovers {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s survived Open (%v)", p, err)
		}
	}
	for path, want := range kept {
		if got, err := os.ReadFile(path); err != nil || string(got) != want {
			t.Errorf("%s: %q, %v; want %q", path, got, err, want)
		}
	}
}
