package durable_test

import (
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/durable"
)

// sync is one observed sync: the path, and the files of the directory
// holding (or being) it at that moment with their contents.
type sync struct {
	path  string
	files map[string]string
}

// record returns a Syncer that records the syncs made through it; at each
// one it reads the directory concerned, so that a test can check what was
// in place.
func record() (durable.Syncer, *[]sync) {
	var got []sync
	return durable.Syncer{Observe: func(path string) {
		dir := path
		if st, err := os.Stat(path); err == nil && !st.IsDir() {
			dir = filepath.Dir(path)
		}
		files := map[string]string{}
		es, _ := os.ReadDir(dir) // a missing directory: the sync reports it
		for _, e := range es {
			b, _ := os.ReadFile(filepath.Join(dir, e.Name())) // "" for a directory
			files[e.Name()] = string(b)
		}
		got = append(got, sync{path, files})
	}}, &got
}

func TestWriteFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "summary.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	sy, syncs := record()
	err := sy.WriteFile(path, 0o644, func(w io.Writer) error {
		_, err := io.WriteString(w, "new contents")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// First the temporary file is synced with its full contents while the
	// old file is still in place, then the directory, with the new file
	// under its name and no temporary file left.
	if len(*syncs) != 2 {
		t.Fatalf("syncs %+v, want the file's then the directory's", *syncs)
	}
	file, d := (*syncs)[0], (*syncs)[1]
	tmp := filepath.Base(file.path)
	if filepath.Dir(file.path) != dir || tmp == "summary.json" || file.files[tmp] != "new contents" || file.files["summary.json"] != "old" {
		t.Errorf("first sync %+v: want the complete temporary file in %s, before the rename", file, dir)
	}
	if d.path != dir || d.files["summary.json"] != "new contents" || len(d.files) != 1 {
		t.Errorf("second sync %+v: want %s holding only the new file", d, dir)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v (%v), want 0644", st.Mode(), err)
	}

	// A failing writer leaves the old file and nothing else.
	*syncs = nil
	boom := errors.New("boom")
	if err := sy.WriteFile(path, 0o644, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	}); !errors.Is(err, boom) {
		t.Errorf("err = %v, want the writer's", err)
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("%d entries after a failed write, want 1", len(es))
	}
	if b, _ := os.ReadFile(path); string(b) != "new contents" {
		t.Errorf("file %q after a failed write", b)
	}
	if len(*syncs) != 0 {
		t.Errorf("a failed write synced %+v", *syncs)
	}
}

func TestRename(t *testing.T) {
	t.Parallel()
	from, to := t.TempDir(), t.TempDir()
	src, dst := filepath.Join(from, "upload-1"), filepath.Join(to, "7.txt")
	if err := os.WriteFile(src, []byte("words"), 0o644); err != nil {
		t.Fatal(err)
	}
	sy, syncs := record()
	if err := sy.Rename(src, dst); err != nil {
		t.Fatal(err)
	}
	if len(*syncs) != 1 || (*syncs)[0].path != to || (*syncs)[0].files["7.txt"] != "words" {
		t.Errorf("syncs %+v, want %s synced with 7.txt in it", *syncs, to)
	}
	if err := sy.Rename(src, dst); err == nil {
		t.Error("renaming a missing file succeeded")
	}
}

func TestMkdirAll(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	sy, syncs := record()
	dir := filepath.Join(root, "a", "b", "c")
	if err := sy.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// Each new directory's parent is synced once the directory exists.
	var paths []string
	for i, s := range *syncs {
		paths = append(paths, s.path)
		child := []string{"a", "b", "c"}[min(i, 2)]
		if _, ok := s.files[child]; !ok {
			t.Errorf("%s synced before %s was created in it", s.path, child)
		}
	}
	want := []string{root, filepath.Join(root, "a"), filepath.Join(root, "a", "b")}
	if !slices.Equal(paths, want) {
		t.Errorf("synced %v, want %v", paths, want)
	}
	*syncs = nil
	if err := sy.MkdirAll(dir, 0o755); err != nil || len(*syncs) != 0 {
		t.Errorf("existing directory: %v, synced %+v; want nothing to do", err, *syncs)
	}
	if err := sy.SyncDir(filepath.Join(root, "missing")); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("syncing a missing directory: %v", err)
	}
}

// TestZeroSyncer checks that the zero Syncer, which observes nothing,
// publishes as well.
func TestZeroSyncer(t *testing.T) {
	t.Parallel()
	var sy durable.Syncer
	dir := filepath.Join(t.TempDir(), "a", "b")
	if err := sy.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "f.txt")
	if err := sy.WriteFile(path, 0o600, func(w io.Writer) error {
		_, err := io.WriteString(w, "zero")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "zero" {
		t.Errorf("read %q, %v; want \"zero\"", b, err)
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("%d entries, want only f.txt", len(es))
	}
}

// TestRemoveTemps: the temporary file WriteFile writes through, left
// behind as a process killed mid-write leaves it, is what RemoveTemps
// removes; published files and other names are kept.
func TestRemoveTemps(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var tempName string
	err := durable.Syncer{}.WriteFile(filepath.Join(dir, "matrix.gbcsr"), 0o644, func(w io.Writer) error {
		es, err := os.ReadDir(dir)
		if err != nil || len(es) != 1 {
			t.Fatalf("directory during WriteFile: %v %v, want the temporary file only", es, err)
		}
		tempName = es[0].Name()
		_, err = io.WriteString(w, "matrix")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(tempName, durable.TempPrefix) {
		t.Fatalf("WriteFile's temporary file %q lacks TempPrefix %q", tempName, durable.TempPrefix)
	}
	leftovers := []string{tempName, durable.TempPrefix + "123456"}
	kept := map[string]string{"matrix.gbcsr": "matrix", "summary.json": "{}", "a.tmp-1": "x", ".hidden": "y"}
	for _, name := range leftovers {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range kept {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, durable.TempPrefix+"dir"), 0o755); err != nil {
		t.Fatal(err)
	}
	kept[durable.TempPrefix+"dir"] = "" // a directory: not WriteFile's

	if err := durable.RemoveTemps(dir); err != nil {
		t.Fatal(err)
	}
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range es {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		got[e.Name()] = string(b)
	}
	if !maps.Equal(got, kept) {
		t.Errorf("after RemoveTemps: %q, want %q", got, kept)
	}
	if err := durable.RemoveTemps(filepath.Join(dir, "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("RemoveTemps of a missing directory = %v, want ErrNotExist", err)
	}
}
