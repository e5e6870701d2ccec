// Package concord finds the lines of a corpus where a word occurs and
// shows each occurrence in context (keyword in context, KWIC), with the
// co-occurrence window the counts were made with marked: which
// neighbours count as contexts of the word, at which distance, with which
// weight.
//
// The matching agrees with the counts of package cooccur: the text is
// tokenized with the same corpus.ScanOptions (tokenizer, NFC, tone
// marks), a window never crosses a line break, and words outside the
// vocabulary (below the minimum count) are dropped before windowing, as
// the Stanford tools do, so a kept word at distance d may sit further than
// d tokens away. Symmetric windows take Window kept words on each side;
// an asymmetric one takes the Window kept words to the right of the word
// (its row of X holds the words that follow it). A word at distance d
// weighs 1/d with distance weighting, else 1. Summed over every
// occurrence of w, the weights of the window words k are X_wk.
//
// A build that joined phrases before counting (package phrases: văn bản →
// văn_bản) is matched by setting Options.Phrases to its model: each line
// is rewritten with the model's joins, pass by pass, before it is
// searched and windowed, so a phrase word is found where the build
// counted it and its windows hold joined tokens.
//
// # Speed
//
// Find stops after Options.MaxLines occurrences or Options.MaxBytes
// decoded bytes, whichever comes first, and says how much it read. For a
// word written in ASCII it does not tokenize the whole text: it
// lower-cases each chunk (for the words tokenizer), looks for the word
// with word boundaries around it, and tokenizes only the lines that may
// hold it (and lines with the few non-ASCII characters that normalise or
// lower-case to ASCII letters). With phrases it looks for the word's
// first part instead (new for new_york), since the joined token is not in
// the text. Other words are found by tokenizing every line. Both paths
// give the same lines.
//
// Errors: ErrBadOptions for a window or limit out of range, ErrNoWord for
// an empty word; read errors are returned as they are.
package concord
