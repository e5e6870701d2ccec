package testkit

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// TB is the part of testing.TB that testkit uses.
type TB interface {
	Helper()
	Skipf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// SkipMarker starts the message of every skip for a missing tool or data
// set, so that CI can find them in the test output.
const SkipMarker = "gloveboard-skip:"

// MissingMarker starts the failure message when a tool or data set is
// missing under CI.
const MissingMarker = "gloveboard-missing:"

// InCI reports whether the environment variable CI asks for a complete run:
// set to anything but "", "0" or "false".
func InCI() bool {
	switch strings.ToLower(os.Getenv("CI")) {
	case "", "0", "false":
		return false
	}
	return true
}

// missing skips tb (CI unset) or fails it (CI set). checks says what the
// test checks, need what is missing and howTo where to get it.
func missing(tb TB, checks, need, howTo string) {
	tb.Helper()
	if InCI() {
		tb.Fatalf("%s %s is missing and CI is set, so this is a failure, not a skip (%s); the test %s", MissingMarker, need, howTo, checks)
		return
	}
	tb.Skipf("%s this test %s; it needs %s (%s)", SkipMarker, checks, need, howTo)
}

// Missing is the same rule for a need of a test's own (a privilege, a
// system command): the test is skipped with one line when CI is unset and
// fails when it is set.
func Missing(tb TB, checks, need, howTo string) {
	tb.Helper()
	missing(tb, checks, need, howTo)
}

// RepoRoot returns the directory holding the module's go.mod, searching
// upward from the working directory (go test runs a test in its package's
// directory).
func RepoRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod above %s", wd)
		}
	}
}
