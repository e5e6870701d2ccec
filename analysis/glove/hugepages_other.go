//go:build !linux

package glove

// adviseHugePages is a no-op outside Linux; see hugepages_linux.go.
func adviseHugePages(mem []byte) {}
