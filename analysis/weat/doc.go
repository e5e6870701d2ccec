// Package weat measures associations in an embedding with the Word
// Embedding Association Test of Caliskan, Bryson & Narayanan (2017),
// "Semantics derived automatically from language corpora contain
// human-like biases", Science 356.
//
// For target word sets X and Y (say, flowers and insects) and attribute
// sets A and B (pleasant and unpleasant words), with cos the cosine of two
// word vectors:
//
//	s(w, A, B) = mean_{a∈A} cos(w, a) − mean_{b∈B} cos(w, b)
//	S(X, Y)    = Σ_{x∈X} s(x, A, B) − Σ_{y∈Y} s(y, A, B)        (test statistic)
//	d          = (mean_{x∈X} s(x) − mean_{y∈Y} s(y)) / sd_{w∈X∪Y} s(w)   (effect size)
//
// where sd is the sample standard deviation, with n − 1 in the
// denominator (numpy's std(ddof=1)), over the |X| + |Y| target words.
//
// The one-sided p-value is the share of partitions (X_i, Y_i) of X ∪ Y
// into sets of sizes |X| and |Y|, the observed partition included, whose
// S(X_i, Y_i) is at least the observed S(X, Y). When there are at most
// Options.MaxExact such partitions (default 100,000) every one is
// enumerated and the p-value is exact; otherwise Options.Permutations
// random partitions (default 100,000, seeded by Options.Seed) are drawn
// and p = (1 + #{S_i ≥ S}) / (1 + permutations), which counts the observed
// partition once and so is never 0. Sums are compared with a tolerance of
// 1e-12 × Σ|s| so that the observed partition, summed in another order,
// counts as "at least" itself.
//
// Words not in the vector set are left out and listed in Result.Missing
// (the paper's lists were written for a larger vocabulary); the test needs
// at least two target words in each of X and Y and one attribute word in
// each of A and B after that (ErrTooFewWords). A word may not be in both
// X and Y, nor in both A and B (ErrOverlap). When every s(w) is equal the
// effect size has no scale: ErrNoVariance, never NaN.
package weat
