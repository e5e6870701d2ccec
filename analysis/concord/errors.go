package concord

import "errors"

var (
	// ErrBadOptions means a window or limit out of range.
	ErrBadOptions = errors.New("invalid concordance options")
	// ErrNoWord means an empty word was asked for.
	ErrNoWord = errors.New("no word to look for")
)
