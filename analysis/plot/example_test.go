package plot_test

import (
	"bytes"
	"fmt"
	"image/png"

	"github.com/gloveboard/gloveboard/analysis/plot"
)

// Build a probability-ratio figure, inspect it, and render it as a PNG of
// an exact pixel size.
func Example() {
	fig, err := plot.NewRatio(plot.RatioSpec{
		I: "ice", J: "steam",
		Bars: []plot.RatioBar{
			{Word: "solid", Ratio: 8.9},
			{Word: "gas", Ratio: 0.085},
			{Word: "water", Ratio: 1.36},
			{Word: "crystalline", Kind: plot.RatioInf},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	d := fig.Describe()
	fmt.Println(d.Title)
	fmt.Println(d.YLabel, "| log:", d.YLog)
	fmt.Println(d.XTicks)

	var buf bytes.Buffer
	if err := fig.Render(&buf, plot.Output{Format: plot.PNG, Width: 400, Height: 300}); err != nil {
		fmt.Println(err)
		return
	}
	img, err := png.Decode(&buf)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(img.Bounds().Size())
	// Output:
	// P(k | ice) / P(k | steam)
	// ratio (log scale, 1 = no preference) | log: true
	// [solid gas water crystalline]
	// (400,300)
}

// Values a log axis cannot show are omitted with a note, not a panic.
func ExampleNewSpectrum() {
	fig, err := plot.NewSpectrum(plot.SpectrumSpec{
		Quantity: "eigenvalue",
		Values:   []float64{9.1, 4.2, 2.0, 0.7, 0, -0.3},
		Fit:      &plot.PowerLawFit{Beta: 1.05, R2: 0.98, From: 1, To: 4},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	d := fig.Describe()
	fmt.Println(d.Title)
	fmt.Println(d.Legend)
	fmt.Println(d.Notes)
	// Output:
	// Eigenvalue spectrum
	// [eigenvalues power law, ranks 1–4: β = 1.050, R² = 0.980]
	// [2 non-positive eigenvalues omitted (log axis)]
}
