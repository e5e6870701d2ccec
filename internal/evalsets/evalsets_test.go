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

// TestLoadReadsVietnameseFormats: a folder given with -eval-dir may hold
// ViSim-400 and ViCon files (hand-written here; the real sets are not
// shipped) beside plain ones.
func TestLoadReadsVietnameseFormats(t *testing.T) {
	fsys := fstest.MapFS{
		"similarity/ViSim-400.txt": {Data: []byte("Word1\tWord2\tPOS\tSim1\tSim2\tSTD\nvăn_bản\ttài_liệu\tN\t4.8\t8\t1\nhàng\tcột\tN\t1.2\t2\t1\n")},
		"similarity/ViCon.txt":     {Data: []byte("Word1\tWord2\tRelation\nto\tlớn\tSYN\nnóng\tlạnh\tANT\n")},
	}
	_, sim, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(sim) != 2 || sim[0].Name != "ViCon" || sim[1].Name != "ViSim-400" {
		t.Fatalf("sets %+v", sim)
	}
	if p := sim[1].Pairs[0]; p.A != "văn_bản" || p.Gold != 4.8 {
		t.Errorf("ViSim pair %+v, want văn_bản with Sim1 4.8", p)
	}
	if g := []float64{sim[0].Pairs[0].Gold, sim[0].Pairs[1].Gold}; g[0] != 1 || g[1] != 0 {
		t.Errorf("ViCon gold %v, want SYN 1, ANT 0", g)
	}
}
