package spectrum

// Bytes per stored nonzero of a CSR matrix: an int32 column index and a
// float64 value.
const csrBytesPerNonzero = 12

// RandomizedSVDMemoryBytes estimates the memory RandomizedSVD needs for a
// rows×cols matrix with nnz nonzeros and k singular values with
// oversampling oversample (0 means k, the default of SVDOptions), at the
// default number of power iterations. It counts
//
//   - the matrix itself and its transpose, 12 bytes per nonzero and
//     8 bytes per row pointer each;
//   - the dense blocks Ω, Y and Z of l = min(k+p, rows, cols) columns,
//     8·(rows+cols)·l·2 bytes (a generous bound for Ω (cols×l),
//     Y (rows×l) and Z (cols×l));
//   - the small l×l matrices of every re-orthonormalisation and of the
//     final SVD (the Gram matrices, the triangular factor, the SVD's copy
//     and workspace): 8·l²·(2q+8) bytes for q = 7 power iterations;
//   - 64 KiB for the goroutines and small slices.
//
// It is meant as an upper bound of the bytes allocated (and hence of the
// peak), for checking a job against a memory budget before it starts.
// Negative or zero shapes give the fixed overhead only.
func RandomizedSVDMemoryBytes(rows, cols, nnz, k, oversample int) int64 {
	const (
		overhead   = 64 << 10
		powerIters = 7 // the default of SVDOptions.PowerIters
	)
	r, c, z := int64(max(rows, 0)), int64(max(cols, 0)), int64(max(nnz, 0))
	if k <= 0 {
		k = 300 // the default of SVDOptions.K
	}
	if oversample <= 0 {
		oversample = k
	}
	l := int64(k) + int64(oversample)
	l = min(l, r, c)
	sparse := 2 * (csrBytesPerNonzero*z + 8*(r+c+2))
	dense := 8 * (r + c) * l * 2
	small := 8 * l * l * (2*powerIters + 8)
	return sparse + dense + small + overhead
}

// LanczosMemoryBytes estimates the peak memory of LanczosSVD for a
// rows×cols matrix with nnz nonzeros, k singular values and a basis of
// basis vectors (0 means the default of LanczosOptions), with workers
// goroutines (0 means the default). It counts
//
//   - the transpose of the matrix when it has more columns than rows
//     (12 bytes per nonzero, 8 per row pointer);
//   - the Krylov basis, n×(basis+1) float64 with n = min(rows, cols), and
//     four n-vectors plus one per extra worker;
//   - the basis×basis projected matrix and, at each restart, the
//     eigendecomposition's copies (six basis² float64 in all) and the
//     block that forms the new basis;
//   - 64 KiB for the goroutines and small slices.
//
// The matrix itself is the caller's and is not counted.
func LanczosMemoryBytes(rows, cols, nnz, k, basis, workers int) int64 {
	const overhead = 64 << 10
	r, c, z := int64(max(rows, 0)), int64(max(cols, 0)), int64(max(nnz, 0))
	n := min(r, c)
	if n == 0 {
		return overhead
	}
	if k <= 0 {
		k = 300
	}
	kk := min(int64(k), n)
	m := int64(basis)
	if m <= 0 {
		m = max(2*kk+1, kk+32)
	}
	m = min(max(m, kk+1), n)
	w := int64(defaultWorkers(workers))
	var transpose int64
	if c > r {
		transpose = csrBytesPerNonzero*z + 8*(c+1)
	}
	vectors := 8 * n * (m + 1 + 4 + (w - 1))
	small := 8*m*m*6 + 8*w*min(256, n)*m
	return transpose + vectors + small + overhead
}
