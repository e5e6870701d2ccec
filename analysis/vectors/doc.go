// Package vectors holds a set of word vectors (an embedding) and the
// geometry used to explore it: file formats, cosine nearest neighbours,
// analogies and odd-one-out.
//
// # Shapes and storage
//
// A Set has n words and dimension d. Its vectors live in one contiguous
// row-major []float32 of length n·d: row i (the vector of Word(i)) is
// Data()[i*d : (i+1)*d]. Row order is file order, which for GloVe and
// word2vec files is descending corpus frequency, so "the first k rows" is
// the usual way to restrict a search to frequent words.
//
// Unit-length copies of the rows (v/‖v‖; zero rows stay zero) are computed
// once, on first use, and cached; every similarity below is a cosine
// cos(u, v) = u·v / (‖u‖‖v‖) in [-1, 1], computed in float32 and reported
// as float64.
//
// # File formats (Load, Read, Write*)
//
//   - GloVe text: "word v1 v2 … vd" per line, no header (Stanford glove
//     output).
//   - word2vec text: the same rows after a header line "n d".
//   - word2vec binary: header "n d\n", then per word: the word, one space,
//     d little-endian float32 (4·d bytes), and an optional "\n".
//   - Any of these gzip-compressed; gzip is recognised by its magic bytes
//     (1f 8b), never by the file name.
//   - A UTF-8 byte-order mark (EF BB BF) at the start of the text (of the
//     decompressed text for gzip) is skipped, so the file reads as if it
//     were absent; binary record offsets in messages still count it. A
//     U+FEFF anywhere else is an ordinary character of a word.
//   - TensorFlow Embedding Projector pair (write only): vectors.tsv holds
//     the d tab-separated values of each row, metadata.tsv one word a line.
//
// Detection: a first line of exactly two unsigned decimal integers is a
// header "n d"; after a header the stream is text when the first data line
// parses as a word and d numbers, and binary otherwise. Both decisions can
// be forced with LoadOptions.
//
// Header policy: the row count n in a header is only a hint. Real files
// lie (the published 4k sample of glove.6B.50d says 4196 and holds 4197
// rows), so the rows actually present win and LoadInfo reports both; set
// LoadOptions.StrictHeader to get ErrHeaderMismatch instead. The
// dimension d in a header must match every row and be at most MaxDim.
//
// Duplicate words: by default the first occurrence wins, later rows with
// the same word are dropped, and LoadInfo counts them (this matches
// gensim). With LoadOptions.RejectDuplicates a duplicate is an error
// (ErrDuplicateWord) naming both lines.
//
// Text rows are parsed on two goroutines straight into the final
// []float32, so loading a path needs the n·d·4 bytes of payload plus the
// words and a few 4 MiB read buffers: Load counts the lines in a first,
// cheap pass (for gzip files this means decompressing twice). Read on a
// plain io.Reader cannot count ahead and grows its storage by doubling, so
// its peak memory can reach twice the payload.
//
// ScanText measures a text file (rows, dimension, header) without keeping
// the vectors, with the loader's own field, header and number parsing and
// stricter limits for uploads (UTF-8 words, at most MaxScanDim values, no
// gzip or binary); what it accepts, Read loads with the same counts.
//
// Every data problem is reported as one of the exported Err* sentinels,
// wrapped with the line number (text) or record number and byte offset
// (binary): ragged rows (ErrRaggedRow), values that are not numbers
// (ErrNotNumber), NaN, ±Inf or values outside float32 range
// (ErrNonFinite), empty input (ErrEmpty), blank lines before the last row
// (ErrBlankLine), headers that disagree with the rows (ErrHeaderMismatch),
// truncated binary records (ErrTruncated) and duplicates
// (ErrDuplicateWord).
//
// # Geometry
//
//   - Neighbors / NeighborsOf: the k rows with the largest cosine to a
//     query (the query word itself excluded), best first. The scan is
//     blocked (dot products of a block of rows with the query through
//     gonum's float32 BLAS kernels), split over two goroutines and keeps a
//     partial top-k heap per goroutine.
//   - Analogy: a:b :: c:? by 3CosAdd, argmax_d cos(d, b̂ − â + ĉ), or by
//     3CosMul (Levy & Goldberg 2014),
//     argmax_d cos′(d,b)·cos′(d,c) / (cos′(d,a) + ε) with cos′ = (cos+1)/2
//     and ε = 0.001 (gensim uses 1e-6; the paper's value is kept here).
//     The three query words are excluded from the answers. AnalogyBatch
//     answers many questions with one pass over the matrix per batch.
//   - OddOneOut: the word whose cosine to the mean of the unit vectors of
//     all the given words is smallest (gensim's doesnt_match).
//
// Unknown words never panic: they return ErrUnknownWord. Long operations
// take a context, checked once per block of rows, and leave no goroutines
// behind.
package vectors
