// Package corpus turns raw text into tokens and a vocabulary: the first
// step of every GloVe statistic.
//
// # Reading
//
// NewReader wraps any io.Reader. Gzip input is detected by its magic bytes
// (1f 8b) and decompressed on the fly (multi-member streams included).
// The first 64 KiB of the decoded text are sniffed: a UTF-16 byte-order mark
// is refused with ErrUTF16 and a NUL byte with ErrBinary, so that an image
// or executable uploaded by mistake is reported rather than counted. A
// truncated or corrupt gzip stream surfaces as ErrCorruptGzip, and a decoded
// stream longer than ReadOptions.MaxBytes as ErrTooLarge (a gzip bomb is
// stopped as soon as the limit is passed). Nothing is held in memory beyond
// one buffer: a corpus is always streamed.
//
// Check reads a whole corpus as a build will and refuses, with the line
// and byte (a *TextError), what would make the build fail later: a NUL
// byte anywhere, invalid UTF-8, or text without a letter or digit. The
// dashboard runs it on every upload.
//
// # Tokenizers
//
// Words (the default) emits Unicode word runs: letters, combining marks
// and decimal digits, with inner apostrophes (' or U+2019, stored as ')
// kept inside a word ("don't", "l'homme"), lower-cased with Unicode case
// mapping; everything else (punctuation, symbols, spaces) separates words
// and is dropped. It works for any alphabetic script (French, German,
// Vietnamese, Greek, Cyrillic...). Invalid UTF-8 bytes act as separators
// and are counted in Stats.InvalidUTF8.
//
// Whitespace splits on space, tab and newline only and keeps case and
// punctuation: the behaviour of the Stanford GloVe tools (vocab_count,
// cooccur), for exact cross-checks. As there, a carriage return is ignored
// wherever it appears; bytes are passed through untouched, so invalid
// UTF-8 stays inside tokens.
//
// In both modes:
//   - a line feed ends a line, and co-occurrence windows never cross it
//     (Stanford treats a line as a document); CRLF text therefore works;
//   - a UTF-8 byte-order mark at the start of the stream is skipped;
//   - a NUL byte after the sniffed prefix separates tokens;
//   - a token longer than MaxTokenBytes (999 bytes, Stanford's limit) is
//     truncated to that length without splitting a UTF-8 sequence, and the
//     rest of it is skipped; lines of any length are fine, since nothing is
//     buffered per line.
//
// # Vocabulary
//
// A Vocabulary is a list of distinct words ordered by count, descending,
// ties broken by word, comparing bytes as signed values like the C code of
// the Stanford tools (so bytes ≥ 0x80 sort before ASCII); it is
// deterministic, and equal to Stanford's vocab_count output. Word ids are
// ranks: 0 is the most frequent word. Prune applies a minimum count and a
// maximum size. ReadVocabulary and (*Vocabulary).WriteTo use the Stanford
// vocab.txt format, one "word count" pair per line; like the tokenizer,
// ReadVocabulary skips a UTF-8 byte-order mark at the start.
//
// Under -max-vocab, Stanford's vocab_count truncates among words of equal
// count pseudo-randomly (an unstable sort); ours keeps the first words in
// the order above, so the two can differ only in which words of the
// cut-off count survive.
//
// # Encoding
//
// Encode reads a corpus once, counting every type and recording the token
// stream as compact ids (4 bytes a token) with line breaks, in memory up to
// a budget and in a temporary file beyond it. The co-occurrence counter
// replays that stream after the vocabulary is pruned, so the text is
// tokenized only once and standard input works as a source.
package corpus
