package handlers

// A vector set's covariance spectrum with its power-law fit: the Explore
// card's fragment and, asked for by a browser, its own page.

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// spectrumResult is a vector set's covariance eigenvalues (descending)
// and the power law fitted to them.
type spectrumResult struct {
	values []float64
	fit    spectrum.PowerLawFit
	// cut is the first rank of a collapsed tail left out of the default
	// fit (0: none).
	cut  int
	note string
	// loc is the language the result is shown in (the plot's text).
	loc views.Locale
}

// spectrumOf fits a power law to the eigenvalues over the ranks ?from..?to
// (by default those of spectrum.DefaultFitRange, as `glove spectrum
// -vectors`; ?to alone may reach the last rank with a positive eigenvalue).
func (s *Server) spectrumOf(c echo.Context, v store.VectorSet, set *vectors.Set) (*spectrumResult, error) {
	values, err := s.svc.CovarianceEigenvalues(ctx(c), v, set)
	if err != nil {
		return nil, err
	}
	def, err := spectrum.DefaultFitRange(values)
	if err != nil {
		return nil, public(err, "This vector set has fewer than three dimensions with variance, so no power law can be fitted to its spectrum.")
	}
	last := def.Positive
	from, to, cut := def.From, def.To, def.Cut
	if c.QueryParam("to") != "" {
		to, cut = last, 0
	}
	rangeErr := func() error {
		return public(spectrum.ErrFitRange, fmt.Sprintf("The fit range must be whole ranks with 1 ≤ from, from + 2 ≤ to and to ≤ %d (the last rank with a positive eigenvalue).", last))
	}
	for _, f := range []struct {
		name string
		dst  *int
	}{{"from", &from}, {"to", &to}} {
		n, err := wholeNumber(c.QueryParam(f.name), "“"+f.name+"”", *f.dst, minOf[int](), maxOf[int]())
		if err != nil {
			return nil, rangeErr()
		}
		*f.dst = n
	}
	if from < 1 || to > last || to-from < 2 {
		return nil, rangeErr()
	}
	fit, err := spectrum.FitPowerLaw(values, from, to)
	if err != nil {
		return nil, err
	}
	return &spectrumResult{values: values, fit: fit, cut: cut, loc: locale(c)}, nil
}

func r2Text(v float64) string {
	if !isFinite(v) {
		return "n/a"
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}

func (s *Server) spectrumFragment(c echo.Context) error {
	// A browser's own request (not htmx's) gets the spectrum's page,
	// whose address is its permalink; its errors are error pages.
	page := !isHTMX(c)
	fail := func(err error) error {
		if page {
			return err
		}
		return s.fragmentError(c, err)
	}
	v, set, err := s.loadSet(c)
	if err != nil {
		return fail(err)
	}
	res, err := s.spectrumOf(c, v, set)
	note := ""
	if err != nil && errors.Is(err, spectrum.ErrFitRange) && (c.QueryParam("from") != "" || c.QueryParam("to") != "") {
		// Show the message above the default fit, keeping the form.
		_, note = s.resolve(err)
		q := c.QueryParams()
		q.Del("from")
		q.Del("to")
		res, err = s.spectrumOf(c, v, set)
	}
	if err != nil {
		return fail(err)
	}
	loc := locale(c)
	total := 0.0
	for _, x := range res.values {
		total += x
	}
	top := math.NaN()
	if total > 0 {
		top = res.values[0] / total
	}
	if res.cut > 0 && note == "" {
		res.note = loc.T("explore.spectrum.note_cut", strconv.Itoa(res.cut), strconv.Itoa(len(res.values)))
	}
	view := views.SpectrumView{SetID: v.ID, Error: note, Note: res.note, Dim: set.Dim(), Words: set.Len(),
		Beta: res.fit.Beta, R2: res.fit.R2, ExpR2: res.fit.ExpR2, From: res.fit.From, To: res.fit.To, Top: top,
		Plot: views.NewModelPlot(fmt.Sprintf("/vectors/%d/plots/spectrum?from=%d&to=%d", v.ID, res.fit.From, res.fit.To),
			loc.T("explore.spectrum.plot_alt"), "")}
	if page {
		return s.ok(c, views.SpectrumPage(views.SpectrumPageData{Page: s.page(c, loc.T("explore.spectrum.title", loc.Name(v.Name)), views.SectionExplore),
			Set: vectorRow(v), View: view}))
	}
	return s.ok(c, views.SpectrumResult(view))
}
