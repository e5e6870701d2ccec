// Command vecbench is the Go side of the word-vector benchmarks driven by
// bench/vectors/run.py; it is not part of the glove CLI.
//
//	vecbench gen -out FILE [-rows 400000] [-dim 300] [-seed 1]
//	vecbench load FILE          # prints {"seconds":…,"rows":…,"dim":…}
//	vecbench serve FILE         # loads, then answers query lines on stdin
//
// In serve mode each stdin line holds query words; the reply is one JSON
// line with the seconds each top-10 query took and the top-10 words of
// every query, so the driver can check that both sides agree.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "vecbench:", err)
		os.Exit(1)
	}
}

func run(args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) < 1 {
		return errors.New("usage: vecbench gen|load|serve …")
	}
	switch args[0] {
	case "gen":
		fs := flag.NewFlagSet("gen", flag.ContinueOnError)
		out := fs.String("out", "", "output file")
		rows := fs.Int("rows", 400000, "rows")
		dim := fs.Int("dim", 300, "dimension")
		seed := fs.Uint64("seed", 1, "random seed")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		return generate(*out, *rows, *dim, *seed)
	case "load":
		if len(args) != 2 {
			return errors.New("usage: vecbench load FILE")
		}
		start := time.Now()
		set, _, err := vectors.Load(context.Background(), args[1], vectors.LoadOptions{})
		if err != nil {
			return err
		}
		secs := time.Since(start).Seconds()
		return json.NewEncoder(stdout).Encode(map[string]any{"seconds": secs, "rows": set.Len(), "dim": set.Dim()})
	case "serve":
		if len(args) != 2 {
			return errors.New("usage: vecbench serve FILE")
		}
		return serve(args[1], stdin, stdout)
	}
	return fmt.Errorf("unknown mode %q", args[0])
}

// generate writes rows×dim GloVe text: words "w<i>", values N(0, 0.4²)
// printed with 5 significant digits like the published GloVe files.
func generate(path string, rows, dim int, seed uint64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var line []byte
	for i := range rows {
		line = append(line[:0], 'w')
		line = strconv.AppendInt(line, int64(i), 10)
		for range dim {
			line = append(line, ' ')
			line = strconv.AppendFloat(line, float64(float32(0.4*rng.NormFloat64())), 'g', 5, 32)
		}
		line = append(line, '\n')
		if _, err := w.Write(line); err != nil {
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

func serve(path string, stdin io.Reader, stdout io.Writer) error {
	ctx := context.Background()
	set, _, err := vectors.Load(ctx, path, vectors.LoadOptions{})
	if err != nil {
		return err
	}
	set.Unit() // normalise once, like gensim's fill_norms before timing
	fmt.Fprintln(stdout, `{"ready":true}`)
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	enc := json.NewEncoder(stdout)
	for sc.Scan() {
		words := strings.Fields(sc.Text())
		secs := make([]float64, len(words))
		tops := make([][]string, len(words))
		for i, word := range words {
			start := time.Now()
			res, err := set.NeighborsOf(ctx, word, 10)
			secs[i] = time.Since(start).Seconds()
			if err != nil {
				return err
			}
			for _, m := range res {
				tops[i] = append(tops[i], m.Word)
			}
		}
		if err := enc.Encode(map[string]any{"seconds": secs, "top": tops}); err != nil {
			return err
		}
	}
	return sc.Err()
}
