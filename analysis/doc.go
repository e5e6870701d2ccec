// Package analysis is the root of gloveboard's analysis tree: small
// packages, one concern each, that turn text into the statistics and
// geometry of GloVe word embeddings (Pennington, Socher & Manning 2014).
//
//   - corpus: streaming tokenizer and vocabulary.
//   - cooccur: the co-occurrence matrix X_ij and its file formats.
//   - ratio: P(k|w) and probability-ratio tables.
//   - pmi: PMI, PPMI, entropy and mutual information.
//   - glove: GloVe training (weighted least squares, AdaGrad).
//   - svdembed: the count-based baseline, W = U_d Σ_d^p of the PPMI matrix.
//   - vectors: word-vector files, cosine neighbours, analogies.
//   - evaluate: analogy and word-similarity benchmarks.
//   - spectrum: singular values, covariance spectra, power-law and Zipf
//     fits, the model's identities measured.
//   - project: PCA and t-SNE maps, trustworthiness.
//   - wordgroups: word groups for colouring maps.
//   - plot: every figure, as PNG or SVG (the only user of gonum/plot).
//
// Nothing under analysis imports the web stack (echo, templ, net/http) or
// the handlers and views packages; TestImportDirection enforces it.
package analysis
