package plot

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Sentinel errors. Data problems are returned wrapped with %w, so test
// them with errors.Is.
var (
	// ErrNoData means nothing drawable was left: the input was empty, or
	// every value was NaN, infinite or non-positive on a log axis.
	ErrNoData = errors.New("plot: no data to plot")
	// ErrFormat means an output format or file extension is not PNG or SVG.
	ErrFormat = errors.New("plot: unsupported output format")
	// ErrSize means an output size or resolution is out of range.
	ErrSize = errors.New("plot: bad output size")
	// ErrView means a map's view box is empty, inverted or not finite.
	ErrView = errors.New("plot: bad view box")
)

// Format is an output file format.
type Format int

// Output formats. The zero value means "PNG".
const (
	PNG Format = iota
	SVG
)

// String returns "png" or "svg".
func (f Format) String() string {
	switch f {
	case PNG:
		return "png"
	case SVG:
		return "svg"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// ParseFormat maps "png" or "svg" (any case, optional leading dot) to a
// Format.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimPrefix(s, ".")) {
	case "png":
		return PNG, nil
	case "svg":
		return SVG, nil
	}
	return 0, fmt.Errorf("%w: %q (want png or svg)", ErrFormat, s)
}

// FormatFromPath chooses the format from a file name's extension.
func FormatFromPath(path string) (Format, error) {
	ext := filepath.Ext(path)
	if ext == "" {
		return 0, fmt.Errorf("%w: %q has no .png or .svg extension", ErrFormat, path)
	}
	return ParseFormat(ext)
}

// Unit is the unit of Output.Width and Output.Height.
type Unit int

// Units. The zero value means pixels.
const (
	Pixels Unit = iota
	Inches
)

// Output describes the image to write. The zero value is a 960×720 pixel
// PNG at 96 dots per inch.
type Output struct {
	Format Format
	// Width and Height are in Unit; zero means 960×720 pixels. The pixel
	// size is Width×DPI (rounded) when Unit is Inches.
	Width, Height float64
	Unit          Unit
	// DPI is dots per inch, which fixes the size of text relative to the
	// image (text is set in points, 1/72 inch); zero means 96.
	DPI int
	// DecimalComma writes the numbers of numeric axes' tick labels with a
	// decimal comma and a dot between thousands (0,25; 1.000), as
	// Vietnamese and most of Europe write them. Word labels of nominal
	// axes are left alone. Titles, labels and legends are the caller's
	// text and are written as given.
	DecimalComma bool
}

// Limits of Output.
const (
	DefaultWidthPx  = 960
	DefaultHeightPx = 720
	DefaultDPI      = 96
	MinPixels       = 64
	MaxPixels       = 8000
	MaxDPI          = 1200
)

// PixelSize returns the width and height in pixels and the DPI that
// Render will use, or an error wrapping ErrSize.
func (o Output) PixelSize() (w, h, dpi int, err error) {
	dpi = o.DPI
	if dpi == 0 {
		dpi = DefaultDPI
	}
	if dpi < 1 || dpi > MaxDPI {
		return 0, 0, 0, fmt.Errorf("%w: dpi %d not in [1, %d]", ErrSize, o.DPI, MaxDPI)
	}
	fw, fh := o.Width, o.Height
	if fw == 0 && fh == 0 {
		return DefaultWidthPx, DefaultHeightPx, dpi, nil
	}
	switch o.Unit {
	case Pixels:
	case Inches:
		fw *= float64(dpi)
		fh *= float64(dpi)
	default:
		return 0, 0, 0, fmt.Errorf("%w: unknown unit %d", ErrSize, o.Unit)
	}
	if !(fw >= MinPixels && fw <= MaxPixels && fh >= MinPixels && fh <= MaxPixels) {
		return 0, 0, 0, fmt.Errorf("%w: %g×%g pixels not in [%d, %d]", ErrSize, fw, fh, MinPixels, MaxPixels)
	}
	return int(math.Round(fw)), int(math.Round(fh)), dpi, nil
}

// Render draws the figure and writes it to w in the requested format.
// A PNG decodes to exactly the pixel size of out; an SVG declares the
// same size in points (pixels × 72 / DPI). Render is not safe for
// concurrent use on one Figure.
func (f *Figure) Render(w io.Writer, out Output) error {
	wpx, hpx, dpi, err := out.PixelSize()
	if err != nil {
		return err
	}
	if out.DecimalComma {
		defer f.withDecimalComma()()
	}
	switch out.Format {
	case PNG:
		img := image.NewRGBA(image.Rect(0, 0, wpx, hpx))
		c := vgimg.NewWith(vgimg.UseImage(img), vgimg.UseDPI(dpi))
		f.draw(draw.New(rasterCanvas{c}))
		// Plots are flat colour, so fast compression costs little size
		// and halves encoding time.
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		return enc.Encode(w, c.Image())
	case SVG:
		pt := func(px int) vg.Length { return vg.Length(px) * vg.Inch / vg.Length(dpi) }
		c := vgsvg.New(pt(wpx), pt(hpx))
		f.draw(draw.New(c))
		var buf bytes.Buffer
		if _, err := c.WriteTo(&buf); err != nil {
			return err
		}
		// Text was measured with Liberation Sans; Arial has the same
		// metrics, so name it as the fallback for viewers without
		// Liberation. (User text cannot match: quotes in it are escaped.)
		doc := bytes.ReplaceAll(buf.Bytes(), []byte(`style="font-family:Liberation Sans;`),
			[]byte(`style="font-family:'Liberation Sans',Arial,Helvetica,sans-serif;`))
		_, err := w.Write(doc)
		return err
	}
	return fmt.Errorf("%w: %v", ErrFormat, out.Format)
}
