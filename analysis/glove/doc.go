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
// Nonzeros are shuffled once when a Trainer is created (a forward
// Fisher-Yates shuffle seeded by Options.Seed on its own generator
// stream), then cut
// into blocks of 256; every epoch visits the blocks in a fresh random
// order and the nonzeros inside each block in a fresh random order, so
// each epoch sees a new order for the cost of one small permutation per
// block. Workers (default: GOMAXPROCS) take the permuted blocks 16 at a
// time from a shared counter and update the shared parameters without
// locks ("Hogwild", Recht et al. 2011), as the Stanford tool does; with
// Workers = 1 and a fixed Seed a run is bit-for-bit reproducible, and with
// several workers it is reproducible only up to the races between them
// and which worker took which blocks. Under the race detector
// the workers take turns block by block, so tests exercise the same code
// race-free.
//
// # Loading and streaming
//
// NewTrainerBin reads a cooccurrence.bin straight into the training
// layout: a record and a prepared nonzero (row, context row, log X, f(X))
// are both 16 bytes, so records are read in 1 MiB slices into the final
// array and converted in place by parallel workers while still in the
// caches, and one more goroutine shuffles each slice as soon as it and all
// before it are ready (the forward Fisher-Yates shuffle: position i swaps
// with a uniform j ≤ i), drawing its random indices ahead and prefetching
// them. The nonzeros then cost 16 bytes each, and loading 13 M of them
// costs about 0.7–1 s of CPU time (BenchmarkStart; see
// bench/train/README.md). The permutation depends only on the seed, not
// on the number of workers or their timing. It is not the one builds
// before the streaming work drew (a backward Fisher-Yates after loading):
// with the same seed, models trained by earlier builds differ from
// today's in their bits, not in their distribution.
//
// When the nonzeros (16 bytes each) exceed Options.MemoryBytes, they are
// streamed instead. Loading deals them once into a temporary block file
// laid out in a uniformly random order (see newBlockFile: each piece of
// the input is spread over the chunks in proportion to their room, then
// every chunk is shuffled in memory), cut into chunks of
// MemoryBytes/32 nonzeros. Every epoch visits the chunks in a fresh random
// order; inside each chunk, the blocks of 256 in a fresh random order and
// the nonzeros of each block in a fresh random order, exactly as in
// memory. One reader goroutine reads the next chunk while the workers
// train on the current one, so memory holds the model and two chunks.
// Each chunk's CRC-32C is checked on every read: a damaged or truncated
// file stops training with ErrBadBlockFile. The file is unlinked as soon
// as it is created (it vanishes when the Trainer is closed, or if the
// process dies). In memory the whole matrix is one chunk; given the same
// order of nonzeros and the same chunks, the two paths train bit-for-bit
// the same model with one worker. Per epoch, the order of random draws is:
// chunk order, the first chunk's block order, one seed per worker, then
// each further chunk's block order as it starts.
//
// Parameters are float32 (glove.c uses double): each word's vector, bias
// and their accumulators sit next to each other in one row padded to whole
// 64-byte cache lines, which halves the memory traffic of the random
// accesses that dominate training. f(X) and log X are computed once per
// nonzero, not once per visit. On amd64 the rows of the nonzero four steps
// ahead are prefetched (PREFETCHT0, a hint without effect on results), so
// that a nonzero rarely waits for main memory. On amd64 CPUs with AVX2,
// each nonzero is one call of an assembly step (vecops_amd64.s): the dot
// product w_iᵀw̃_j and the vector update run eight components at a time,
// the components beyond the last multiple of eight and the biases as
// (w_i, w̃_j) pairs in two lanes. Elsewhere Go code (trainBlockGo, the
// definition) performs the same float32 operations in the same order (no
// fused multiply-add; square roots and divisions exact), so results are
// bit-for-bit the same on every CPU; TestTrainBlockAVX2MatchesGo checks
// it.
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
// one worker). Checkpoints carry an order-free checksum of the
// co-occurrence entries they were trained on; Resume or ResumeBin with
// different data fails with ErrCheckpointMismatch. Checkpoints of
// version 1 (before streaming) are refused with ErrBadCheckpoint.
//
// # Errors
//
// Invalid options wrap ErrInvalidOptions; no nonzeros is ErrNoCooccurrences;
// an entry outside the vocabulary or with a non-positive or non-finite
// count wraps ErrBadEntry (cooccur.ErrBadBinFile for a record of a
// cooccurrence.bin, or a stream that is not a whole number of records). A
// block file that fails its checks wraps ErrBadBlockFile. A NaN or infinite cost stops training with an
// error wrapping ErrDiverged that names the epoch (lower Eta). A cancelled
// context stops training between blocks and returns the context's error;
// the parameters then include the partial epoch. Shape mismatches between
// arguments (programmer errors) panic.
package glove
