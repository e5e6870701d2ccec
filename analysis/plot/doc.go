// Package plot draws gloveboard's figures: labelled 2-D word maps, loss
// curves, log–log spectra, Zipf rank–frequency plots, probability-ratio
// bars, neighbour/analogy score bars and fidelity scatters.
//
// It is the only package in the tree that imports gonum.org/v1/plot. Its
// API takes plain Go data (slices and the small spec structs defined
// here) and returns a *Figure, which can be inspected with Describe and
// written as PNG or SVG with Render. Callers never need gonum/plot types.
//
//	NewScatter   word map; points coloured by group, legend beside the plot,
//	             word labels placed greedily without overlaps
//	NewLoss      cost against epoch, several runs, optional log y axis
//	NewSpectrum  rank against singular value or eigenvalue, log–log, with
//	             a power-law fit drawn over its fitted ranks only
//	NewZipf      rank against frequency, log–log, with the MLE power law and
//	             the (descriptive) least-squares line
//	NewRatio     P(k|i)/P(k|j) bars on a log axis centred at 1, with
//	             markers for infinite, zero and undefined ratios
//	NewBars      horizontal cosine-score bars for neighbours or analogies
//	NewFidelity  target x against prediction y, with y = x or a fitted line
//	             and R² in the title
//
// Output chooses PNG or SVG (FormatFromPath maps a file name), the size in
// pixels or inches and the resolution; a PNG decodes to exactly the pixel
// size asked for.
//
// Every string that reaches a figure (words, group names, titles) is
// treated as untrusted: it is made valid UTF-8, stripped of control and
// bidirectional-override characters, shortened if very long, and the SVG
// backend escapes it as XML character data. Right-to-left words are put
// into visual order for the PNG renderer, which has no bidi support.
//
// Text is drawn with Liberation Sans (regular and bold), which has a
// glyph for every Vietnamese letter with every tone mark (stacked ones
// such as ầ, ộ, ự included; TestVietnameseGlyphCoverage checks all 146
// against the font's character map); text is put in NFC first, so
// decomposed input is drawn with those precomposed glyphs. Liberation has
// no CJK glyphs: in PNG a Chinese or Japanese word is drawn as boxes (the
// font's .notdef glyph), while SVG names the font family and leaves the
// characters to the viewer, which falls back to a system font that has
// them (label widths are still measured with Liberation, so such labels
// may be spaced oddly).
//
// Values that cannot be drawn — NaN, ±Inf, or non-positive numbers on a
// logarithmic axis — are never silently dropped: each figure lists what it
// omitted in its notes, which are also printed as a caption under the plot.
// A figure with nothing left to draw is an error wrapping ErrNoData.
package plot
