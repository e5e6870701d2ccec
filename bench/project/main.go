// Command project-bench times analysis/project on fixed inputs for the
// side-by-side comparison with scikit-learn driven by compare.py.
//
//	go run ./bench/project gen -dir DIR        # writes the inputs
//	go run ./bench/project pca -in DIR/pca.f32 -n 400000 -d 300
//	go run ./bench/project tsne -in DIR/tsne.f32 -n 5000 -d 50 -out DIR/go_map.f64
//	go run ./bench/project rows -in internal/demo/glove.6B.50d.4k.txt -out DIR/demo.f32
//	go run ./bench/project jitter -in DIR/demo.f32 -n 4197 -d 50 -rows 20000 -out DIR/20k.f32
//	go run ./bench/project pca-map -in DIR/20k.f32 -n 20000 -d 50
//	go run ./bench/project umap -in DIR/demo.f32 -n 4197 -d 50 -neighbors 15 -min-dist 0.1 -epochs 500 -out DIR/go_umap.f64
//
// Each timing command prints one JSON object with the wall-clock seconds
// of the computation alone (input reading excluded).
package main

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/analysis/vectors"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "project-bench:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return errors.New("usage: project-bench gen|pca|tsne|umap [flags]")
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	dir := fs.String("dir", "", "output directory (gen)")
	in := fs.String("in", "", "float32 row-major input")
	n := fs.Int("n", 0, "rows")
	d := fs.Int("d", 0, "columns")
	out := fs.String("out", "", "write the n×2 float64 map here (tsne)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the pca or tsne run to this file")
	seed := fs.Uint64("seed", 1, "seed")
	neighbors := fs.Int("neighbors", 15, "UMAP neighbours")
	minDist := fs.Float64("min-dist", 0.1, "UMAP min-dist")
	epochs := fs.Int("epochs", 0, "UMAP epochs (0: the default for n)")
	rows := fs.Int("rows", 20000, "rows written by jitter")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *cpuProfile != "" && args[0] != "gen" {
		pf, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	switch args[0] {
	case "gen":
		if *dir == "" {
			return errors.New("gen needs -dir")
		}
		if err := writeF32(filepath.Join(*dir, "pca.f32"), lowRankData(400000, 300, 1)); err != nil {
			return err
		}
		return writeF32(filepath.Join(*dir, "tsne.f32"), clusters(5000, 50, 20, 2))
	case "pca":
		data, err := readF32(*in, *n**d)
		if err != nil {
			return err
		}
		start := time.Now()
		res, err := project.PCA(context.Background(), data, *n, *d, project.PCAOptions{Components: 2})
		if err != nil {
			return err
		}
		return json.NewEncoder(os.Stdout).Encode(map[string]any{
			"seconds": time.Since(start).Seconds(), "explained_variance": res.ExplainedVariance})
	case "rows":
		// The rows of a vector file (-in, any format analysis/vectors
		// reads) as float32, row-major, for the comparison scripts.
		set, _, err := vectors.Load(context.Background(), *in, vectors.LoadOptions{})
		if err != nil {
			return err
		}
		if err := writeF32(*out, set.Data()); err != nil {
			return err
		}
		return json.NewEncoder(os.Stdout).Encode(map[string]any{"n": set.Len(), "d": set.Dim()})
	case "jitter":
		// The first n rows of -in, then jittered copies up to -rows rows:
		// each copy adds Gaussian noise of 5 % of the row's RMS.
		data, err := readF32(*in, *n**d)
		if err != nil {
			return err
		}
		return writeF32(*out, jittered(data, *n, *d, *rows, *seed))
	case "pca-map":
		data, err := readF32(*in, *n**d)
		if err != nil {
			return err
		}
		start := time.Now()
		if _, err := project.PCA(context.Background(), data, *n, *d, project.PCAOptions{Components: 2}); err != nil {
			return err
		}
		return json.NewEncoder(os.Stdout).Encode(map[string]any{"seconds": time.Since(start).Seconds(), "peak_rss_mib": peakRSSMiB(), "cpu_seconds_total": cpuSeconds()})
	case "umap":
		data, err := readF32(*in, *n**d)
		if err != nil {
			return err
		}
		start := time.Now()
		res, err := project.UMAP(context.Background(), data, *n, *d, project.UMAPOptions{
			Neighbors: *neighbors, MinDist: *minDist, Epochs: *epochs, Seed: *seed})
		if err != nil {
			return err
		}
		secs := time.Since(start).Seconds()
		if err := writeMap(*out, res.Points); err != nil {
			return err
		}
		return json.NewEncoder(os.Stdout).Encode(map[string]any{"seconds": secs, "init": res.Init, "a": res.A, "b": res.B, "peak_rss_mib": peakRSSMiB(), "cpu_seconds_total": cpuSeconds()})
	case "tsne":
		data, err := readF32(*in, *n**d)
		if err != nil {
			return err
		}
		start := time.Now()
		res, err := project.TSNE(context.Background(), data, *n, *d, project.TSNEOptions{Engine: project.EngineBarnesHut, Seed: *seed})
		if err != nil {
			return err
		}
		secs := time.Since(start).Seconds()
		tw, err := project.Trustworthiness(context.Background(), data, *d, res.Points, 2, 10, 2)
		if err != nil {
			return err
		}
		if err := writeMap(*out, res.Points); err != nil {
			return err
		}
		return json.NewEncoder(os.Stdout).Encode(map[string]any{
			"seconds": secs, "kl": res.KL, "trustworthiness": tw.Value, "engine": res.Engine, "peak_rss_mib": peakRSSMiB(), "cpu_seconds_total": cpuSeconds()})
	}
	return fmt.Errorf("unknown mode %q", args[0])
}

// jittered returns rows×d data: the n rows of data, then copies of them
// in turn with Gaussian noise of 5 % of each row's root mean square.
func jittered(data []float32, n, d, rows int, seed uint64) []float32 {
	rng := rand.New(rand.NewPCG(seed, 20000))
	out := make([]float32, 0, rows*d)
	out = append(out, data[:min(n, rows)*d]...)
	for r := n; r < rows; r++ {
		src := data[(r%n)*d : (r%n+1)*d]
		var ss float64
		for _, v := range src {
			ss += float64(v) * float64(v)
		}
		scale := 0.05 * math.Sqrt(ss/float64(d))
		for _, v := range src {
			out = append(out, v+float32(scale*rng.NormFloat64()))
		}
	}
	return out
}

// writeMap writes the n×2 float64 map little-endian to path ("" skips).
func writeMap(path string, points []float64) error {
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := binary.Write(f, binary.LittleEndian, points); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// lowRankData is n×d data with a decaying spectrum: z·diag(s)·R plus noise,
// s_k = k^-0.7, R a random rotation-like mixing (Gaussian, normalised rows).
func lowRankData(n, d int, seed uint64) []float32 {
	rng := rand.New(rand.NewPCG(seed, 1))
	mix := make([]float64, d*d)
	for k := 0; k < d; k++ {
		var norm float64
		for j := 0; j < d; j++ {
			mix[k*d+j] = rng.NormFloat64()
			norm += mix[k*d+j] * mix[k*d+j]
		}
		s := math.Pow(float64(k+1), -0.7) / math.Sqrt(norm)
		for j := 0; j < d; j++ {
			mix[k*d+j] *= s
		}
	}
	out := make([]float32, n*d)
	z := make([]float64, d)
	row := make([]float64, d)
	for i := 0; i < n; i++ {
		for k := range z {
			z[k] = rng.NormFloat64()
		}
		clear(row)
		for k, zk := range z {
			for j := 0; j < d; j++ {
				row[j] += zk * mix[k*d+j]
			}
		}
		for j := 0; j < d; j++ {
			out[i*d+j] = float32(row[j] + 0.01*rng.NormFloat64() + 0.5)
		}
	}
	return out
}

// clusters is n×d data from c Gaussian clusters with random centres.
func clusters(n, d, c int, seed uint64) []float32 {
	rng := rand.New(rand.NewPCG(seed, 2))
	centres := make([]float64, c*d)
	for i := range centres {
		centres[i] = 3 * rng.NormFloat64()
	}
	out := make([]float32, n*d)
	for i := 0; i < n; i++ {
		k := rng.IntN(c)
		spread := 0.5 + float64(k%4)*0.3
		for j := 0; j < d; j++ {
			out[i*d+j] = float32(centres[k*d+j] + spread*rng.NormFloat64())
		}
	}
	return out
}

func writeF32(path string, data []float32) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := binary.Write(f, binary.LittleEndian, data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func readF32(path string, n int) ([]float32, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) != 4*n {
		return nil, fmt.Errorf("%s has %d bytes, want %d", path, len(b), 4*n)
	}
	out := make([]float32, n)
	for i := range out {
		out[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return out, nil
}
