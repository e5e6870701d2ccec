// Command spectrum-bench prepares a PPMI matrix from a corpus and times
// analysis/spectrum's randomized SVD on it, for the side-by-side
// comparison with scipy.sparse.linalg.svds driven by compare.py.
//
//	go run ./bench/spectrum prepare -corpus ../shared/data/corpora/bench-prose.txt.gz -top-n 50000 -out DIR/ppmi.csr
//	go run ./bench/spectrum svd -in DIR/ppmi.csr -k 300
//
// The CSR file is little-endian: int64 rows, cols, nnz; int64 row
// pointers (rows+1); int32 column indices (nnz); float64 values (nnz).
package main

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"time"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/spectrum"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "spectrum-bench:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return errors.New("usage: spectrum-bench prepare|svd [flags]")
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	corpusPath := fs.String("corpus", "", "corpus (prepare)")
	topN := fs.Int("top-n", 50000, "vocabulary size (prepare)")
	out := fs.String("out", "", "CSR output (prepare)")
	in := fs.String("in", "", "CSR input (svd)")
	k := fs.Int("k", 300, "singular values (svd)")
	p := fs.Int("oversample", 0, "oversampling (0: k)")
	q := fs.Int("power-iters", 0, "power iterations (0: 7)")
	seed := fs.Uint64("seed", 1, "seed (svd)")
	solver := fs.String("solver", "randomized", "randomized or lanczos (svd)")
	tol := fs.Float64("tol", 0, "Lanczos tolerance (0: default)")
	basis := fs.Int("basis", 0, "Lanczos basis size (0: default)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the SVD to this file (svd)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	ctx := context.Background()
	switch args[0] {
	case "prepare":
		f, err := os.Open(*corpusPath)
		if err != nil {
			return err
		}
		defer f.Close()
		opt := cooccur.DefaultOptions()
		opt.MaxVocab = *topN
		opt.MinCount = 1 // so that the top 50,000 words exist in bench-prose
		start := time.Now()
		res, err := cooccur.Count(ctx, f, opt)
		if err != nil {
			return err
		}
		counted := time.Since(start)
		m := spectrum.Weight(spectrum.FromCooccur(res.Matrix, *topN), spectrum.PPMI, 0)
		if err := writeCSR(*out, m); err != nil {
			return err
		}
		return json.NewEncoder(os.Stdout).Encode(map[string]any{
			"rows": m.Rows, "nnz": m.NNZ(), "count_seconds": counted.Seconds(), "tokens": res.Stats})
	case "svd":
		m, err := readCSR(*in)
		if err != nil {
			return err
		}
		if *cpuProfile != "" {
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
		start := time.Now()
		var sv []float64
		switch *solver {
		case "randomized":
			sv, err = spectrum.RandomizedSVD(ctx, m, spectrum.SVDOptions{K: *k, Oversample: *p, PowerIters: *q, Seed: *seed})
		case "lanczos":
			sv, err = spectrum.LanczosSVD(ctx, m, spectrum.LanczosOptions{K: *k, Tol: *tol, Basis: *basis, Seed: *seed,
				Progress: func(done, total int) {
					fmt.Fprintf(os.Stderr, "converged %d/%d after %.1f s\n", done, total, time.Since(start).Seconds())
				}})
		default:
			err = fmt.Errorf("unknown solver %q", *solver)
		}
		if err != nil {
			return err
		}
		secs := time.Since(start).Seconds()
		fit, _ := spectrum.FitPowerLaw(sv, 10, len(sv))
		return json.NewEncoder(os.Stdout).Encode(map[string]any{
			"seconds": secs, "singular_values": sv, "rows": m.Rows, "nnz": m.NNZ(),
			"fit": map[string]any{"beta": fit.Beta, "r2": fit.R2, "from": fit.From, "to": fit.To, "exponential_r2": fit.ExpR2}})
	}
	return fmt.Errorf("unknown mode %q", args[0])
}

func writeCSR(path string, m *spectrum.CSR) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for _, v := range []any{int64(m.Rows), int64(m.Cols), int64(m.NNZ())} {
		if err := binary.Write(w, binary.LittleEndian, v); err != nil {
			f.Close()
			return err
		}
	}
	ptr := make([]int64, len(m.RowPtr))
	for i, v := range m.RowPtr {
		ptr[i] = int64(v)
	}
	for _, v := range []any{ptr, m.ColIdx, m.Vals} {
		if err := binary.Write(w, binary.LittleEndian, v); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func readCSR(path string) (*spectrum.CSR, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	var hdr [3]int64
	if err := binary.Read(r, binary.LittleEndian, &hdr); err != nil {
		return nil, err
	}
	m := &spectrum.CSR{Rows: int(hdr[0]), Cols: int(hdr[1]), RowPtr: make([]int, hdr[0]+1),
		ColIdx: make([]int32, hdr[2]), Vals: make([]float64, hdr[2])}
	ptr := make([]int64, hdr[0]+1)
	if err := binary.Read(r, binary.LittleEndian, ptr); err != nil {
		return nil, err
	}
	for i, v := range ptr {
		m.RowPtr[i] = int(v)
	}
	if err := binary.Read(r, binary.LittleEndian, m.ColIdx); err != nil {
		return nil, err
	}
	if err := binary.Read(r, binary.LittleEndian, m.Vals); err != nil {
		return nil, err
	}
	if _, err := r.ReadByte(); err != io.EOF {
		return nil, fmt.Errorf("%s: trailing bytes after the CSR matrix", path)
	}
	return m, nil
}
