#include "textflag.h"

// func stepAVX2(ri, rj, pi, pj *float32, prefetchBytes, d int, logX, weight, eta, biasEta, clip float32) (diff float32, ok bool)
//
// One AdaGrad step of trainBlockGo on the word row ri and the context row
// rj (each [w_0 … w_{d−1}, b, G_0 … G_{d−1}, G_b]), with the same float32
// operations in the same order, so that results are bit-identical:
//
//   - the rows at pi and pj are prefetched first (prefetchBytes, rounded
//     up to whole 64-byte lines; none when it is 0);
//   - the dot product sums the first d &^ 7 components in eight lanes,
//     combined as ((s0+s4)+(s2+s6)) + ((s1+s5)+(s3+s7)), then adds the
//     remaining products one by one;
//   - diff = ((dot + b_i) + b_j) − logX; if it is NaN or infinite, nothing
//     is written and ok is false;
//   - fdiff = diff·weight; the vector components are updated eight at a
//     time, then the rest in pairs (w_i[k], w̃_j[k]) in the two low lanes
//     of an XMM register, then the biases as one more such pair.
//
// Unused upper lanes of the pair steps compute 0/0 and are never stored.
TEXT ·stepAVX2(SB), NOSPLIT, $0-77
	MOVQ ri+0(FP), AX
	MOVQ rj+8(FP), BX
	MOVQ pi+16(FP), R8
	MOVQ pj+24(FP), R9
	MOVQ prefetchBytes+32(FP), R10
	TESTQ R10, R10
	JLE  noprefetch

prefetch:
	PREFETCHT0 (R8)
	PREFETCHT0 (R9)
	ADDQ $64, R8
	ADDQ $64, R9
	SUBQ $64, R10
	JGT  prefetch

noprefetch:
	MOVQ d+40(FP), CX
	SHLQ $2, CX   // CX = 4d: bytes of a vector, and the offset of its bias
	MOVQ CX, DX
	ANDQ $-32, DX // DX = bytes of the whole eight-lane groups
	XORQ SI, SI
	VXORPS Y0, Y0, Y0
	TESTQ DX, DX
	JEQ  dotreduce

dotloop:
	VMOVUPS (AX)(SI*1), Y1
	VMULPS  (BX)(SI*1), Y1, Y1
	VADDPS  Y1, Y0, Y0
	ADDQ    $32, SI
	CMPQ    SI, DX
	JLT     dotloop

dotreduce:
	VEXTRACTF128 $1, Y0, X1
	VADDPS       X1, X0, X0
	VMOVHLPS     X0, X0, X1
	VADDPS       X1, X0, X0
	VMOVSHDUP    X0, X1
	VADDSS       X1, X0, X0
	CMPQ         SI, CX
	JGE          dotdone

dottail:
	VMOVSS (AX)(SI*1), X1
	VMULSS (BX)(SI*1), X1, X1
	VADDSS X1, X0, X0
	ADDQ   $4, SI
	CMPQ   SI, CX
	JLT    dottail

dotdone:
	VADDSS (AX)(CX*1), X0, X0 // + b_i
	VADDSS (BX)(CX*1), X0, X0 // + b_j
	VSUBSS logX+48(FP), X0, X0 // diff
	VMOVSS X0, diff+72(FP)
	VMOVD  X0, R10
	ANDL   $0x7fffffff, R10
	CMPL   R10, $0x7f800000 // |diff| has the exponent of Inf or NaN
	JAE    notfinite

	VMULSS       weight+52(FP), X0, X0 // fdiff
	VBROADCASTSS X0, Y0
	VBROADCASTSS eta+56(FP), Y1
	VBROADCASTSS clip+64(FP), Y2
	VXORPS       Y3, Y3, Y3
	VSUBPS       Y2, Y3, Y3 // −clip
	LEAQ         4(AX)(CX*1), R8 // G_i
	LEAQ         4(BX)(CX*1), R9 // G_j
	XORQ         SI, SI
	TESTQ        DX, DX
	JEQ          adatail

adaloop:
	VMOVUPS (AX)(SI*1), Y4 // a = w_i
	VMOVUPS (BX)(SI*1), Y5 // b = w̃_j
	VMULPS  Y5, Y0, Y6     // t1 = fdiff·b
	VMAXPS  Y3, Y6, Y6
	VMINPS  Y2, Y6, Y6
	VMULPS  Y1, Y6, Y6     // t1 = η·clip(t1)
	VMULPS  Y4, Y0, Y7     // t2 = fdiff·a
	VMAXPS  Y3, Y7, Y7
	VMINPS  Y2, Y7, Y7
	VMULPS  Y1, Y7, Y7     // t2 = η·clip(t2)
	VMOVUPS (R8)(SI*1), Y8 // G_i
	VMOVUPS (R9)(SI*1), Y9 // G_j
	VSQRTPS Y8, Y10
	VDIVPS  Y10, Y6, Y10
	VSUBPS  Y10, Y4, Y4    // w_i − t1/√G_i
	VMOVUPS Y4, (AX)(SI*1)
	VSQRTPS Y9, Y11
	VDIVPS  Y11, Y7, Y11
	VSUBPS  Y11, Y5, Y5    // w̃_j − t2/√G_j
	VMOVUPS Y5, (BX)(SI*1)
	VMULPS  Y6, Y6, Y12
	VADDPS  Y12, Y8, Y8    // G_i + t1²
	VMOVUPS Y8, (R8)(SI*1)
	VMULPS  Y7, Y7, Y13
	VADDPS  Y13, Y9, Y9    // G_j + t2²
	VMOVUPS Y9, (R9)(SI*1)
	ADDQ    $32, SI
	CMPQ    SI, DX
	JLT     adaloop

adatail:
	CMPQ SI, CX
	JGE  bias

adapair:
	VMOVSS     (AX)(SI*1), X4
	VINSERTPS  $0x10, (BX)(SI*1), X4, X4 // [a, b]
	VPERMILPS  $0xe1, X4, X5             // [b, a]
	VMULPS     X5, X0, X5                // [fdiff·b, fdiff·a]
	VMAXPS     X3, X5, X5
	VMINPS     X2, X5, X5
	VMULPS     X1, X5, X5                // [t1, t2]
	VMOVSS     (R8)(SI*1), X8
	VINSERTPS  $0x10, (R9)(SI*1), X8, X8 // [G_i, G_j]
	VSQRTPS    X8, X10
	VDIVPS     X10, X5, X10
	VSUBPS     X10, X4, X4
	VMOVSS     X4, (AX)(SI*1)
	VEXTRACTPS $1, X4, (BX)(SI*1)
	VMULPS     X5, X5, X12
	VADDPS     X12, X8, X8
	VMOVSS     X8, (R8)(SI*1)
	VEXTRACTPS $1, X8, (R9)(SI*1)
	ADDQ       $4, SI
	CMPQ       SI, CX
	JLT        adapair

bias:
	// SI = 4d: the biases at (AX)(SI), (BX)(SI), their accumulators at
	// (R8)(SI), (R9)(SI); the step is tb = biasEta·fdiff, unclipped.
	VMULSS       biasEta+60(FP), X0, X5
	VBROADCASTSS X5, X5
	VMOVSS       (AX)(SI*1), X4
	VINSERTPS    $0x10, (BX)(SI*1), X4, X4
	VMOVSS       (R8)(SI*1), X8
	VINSERTPS    $0x10, (R9)(SI*1), X8, X8
	VSQRTPS      X8, X10
	VDIVPS       X10, X5, X10
	VSUBPS       X10, X4, X4
	VMOVSS       X4, (AX)(SI*1)
	VEXTRACTPS   $1, X4, (BX)(SI*1)
	VMULPS       X5, X5, X12
	VADDPS       X12, X8, X8
	VMOVSS       X8, (R8)(SI*1)
	VEXTRACTPS   $1, X8, (R9)(SI*1)
	VZEROUPPER
	MOVB         $1, ok+76(FP)
	RET

notfinite:
	VZEROUPPER
	MOVB $0, ok+76(FP)
	RET
