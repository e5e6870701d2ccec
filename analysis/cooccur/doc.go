// Package cooccur counts the word–word co-occurrence matrix X of GloVe
// (Pennington, Socher & Manning 2014, §3): X_ij is the weighted number of
// times word j appears in the context window of word i.
//
// # Definition
//
// Tokens come from package corpus; words outside the kept vocabulary
// (min-count, max-vocab) are dropped before windowing, and windows never
// cross a line break, exactly as in the Stanford cooccur tool. For every
// pair of kept tokens at positions p < q on one line with q − p ≤ W (the
// window), the left word is the context c and the right word the target
// t, and the pair adds weight 1/(q − p) (or 1 without distance
// weighting) to
//
//   - X[c][t] and X[t][c] when Symmetric (so X is symmetric and a word
//     paired with itself adds twice to its diagonal cell), or
//   - X[c][t] only when left-only (Symmetric false): X_ij then counts j
//     to the right of i.
//
// Ids are vocabulary ranks, 0-based (0 is the most frequent word).
//
// # Algorithm
//
// The corpus is tokenized once (corpus.Encode) and replayed as ids. Pairs
// whose rank product (i+1)(j+1) is at most a bound P go to a dense
// triangular table (frequent words: most of the mass); the others are
// buffered as packed 64-bit records, radix-sorted, summed into sorted runs,
// and, when the runs' share of the memory budget is used up, merged into
// one temporary file. The final matrix is a merge of the dense table and
// the runs, row by row in (row, column) order, reading the files through
// buffers that share a fixed part of the budget (files are first merged
// in groups when there are too many for it). Count collects the rows in
// a Matrix in memory (12 bytes a nonzero beyond the budget); CountToFile
// writes them to scratch files (MatrixFile), so its memory stays within
// the budget however large the matrix; CountTo streams them in the
// Stanford format. Work is split between workers by the row of the
// table cell, so they never write the same memory and the result does not
// depend on their number (up to the order of floating-point additions).
//
// # Formats
//
// Matrix is a compressed sparse row matrix with fast row access. The
// Stanford binary cooccurrence.bin format (records of int32 word1, int32
// word2, float64 value, 1-based ids by vocabulary rank, sorted by word1
// then word2) is read by ReadBin/BinReader and written by BinWriter or
// Matrix.WriteBin, so counts can be exchanged with the Stanford glove
// tool in both directions.
package cooccur
