package glove

import "syscall"

// adviseHugePages asks Linux to back mem with transparent huge pages
// where its 2 MiB-aligned stretches allow, when the system leaves that to
// the program (transparent_hugepage=madvise). The nonzeros and parameters
// are read at random; with 4 KiB pages nearly every access also misses the
// TLB. A hint: errors are ignored and results never change.
func adviseHugePages(mem []byte) {
	if len(mem) >= 4<<20 {
		_ = syscall.Madvise(mem, syscall.MADV_HUGEPAGE)
	}
}
