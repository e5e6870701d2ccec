package project

import "math"

// fastPow returns x^p for x > 0 to a relative accuracy of about 1e-9
// (TestFastPow), several times faster than math.Pow: UMAP's layout takes
// d^{2b} hundreds of millions of times, and its stochastic steps do not
// need the last bits. It computes e^{p·ln x} with ln x = k·ln 2 + ln m,
// m ∈ [√½, √2), ln m = 2·atanh(s), s = (m − 1)/(m + 1) (|s| ≤ 0.172, five
// odd terms), and e^y = 2^j·e^r with |r| ≤ ln2/2 (Taylor to r⁹). Outside
// the normal range (x ≤ 0, subnormal, infinite or NaN, or a result beyond
// 2^±1000) it falls back to math.Pow.
func fastPow(x, p float64) float64 {
	bits := math.Float64bits(x)
	exp := int((bits >> 52) & 0x7ff)
	if x <= 0 || exp == 0 || exp == 0x7ff {
		return math.Pow(x, p)
	}
	k := exp - 1023
	m := math.Float64frombits(bits&^(0x7ff<<52) | 1023<<52) // [1, 2)
	if m > math.Sqrt2 {
		m /= 2
		k++
	}
	s := (m - 1) / (m + 1)
	s2 := s * s
	lnm := 2 * s * (1 + s2*(1.0/3+s2*(1.0/5+s2*(1.0/7+s2*(1.0/9+s2*(1.0/11))))))
	y := p * (float64(k)*math.Ln2 + lnm)
	j := math.Round(y / math.Ln2)
	if j > 1000 || j < -1000 || math.IsNaN(j) {
		return math.Pow(x, p)
	}
	r := y - j*math.Ln2
	er := 1 + r*(1+r*(1.0/2+r*(1.0/6+r*(1.0/24+r*(1.0/120+r*(1.0/720+r*(1.0/5040+r*(1.0/40320+r*(1.0/362880)))))))))
	return er * math.Float64frombits(uint64(int64(j)+1023)<<52)
}
