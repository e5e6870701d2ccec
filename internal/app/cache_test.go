package app

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/gloveboard/gloveboard/internal/store"
)

// addBuiltCorpus uploads text as a corpus and builds it with MinCount 1.
func addBuiltCorpus(t *testing.T, s *Service, name, text string) store.Corpus {
	t.Helper()
	f, err := s.st.Stage(strings.NewReader(text), 0)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.st.AddCorpus(context.Background(), store.NewCorpus{Name: name}, f)
	if err != nil {
		t.Fatal(err)
	}
	settings := DefaultBuildSettings()
	settings.MinCount = 1
	j, err := s.StartBuild(context.Background(), c.ID, settings)
	if err != nil {
		t.Fatal(err)
	}
	if info := waitJob(t, s, j.ID); info.Status != store.JobDone {
		t.Fatalf("build of %s: %+v", name, info)
	}
	return c
}

// TestBuildCacheEvictsByBytes loads three builds of about the same size
// into a cache whose byte budget (the memory budget) holds two and a
// half: the third evicts the least recently used, whatever their number.
func TestBuildCacheEvictsByBytes(t *testing.T) {
	s := openAt(t, t.TempDir())
	var ids []int64
	for i := range 3 {
		var b strings.Builder
		for k := range 4000 {
			fmt.Fprintf(&b, "w%d w%d w%d\n", (k*7+i)%300, (k*13)%300, (k*17+i)%300)
		}
		ids = append(ids, addBuiltCorpus(t, s, fmt.Sprintf("c%d", i), b.String()).ID)
	}
	var sizes []int64
	for _, id := range ids {
		b, err := s.Build(id)
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, b.MemoryBytes())
	}
	// The real budget is far larger; give the cache one that holds two
	// and a half of these builds.
	budget := (sizes[0] + sizes[1] + sizes[2]) * 5 / 6
	s.builds = newBuildCache(budget)
	for _, id := range ids {
		if _, err := s.Build(id); err != nil {
			t.Fatal(err)
		}
	}
	if got := s.builds.Len(); got != 2 {
		t.Errorf("%d builds held within a budget for two and a half, want 2", got)
	}
	if used := s.builds.Bytes(); used > budget {
		t.Errorf("%d bytes held, over the budget of %d", used, budget)
	}
	held := map[string]bool{}
	for _, k := range s.builds.Keys() {
		held[k.dir] = true
	}
	if held[s.st.CorpusBuildDir(ids[0])] || !held[s.st.CorpusBuildDir(ids[2])] {
		t.Errorf("held %v: want the oldest (corpus %d) evicted and the newest kept", s.builds.Keys(), ids[0])
	}
}

// TestBuildCacheConcurrentReadsLoadOnce asks for one build from eight
// goroutines at once: they share one load (the same *Build), and the
// cache holds it once.
func TestBuildCacheConcurrentReadsLoadOnce(t *testing.T) {
	s := openAt(t, t.TempDir())
	c := tinyCorpus(t, s)
	s.forgetBuild(s.st.CorpusBuildDir(c.ID))
	got := make([]*Build, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, err := s.Build(c.ID)
			if err != nil {
				t.Error(err)
			}
			got[i] = b
		}()
	}
	wg.Wait()
	for i, b := range got {
		if b == nil || b != got[0] {
			t.Fatalf("reader %d got another load (%p, first %p): the reads did not share one", i, b, got[0])
		}
	}
	if n := s.builds.Len(); n != 1 || s.builds.Bytes() != got[0].MemoryBytes() {
		t.Errorf("cache holds %d builds, %d bytes; want 1 of %d bytes", n, s.builds.Bytes(), got[0].MemoryBytes())
	}
}
