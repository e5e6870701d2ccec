// Command buildmem measures where a corpus build's memory goes: it builds
// a corpus as the dashboard's build job does (corpusbuild.Builder.Build
// with app.BuildBudget of the given memory budget) and reports, for each
// stage of the build, the peak resident set (VmRSS sampled every 20 ms,
// and VmHWM for the whole run), the peak of the Go heap's live objects and
// the heap goal, so that the build's peak can be set against the budget.
//
//	go run ./bench/buildmem -corpus /tmp/big.txt.gz -budget-mib 256 \
//	    [-dir /tmp/build] [-heap-profiles /tmp/prof] [-window 10 -min-count 5] [-tokens phrases]
//
// With -heap-profiles, an in-use heap profile is written each time the
// live heap passes its previous peak by 16 MiB (peak-STAGE.pprof, the last
// one of each stage kept; read with go tool pprof -sample_index=inuse_space
// -top); with -live-profiles, a profile of the live heap after a forced
// collection as each stage begins. It prints one line a stage and a JSON summary on stdout; it
// writes nothing into the repository.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/corpusbuild"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "buildmem:", err)
		os.Exit(1)
	}
}

// stagePeak is what the sampler saw during one stage of the build.
type stagePeak struct {
	Stage       string  `json:"stage"`
	Seconds     float64 `json:"seconds"`
	RSSMiB      float64 `json:"peak_rss_mib"`
	LiveHeapMiB float64 `json:"peak_heap_objects_mib"`
	HeapGoalMiB float64 `json:"peak_heap_goal_mib"`
	start       time.Time
}

// sampler records peaks per stage; the stage is set from the build's
// progress messages.
type sampler struct {
	mu       sync.Mutex
	stages   []*stagePeak
	profDir  string
	lastProf float64 // live heap (MiB) at the last profile written
	liveDir  string  // where setStage writes a profile after a collection
	samples  []metrics.Sample
}

func newSampler(profDir string) *sampler {
	return &sampler{profDir: profDir, samples: []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/gc/heap/goal:bytes"},
	}}
}

// stage names the stage a progress message belongs to.
func stageOf(msg string) string {
	for _, s := range []string{"learning phrases", "reading", "counting", "merging", "saving", "done"} {
		if strings.HasPrefix(msg, s) {
			return s
		}
	}
	return msg
}

func (s *sampler) setStage(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n := len(s.stages); n > 0 && s.stages[n-1].Stage == name {
		return
	}
	if s.liveDir != "" {
		// The live set as the stage begins: what the last one left.
		runtime.GC()
		writeHeapProfile(filepath.Join(s.liveDir, "live-before-"+strings.ReplaceAll(name, " ", "-")+".pprof"))
	}
	now := time.Now()
	if n := len(s.stages); n > 0 {
		s.stages[n-1].Seconds = now.Sub(s.stages[n-1].start).Seconds()
	}
	s.stages = append(s.stages, &stagePeak{Stage: name, start: now})
	s.lastProf = 0
}

func (s *sampler) sample() {
	metrics.Read(s.samples)
	live := float64(s.samples[0].Value.Uint64()) / (1 << 20)
	goal := float64(s.samples[1].Value.Uint64()) / (1 << 20)
	rss := statusMiB("VmRSS")
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.stages) == 0 {
		return
	}
	st := s.stages[len(s.stages)-1]
	st.RSSMiB = max(st.RSSMiB, rss)
	st.LiveHeapMiB = max(st.LiveHeapMiB, live)
	st.HeapGoalMiB = max(st.HeapGoalMiB, goal)
	if s.profDir != "" && live > s.lastProf+16 {
		s.lastProf = live
		writeHeapProfile(filepath.Join(s.profDir, "peak-"+st.Stage+".pprof"))
	}
}

func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	pprof.Lookup("heap").WriteTo(f, 0)
}

// statusMiB reads a field of /proc/self/status (kB) in MiB; 0 where there
// is no /proc.
func statusMiB(field string) float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

func run() error {
	corpusPath := flag.String("corpus", "", "corpus file (plain text or gzip)")
	budgetMiB := flag.Int64("budget-mib", 256, "the job's memory budget (the dashboard's -memory-budget), MiB")
	dir := flag.String("dir", "", "build directory (default: a temporary one, removed after)")
	profDir := flag.String("heap-profiles", "", "write in-use heap profiles at each stage's peak into this directory")
	liveDir := flag.String("live-profiles", "", "collect garbage as each stage begins and write the live heap's profile into this directory (perturbs the peak)")
	window := flag.Int("window", 10, "window")
	minCount := flag.Int64("min-count", 5, "minimum count")
	tokens := flag.String("tokens", corpusbuild.TokensSyllables, "tokens counted: syllables, or phrases (learn phrases first)")
	flag.Parse()
	if *corpusPath == "" {
		return fmt.Errorf("-corpus is required")
	}
	if *dir == "" {
		d, err := os.MkdirTemp("", "buildmem-*")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		*dir = d
	}
	for _, d := range []string{*profDir, *liveDir} {
		if d == "" {
			continue
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	settings := corpusbuild.DefaultSettings()
	settings.Window, settings.MinCount, settings.Tokens = *window, *minCount, *tokens
	budget := app.BuildBudget(*budgetMiB << 20)

	s := newSampler(*profDir)
	s.liveDir = *liveDir
	s.setStage("start")
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				s.sample()
			}
		}
	}()
	start := time.Now()
	// The spill folder as the progress callback sees it: how many files
	// the final merge reads, and how many bytes spill at most.
	var spillFiles int
	var spillBytes int64
	sum, err := corpusbuild.Build(context.Background(), *corpusPath, *dir, settings, budget, func(_ float64, msg string) {
		s.setStage(stageOf(msg))
		entries, _ := os.ReadDir(filepath.Join(*dir, corpusbuild.SpillDir))
		var n int
		var size int64
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".run") {
				n++
			}
			if info, err := e.Info(); err == nil {
				size += info.Size()
			}
		}
		spillFiles, spillBytes = max(spillFiles, n), max(spillBytes, size)
	})
	s.sample()
	close(done)
	wg.Wait()
	s.setStage("end")
	if err != nil {
		for _, st := range s.stages[:len(s.stages)-1] {
			fmt.Fprintf(os.Stderr, "%-10s %7.1f s  peak RSS %7.1f MiB  live heap %7.1f MiB\n", st.Stage, st.Seconds, st.RSSMiB, st.LiveHeapMiB)
		}
		return err
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	out := struct {
		BudgetMiB  int64                `json:"budget_mib"`
		Budget     corpusbuild.Budget   `json:"build_budget"`
		Tokens     int64                `json:"tokens"`
		Vocab      int                  `json:"vocab"`
		NNZ        int64                `json:"nnz"`
		MatrixMiB  float64              `json:"matrix_mib_at_12B"`
		Seconds    float64              `json:"seconds"`
		PeakRSSMiB float64              `json:"peak_rss_mib"`
		HeapSysMiB float64              `json:"heap_sys_mib"`
		GCs        uint32               `json:"gcs"`
		GOMAXPROCS int                  `json:"gomaxprocs"`
		SpillRuns  int                  `json:"max_spilled_run_files"`
		SpillMiB   float64              `json:"max_spill_mib"`
		Stages     []*stagePeak         `json:"stages"`
		Summary    *corpusbuild.Summary `json:"-"`
	}{
		BudgetMiB: *budgetMiB, Budget: budget, Tokens: sum.Tokens, Vocab: sum.VocabSize, NNZ: sum.NNZ,
		MatrixMiB: float64(sum.NNZ*12) / (1 << 20), Seconds: time.Since(start).Seconds(),
		PeakRSSMiB: statusMiB("VmHWM"), HeapSysMiB: float64(ms.HeapSys) / (1 << 20), GCs: ms.NumGC,
		GOMAXPROCS: runtime.GOMAXPROCS(0), Stages: s.stages[:len(s.stages)-1],
		SpillRuns: spillFiles, SpillMiB: float64(spillBytes) / (1 << 20),
	}
	for _, st := range out.Stages {
		fmt.Fprintf(os.Stderr, "%-10s %7.1f s  peak RSS %7.1f MiB  live heap %7.1f MiB  heap goal %7.1f MiB\n",
			st.Stage, st.Seconds, st.RSSMiB, st.LiveHeapMiB, st.HeapGoalMiB)
	}
	fmt.Fprintf(os.Stderr, "build of %d tokens (%d nonzeros, %.0f MiB at 12 B) at a %d MiB budget: peak RSS %.1f MiB (VmHWM); at most %d run files, %.0f MiB spilled\n",
		sum.Tokens, sum.NNZ, out.MatrixMiB, *budgetMiB, out.PeakRSSMiB, spillFiles, out.SpillMiB)
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
