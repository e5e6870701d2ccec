// Package wordgroups names sets of words used to colour word maps: the
// built-in groups (countries and their capitals, gendered word pairs,
// singular/plural pairs) and groups read from a user file.
//
// # Built-in groups
//
// Builtin returns six groups in three pair families: "country" and
// "capital" (France/Paris, Japan/Tokyo, …), "male" and "female"
// (king/queen, man/woman, …) and "singular" and "plural" (car/cars,
// child/children, …). All words are lower case, as in the GloVe 6B
// vocabulary. Pairs gives the same data as aligned pairs, for
// analogy-style offsets. A word belongs to at most one built-in group.
//
// # File format (Parse)
//
// UTF-8 text, one assignment per line; blank lines and lines starting with
// '#' are ignored; surrounding spaces are trimmed. A UTF-8 byte-order mark
// at the start of the file is skipped (elsewhere U+FEFF is an ordinary
// character).
//
//   - A line containing a TAB is "group<TAB>word" (the group name may
//     contain spaces; the word is the text after the first TAB).
//   - Otherwise the line is "word group": the first whitespace-separated
//     field is the word and the rest of the line, trimmed, is the group.
//   - A line with a single field and no TAB is a word with no group
//     (group ""), which selects the word without colouring it.
//
// Words keep their case. A word listed twice keeps its first group.
// Malformed lines (a TAB with an empty side, or a line of 1 MiB or more)
// return ErrBadLine wrapped with the line number.
package wordgroups
