//go:build !amd64

package glove

// prefetchRows is a no-op where no prefetch instruction is wired up; see
// prefetch_amd64.go.
func prefetchRows(a, b *float32, bytes int) {}
