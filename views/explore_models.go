package views

import (
	"context"
	"math"
	"strconv"
)

// Helpers of the Explore templates (explore_page.templ, evalsets.templ,
// vectors.templ): numbers in the page's language, names of methods.

// methodLabel names the analogy method (3CosAdd or 3CosMul).
func (v AnalogyView) methodLabel(ctx context.Context) string {
	if v.Method == "mul" {
		return T(ctx, "explore.method.cosmul")
	}
	return T(ctx, "explore.method.cosadd")
}

// isFinite reports whether x is neither NaN nor infinite.
func isFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// fixedOrNA writes x with d decimals in the page's language, or "n/a"
// (translated) when x is NaN or infinite.
func fixedOrNA(ctx context.Context, x float64, d int) string {
	if !isFinite(x) {
		return T(ctx, "explore.not_available")
	}
	return Loc(ctx).Fixed(x, d)
}

// numText shows a number a handler wrote in English ("0.912", "-1.5",
// "n/a") in the page's language: its separators swapped, "n/a"
// translated. Other text is returned as it is.
func numText(ctx context.Context, s string) string {
	if s == "n/a" {
		return T(ctx, "explore.not_available")
	}
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return s
	}
	return Loc(ctx).localize(s)
}

// titled returns p with its title set to title: pages whose handlers
// (shared with other sections) name them in English get their title in
// the page's language from the template.
func titled(p Page, title string) Page {
	p.Title = title
	return p
}
