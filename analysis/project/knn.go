package project

import (
	"context"
	"sync"
)

// exactNeighbours returns, for each of the n rows of the n×d float32
// row-major data, its k nearest other rows by Euclidean distance, found by
// brute force (O(n²·d) on workers goroutines, each row's distances in a
// scratch row of n float64). nbr[i*k:(i+1)*k] holds the neighbours of i,
// nearest first (ties by index), and dist2 the matching squared distances.
// It returns the context's error when cancelled (checked every 256 rows).
func exactNeighbours(ctx context.Context, data []float32, n, d, k, workers int) (nbr []int32, dist2 []float64, err error) {
	nbr = make([]int32, n*k)
	dist2 = make([]float64, n*k)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			row := make([]float64, n)
			best := make([]int, 0, k)
			for i := w; i < n; i += workers {
				if i%256 == w && ctx.Err() != nil {
					return
				}
				xi := data[i*d : (i+1)*d]
				for j := 0; j < n; j++ {
					xj := data[j*d : (j+1)*d]
					var s float64
					for t := range xi {
						v := float64(xi[t]) - float64(xj[t])
						s += v * v
					}
					row[j] = s
				}
				best = kSmallest(row, i, k, best[:0])
				for a, j := range best {
					nbr[i*k+a] = int32(j)
					dist2[i*k+a] = row[j]
				}
			}
		}(w)
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	return nbr, dist2, nil
}
