// Package project draws 2-D maps of word vectors: PCA, t-SNE, UMAP and the
// relation axis (RelationAxis: x along the mean offset of word pairs), with
// the trustworthiness of every map.
//
// # Data
//
// Vectors come as n×d float32 row-major data (len n·d), the layout of
// analysis/vectors. Maps are n×2 float64 row-major (Map.Points).
//
// # PCA
//
// PCA centres the data, forms the d×d covariance with divisor n−1 (blocked
// and accumulated by parallel workers, see spectrum.Covariance) and
// diagonalises it with gonum's symmetric eigensolver. The explained
// variances are the eigenvalues (descending, the same numbers as
// scikit-learn's PCA.explained_variance_), their ratios are eigenvalue over
// trace. Scores are (x − μ)·v_c. Each component's sign is fixed so that its
// largest-magnitude loading is positive, which makes maps deterministic.
//
// # t-SNE
//
// t-SNE (van der Maaten & Hinton 2008) minimises KL(P‖Q) between
// input affinities P and Student-t output affinities
// q_ij = (1 + ‖y_i − y_j‖²)⁻¹ / Z. Two engines are available:
//
//   - "barnes-hut" (ours; van der Maaten 2014): P from the
//     k = min(n−1, ⌊3·perplexity⌋+1) exact nearest neighbours (squared
//     Euclidean distances, found by brute force in O(n²·d) on Workers
//     goroutines), each row's Gaussian precision
//     found by binary search so its entropy is ln(perplexity), then
//     symmetrised P_ij = (p_j|i + p_i|j)/(2n). Repulsion is approximated with
//     a quadtree: a cell of width w at distance r from a point is summarised
//     by its centre of mass when w/r < θ (θ = 0.5). θ = 0 gives the exact
//     O(n²) gradient with the same sparse P and optimiser (used as the
//     reference in tests).
//   - "exact" (github.com/danaugrs/go-tsne): dense P over all pairs and the
//     exact O(n²) gradient, computed by that library; fast enough only for a
//     few hundred points (AutoExactMax).
//
// Both engines use the same optimiser (the one of the reference
// implementations and scikit-learn): early exaggeration 12 for the first
// 250 iterations, momentum 0.5 then 0.8, per-coordinate gains (+0.2 when
// the gradient changes sign, ×0.8 otherwise, floor 0.01) and learning rate
// max(n/12/4, 50). The initial map is the PCA projection scaled to a
// standard deviation of 1e-4 on the first axis (Init PCA, the default) or
// seeded Gaussian noise of that scale (Init Random, seeded by Seed).
//
// Engine "auto" picks "exact" when n ≤ AutoExactMax and "barnes-hut"
// otherwise; the engine used is returned in Map.Engine.
//
// # go-tsne's quirks and reproducibility
//
// go-tsne draws its initial map from the global math/rand source (which Go
// ≥ 1.24 seeds randomly and whose Seed is a no-op unless GODEBUG
// randseednop=0), offers no way to supply an initial map, and never resets
// its gradient accumulator between iterations, so its own update is
// Y ← Y − η Σ_{s≤t} ∇_s (an undamped heavy ball). We therefore use it as
// an exact-gradient oracle: P is its dense all-pairs calibration
// (binary search to tolerance 1e-5, floor 1e-12), its learning rate is 1,
// and inside its step callback we (1) read this iteration's gradient as
// the move of Y, (2) take our optimiser's step, (3) zero its accumulator
// (the unexported field dCdY, reached by reflection: the only way, and
// checked by the tests against the pinned version) and (4) write our map
// back into its Y. Its random start only feeds one discarded warm-up
// iteration, and early exaggeration scales its exported P. A run is thus
// a deterministic function of the data and the options: maps from the
// same seed are identical bit for bit (tested), without touching the
// global random source. A gradient read from the move of Y loses the bits
// of the gradient below one ulp of the coordinates (relative error about
// 1e-16·|y|/|∇|, below 1e-9 in practice). The Barnes–Hut engine is also
// bit-for-bit reproducible for a given seed and Workers count.
//
// # UMAP
//
// UMAP (McInnes, Healy & Melville 2018), our own implementation of the
// steps of the reference umap-learn:
//
//  1. Neighbours: each point's Neighbors − 1 nearest other points by
//     Euclidean distance (the point itself counts as the first of its
//     Neighbors, default 15), exact by brute force up to
//     UMAPExactNeighborsMax points, by NN-descent beyond.
//  2. Fuzzy simplicial set: with ρ_i the distance to i's nearest neighbour
//     and σ_i found by bisection so that Σ_j exp(−max(0, d_ij − ρ_i)/σ_i)
//     = log₂(Neighbors), the directed memberships
//     w_ij = exp(−max(0, d_ij − ρ_i)/σ_i), then the fuzzy union
//     P = W + Wᵀ − W∘Wᵀ.
//  3. Initial map: the eigenvectors of the 2nd and 3rd smallest
//     eigenvalues of the normalised Laplacian I − D^{-1/2} P D^{-1/2}
//     (spectrum.LanczosSVDLeft on I + D^{-1/2} P D^{-1/2}), scaled to
//     [0, 10] with noise of 1e-4; seeded noise when the solver fails
//     (Map.Engine says "umap-random").
//  4. Layout: stochastic gradient descent on the fuzzy cross-entropy
//     between P and the map similarities 1/(1 + a·d^{2b}), where a and b
//     are fitted by least squares to MinDist and Spread (a = 1.577,
//     b = 0.895 for the defaults 0.1 and 1): each edge sampled in
//     proportion to its weight, NegativeSampleRate (5) repulsive samples
//     per attractive one, steps clipped to ±4, learning rate decaying
//     linearly over Epochs (500 up to 10,000 points, else 200).
//
// Every random choice comes from one generator seeded by
// UMAPOptions.Seed and the edges are visited in a fixed order (no
// parallel "Hogwild" updates), so a map is reproducible bit for bit.
//
// # Trustworthiness
//
// Trustworthiness(k) (Venna & Kaski 2001; scikit-learn's
// manifold.trustworthiness) is
// T = 1 − 2/(n k (2n − 3k − 1)) Σ_i Σ_{j ∈ U_i} (r(i,j) − k), where U_i are the
// k nearest neighbours of i in the map that are not among its k nearest in
// the input space and r(i,j) is the rank of j by input-space Euclidean
// distance from i. It is 1 when every map neighbourhood is an input
// neighbourhood. The computation is exact (O(n²·d), parallel) up to
// TrustworthinessMaxExact points; above, it is computed on a seeded random
// subset of that many points (both spaces restricted to the subset), which
// is reported in the result.
//
// # Errors
//
// ErrPerplexityTooLarge (perplexity must be below n−1), ErrBadUMAPOptions,
// ErrTooManyPointsExact (the exact engine asked
// for more than ExactMax points), ErrTooFewPoints and ErrUnknownMethod are
// wrapped with %w. Shape mismatches panic. Long runs check their context
// once per iteration and report progress through a non-blocking callback;
// no goroutine outlives a call.
package project
