package handlers

// The one set of parameter parsers: ids in paths and queries, and whole
// and real numbers in forms, queries and JSON fields (given as text), each
// with a range. Their messages name the field and the rule and quote what
// was sent, in one form:
//
//	That is not a valid corpus id: ids are whole numbers such as 1 or 42.
//	The window must be a whole number from 1 to 255; “0” is not.
//	“smoothing” must be a number from 0 to 1e+06; “abc” is not.

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unsafe"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/views"
)

// errOutOfRange marks a number that was read but lies outside its range
// (wrapped with ErrBadRequest), for callers that answer it differently.
var errOutOfRange = errors.New("number out of range")

// idParam reads the path parameter name as an id (see parseIDText).
func idParam(c echo.Context, name, what string) (int64, error) {
	return parseIDText(c.Param(name), what)
}

// parseIDText reads raw as the id of a what: a positive decimal integer
// without sign. Anything else (including "../" in any encoding) is refused
// before any lookup.
func parseIDText(raw, what string) (int64, error) {
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 || strings.HasPrefix(raw, "+") {
		return 0, public(ErrBadRequest, fmt.Sprintf("That is not a valid %s id: ids are whole numbers such as 1 or 42.", what))
	}
	return id, nil
}

// wholeNumber reads raw (trimmed; "" gives def) as a whole number from lo
// to hi. label names the field in the message ("The window"). A number
// outside the range is returned with an error that also wraps
// errOutOfRange.
func wholeNumber[T ~int | ~int64](raw, label string, def, lo, hi T) (T, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return def, nil
	}
	v, err := strconv.ParseInt(raw, 10, 64)
	r := bounds(lo, hi, minOf[T](), maxOf[T](), views.Count[T])
	if err != nil || v < int64(minOf[T]()) || v > int64(maxOf[T]()) {
		return 0, badWhole(label, r, raw, nil)
	}
	if n := T(v); n < lo || n > hi {
		return n, badWhole(label, r, raw, errOutOfRange)
	}
	return T(v), nil
}

// realNumber reads raw (trimmed; "" gives def) as a finite number from lo
// to hi (±Inf: no bound), as wholeNumber does.
func realNumber(raw, label string, def, lo, hi float64) (float64, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return def, nil
	}
	r := bounds(lo, hi, math.Inf(-1), math.Inf(1), fnum)
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || !isFinite(v) {
		return 0, badReal(label, r, raw, nil)
	}
	if v < lo || v > hi {
		return v, badReal(label, r, raw, errOutOfRange)
	}
	return v, nil
}

// numberRange is the range of a number parser as its message states it:
// lo and hi written out, "" where the type's own bound applies (no bound).
type numberRange struct{ lo, hi string }

// bounds writes lo and hi with format, leaving out the type's bounds minV
// and maxV.
func bounds[T ~int | ~int64 | ~float64](lo, hi, minV, maxV T, format func(T) string) numberRange {
	var r numberRange
	if lo != minV {
		r.lo = format(lo)
	}
	if hi != maxV {
		r.hi = format(hi)
	}
	return r
}

// badWhole and badReal are the messages of the number parsers. Each rule
// is one whole format (not pieces joined), so that the message can be
// translated at display (views.Locale.Message).
func badWhole(label string, r numberRange, raw string, cause error) error {
	err, raw := badNumberCause(cause), apperr.Quote(raw)
	switch {
	case r.lo != "" && r.hi != "":
		return public(err, fmt.Sprintf("%s must be a whole number from %s to %s; “%s” is not.", label, r.lo, r.hi, raw))
	case r.lo != "":
		return public(err, fmt.Sprintf("%s must be a whole number of at least %s; “%s” is not.", label, r.lo, raw))
	case r.hi != "":
		return public(err, fmt.Sprintf("%s must be a whole number of at most %s; “%s” is not.", label, r.hi, raw))
	}
	return public(err, fmt.Sprintf("%s must be a whole number; “%s” is not.", label, raw))
}

func badReal(label string, r numberRange, raw string, cause error) error {
	err, raw := badNumberCause(cause), apperr.Quote(raw)
	switch {
	case r.lo != "" && r.hi != "":
		return public(err, fmt.Sprintf("%s must be a number from %s to %s; “%s” is not.", label, r.lo, r.hi, raw))
	case r.lo != "":
		return public(err, fmt.Sprintf("%s must be a number of at least %s; “%s” is not.", label, r.lo, raw))
	case r.hi != "":
		return public(err, fmt.Sprintf("%s must be a number of at most %s; “%s” is not.", label, r.hi, raw))
	}
	return public(err, fmt.Sprintf("%s must be a number; “%s” is not.", label, raw))
}

// badNumber is the message of a number refused by a rule of the caller's
// (rule: "a number greater than 0"). The rule is carried into the message
// as it is written: give it its own entry in views' messagesVI to have it
// translated.
func badNumber(label, rule, raw string, cause error) error {
	return public(badNumberCause(cause), fmt.Sprintf("%s must be %s; “%s” is not.", label, rule, apperr.Quote(raw)))
}

// badNumberCause is the error of a refused number: ErrBadRequest, also
// wrapping cause when there is one.
func badNumberCause(cause error) error {
	if cause != nil {
		return fmt.Errorf("%w: %w", ErrBadRequest, cause)
	}
	return ErrBadRequest
}

// maxOf and minOf are the largest and smallest T (no bound).
func maxOf[T ~int | ~int64]() T {
	var zero T
	return T(int64(^uint64(0) >> (65 - 8*unsafe.Sizeof(zero))))
}

func minOf[T ~int | ~int64]() T { return -maxOf[T]() - 1 }
