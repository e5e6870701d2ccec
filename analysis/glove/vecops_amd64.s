#include "textflag.h"

// func dotAVX2(a, b *float32, n int) float32
// n > 0, a multiple of 8. Eight lane sums s_l = Σ a[k]·b[k] over k ≡ l
// (mod 8), combined as ((s0+s4)+(s2+s6)) + ((s1+s5)+(s3+s7)), exactly as
// dotLanesGo does.
TEXT ·dotAVX2(SB), NOSPLIT, $0-28
	MOVQ a+0(FP), AX
	MOVQ b+8(FP), BX
	MOVQ n+16(FP), CX
	VXORPS Y0, Y0, Y0
dotloop:
	VMOVUPS (AX), Y1
	VMULPS  (BX), Y1, Y1
	VADDPS  Y1, Y0, Y0
	ADDQ    $32, AX
	ADDQ    $32, BX
	SUBQ    $8, CX
	JGT     dotloop
	VEXTRACTF128 $1, Y0, X1
	VADDPS    X1, X0, X0
	VMOVHLPS  X0, X0, X1
	VADDPS    X1, X0, X0
	VMOVSHDUP X0, X1
	VADDSS    X1, X0, X0
	VZEROUPPER
	MOVSS X0, ret+24(FP)
	RET

// func adagradAVX2(wi, wj, gi, gj *float32, n int, fdiff, eta, clip float32)
// n > 0, a multiple of 8. Per component, the same float32 operations in
// the same order as adagradGo (no fused multiply-add), so results are
// bit-identical.
TEXT ·adagradAVX2(SB), NOSPLIT, $0-52
	MOVQ wi+0(FP), AX
	MOVQ wj+8(FP), BX
	MOVQ gi+16(FP), CX
	MOVQ gj+24(FP), DX
	MOVQ n+32(FP), SI
	VBROADCASTSS fdiff+40(FP), Y0
	VBROADCASTSS eta+44(FP), Y1
	VBROADCASTSS clip+48(FP), Y2
	VXORPS Y3, Y3, Y3
	VSUBPS Y2, Y3, Y3 // −clip
adaloop:
	VMOVUPS (AX), Y4 // a = w_i
	VMOVUPS (BX), Y5 // b = w̃_j
	VMULPS  Y5, Y0, Y6 // t1 = fdiff·b
	VMAXPS  Y3, Y6, Y6
	VMINPS  Y2, Y6, Y6
	VMULPS  Y1, Y6, Y6 // t1 = η·clip(t1)
	VMULPS  Y4, Y0, Y7 // t2 = fdiff·a
	VMAXPS  Y3, Y7, Y7
	VMINPS  Y2, Y7, Y7
	VMULPS  Y1, Y7, Y7 // t2 = η·clip(t2)
	VMOVUPS (CX), Y8 // G_i
	VMOVUPS (DX), Y9 // G_j
	VSQRTPS Y8, Y10
	VDIVPS  Y10, Y6, Y10
	VSUBPS  Y10, Y4, Y4 // w_i − t1/√G_i
	VMOVUPS Y4, (AX)
	VSQRTPS Y9, Y11
	VDIVPS  Y11, Y7, Y11
	VSUBPS  Y11, Y5, Y5 // w̃_j − t2/√G_j
	VMOVUPS Y5, (BX)
	VMULPS  Y6, Y6, Y12
	VADDPS  Y12, Y8, Y8 // G_i + t1²
	VMOVUPS Y8, (CX)
	VMULPS  Y7, Y7, Y13
	VADDPS  Y13, Y9, Y9 // G_j + t2²
	VMOVUPS Y9, (DX)
	ADDQ $32, AX
	ADDQ $32, BX
	ADDQ $32, CX
	ADDQ $32, DX
	SUBQ $8, SI
	JGT  adaloop
	VZEROUPPER
	RET
