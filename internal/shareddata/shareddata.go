// Package shareddata locates the project's shared test data: the real
// corpora, evaluation sets and pretrained vectors kept beside the
// repository in ../shared/data (see ../shared/data/SOURCES.md). Tests and
// benchmarks read them by path; nothing is copied into the repository.
//
// A test that needs a file fails loudly when it is absent, so that a
// missing data folder can never pass as a green run.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the absolute path of ../shared/data relative to the
// repository root (the directory holding go.mod), searching upward from the
// working directory. ok is false when it cannot be found.
func Dir() (dir string, ok bool) {
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			data := filepath.Join(filepath.Dir(d), "shared", "data")
			if st, err := os.Stat(data); err == nil && st.IsDir() {
				return data, true
			}
			return data, false
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}

// Path returns the absolute path of rel inside ../shared/data, failing tb
// with a clear message when the file is missing.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	dir, ok := Dir()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if !ok {
		tb.Fatalf("shared test data not found: expected the folder ../shared/data beside the repository (looked for %s); this test needs %s", dir, rel)
	}
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("shared test data file missing: %s (%v)", p, err)
	}
	return p
}
