// Package ratio computes the conditional co-occurrence probabilities and
// probability-ratio tables of GloVe (Pennington et al. 2014, §3, Table 1).
//
// For a co-occurrence matrix X (package cooccur) and words i, j, k:
//
//	X_i     = Σ_k X_ik                       (row sum)
//	P(k|i)  = X_ik / X_i
//	ratio   = P(k|i) / P(k|j)
//
// With additive smoothing λ > 0, P(k|i) = (X_ik + λ) / (X_i + λ·V) for a
// vocabulary of V words, so no ratio is infinite or zero.
//
// A ratio is typed by Kind, never NaN: Finite; Inf when P(k|j) = 0 <
// P(k|i); Zero when P(k|i) = 0 < P(k|j); Undefined when both are 0. A row
// whose raw counts X_ik or X_jk are below Options.ThinBelow is flagged
// Thin: its ratio rests on too little evidence to read much into it.
//
// Discover lists the context words k with the largest and smallest ratios
// among those with X_ik + X_jk ≥ Options.MinEvidence: the words that
// characterise i against j, like "solid" for ice against steam.
//
// Errors: ErrUnknownWord for a word outside the vocabulary, ErrSameWord
// when i = j, ErrNoCooccurrence when i or j never co-occurs with anything,
// ErrNoProbes when there is nothing to compute, ErrBadOptions for a
// negative smoothing or threshold.
package ratio
