package views

import "strconv"

// PhrasesView is the corpus page's list of the phrases its build learned
// (tokens: phrases): the best rows matching Query.
type PhrasesView struct {
	CorpusID int64
	// Query is the search as typed; Message explains a refused one.
	Query   string
	Message string
	// Total phrases learned, Matched of them holding the search, Rows the
	// best of those shown.
	Total, Matched int
	Rows           []PhraseRow
	// The settings that learned them, and the token pairs joined.
	Passes      int
	MinCount    int64
	Threshold   float64
	JoinedPairs int64
	// CSV is the address of the download of every phrase.
	CSV string
}

// PhraseRow is one learned phrase.
type PhraseRow struct {
	Phrase string
	Count  int64
	Score  float64 // normalised PMI
	Pass   int
}

// Shown says which rows the table holds, in l's language, e.g.
// "Showing the best 200 of 1,514, best first (by score, then count)."; ""
// when none matched.
func (v PhrasesView) Shown(l Locale) string {
	switch {
	case v.Matched == 0:
		return ""
	case len(v.Rows) == v.Matched:
		return l.T("corpus.phrases.showing_all", l.Int(int64(v.Matched)))
	}
	return l.T("corpus.phrases.showing_best", l.Int(int64(len(v.Rows))), l.Int(int64(v.Matched)))
}

// passText is the pass of a phrase as the table shows it.
func passText(p int) string { return strconv.Itoa(p) }
