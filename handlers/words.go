package handlers

// The word page of a built corpus (Corpora section): one word's count,
// rank and share of tokens, its row of X (X_w, the entropy of P(·|w), its
// share of I(W;C)), its partners by count and by PMI, and suggested words
// to compare it with in the ratio table. Its JSON twin is apiWord; both
// go through wordReport, so the page and the API show the same numbers.

import (
	"cmp"
	"math"
	"net/http"
	"net/url"
	"slices"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/pmi"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

const (
	defaultWordPartners = 20
	// contrastRanks is how far (in frequency rank, either side) the
	// suggested contrasting words may be from the word; maxContrasts how
	// many are suggested.
	contrastRanks = 25
	maxContrasts  = 5
)

// wordResult is everything the word page and its JSON twin show.
type wordResult struct {
	word        string
	n           int // partners asked for in each list
	count       int64
	rank        int
	share       float64
	profile     pmi.WordProfile
	miBits      float64
	partners    []wordPartner
	pmiPartners []wordPartner
	contrasts   []string
}

type wordPartner struct {
	Word string  `json:"word"`
	X    float64 `json:"x"`
	P    float64 `json:"p"`
	PMI  float64 `json:"pmi"` // bits
}

// wordParam reads the :word path segment (path-escaped by the links) and
// normalises it like the tokenizer did.
func wordParam(c echo.Context, l *app.Build) (string, error) {
	raw := c.Param("word")
	if u, err := url.PathUnescape(raw); err == nil {
		raw = u
	}
	w := normWord(l, raw)
	if w == "" {
		return "", public(ErrBadRequest, "Give a word: /corpora/ID/words/WORD.")
	}
	if len(w) > maxWordLen*4 {
		return "", public(ErrBadRequest, "A word must be at most 100 characters long.")
	}
	return w, nil
}

// wordReport computes the numbers of word w (normalised) with n partners
// in each list. An unknown word is a 404 saying it is not in this
// corpus's vocabulary.
func wordReport(l *app.Build, w string, n int) (wordResult, error) {
	id, ok := l.Vocab.ID(w)
	if !ok {
		msg, _ := apperr.MessageOf(unknownWord(l, w))
		return wordResult{}, apperr.New(apperr.NotFound, msg)
	}
	r := wordResult{word: w, n: n, count: l.Vocab.Count(id), rank: int(id) + 1, miBits: l.Summary.MutualInformationBits}
	if l.Summary.Tokens > 0 {
		r.share = float64(r.count) / float64(l.Summary.Tokens)
	}
	r.profile = pmi.Profile(l.Matrix, id, r.miBits, pmi.Bits)
	r.partners = partnersOf(l, l.PMI.TopByCount(id, n))
	r.pmiPartners = partnersOf(l, l.PMI.TopByPMI(id, n, defaultPMIMin))
	r.contrasts = contrasts(l, id)
	return r, nil
}

func partnersOf(l *app.Build, ps []pmi.RowPartner) []wordPartner {
	out := make([]wordPartner, 0, len(ps))
	for _, p := range ps {
		out = append(out, wordPartner{Word: l.Vocab.Word(p.ID), X: p.X, P: p.P, PMI: p.PMI / math.Ln2})
	}
	return out
}

// contrasts returns up to maxContrasts words within contrastRanks ranks
// of w whose context distributions overlap least with w's: smallest
// Σ_k min(P(k|w), P(k|j)), ties by rank. Words without co-occurrences
// are left out (their ratio table is undefined).
func contrasts(l *app.Build, w int32) []string {
	cols, vals := l.Matrix.Row(w)
	xw := l.Matrix.RowSum(w)
	if xw <= 0 {
		return nil
	}
	pw := make(map[int32]float64, len(cols))
	for k, j := range cols {
		pw[j] = vals[k] / xw
	}
	type cand struct {
		id      int32
		overlap float64
	}
	var cs []cand
	lo, hi := max(0, int(w)-contrastRanks), min(l.Vocab.Len()-1, int(w)+contrastRanks)
	for j := lo; j <= hi; j++ {
		id := int32(j)
		xj := l.Matrix.RowSum(id)
		if id == w || xj <= 0 {
			continue
		}
		jc, jv := l.Matrix.Row(id)
		var o float64
		for k, col := range jc {
			o += min(pw[col], jv[k]/xj)
		}
		cs = append(cs, cand{id, o})
	}
	slices.SortFunc(cs, func(a, b cand) int {
		if c := cmp.Compare(a.overlap, b.overlap); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	var out []string
	for _, c := range cs[:min(maxContrasts, len(cs))] {
		out = append(out, l.Vocab.Word(c.id))
	}
	return out
}

// wordRequest is a parsed and answered word request.
type wordRequest struct {
	corpusID   int64
	corpusName string
	corpus     store.Corpus
	build      *app.Build
	result     wordResult
}

// word parses the corpus, the word and n of a word request and computes
// the word's numbers. req.corpusID is 0 when there is no such corpus.
func (s *Server) word(c echo.Context) (wordRequest, error) {
	corp, l, err := s.corpusAndBuild(c)
	req := wordRequest{corpusID: corp.ID, corpusName: corp.Name, corpus: corp, build: l}
	if err != nil {
		return req, err
	}
	n, err := wholeNumber(c.QueryParam("n"), "“n”", defaultWordPartners, 1, maxTop)
	if err != nil {
		return req, err
	}
	w, err := wordParam(c, l)
	if err != nil {
		return req, err
	}
	req.result, err = wordReport(l, w, n)
	return req, err
}

func (s *Server) wordPage(c echo.Context) error {
	req, err := s.word(c)
	if req.corpusID == 0 {
		return err // no corpus to show the page in
	}
	loc := locale(c)
	d := views.WordPageData{Page: s.page(c, loc.T("word.page_title", loc.Name(req.corpusName)), views.SectionCorpora), CorpusID: req.corpusID, CorpusName: req.corpusName}
	if err != nil {
		status, msg := s.resolve(err)
		if status >= 500 || status == http.StatusConflict {
			return err // an unbuilt corpus gets the error page, like the other corpus routes
		}
		d.Error = msg
		return s.render(c, status, views.WordPage(d))
	}
	r, sum := req.result, req.build.Summary
	d.Page.Title = r.word + " · " + loc.Name(req.corpusName)
	d.Word = &views.WordView{Word: r.word, Count: r.count, Rank: r.rank, Share: r.share, Tokens: sum.Tokens,
		XW: r.profile.RowSum, Contexts: r.profile.Contexts, EntropyBits: r.profile.ContextEntropy,
		MIShare: r.profile.MIShare, MIBits: r.miBits, MinCount: defaultPMIMin, N: r.n,
		Partners: partnerViews(r.partners), PMIPartners: partnerViews(r.pmiPartners),
		Contrasts: r.contrasts, ContrastRule: loc.T("word.compare.rule", loc.Int(contrastRanks)), Unweighted: !sum.Settings.DistanceWeighting}
	d.Word.Zipf = zipfMark(loc, req.corpusID, req.build, r.word)
	d.Word.Concordance, _ = s.concordanceView(c, req.corpus, req.build, r.word)
	id, _ := req.build.Vocab.ID(r.word)
	p, err := s.runPanel(c, req.corpusID, req.build, id)
	if err != nil {
		return err
	}
	if p != nil {
		d.Word.Run = runPanelView(loc, req.corpusID, req.build, r.word, p)
	}
	return s.ok(c, views.WordPage(d))
}

func partnerViews(ps []wordPartner) []views.WordPartner {
	out := make([]views.WordPartner, len(ps))
	for i, p := range ps {
		out[i] = views.WordPartner{Word: p.Word, X: p.X, P: p.P, PMIBits: p.PMI}
	}
	return out
}

// apiWordOut is the JSON of GET /api/corpora/:id/words/:word.
type apiWordOut struct {
	Word        string        `json:"word"`
	Count       int64         `json:"count"`
	Rank        int           `json:"rank"`
	Share       float64       `json:"share"`
	XW          float64       `json:"x_w"`
	Contexts    int           `json:"contexts"`
	EntropyBits float64       `json:"entropy_bits"`
	MIShare     float64       `json:"mi_share"`
	MinCount    float64       `json:"pmi_min_count"`
	Partners    []wordPartner `json:"partners"`
	PMIPartners []wordPartner `json:"pmi_partners"`
	Contrasts   []string      `json:"contrasts"`
	// ZipfRank is the word's rank among every type (the Zipf plot's).
	ZipfRank    int             `json:"zipf_rank"`
	Concordance *apiConcordance `json:"concordance"`
	// Run is the chosen (?run=) or newest run on the corpus; absent
	// without one.
	Run *apiWordRun `json:"run,omitempty"`
}

func (s *Server) apiWord(c echo.Context) error {
	req, err := s.word(c)
	if err != nil {
		return err
	}
	r := req.result
	out := apiWordOut{Word: r.word, Count: r.count, Rank: r.rank, Share: r.share,
		XW: r.profile.RowSum, Contexts: r.profile.Contexts, EntropyBits: r.profile.ContextEntropy,
		MIShare: r.profile.MIShare, MinCount: defaultPMIMin, Partners: r.partners, PMIPartners: r.pmiPartners,
		Contrasts: r.contrasts}
	if z := zipfMark(locale(c), req.corpusID, req.build, r.word); z != nil {
		out.ZipfRank = z.Rank
	}
	if _, res := s.concordanceView(c, req.corpus, req.build, r.word); res != nil {
		out.Concordance = apiConcordanceOf(res)
	}
	id, _ := req.build.Vocab.ID(r.word)
	p, err := s.runPanel(c, req.corpusID, req.build, id)
	if err != nil {
		return err
	}
	out.Run = apiWordRunOf(p, req.build)
	return c.JSON(http.StatusOK, out)
}
