// Package glove trains GloVe word vectors (Pennington, Socher & Manning
// 2014) from a co-occurrence matrix, with the same update rule, cost and
// defaults as the Stanford `glove` tool, so that the two loss curves can be
// laid on top of each other.
//
// # Objective
//
// For a vocabulary of V words, GloVe fits word vectors w_i ∈ ℝ^d, context
// vectors w̃_j ∈ ℝ^d and biases b_i, b̃_j to the logarithm of the nonzero
// co-occurrence counts X_ij:
//
//	J = Σ_{X_ij>0} f(X_ij) (w_iᵀw̃_j + b_i + b̃_j − log X_ij)²
//	f(x) = (x/x_max)^α  for x < x_max,  1 otherwise
//
// with x_max = 100 and α = 0.75 by default. Objective evaluates J for a
// trained Model. Model is the one type of a trained model in the project:
// WriteModel and ReadModel store it (a run's model.gob), and the identity
// checks of analysis/spectrum take it.
//
// # Updates
//
// Training is stochastic AdaGrad over the nonzeros, exactly as in glove.c.
// For one nonzero, with diff = w_iᵀw̃_j + b_i + b̃_j − log X_ij and
// fdiff = f(X_ij)·diff (the gradient of ½ f diff² with respect to diff):
//
//	t_k   = η · clip(fdiff · w̃_jk, ±GradClip)       (and symmetrically for w̃_j)
//	w_ik −= t_k / √G_ik;   G_ik += t_k²
//	b_i  −= η_b·fdiff / √G_i^b;   G_i^b += (η_b·fdiff)²
//
// The accumulators G start at 1, so the first step has size η; a step uses
// the accumulator from before it. Vector gradients are clipped component by
// component (GradClip, default 100); bias gradients are not. Note the bias
// learning rate η_b: glove.c applies no η to the bias step (η_b = 1), which
// DefaultOptions reproduces; set BiasEta = Eta for textbook AdaGrad.
// All four vectors are initialised uniformly in [−0.5, 0.5]/d, biases
// included, as in glove.c.
//
// # Cost
//
// The cost reported per epoch (EpochStats.Cost) is the one glove.c prints:
// the mean over nonzeros of ½ f(X_ij)·diff², each term evaluated just
// before that nonzero's update. It is therefore J/(2·nnz) measured on
// moving parameters, not J at the end of the epoch.
//
// # Parallelism and order
//
// Nonzeros are shuffled once when a Trainer is created, then cut into
// blocks of 256; every epoch visits the blocks in a fresh random order and
// the nonzeros inside each block in a fresh random order, so each epoch
// sees a new order for the cost of one small permutation per block.
// Workers (default: GOMAXPROCS) split the permuted blocks and update the
// shared parameters without locks ("Hogwild", Recht et al. 2011), as the
// Stanford tool does; with Workers = 1 and a fixed Seed a run is
// bit-for-bit reproducible, and with several workers it is reproducible
// only up to the races between them. Under the race detector the workers
// take turns block by block, so tests exercise the same code race-free.
//
// Parameters are float32 (glove.c uses double): each word's vector, bias
// and their accumulators sit next to each other in one row padded to whole
// 64-byte cache lines, which halves the memory traffic of the random
// accesses that dominate training. f(X) and log X are computed once per
// nonzero, not once per visit. On amd64 the rows of the nonzero two steps
// ahead are prefetched (PREFETCHT0, a hint without effect on results), so
// that a nonzero rarely waits for main memory. On amd64 CPUs with AVX2,
// the dot product w_iᵀw̃_j and the vector update run eight components at a
// time in assembly (vecops_amd64.s); elsewhere Go code performs the same
// float32 operations in the same order (no fused multiply-add; square
// roots and divisions exact), so results are bit-for-bit the same on every
// CPU and TestLaneKernelsMatchGo checks it.
//
// # Differences from glove.c
//
//   - float32 parameters instead of double (costs agree within 0.5 % per
//     epoch on 18 M nonzeros; see bench/train).
//   - glove.c reads a file shuffled once by the shuffle tool and visits it
//     in the same order every epoch; here the order changes every epoch.
//   - glove.c skips a nonzero whose residual is NaN or infinite and carries
//     on; here that stops training with ErrDiverged, since it only happens
//     once the parameters have blown up.
//   - glove.c seeds with the time when no seed is given; Seed is always
//     used here (default 1).
//
// # Checkpoints
//
// A Checkpoint holds everything needed to continue bit-for-bit: the
// options, the parameters, the AdaGrad accumulators, the state of the
// random generator and the cost history. Training 5 epochs, checkpointing
// and resuming for 5 more gives the same parameters as training 10 (with
// one worker). Checkpoints carry a checksum of the co-occurrence entries
// they were trained on; Resume with different data fails with
// ErrCheckpointMismatch.
//
// # Errors
//
// Invalid options wrap ErrInvalidOptions; no nonzeros is ErrNoCooccurrences;
// an entry outside the vocabulary or with a non-positive or non-finite
// count wraps ErrBadEntry. A NaN or infinite cost stops training with an
// error wrapping ErrDiverged that names the epoch (lower Eta). A cancelled
// context stops training between blocks and returns the context's error;
// the parameters then include the partial epoch. Shape mismatches between
// arguments (programmer errors) panic.
package glove
