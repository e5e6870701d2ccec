// Package pmi computes the information-theoretic view of co-occurrence
// counts: pointwise mutual information (Church & Hanks 1990), its positive
// and context-smoothed form (Levy, Goldberg & Dagan 2015), the entropy of
// the unigram distribution and the mutual information of the
// co-occurrence distribution.
//
// For a co-occurrence matrix X with total S = Σ_ij X_ij, the joint
// distribution is P_ij = X_ij / S, with marginals P_i = X_i / S (row sums)
// and P_j = X_·j / S (column sums; equal to the row sums for a symmetric
// window). Then
//
//	PMI(i,j)  = log( P_ij / (P_i P_j) ) = log( X_ij S / (X_i X_·j) )
//	PPMI(i,j) = max(0, log( P_ij / (P_i P_α(j)) )),
//	            P_α(j) = X_·j^α / Σ_k X_·k^α   (α = 1: no smoothing; 0.75 usual)
//	I(W;C)    = Σ_{X_ij>0} P_ij log( P_ij / (P_i P_j) )
//	H(W)      = −Σ_w p_w log p_w  over unigram probabilities p_w = n_w / N.
//
// PMI of a pair that never co-occurs is −∞; PMI reports it as ok = false
// instead of returning an infinity. Logarithms are natural (nats) unless a
// function takes a Unit; Bits divides by ln 2.
package pmi
