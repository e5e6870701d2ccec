#include "textflag.h"

// func prefetchRows(a, b *float32, bytes int)
TEXT ·prefetchRows(SB), NOSPLIT, $0-24
	MOVQ a+0(FP), AX
	MOVQ b+8(FP), BX
	MOVQ bytes+16(FP), CX
loop:
	PREFETCHT0 (AX)
	PREFETCHT0 (BX)
	ADDQ $64, AX
	ADDQ $64, BX
	SUBQ $64, CX
	JGT  loop
	RET
