// Package evaluate scores a vectors.Set on the standard intrinsic
// benchmarks: the Google analogy set (Mikolov et al. 2013) and
// word-similarity sets (WS-353, SimLex-999, MEN, …).
//
// # Analogies
//
// The analogy file has "word word word word" lines (a b c d: a is to b as
// c is to d) grouped under ": section" lines. A question is covered when
// all four words are in the vocabulary (restricted, with
// AnalogyOptions.Restrict, to the first rows, i.e. the most frequent
// words); uncovered questions are counted but not answered, exactly as
// gensim's evaluate_word_analogies does without dummy4unknown. The answer
// is the best row by 3CosAdd (default) or 3CosMul, the three query words
// excluded; it is correct when it is the expected word.
//
// Case: by default matching is case-insensitive (the Google set is
// capitalised, most vectors are lowercased): words are compared by
// strings.ToUpper form, a folded word maps to its first (most frequent) row,
// and an answer whose folded form equals a query word's is skipped. With
// AnalogyOptions.CaseSensitive words must match exactly. gensim inspects
// only its top 5 candidates when skipping case variants; here the best
// admissible row always wins, which differs only when five case variants
// of the query words outrank every other word.
//
// Sections whose name starts with "gram" are syntactic, the others
// semantic. Accuracies are fractions in [0, 1] of the covered questions
// (Correct/Covered); a section with nothing covered has accuracy 0.
//
// # Word similarity
//
// Similarity files have "w1<TAB>w2<TAB>score" lines ('#' comments and blank
// lines skipped). For each pair whose two words are known the model score
// is the cosine of their vectors; Spearman's ρ is the Pearson correlation
// of the ranks of the gold and model scores, tied values getting the
// average of their ranks (scipy.stats.spearmanr). Pairs counts the pairs
// used, OOV those skipped for an unknown word.
//
// Both readers skip a UTF-8 byte-order mark at the start of the file (a
// U+FEFF anywhere else is an ordinary character).
//
// Errors: malformed lines are ErrBadLine wrapped with the line number; a
// question before any section header is ErrNoSection; a similarity set
// with no covered pair is ErrNoPairs. Unknown words are never an error.
package evaluate
