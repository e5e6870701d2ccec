// Package spectrum measures the spectra behind GloVe: singular values of
// sparse co-occurrence matrices, eigenvalues of the covariance of a set of
// word vectors, power-law fits to those spectra, the Zipf law of word
// frequencies, and the two identities the GloVe model rests on.
//
// # Sparse matrices and their weightings
//
// CSR is a compressed-sparse-row matrix with float64 values and int32
// column indices. FromTriplets builds one (duplicates are summed). Weight
// returns a reweighted copy over the same sparsity pattern:
//
//   - Counts: the raw co-occurrence counts X_ij.
//
//   - Log1p: log(1 + X_ij) (natural log).
//
//   - PPMI: positive pointwise mutual information with context-distribution
//     smoothing (Levy, Goldberg & Dagan 2015). With the marginals taken over
//     the matrix itself, #(i) = Σ_j X_ij, #(j) = Σ_i X_ij and |D| = Σ_ij X_ij,
//     and the smoothed context distribution P_α(j) = #(j)^α / Σ_c #(c)^α
//     (α = 0.75 by default),
//
//     PPMI_ij = max(0, log( X_ij / (#(i) · P_α(j)) )) ,
//
//     i.e. log(P(i,j) / (P(i) P_α(j))) with P(i,j) = X_ij/|D| and
//     P(i) = #(i)/|D|. Entries that become 0 are dropped from the pattern.
//
// TopN restricts a matrix to its first N rows and columns (ranks 0..N-1,
// row 0 being the most frequent word in the co-occurrence files of
// analysis/cooccur), which is how the "top-N vocabulary" matrices are made;
// FromCooccur does this directly from a *cooccur.Matrix.
//
// # Randomized SVD
//
// RandomizedSVD returns the top-k singular values of a sparse m×n matrix A
// by the randomized range finder of Halko, Martinsson & Tropp (2011,
// algorithms 4.4 and 5.1): a Gaussian test matrix Ω (n × l, l = k + p with
// oversampling p), Y = AΩ, then q power (subspace) iterations
// Y ← A(AᵀQ) with a re-orthonormalisation after every product, and
// finally the singular values of B = QᵀA, computed as those of the small
// triangular factor R of Bᵀ = Q₂R. Intermediate bases only need the right
// span, so they are orthonormalised by Cholesky QR (Q = Y R⁻¹ with
// RᵀR = YᵀY: two matrix products, several times cheaper than Householder
// in gonum), falling back to Householder QR when YᵀY is not safely
// positive definite; the final basis always uses Householder QR. The sparse products are split over
// Options.Workers goroutines (default: GOMAXPROCS, at most 2 unless set) by
// balanced row ranges; the context is checked between products. The error
// of σ_i decays like (σ_{l+1}/σ_i)^(2q+1), so the flat tails of PPMI and
// log spectra need generous oversampling: the defaults are p = k and q = 7,
// and the tests show that p = 2k, q = 10 gives relative errors below 1e-3
// for all of the top 50 values of PPMI, log and count matrices up to
// 2k × 2k (compared with gonum's dense SVD), while p = 10, q = 4 leaves
// errors of a few percent at the tail of the top k of a flat PPMI spectrum.
// On the 50,000 × 50,000 PPMI matrix of bench-prose (12.8 M nonzeros) the
// defaults give the top 300 within 0.41% of ARPACK's values (median 0.025%,
// top 50 within 5e-7) but took about 3× as long as scipy's svds, all memory-
// bound sparse products; p = 50, q = 3 is as fast as svds or faster, with errors of
// a few percent at rank 300 (bench/spectrum/README.md).
//
// # Lanczos SVD
//
// LanczosSVD finds the same values to working precision, as the square
// roots of the top eigenvalues of the Gram operator AᵀA (or AAᵀ when A
// has fewer rows than columns), the route scipy's svds takes with ARPACK.
// It is the thick-restart Lanczos method (Wu & Simon 2000): a Krylov basis
// grows to Basis vectors (default 2k + 1), each new vector orthogonalised
// against all earlier ones by classical Gram–Schmidt with the DGKS
// second pass, so the projected matrix Vᵀ(AᵀA)V is exact up to rounding;
// its eigenpairs (gonum's EigenSym) give the Ritz values θ_i and their
// residuals β|s_{m,i}|; the basis then restarts from the top
// k + (Basis − k)/2 Ritz vectors plus the residual direction, until the
// top k residuals are below Tol·θ₁ (default 1e-10). The operator makes
// one pass over the rows of A per application: each row's dot product
// with x and its scatter into the result share the cached row, so the
// transpose is not needed. The reorthogonalisation dominates the cost; it
// streams the n×(Basis+1) basis from memory three times per step (the
// first pass's subtraction and the second pass's projection share a read).
// On the 50,000 × 50,000 PPMI matrix of bench-prose the top 300 agree with
// ARPACK's to 1.2e-14 relative at 0.70–0.79× scipy's time (bench/spectrum/
// README.md). LanczosSVDLeft also returns the left singular vectors: the
// Ritz vectors of AAᵀ, or A·v_i/σ_i from those of AᵀA.
//
// # Covariance spectra
//
// Covariance computes the sample covariance C = (1/(n-1)) Σ (x-μ)(x-μ)ᵀ of
// n row vectors of dimension d, given as float32 row-major data of length
// n·d, with two passes (mean, then centred blocks accumulated in float64 by
// parallel workers). CovarianceEigen returns its eigenvalues in descending
// order (and optionally the eigenvectors, columns of a d×d matrix) via
// gonum's symmetric eigendecomposition; these are the PCA variances.
//
// # Power-law fits of spectra
//
// FitPowerLaw fits λ_r ≈ C r^(−β) by ordinary least squares of ln λ_r on
// ln r over the inclusive 1-based rank range [from, to]. It reports β, R²,
// the range, the residuals ln λ_r − (ln C − β ln r), and for comparison the
// R² of an exponential-decay fit ln λ_r ≈ a − b r over the same range.
// Non-positive values in the range return ErrNonPositive; a range with
// fewer than 3 ranks or outside the data returns ErrFitRange.
//
// # Zipf's law
//
// RankFrequency sorts word counts into (rank, frequency) pairs.
// FitDiscretePowerLaw fits the discrete power law
// p(x) = x^(−α) / ζ(α, x_min) for x ≥ x_min to counts following Clauset,
// Shalizi & Newman (2009): for each candidate x_min (each distinct value
// with at least MinTail observations at or above it, the smallest
// MaxCandidates of them, scanned on two goroutines) α is the maximum
// likelihood estimate, found by maximising
// L(α) = −n ln ζ(α, x_min) − α Σ ln x_i (Hurwitz zeta, gonum's
// mathext.Zeta) with a golden-section search seeded by the continuous
// approximation α ≈ 1 + n / Σ ln(x_i/(x_min − ½)); the x_min kept is the one
// whose fitted CDF has the smallest Kolmogorov–Smirnov distance D to the
// empirical tail. The standard error is 1/sqrt(−L”(α̂)) (observed Fisher
// information, second derivative by central differences). For word counts,
// a frequency exponent α corresponds to a rank–frequency exponent
// 1/(α − 1) (f(r) ∝ r^(−1/(α−1))). FitZipfLeastSquares is the descriptive
// least-squares slope of ln f against ln r over all ranks; it is not an
// estimator of α and is labelled as such.
//
// # GloVe identities
//
// MeasureIdentities checks, on a seeded sample of nonzeros, how well
// trained vectors satisfy the identities of the GloVe paper:
// w_iᵀw̃_j + b_i + b̃_j ≈ ln X_ij (the training objective) and
// w_iᵀw̃_j ≈ PMI(i,j) up to the bias terms, with
// PMI(i,j) = ln(X_ij · |D| / (#(i) #(j))) using marginals over all entries
// given. It reports Pearson correlations and R² values (see Identities);
// SampleIdentities returns the sampled points themselves, for a figure
// drawn from the same sample as the statistics.
package spectrum
