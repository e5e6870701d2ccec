#include "textflag.h"

// func gram2x4AVX(s *[8]float64, a0, a1, b0, b1, b2, b3 *float64, n int)
// n > 0, a multiple of 4. For each of the 8 products p = (a_i, b_j) it
// keeps four lane sums l_q = Σ a_i[r]·b_j[r] over r ≡ q (mod 4), each a
// multiply then an add (no fused multiply-add), and stores
// s[4i+j] = (l0+l2) + (l1+l3): exactly what gram2x4Go computes.
TEXT ·gram2x4AVX(SB), NOSPLIT, $0-64
	MOVQ s+0(FP), DX
	MOVQ a0+8(FP), SI
	MOVQ a1+16(FP), DI
	MOVQ b0+24(FP), R8
	MOVQ b1+32(FP), R9
	MOVQ b2+40(FP), R10
	MOVQ b3+48(FP), R11
	MOVQ n+56(FP), CX
	SHLQ $3, CX
	XORQ AX, AX
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7
gramloop:
	VMOVUPD (SI)(AX*1), Y8
	VMOVUPD (DI)(AX*1), Y9
	VMOVUPD (R8)(AX*1), Y10
	VMULPD  Y10, Y8, Y11
	VADDPD  Y11, Y0, Y0
	VMULPD  Y10, Y9, Y12
	VADDPD  Y12, Y4, Y4
	VMOVUPD (R9)(AX*1), Y10
	VMULPD  Y10, Y8, Y11
	VADDPD  Y11, Y1, Y1
	VMULPD  Y10, Y9, Y12
	VADDPD  Y12, Y5, Y5
	VMOVUPD (R10)(AX*1), Y10
	VMULPD  Y10, Y8, Y11
	VADDPD  Y11, Y2, Y2
	VMULPD  Y10, Y9, Y12
	VADDPD  Y12, Y6, Y6
	VMOVUPD (R11)(AX*1), Y10
	VMULPD  Y10, Y8, Y11
	VADDPD  Y11, Y3, Y3
	VMULPD  Y10, Y9, Y12
	VADDPD  Y12, Y7, Y7
	ADDQ    $32, AX
	CMPQ    AX, CX
	JLT     gramloop

	// s[k] = (l0+l2) + (l1+l3) for each accumulator.
	VEXTRACTF128 $1, Y0, X8
	VADDPD  X8, X0, X0
	VHADDPD X0, X0, X0
	VMOVSD  X0, 0(DX)
	VEXTRACTF128 $1, Y1, X8
	VADDPD  X8, X1, X1
	VHADDPD X1, X1, X1
	VMOVSD  X1, 8(DX)
	VEXTRACTF128 $1, Y2, X8
	VADDPD  X8, X2, X2
	VHADDPD X2, X2, X2
	VMOVSD  X2, 16(DX)
	VEXTRACTF128 $1, Y3, X8
	VADDPD  X8, X3, X3
	VHADDPD X3, X3, X3
	VMOVSD  X3, 24(DX)
	VEXTRACTF128 $1, Y4, X8
	VADDPD  X8, X4, X4
	VHADDPD X4, X4, X4
	VMOVSD  X4, 32(DX)
	VEXTRACTF128 $1, Y5, X8
	VADDPD  X8, X5, X5
	VHADDPD X5, X5, X5
	VMOVSD  X5, 40(DX)
	VEXTRACTF128 $1, Y6, X8
	VADDPD  X8, X6, X6
	VHADDPD X6, X6, X6
	VMOVSD  X6, 48(DX)
	VEXTRACTF128 $1, Y7, X8
	VADDPD  X8, X7, X7
	VHADDPD X7, X7, X7
	VMOVSD  X7, 56(DX)
	VZEROUPPER
	RET
