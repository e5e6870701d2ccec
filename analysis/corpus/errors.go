package corpus

import "errors"

// Errors reported for unusable input. They are wrapped with details; test
// with errors.Is.
var (
	// ErrEmptyCorpus means the input held no token at all.
	ErrEmptyCorpus = errors.New("the corpus contains no words")
	// ErrBinary means the input looks like a binary file (a NUL byte in
	// its first 64 KiB), not text.
	ErrBinary = errors.New("the input looks like a binary file, not text")
	// ErrUTF16 means the input starts with a UTF-16 byte-order mark.
	ErrUTF16 = errors.New("the input is UTF-16 text; convert it to UTF-8")
	// ErrCorruptGzip means a gzip stream is truncated or damaged.
	ErrCorruptGzip = errors.New("the gzip data is truncated or corrupt")
	// ErrTooLarge means the decoded input exceeded ReadOptions.MaxBytes.
	ErrTooLarge = errors.New("the decoded input exceeds the size limit")
	// ErrBadVocabulary means a vocab.txt line is not "word count".
	ErrBadVocabulary = errors.New("malformed vocabulary file")
	// ErrBadTokenizer means an unknown tokenizer name.
	ErrBadTokenizer = errors.New("unknown tokenizer")
	// ErrBadOption means an unknown normalisation or tone-mark setting.
	ErrBadOption = errors.New("invalid text option")
	// ErrVocabularyTooLarge means more distinct words than the id space or
	// a configured limit allows.
	ErrVocabularyTooLarge = errors.New("too many distinct words")
)
