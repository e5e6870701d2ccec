// Package apperr is the one user-facing error type below the web layer.
//
// Code below handlers (the application service, job bodies) says what a
// user should read and what kind of failure it is with an *Error: a Code
// (Invalid, NotFound, Conflict, ...), a Message written for people (no
// file paths, no internal details) and the cause it wraps. The web layer
// maps the code to an HTTP status and shows the message; the job manager
// stores the message on a failed job. Errors without an *Error in their
// chain are internal: logged, never shown.
//
// Sentinel errors of the analysis packages stay what they are
// (errors.Is keeps working through an *Error, which unwraps to its cause).
package apperr

import (
	"errors"
	"fmt"
)

// Code classifies an error for the user. The zero value is Internal.
type Code int

// Codes, with the HTTP status the web layer gives them.
const (
	Internal      Code = iota // 500: a bug or an environment failure
	Invalid                   // 400: malformed or out-of-range input
	NotFound                  // 404: no such thing
	Conflict                  // 409: not possible in the current state
	Unprocessable             // 422: well-formed input the data cannot satisfy
	TooLarge                  // 413: over a size limit
	Gone                      // 410: a result the server no longer holds
	Unavailable               // 503: try again later (queue full, shutting down)
	DiskFull                  // 507: the data directory's disk is full (or read-only)
)

var codeNames = [...]string{"internal", "invalid", "not found", "conflict", "unprocessable", "too large", "gone", "unavailable", "disk full"}

// String returns the code's name.
func (c Code) String() string {
	if c < 0 || int(c) >= len(codeNames) {
		return "unknown"
	}
	return codeNames[c]
}

// Error is an error with a code and a message for users.
type Error struct {
	Code    Code
	Message string // for people; "" leaves the message to the web layer's table
	Err     error  // the cause; may be nil
}

// Error returns the message, followed by the cause for logs.
func (e *Error) Error() string {
	switch {
	case e.Err == nil:
		return e.Message
	case e.Message == "":
		return e.Err.Error()
	}
	return e.Message + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// New returns an *Error with code and message and no cause.
func New(code Code, message string) error { return &Error{Code: code, Message: message} }

// Wrap returns an *Error with code and message wrapping err.
func Wrap(err error, code Code, message string) error {
	return &Error{Code: code, Message: message, Err: err}
}

// Invalidf, NotFoundf, Conflictf and Unprocessablef return an *Error
// with that code and the formatted message, without a cause.
func Invalidf(format string, args ...any) error  { return New(Invalid, fmt.Sprintf(format, args...)) }
func NotFoundf(format string, args ...any) error { return New(NotFound, fmt.Sprintf(format, args...)) }
func Conflictf(format string, args ...any) error { return New(Conflict, fmt.Sprintf(format, args...)) }
func Unprocessablef(format string, args ...any) error {
	return New(Unprocessable, fmt.Sprintf(format, args...))
}

// CodeOf returns the first code other than Internal found in err's chain
// (depth first, as errors.As searches), or Internal when there is none.
func CodeOf(err error) Code {
	code := Internal
	walk(err, func(e *Error) bool {
		if e.Code != Internal {
			code = e.Code
			return true
		}
		return false
	})
	return code
}

// MessageOf returns the first non-empty message of an *Error in err's
// chain and whether there is one.
func MessageOf(err error) (string, bool) {
	msg, ok := "", false
	walk(err, func(e *Error) bool {
		if e.Message != "" {
			msg, ok = e.Message, true
		}
		return ok
	})
	return msg, ok
}

// walk calls visit on every *Error of err's tree, depth first, until visit
// returns true.
func walk(err error, visit func(*Error) bool) bool {
	for err != nil {
		if e, ok := err.(*Error); ok && visit(e) {
			return true
		}
		switch u := err.(type) {
		case interface{ Unwrap() []error }:
			for _, inner := range u.Unwrap() {
				if walk(inner, visit) {
					return true
				}
			}
			return false
		default:
			err = errors.Unwrap(err)
		}
	}
	return false
}

// maxQuoted is the most characters of user input Quote keeps.
const maxQuoted = 40

// Quote shortens user input quoted in a message to maxQuoted characters
// (with an ellipsis), so that a pasted paragraph leaves the message
// readable.
func Quote(s string) string {
	if r := []rune(s); len(r) > maxQuoted {
		return string(r[:maxQuoted]) + "…"
	}
	return s
}
