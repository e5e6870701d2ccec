// Package analysis is the root of gloveboard's analysis tree: small
// packages, one concern each, that turn text into the statistics and
// geometry of GloVe word embeddings (Pennington, Socher & Manning 2014).
//
//   - corpus: streaming tokenizer and vocabulary.
//   - cooccur: the co-occurrence matrix X_ij and its file formats.
//   - ratio: P(k|w) and probability-ratio tables.
//   - pmi: PMI, PPMI, entropy and mutual information.
//
// Nothing under analysis imports the web stack (echo, templ, net/http) or
// the handlers and views packages; TestImportDirection enforces it.
package analysis
