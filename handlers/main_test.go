package handlers_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain checks that no test leaves goroutines behind: job workers,
// uploads in flight and the browser session all end with their test.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
