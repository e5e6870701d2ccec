// Package svdembed builds the count-based baseline that GloVe is compared
// with: word vectors from a truncated SVD of the PPMI matrix (Levy,
// Goldberg & Dagan 2015, §3.3).
//
// With M = PPMI_α(X) over the vocabulary (context-distribution smoothing
// α, default 0.75; see package spectrum for the weighting) and its top-d
// singular triplets M ≈ U_d Σ_d V_dᵀ, the word vectors are the rows of
//
//	W = U_d Σ_d^p
//
// with eigenvalue weighting p (0.5 by default; p = 1 is the classic LSA
// choice, p = 0 keeps only the directions). The SVD is package spectrum's
// thick-restart Lanczos solver, converged to working precision, or with
// Options.Randomized its randomized algorithm (Halko, Martinsson & Tropp
// 2011); both work on the sparse matrix, so large vocabularies are fine.
// Singular vectors are defined up to sign; each
// column is oriented so that its largest-magnitude entry is positive,
// which makes results reproducible for a fixed seed.
//
// Errors: ErrBadOptions for a dimension below 1 or above the vocabulary,
// a negative or non-finite p, or α outside (0, 1]; spectrum.ErrEmptyMatrix
// when the PPMI matrix has no positive entry; spectrum.ErrNotConverged in
// the unlikely case that Lanczos reaches its restart limit.
package svdembed
