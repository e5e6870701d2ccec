package glove

// prefetchRows asks the CPU to start loading bytes bytes (rounded up to
// whole 64-byte lines, at least one) at a and at b into the caches,
// without waiting for them and without faulting: a hint, with no effect on
// results. Implemented with PREFETCHT0 in prefetch_amd64.s.
//
//go:noescape
func prefetchRows(a, b *float32, bytes int)
