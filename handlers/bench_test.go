package handlers_test

import (
	"net/http"
	"slices"
	"testing"
	"time"
)

// BenchmarkPageLatency measures the server time of pages that do not
// compute (they read the catalogue or a cached build; the demo corpus is
// built first): each sub-benchmark reports the median and 99th-percentile
// time per request in milliseconds. Target: p50 < 50 ms.
func BenchmarkPageLatency(b *testing.B) {
	a := newApp(b, 0)
	a.buildDemo(b)
	for _, path := range []string{"/", "/corpora", "/vectors", "/about", "/train", "/explore", "/corpora/1", "/api/corpora", "/api/vectors", "/api/jobs", "/api/corpora/1/stats"} {
		b.Run(path, func(b *testing.B) {
			var times []time.Duration
			for b.Loop() {
				start := time.Now()
				rec := a.get(path)
				times = append(times, time.Since(start))
				if rec.Code != http.StatusOK {
					b.Fatalf("GET %s: %d", path, rec.Code)
				}
			}
			slices.Sort(times)
			ms := func(q float64) float64 {
				return float64(times[int(q*float64(len(times)-1))]) / float64(time.Millisecond)
			}
			b.ReportMetric(ms(0.5), "p50-ms")
			b.ReportMetric(ms(0.99), "p99-ms")
		})
	}
}
