// Package linefit fits straight lines and correlations with gonum's stat
// package under one edge-case policy, shared by every caller (the power-law
// and Zipf fits of analysis/spectrum, the fidelity figure of analysis/plot,
// the similarity scores of analysis/evaluate), so that the same data never
// gets R² = 1 in one place and NaN in another.
//
// The policy, for x and y of equal length n:
//
//   - n < 2: ErrTooFewPoints (no line and no correlation is defined).
//   - a NaN or infinite value: ErrNonFinite.
//   - x constant: ErrNoSpread (the slope is undefined); for Correlation,
//     x or y constant: ErrNoSpread (r is 0/0).
//   - y constant, x not: the line is exact (slope 0, intercept y₀) and R²
//     is 1, as for any fit without residuals (sklearn's r2_score does the
//     same); Correlation still fails, since r is 0/0.
//
// Otherwise Fit returns gonum's stat.LinearRegression and stat.RSquared,
// and Correlation stat.Correlation. Lengths that differ are a programmer
// error and panic, as in gonum.
package linefit
