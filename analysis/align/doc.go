// Package align compares two embeddings of the same words: it rotates one
// vector set onto another with the orthogonal Procrustes solution and
// measures how far each word moved (Hamilton, Leskovec & Jurafsky 2016,
// "Diachronic word embeddings reveal statistical laws of semantic change").
//
// Two GloVe runs, or embeddings of two corpora, are only defined up to a
// rotation: the loss depends on the vectors through dot products alone, so
// any orthogonal R leaves a model's fit unchanged. Comparing coordinates
// directly is therefore meaningless; comparing after the best rotation is
// not.
//
// For the n words both sets share, let A (n×d_A) and B (n×d_B) hold their
// vectors scaled to unit length, in the same word order. Align finds
//
//	R = argmin ‖A_fit R − B_fit‖_F  subject to RᵀR = I (d_A ≥ d_B) or RRᵀ = I
//
// where the fit rows are all shared words or, with Options.FitTop = N, the
// N first shared words in A's row order (vector files list words by
// frequency, so these are the most frequent shared words: rare words are
// noisy and should not steer the rotation). With the thin SVD
// A_fitᵀ B_fit = U Σ Vᵀ the solution is R = U Vᵀ (d_A × d_B). When d_A =
// d_B, R is a rotation (or reflection) and keeps lengths.
//
// Reported, over all n shared words:
//
//	residual      = ‖A R − B‖_F / ‖B‖_F                 (0: identical up to rotation)
//	distance(w)   = 1 − cos(a_w R, b_w)                 (0 … 2; the cosine distance after alignment)
//
// and the words ordered by distance, most moved first (ties by A's row
// order). Neighbours compares a word's k nearest neighbours in each set:
// the ones kept, lost and gained; it needs no rotation since cosine
// neighbourhoods are rotation invariant.
//
// Errors: ErrTooFewShared when fewer than two words are shared (or fewer
// than two fit words); ErrBadOptions for a negative FitTop; the context's
// error when cancelled. Sets with non-finite values cannot be built
// (vectors.New refuses them), so no result is ever NaN; a zero vector has
// distance 1 (its cosine is taken as 0).
package align
