// Package evalsets embeds the evaluation sets that ship with gloveboard,
// so that every trained run is scored without configuration: the Google
// analogy set and the word-similarity sets, in the layout of
// ../shared/data/eval:
//
//	analogy/questions-words.txt   19,544 questions in 14 sections (NOTICE beside it)
//	similarity/EN-*.txt           13 sets, "w1 TAB w2 TAB score" (LICENSE beside them)
//
// [FS] serves these files; [Default] parses the sets every run is scored
// on (Google analogies; WS-353, SimLex-999 and MEN); [Load] parses the
// same files from any directory with that layout, to add sets from a
// user's folder.
package evalsets
