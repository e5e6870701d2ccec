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
		return 0, public(ErrBadRequest, "That is not a valid "+what+" id: ids are whole numbers such as 1 or 42.")
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
	rule := "a whole number" + rangeText(lo, hi, minOf[T](), maxOf[T](), views.Count[T])
	if err != nil || v < int64(minOf[T]()) || v > int64(maxOf[T]()) {
		return 0, badNumber(label, rule, raw, nil)
	}
	if n := T(v); n < lo || n > hi {
		return n, badNumber(label, rule, raw, errOutOfRange)
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
	rule := "a number" + rangeText(lo, hi, math.Inf(-1), math.Inf(1), fnum)
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || !isFinite(v) {
		return 0, badNumber(label, rule, raw, nil)
	}
	if v < lo || v > hi {
		return v, badNumber(label, rule, raw, errOutOfRange)
	}
	return v, nil
}

// rangeText says which numbers lie from lo to hi, where min and max are
// the type's bounds (no bound).
func rangeText[T ~int | ~int64 | ~float64](lo, hi, minV, maxV T, format func(T) string) string {
	switch {
	case lo == minV && hi == maxV:
		return ""
	case hi == maxV:
		return " of at least " + format(lo)
	case lo == minV:
		return " of at most " + format(hi)
	}
	return " from " + format(lo) + " to " + format(hi)
}

// badNumber is the message of every number parser.
func badNumber(label, rule, raw string, cause error) error {
	err := ErrBadRequest
	if cause != nil {
		err = fmt.Errorf("%w: %w", ErrBadRequest, cause)
	}
	return public(err, fmt.Sprintf("%s must be %s; “%s” is not.", label, rule, apperr.Quote(raw)))
}

// maxOf and minOf are the largest and smallest T (no bound).
func maxOf[T ~int | ~int64]() T {
	var zero T
	return T(int64(^uint64(0) >> (65 - 8*unsafe.Sizeof(zero))))
}

func minOf[T ~int | ~int64]() T { return -maxOf[T]() - 1 }
