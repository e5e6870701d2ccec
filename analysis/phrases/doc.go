// Package phrases learns which adjacent tokens of a corpus form one word
// and joins them, in the spirit of Mikolov et al. (2013, "Distributed
// Representations of Words and Phrases and their Compositionality", §4;
// word2vec's word2phrase, gensim's Phrases): "văn bản" becomes the token
// văn_bản, "new york" becomes new_york. It knows nothing about any
// language; it only counts.
//
// # Counting
//
// A pass reads the token stream and counts every token a (count c_a),
// every adjacent pair a b inside a line (c_ab; a pair never spans a line
// break) and the number of tokens N. Pairs are counted only when both
// tokens occur at least MinCount times, which bounds the memory of the
// pair table by the frequent vocabulary.
//
// # Scores
//
// A pair with c_ab ≥ MinCount is scored in one of two ways.
//
// Word2Phrase is word2phrase's score,
//
//	score(a, b) = (c_ab − δ) / (c_a · c_b) · N,   δ = MinCount,
//
// an estimate of the pointwise ratio P(ab) / (P(a) P(b)) (times the
// number of tokens, so with N ≈ number of pairs it is that ratio) in
// which the discount δ keeps pairs seen only a few times out. It is
// unbounded, grows with corpus size for fixed proportions of rare words,
// and its threshold (word2phrase: 100) must be retuned per corpus.
//
// NPMI is the normalised pointwise mutual information (Bouma 2009),
//
//	pmi(a, b)  = ln( P(ab) / (P(a) P(b)) ),  P(ab) = c_ab/N, P(a) = c_a/N,
//	npmi(a, b) = pmi(a, b) / −ln P(ab),
//
// which lies in [−1, 1]: 1 when a and b only ever occur together, 0 when
// they are independent, −1 in the limit of never co-occurring. Being
// bounded and independent of N, one threshold means the same thing on a
// 1 MB and a 1 GB corpus, in Vietnamese and in English. NPMI is the
// default; DefaultThreshold gives the measured default threshold and
// bench/phrases/README.md the measurements that chose it.
//
// # Joining and passes
//
// Pairs scoring above Threshold are joined: reading each line left to
// right, when the current token and the next form a selected pair they
// are replaced by one token a_b (the underscore joins them) and reading
// resumes after the pair, unless the overlapping pair that follows scores
// strictly higher: in "a b c" with both a b and b c selected, a_b c when
// score(a,b) ≥ score(b,c), else a b_c (and b c is weighed against c d in
// the same way). word2phrase and gensim join the leftmost pair always;
// on Vietnamese that cuts "dãy hoạt họa" (a series of animations) into
// dãy_hoạt họa instead of dãy hoạt_họa. The rule looks one token ahead,
// so a stream is rewritten holding at most two tokens a pass. A second pass repeats the counting on the joined stream, so that
// pairs of joined tokens (cơ_sở + dữ_liệu → cơ_sở_dữ_liệu) and a syllable
// next to a joined pair form three- and four-token words. The passes are
// kept apart in a Model: applying it replays them in order, which gives
// exactly the stream the learner counted.
//
// # Model files
//
// WriteTo and ReadModel use a plain text file, one phrase a line, fields
// separated by a tab:
//
//	pass	left	right	count	score
//	1	văn	bản	1110	0.8123
//
// where the phrase is left_right and count is c_ab in that pass. Lines
// starting with # are comments (the header names the settings that
// learned the model). Tokens never contain tabs, spaces or line feeds,
// so the format needs no quoting.
package phrases
