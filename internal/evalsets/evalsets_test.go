package evalsets

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestDefault(t *testing.T) {
	analogy, similarity, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	questions := 0
	for _, s := range analogy {
		questions += len(s.Questions)
	}
	// Figures from ../shared/data/SOURCES.md and the files' line counts.
	if len(analogy) != 14 || questions != 19544 {
		t.Errorf("analogy: %d sections, %d questions; want 14, 19544", len(analogy), questions)
	}
	want := map[string]int{"WS-353": 353, "SimLex-999": 999, "MEN": 3000}
	var names []string
	for _, s := range similarity {
		names = append(names, s.Name)
		if len(s.Pairs) != want[s.Name] {
			t.Errorf("%s: %d pairs, want %d", s.Name, len(s.Pairs), want[s.Name])
		}
	}
	if !slices.Equal(names, []string{"WS-353", "SimLex-999", "MEN"}) {
		t.Errorf("sets %q", names)
	}
	if !strings.Contains(AnalogyNotice, "Apache") || !strings.Contains(SimilarityLicense, "MIT License") {
		t.Error("licence notices not embedded")
	}
}

func TestLoad(t *testing.T) {
	analogy, similarity, err := Load(FS())
	if err != nil || len(analogy) != 14 {
		t.Fatalf("Load(FS()): %d sections, %v", len(analogy), err)
	}
	var names []string
	for _, s := range similarity {
		names = append(names, s.Name)
	}
	// Every shipped set, in file-name order; the defaults keep their names.
	want := []string{"MC-30", "MEN", "MTurk-287", "MTurk-771", "RG-65", "RW-STANFORD", "SimLex-999", "SimVerb-3500",
		"VERB-143", "WS-353", "WS-353-REL", "WS-353-SIM", "YP-130"}
	if !slices.Equal(names, want) {
		t.Errorf("sets %q, want %q", names, want)
	}
	if _, _, err := Load(fstest.MapFS{}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("empty folder: %v, want fs.ErrNotExist", err)
	}
	bad := fstest.MapFS{"similarity/EN-X.txt": {Data: []byte("a\tb\tnot-a-number\n")}}
	if _, _, err := Load(bad); err == nil || !strings.Contains(err.Error(), "EN-X.txt") {
		t.Errorf("malformed set: %v, want an error naming the file", err)
	}
}
