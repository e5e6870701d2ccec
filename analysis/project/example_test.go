package project_test

import (
	"context"
	"fmt"

	"github.com/gloveboard/gloveboard/analysis/project"
)

// Four 3-d points on a line with a small bend: PCA puts the line on the
// first axis.
func ExamplePCA() {
	data := []float32{
		0, 0, 0,
		1, 1, 0.1,
		2, 2, 0,
		3, 3, 0.1,
	}
	res, _ := project.PCA(context.Background(), data, 4, 3, project.PCAOptions{Components: 2})
	fmt.Printf("explained variance ratio %.4f %.4f\n", res.ExplainedVarianceRatio[0], res.ExplainedVarianceRatio[1])
	// Output: explained variance ratio 0.9992 0.0008
}

// A map that keeps every neighbourhood is fully trustworthy.
func ExampleTrustworthiness() {
	data := []float32{0, 1, 2, 3, 4, 5, 6, 7}
	emb := []float64{0, 0, 2, 0, 4, 0, 6, 0, 8, 0, 10, 0, 12, 0, 14, 0}
	t, _ := project.Trustworthiness(context.Background(), data, 1, emb, 2, 2, 1)
	fmt.Println(t.Value)
	// Output: 1
}

func ExampleProject() {
	// Two well-separated clusters of 40 points in 5-d.
	var data []float32
	for i := 0; i < 80; i++ {
		base := float32(0)
		if i >= 40 {
			base = 10
		}
		for j := 0; j < 5; j++ {
			data = append(data, base+float32((i*7+j*3)%11)/10)
		}
	}
	// The first 250 iterations are early exaggeration, so give the map
	// enough iterations after them to settle.
	m, _ := project.Project(context.Background(), data, 80, 5, project.MethodTSNE,
		project.Options{TSNE: project.TSNEOptions{Perplexity: 10, Iterations: 500}})
	fmt.Println(m.Engine, len(m.Points)/2, m.Trust.Value > 0.9)
	// Output: exact 80 true
}
