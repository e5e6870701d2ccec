package evaluate

import (
	"context"
	"testing"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// BenchmarkGoogleAnalogies runs all 19,544 Google questions (1,516
// covered) on the shared 4k sample per op; the brief's target is "well
// under a second or two".
func BenchmarkGoogleAnalogies(b *testing.B) {
	set := loadSampleTB(b)
	sections, err := LoadAnalogies(testkit.Shipped(b, testkit.AnalogySet))
	if err != nil {
		b.Fatal(err)
	}
	set.Unit()
	for b.Loop() {
		if _, err := Analogies(context.Background(), set, sections, AnalogyOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/19544-questions")
}
