package handlers

import (
	"errors"
	"math"
	"testing"

	"github.com/gloveboard/gloveboard/internal/apperr"
)

func TestWholeNumber(t *testing.T) {
	tests := []struct {
		raw        string
		lo, hi     int
		want       int
		msg        string // "" when accepted
		outOfRange bool   // a refused number that was read (errOutOfRange)
	}{
		{"", 1, 255, 10, "", false},
		{" 7 ", 1, 255, 7, "", false},
		{"0", 1, 255, 0, "The window must be a whole number from 1 to 255; “0” is not.", true},
		{"300", 1, 255, 0, "The window must be a whole number from 1 to 255; “300” is not.", true},
		{"abc", 1, 255, 0, "The window must be a whole number from 1 to 255; “abc” is not.", false},
		{"2.5", 1, 255, 0, "The window must be a whole number from 1 to 255; “2.5” is not.", false},
		{"99999999999999999999", 1, 255, 0, "The window must be a whole number from 1 to 255; “99999999999999999999” is not.", false},
		{"-3", 1, maxOf[int](), 0, "The window must be a whole number of at least 1; “-3” is not.", true},
		{"x", minOf[int](), maxOf[int](), 0, "The window must be a whole number; “x” is not.", false},
		{"5000", 0, 1000, 0, "The window must be a whole number from 0 to 1,000; “5000” is not.", true},
	}
	for _, tc := range tests {
		got, err := wholeNumber(tc.raw, "The window", 10, tc.lo, tc.hi)
		if tc.msg == "" {
			if err != nil || got != tc.want {
				t.Errorf("wholeNumber(%q) = %d, %v; want %d", tc.raw, got, err, tc.want)
			}
			continue
		}
		if msg, _ := apperr.MessageOf(err); msg != tc.msg || !errors.Is(err, ErrBadRequest) {
			t.Errorf("wholeNumber(%q) error %v, want %q", tc.raw, err, tc.msg)
		}
		if got := errors.Is(err, errOutOfRange); got != tc.outOfRange {
			t.Errorf("wholeNumber(%q): out of range = %v, want %v", tc.raw, got, tc.outOfRange)
		}
	}
}

func TestRealNumber(t *testing.T) {
	tests := []struct {
		raw  string
		want float64
		msg  string
	}{
		{"", 0.5, ""},
		{"1e3", 1000, ""},
		{"NaN", 0, "“thin” must be a number from 0 to 1e+06; “NaN” is not."},
		{"Inf", 0, "“thin” must be a number from 0 to 1e+06; “Inf” is not."},
		{"-1", 0, "“thin” must be a number from 0 to 1e+06; “-1” is not."},
		{"2e6", 0, "“thin” must be a number from 0 to 1e+06; “2e6” is not."},
	}
	for _, tc := range tests {
		got, err := realNumber(tc.raw, "“thin”", 0.5, 0, 1e6)
		if tc.msg == "" {
			if err != nil || got != tc.want {
				t.Errorf("realNumber(%q) = %g, %v; want %g", tc.raw, got, err, tc.want)
			}
			continue
		}
		if msg, _ := apperr.MessageOf(err); msg != tc.msg {
			t.Errorf("realNumber(%q) error %v, want %q", tc.raw, err, tc.msg)
		}
	}
	if _, err := realNumber("x", "α", 0, math.Inf(-1), math.Inf(1)); !hasMessage(err, "α must be a number; “x” is not.") {
		t.Errorf("unbounded: %v", err)
	}
}

// hasMessage reports whether err shows users msg.
func hasMessage(err error, msg string) bool {
	got, ok := apperr.MessageOf(err)
	return ok && got == msg
}

func TestParseIDText(t *testing.T) {
	for _, raw := range []string{"", "0", "-1", "+1", "1.0", "1e3", "..%2F", "9223372036854775808", " 1"} {
		if _, err := parseIDText(raw, "corpus"); !hasMessage(err, "That is not a valid corpus id: ids are whole numbers such as 1 or 42.") || !errors.Is(err, ErrBadRequest) {
			t.Errorf("parseIDText(%q) = %v", raw, err)
		}
	}
	if id, err := parseIDText("42", "corpus"); err != nil || id != 42 {
		t.Errorf("parseIDText(42) = %d, %v", id, err)
	}
}
