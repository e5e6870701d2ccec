package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/plot"
)

// plotFlags are the command line of glove plot.
type plotFlags struct {
	kind           plotKind
	in, out        string
	format, unit   string
	width, height  float64
	dpi, maxLabels int
	logY           bool
	highlight      string
	aspect         string
	reference      string
	labels         plotLabels
}

// register adds the flags to fs.
func (f *plotFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.in, "in", "-", "input file; - is standard input; for loss, comma-separated CSV files")
	fs.StringVar(&f.out, "out", "", "output file; .png or .svg chooses the format (required; - writes to standard output with -format)")
	fs.StringVar(&f.format, "format", "", "png or svg (default: from the -out extension)")
	fs.Float64Var(&f.width, "width", 0, "image width in -unit (default 960 px)")
	fs.Float64Var(&f.height, "height", 0, "image height in -unit (default 720 px)")
	fs.StringVar(&f.unit, "unit", "px", "unit of -width and -height: px or in")
	fs.IntVar(&f.dpi, "dpi", 0, "dots per inch: sets text size relative to the image (default 96)")
	fs.StringVar(&f.labels.title, "title", "", "title (default: says what is plotted)")
	fs.StringVar(&f.labels.xlabel, "xlabel", "", "x-axis label")
	fs.StringVar(&f.labels.ylabel, "ylabel", "", "y-axis label")
	fs.BoolVar(&f.logY, "logy", false, "loss: cost on a log axis")
	fs.StringVar(&f.highlight, "highlight", "", "scatter: comma-separated groups to label first and draw on top")
	fs.IntVar(&f.maxLabels, "max-labels", 0, "scatter: at most this many word labels (0: as many as fit legibly, -1: none)")
	fs.StringVar(&f.aspect, "aspect", "auto", "scatter: equal (one unit as long on x as on y), free, or auto (equal for PCA)")
	fs.StringVar(&f.reference, "reference", "", "fidelity: identity, fit or none (default: the input's, else identity)")
}

// parse reads the command line: KIND, before or after the flags, and the
// flags. Its errors are usage errors, already printed.
func (f *plotFlags) parse(args []string, stderr io.Writer) (*flag.FlagSet, error) {
	var synopsis strings.Builder
	synopsis.WriteString("KIND [-in FILE] -out FILE.png|FILE.svg [flags]\n\nKIND and its input (read from -in, or standard input):\n")
	for _, k := range plotKinds {
		fmt.Fprintf(&synopsis, "  %-10s %s\n", k.name, k.input)
	}
	fs := newFlagSet("plot", strings.TrimRight(synopsis.String(), "\n"), stderr)
	f.register(fs)
	var kind string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		kind, args = args[0], args[1:]
	}
	if err := parseFlags(fs, args); err != nil {
		return fs, err
	}
	if kind == "" && fs.NArg() > 0 {
		kind = fs.Arg(0)
		if err := parseFlags(fs, fs.Args()[1:]); err != nil {
			return fs, err
		}
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "glove plot: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return fs, errUsage
	}
	if kind == "" || f.out == "" {
		fmt.Fprintln(stderr, "glove plot: KIND and -out are required")
		fs.Usage()
		return fs, errUsage
	}
	for _, k := range plotKinds {
		if k.name == kind {
			f.kind = k
			return fs, nil
		}
	}
	fmt.Fprintf(stderr, "glove plot: unknown KIND %q\n", kind)
	fs.Usage()
	return fs, errUsage
}

// output checks the image flags and the keyword flags and returns the
// output settings; a bad value is a usage error (exit 2).
func (f *plotFlags) output(fs *flag.FlagSet, stderr io.Writer) (plot.Output, error) {
	o := plot.Output{Width: f.width, Height: f.height, DPI: f.dpi}
	switch f.unit {
	case "px":
		o.Unit = plot.Pixels
	case "in":
		o.Unit = plot.Inches
	default:
		return o, usageError(fs, stderr, "plot", fmt.Sprintf("-unit %q: want px or in", f.unit))
	}
	if (f.width == 0) != (f.height == 0) {
		return o, usageError(fs, stderr, "plot", "give both -width and -height, or neither")
	}
	var err error
	switch {
	case f.format != "":
		o.Format, err = plot.ParseFormat(f.format)
	case f.out == "-":
		err = errors.New("-out - needs -format png or -format svg")
	default:
		o.Format, err = plot.FormatFromPath(f.out)
	}
	if err != nil {
		return o, usageFailure(fs, stderr, "plot", err)
	}
	if _, _, _, err := o.PixelSize(); err != nil {
		return o, usageFailure(fs, stderr, "plot", err)
	}
	// -1 is documented as "no labels"; plot.NewScatter would take any
	// negative number as that, hiding a typo.
	if f.maxLabels < -1 {
		return o, usageError(fs, stderr, "plot", fmt.Sprintf("-max-labels must be -1 (no labels), 0 (as many as fit) or a positive count, got %d", f.maxLabels))
	}
	switch f.aspect {
	case "auto", "equal", "free":
	default:
		return o, usageError(fs, stderr, "plot", fmt.Sprintf("-aspect %q: want auto, equal or free", f.aspect))
	}
	switch f.reference {
	case "", "identity", "fit", "none":
	default:
		return o, usageError(fs, stderr, "plot", fmt.Sprintf("-reference %q: want identity, fit or none", f.reference))
	}
	return o, nil
}
