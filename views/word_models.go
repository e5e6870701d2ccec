package views

import (
	"net/url"
	"strconv"
)

// WordPageData is the page of one word of a built corpus: its counts, the
// information its contexts carry, its partners and the words to compare
// it with.
type WordPageData struct {
	Page       Page
	CorpusID   int64
	CorpusName string
	// Error is a user-facing message (unknown word); the rest is then
	// empty.
	Error string
	Word  *WordView
}

// WordView holds the numbers of one word w.
type WordView struct {
	Word  string
	Count int64
	Rank  int     // 1 is the most frequent word
	Share float64 // Count / tokens in the corpus
	// Tokens is the number of tokens of the corpus (the share's
	// denominator).
	Tokens int64
	// XW is X_w = Σ_k X_wk; Contexts the number of k with X_wk > 0.
	XW       float64
	Contexts int
	// EntropyBits is H(C | W = w) in bits; MIShare the row's share of
	// I(W;C), whose value (bits) is MIBits.
	EntropyBits float64
	MIShare     float64
	MIBits      float64
	// Partners are the top contexts by X_wk, PMIPartners by PMI among
	// those with X_wk ≥ MinCount.
	Partners    []WordPartner
	PMIPartners []WordPartner
	MinCount    float64
	N           int
	// Contrasts are suggested words j for the ratio table (w, j); the
	// rule is stated by ContrastRule.
	Contrasts    []string
	ContrastRule string
	Unweighted   bool
}

// WordPartner is one context word k of w.
type WordPartner struct {
	Word    string
	X       float64 // X_wk
	P       float64 // P(k|w)
	PMIBits float64
}

// WordURL is the address of word's page in a corpus; the word is
// path-escaped, so any word (a slash, markup) makes a valid link.
func WordURL(corpusID int64, word string) string {
	return "/corpora/" + strconv.FormatInt(corpusID, 10) + "/words/" + url.PathEscape(word)
}

// compareURL opens the ratio table of (i, j) with the default probes.
func compareURL(corpusID int64, i, j string) string {
	q := url.Values{}
	q.Set("i", i)
	q.Set("j", j)
	return "/corpora/" + strconv.FormatInt(corpusID, 10) + "/ratio?" + q.Encode()
}

// SharePercent formats a share (0.0123) as a percentage with three
// significant digits ("1.23 %"); small shares keep their digits, unlike
// Percent.
func SharePercent(share float64) string { return Sig(100*share) + " %" }
