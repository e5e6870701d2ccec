package plot

import (
	"io"
	"testing"
)

// BenchmarkScatter2000PNG renders a 2,000-point labelled word map to a
// 1200×900 PNG (target: under 300 ms per render, reported as ms/op; on a
// shared machine also see cpu-ms/op, the process CPU time per render).
func BenchmarkScatter2000PNG(b *testing.B) {
	pts := wordMap(2000, 6, 1)
	out := Output{Format: PNG, Width: 1200, Height: 900}
	b.ReportAllocs()
	cpu0, cpuOK := processCPU()
	for b.Loop() {
		f, err := NewScatter(ScatterSpec{Points: pts, Method: "tsne", Engine: "go-tsne", Highlight: []string{"g2"}})
		if err != nil {
			b.Fatal(err)
		}
		if err := f.Render(io.Discard, out); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
	if cpu1, ok := processCPU(); ok && cpuOK {
		b.ReportMetric(float64((cpu1-cpu0).Microseconds())/1e3/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkScatter2000SVG is the same map written as SVG.
func BenchmarkScatter2000SVG(b *testing.B) {
	pts := wordMap(2000, 6, 1)
	out := Output{Format: SVG, Width: 1200, Height: 900}
	for b.Loop() {
		f, err := NewScatter(ScatterSpec{Points: pts})
		if err != nil {
			b.Fatal(err)
		}
		if err := f.Render(io.Discard, out); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
}
