package handlers

// Phrases on the web: the build form's "tokens: syllables / phrases"
// setting and its phrase settings, the corpus page's list of learned
// phrases (searchable with ?phrase=, the best maxPhraseRows shown), its
// CSV download (/corpora/:id/download/phrases.csv, through the downloads
// convention) and its JSON twin (/api/corpora/:id/phrases?q=&n=).

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"golang.org/x/text/unicode/norm"

	"github.com/gloveboard/gloveboard/analysis/phrases"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// The values of the build form's tokens setting (corpusbuild's).
const (
	tokensSyllables = "syllables"
	tokensPhrases   = "phrases"
)

const (
	// maxPhraseRows is how many phrases the corpus page shows (the best
	// matching ones); the CSV holds them all.
	maxPhraseRows = 200
	// maxPhraseQuery bounds a phrase search, in bytes.
	maxPhraseQuery = 400
	// phraseLimit bounds n of the JSON twin.
	phraseLimit = 1_000_000
)

// Labels of the phrase settings in messages.
const (
	labelPhrasePasses    = "The number of phrase passes"
	labelPhraseMinCount  = "The phrase minimum count"
	labelPhraseThreshold = "The phrase threshold (normalised PMI)"
)

// validatePhraseSettings checks the tokens setting and, for phrases, the
// phrase settings, with formPhraseSettings's messages.
func validatePhraseSettings(settings app.BuildSettings) error {
	switch settings.Tokens {
	case "", tokensSyllables:
		return nil
	case tokensPhrases:
	default:
		return public(ErrBadRequest, "The tokens setting must be “syllables” (tokens as the tokenizer splits them) or “phrases” (learn multiword tokens first).")
	}
	if _, err := wholeNumber(strconv.Itoa(settings.PhrasePasses), labelPhrasePasses, 0, 1, phrases.MaxPasses); err != nil {
		return err
	}
	if _, err := wholeNumber(strconv.FormatInt(settings.PhraseMinCount, 10), labelPhraseMinCount, 0, 1, maxMinCount); err != nil {
		return err
	}
	_, err := realNumber(fnum(settings.PhraseThreshold), labelPhraseThreshold, 0, -1, 1)
	return err
}

// formPhraseSettings reads the tokens setting and the phrase settings of
// the build form into settings (empty numbers keep the defaults).
func formPhraseSettings(c echo.Context, settings *app.BuildSettings) error {
	settings.Tokens = strings.TrimSpace(c.FormValue("tokens"))
	if settings.Tokens == "" {
		settings.Tokens = tokensSyllables
	}
	var err error
	if settings.PhrasePasses, err = wholeNumber(c.FormValue("phrase_passes"), labelPhrasePasses, settings.PhrasePasses, 1, phrases.MaxPasses); err != nil {
		return err
	}
	if settings.PhraseMinCount, err = wholeNumber(c.FormValue("phrase_min_count"), labelPhraseMinCount, settings.PhraseMinCount, 1, maxMinCount); err != nil {
		return err
	}
	settings.PhraseThreshold, err = realNumber(c.FormValue("phrase_threshold"), labelPhraseThreshold, settings.PhraseThreshold, -1, 1)
	return err
}

// phraseQuery is a search typed by the user as phrase tokens are
// written: NFC, lower-cased for the words tokenizer, blanks joined by "_"
// ("Văn bản" finds văn_bản).
func phraseQuery(l *app.Build, q string) (string, error) {
	if len(q) > maxPhraseQuery {
		return "", public(ErrBadRequest, fmt.Sprintf("The phrase search must be at most %d bytes long.", maxPhraseQuery))
	}
	q = strings.Join(strings.Fields(norm.NFC.String(q)), phrases.Joiner)
	if l.Summary.Settings.Tokenizer != "whitespace" {
		q = strings.ToLower(q)
	}
	return q, nil
}

// matchingPhrases returns the phrases of l whose text holds q (all for an
// empty q), best first.
func matchingPhrases(l *app.Build, q string) []phrases.Phrase {
	all := l.Phrases.Phrases()
	if q == "" {
		return all
	}
	out := all[:0]
	for _, p := range all {
		if strings.Contains(p.Text, q) {
			out = append(out, p)
		}
	}
	return out
}

// phrasesView is the corpus page's phrase card, nil for a build without
// phrases. A refused search is the card's message.
func (s *Server) phrasesView(corp store.Corpus, l *app.Build, raw string) *views.PhrasesView {
	if l.Phrases == nil {
		return nil
	}
	st := l.Summary.Settings
	v := &views.PhrasesView{CorpusID: corp.ID, Query: raw, Total: l.Phrases.Len(), Passes: st.PhrasePasses,
		MinCount: st.PhraseMinCount, Threshold: st.PhraseThreshold, JoinedPairs: l.Summary.JoinedPairs,
		CSV: "/corpora/" + strconv.FormatInt(corp.ID, 10) + "/download/phrases.csv"}
	q, err := phraseQuery(l, raw)
	if err != nil {
		_, v.Message = s.resolve(err)
		return v
	}
	list := matchingPhrases(l, q)
	v.Matched = len(list)
	for _, p := range list[:min(len(list), maxPhraseRows)] {
		v.Rows = append(v.Rows, views.PhraseRow{Phrase: p.Text, Count: p.Count, Score: p.Score, Pass: p.Pass})
	}
	return v
}

// noPhrases refuses a phrase list of a corpus built by syllables.
func noPhrases(corp store.Corpus) error {
	return public(store.ErrNotFound, fmt.Sprintf("The corpus “%s” was built by syllables, so it has no phrase list. Rebuild it with tokens: phrases on its page (/corpora/%d).", corp.Name, corp.ID))
}

// downloadPhrases serves every learned phrase as CSV (phrase, count,
// score, pass; best first), always as an attachment.
func (s *Server) downloadPhrases(c echo.Context) error {
	corp, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	if c.Param("file") != "phrases.csv" {
		return public(store.ErrNotFound, "A corpus's phrase list can be downloaded as phrases.csv.")
	}
	if l.Phrases == nil {
		return noPhrases(corp)
	}
	list := l.Phrases.Phrases()
	rows := make([][]string, len(list))
	for i, p := range list {
		rows[i] = []string{p.Text, strconv.FormatInt(p.Count, 10), fnum(p.Score), strconv.Itoa(p.Pass)}
	}
	var buf bytes.Buffer
	if err := writeCSV(&buf, []string{"phrase", "count", "score", "pass"}, rows); err != nil {
		return err
	}
	return sendArtefact(c, ctypeCSV, downloadName(corpusOwner(corp.ID, corp.Name), "phrases", "csv"), true, buf.Bytes())
}

// apiPhrase is one phrase of the JSON twin, with the field names of
// `glove phrases -json`.
type apiPhrase struct {
	Phrase string  `json:"phrase"`
	Count  int64   `json:"count"`
	Score  float64 `json:"score"`
	Pass   int     `json:"pass"`
}

type apiPhrases struct {
	CorpusID  int64       `json:"corpus_id"`
	Tokens    string      `json:"tokens"` // syllables | phrases
	Total     int         `json:"total"`
	Matched   int         `json:"matched"`
	Passes    int         `json:"passes,omitempty"`
	MinCount  int64       `json:"min_count,omitempty"`
	Threshold float64     `json:"threshold,omitempty"`
	Phrases   []apiPhrase `json:"phrases"`
}

// apiPhrases is GET /api/corpora/:id/phrases?q=&n=: the best n (default
// maxPhraseRows) learned phrases holding q. A corpus built by syllables
// answers with tokens "syllables" and no phrases.
func (s *Server) apiPhrases(c echo.Context) error {
	corp, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	n, err := wholeNumber(c.QueryParam("n"), "“n”", maxPhraseRows, 1, phraseLimit)
	if err != nil {
		return err
	}
	q, err := phraseQuery(l, c.QueryParam("q"))
	if err != nil {
		return err
	}
	out := apiPhrases{CorpusID: corp.ID, Tokens: tokensSyllables, Phrases: []apiPhrase{}}
	if l.Phrases != nil {
		st := l.Summary.Settings
		out.Tokens, out.Total, out.Passes, out.MinCount, out.Threshold = tokensPhrases, l.Phrases.Len(), st.PhrasePasses, st.PhraseMinCount, st.PhraseThreshold
		list := matchingPhrases(l, q)
		out.Matched = len(list)
		for _, p := range list[:min(n, len(list))] {
			out.Phrases = append(out.Phrases, apiPhrase{Phrase: p.Text, Count: p.Count, Score: finite(p.Score), Pass: p.Pass})
		}
	}
	return c.JSON(http.StatusOK, out)
}
