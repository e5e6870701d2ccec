package handlers

// The Word Embedding Association Test of a vector set: /vectors/:id/weat
// (the page, GET) and POST /api/vectors/:id/weat (JSON), one request type
// for both.

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/analysis/weat"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/views"
)

// maxWEATPermutations bounds the sampled partitions of one request.
const maxWEATPermutations = 1_000_000

// weatRequest is one test: the four word lists, permutations and seed;
// with a built-in test, its lists filtered to the vocabulary.
type weatRequest struct {
	sets    weat.Sets
	perms   int
	seed    uint64
	builtin *weat.Builtin
	dropped []string // words of the built-in test not in the vocabulary
}

// weatJSON is the JSON of the API: weat.Summary, the shape of `glove weat
// -json`, with the statistic, the seed and each target word's association.
type weatJSON struct {
	weat.Summary
	Statistic    float64            `json:"statistic"`
	Seed         uint64             `json:"seed"`
	Associations []weat.Association `json:"associations"`
}

// weatBody is the API's request body.
type weatBody struct {
	X            []string `json:"x"`
	Y            []string `json:"y"`
	A            []string `json:"a"`
	B            []string `json:"b"`
	Example      string   `json:"example,omitempty"`
	Permutations *int     `json:"permutations"`
	Seed         *uint64  `json:"seed"`
}

// fromBuiltin fills r from the built-in test name, keeping the words in
// set (or, for a capitalised word such as a name, its lower-case form).
func (r *weatRequest) fromBuiltin(name string, set *vectors.Set) error {
	b, ok := weat.BuiltinNamed(name)
	if !ok {
		var names []string
		for _, e := range weat.Builtins() {
			names = append(names, e.Name)
		}
		return public(ErrBadRequest, fmt.Sprintf("There is no built-in test “%s”; there are %s.", apperr.Quote(name), strings.Join(names, ", ")))
	}
	r.builtin = &b
	keep := func(list []string) []string {
		var out []string
		for _, w := range list {
			if _, ok := set.Index(w); ok {
				out = append(out, w)
			} else if low := strings.ToLower(w); low != w && hasWord(set, low) {
				out = append(out, low)
			} else {
				r.dropped = append(r.dropped, w)
			}
		}
		return out
	}
	r.sets = weat.Sets{X: keep(b.Sets.X), Y: keep(b.Sets.Y), A: keep(b.Sets.A), B: keep(b.Sets.B)}
	return nil
}

func hasWord(set *vectors.Set, w string) bool { _, ok := set.Index(w); return ok }

// parseWEATForm reads the page's query.
func parseWEATForm(c echo.Context, set *vectors.Set) (weatRequest, error) {
	var r weatRequest
	q := c.QueryParams()
	perms, err := wholeNumber(q.Get("permutations"), "The number of permutations", weat.DefaultPermutations, 1, maxWEATPermutations)
	if err != nil {
		return r, err
	}
	seed, err := wholeNumber(q.Get("seed"), "The seed", int64(1), 0, maxOf[int64]())
	if err != nil {
		return r, err
	}
	r.perms, r.seed = perms, uint64(seed)
	if name := q.Get("example"); name != "" && !q.Has("x") {
		return r, r.fromBuiltin(name, set)
	}
	lists := [4]*[]string{&r.sets.X, &r.sets.Y, &r.sets.A, &r.sets.B}
	for i, name := range []string{"x", "y", "a", "b"} {
		if *lists[i], err = splitWords(q.Get(name), "Set "+strings.ToUpper(name)); err != nil {
			return r, err
		}
	}
	return r, nil
}

// parseWEATBody reads the API's JSON body.
func parseWEATBody(c echo.Context, set *vectors.Set) (weatRequest, error) {
	var body weatBody
	dec := json.NewDecoder(http.MaxBytesReader(c.Response(), c.Request().Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&body); err != nil {
		return weatRequest{}, public(ErrBadRequest, `The body must be a JSON object such as {"x": ["rose"], "y": ["ant"], "a": ["love"], "b": ["filth"], "permutations": 100000, "seed": 1}; `+apperr.Quote(err.Error()))
	}
	r := weatRequest{perms: weat.DefaultPermutations, seed: 1}
	if body.Permutations != nil {
		if *body.Permutations < 1 || *body.Permutations > maxWEATPermutations {
			return r, public(ErrBadRequest, fmt.Sprintf("“permutations” must be a whole number from 1 to %s; %d is not.", views.Count(maxWEATPermutations), *body.Permutations))
		}
		r.perms = *body.Permutations
	}
	if body.Seed != nil {
		r.seed = *body.Seed
	}
	if body.Example != "" {
		if len(body.X)+len(body.Y)+len(body.A)+len(body.B) > 0 {
			return r, public(ErrBadRequest, "Give either a built-in example or the four word lists, not both.")
		}
		return r, r.fromBuiltin(body.Example, set)
	}
	r.sets = weat.Sets{X: body.X, Y: body.Y, A: body.A, B: body.B}
	return r, nil
}

// run checks the lists and runs the test.
func (r weatRequest) run(c echo.Context, set *vectors.Set) (*weat.Result, error) {
	names := []string{"X", "Y", "A", "B"}
	lists := [][]string{r.sets.X, r.sets.Y, r.sets.A, r.sets.B}
	for i, l := range lists {
		if len(l) == 0 {
			return nil, public(ErrBadRequest, fmt.Sprintf("Set %s is empty: the test needs target sets X and Y and attribute sets A and B.", names[i]))
		}
		if len(l) > maxPoleWords {
			return nil, public(ErrTooManyWords, fmt.Sprintf("Set %s has %d words; at most %d.", names[i], len(l), maxPoleWords))
		}
	}
	for i, l := range lists {
		known := 0
		for _, w := range l {
			if hasWord(set, w) {
				known++
			}
		}
		if need := 2 - i/2; known < need { // 2 for X and Y, 1 for A and B
			return nil, apperr.Wrap(weat.ErrTooFewWords, apperr.Unprocessable, fmt.Sprintf("Set %s has %d %s in this vector set; the test needs at least 2 target words in each of X and Y and 1 attribute word in each of A and B.",
				names[i], known, plural(known, "word", "words")))
		}
	}
	res, err := weat.Test(ctx(c), set, r.sets, weat.Options{Permutations: r.perms, Seed: r.seed})
	switch {
	case errors.Is(err, weat.ErrOverlap):
		msg := strings.TrimSuffix(err.Error(), ": "+weat.ErrOverlap.Error())
		return nil, apperr.Wrap(err, apperr.Invalid, "A word may not be in both target sets or both attribute sets: "+msg+".")
	case errors.Is(err, weat.ErrNoVariance):
		return nil, apperr.Wrap(err, apperr.Unprocessable, "Every target word has the same association s(w, A, B), so the effect size is undefined. Use more varied target words.")
	}
	return res, err
}

func (s *Server) weatPage(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	q := c.QueryParams()
	loc := locale(c)
	d := views.WEATData{Page: s.page(c, loc.T("compare.weat.page_title", loc.Name(v.Name)), views.SectionExplore), Set: vectorRow(v),
		X: q.Get("x"), Y: q.Get("y"), A: q.Get("a"), B: q.Get("b"), Permutations: q.Get("permutations"), Seed: q.Get("seed"), Example: q.Get("example")}
	for _, e := range weat.Builtins() {
		d.Examples = append(d.Examples, views.WEATExample{Name: e.Name, Title: builtinText(loc, e.Name, e.Title)})
	}
	if !q.Has("x") && !q.Has("example") {
		return s.ok(c, views.WEATPage(d))
	}
	fail := func(err error) error {
		return s.formError(c, err, func(msg string) templ.Component { d.Error = msg; return views.WEATPage(d) })
	}
	r, err := parseWEATForm(c, set)
	if err != nil {
		return fail(err)
	}
	if b := r.builtin; b != nil {
		d.X, d.Y, d.A, d.B = strings.Join(r.sets.X, " "), strings.Join(r.sets.Y, " "), strings.Join(r.sets.A, " "), strings.Join(r.sets.B, " ")
		d.XName, d.YName = builtinText(loc, b.XName, b.XName), builtinText(loc, b.YName, b.YName)
		d.AName, d.BName = builtinText(loc, b.AName, b.AName), builtinText(loc, b.BName, b.BName)
		title := builtinText(loc, b.Name, b.Title)
		total := int64(len(b.Sets.X) + len(b.Sets.Y) + len(b.Sets.A) + len(b.Sets.B))
		d.Note = loc.T("compare.weat.note_all", title, loc.Int(total))
		if len(r.dropped) > 0 {
			d.Note = loc.T("compare.weat.note_dropped", title, loc.Int(int64(len(r.dropped))), loc.Int(total), strings.Join(r.dropped, ", "))
		}
	}
	res, err := r.run(c, set)
	if err != nil {
		return fail(err)
	}
	d.Result = weatView(loc, v.ID, r, res)
	return s.ok(c, views.WEATPage(d))
}

func weatView(loc views.Locale, setID int64, r weatRequest, res *weat.Result) *views.WEATView {
	w := &views.WEATView{EffectSize: loc.Fixed(res.EffectSize, 4), PValue: views.PValue(loc, res.PValue),
		Statistic: loc.Fixed(res.Statistic, 4), Exact: res.Exact, Permutations: loc.Int(int64(res.Permutations)),
		Seed: strconv.FormatUint(r.seed, 10), Missing: res.Missing,
		Used: [4]int{len(res.Used.X), len(res.Used.Y), len(res.Used.A), len(res.Used.B)}}
	if r.builtin != nil {
		w.PaperEffect = loc.Fixed(r.builtin.PaperEffect, 2)
	}
	for _, a := range res.Associations {
		w.Associations = append(w.Associations, views.AssociationRow{Word: a.Word, Href: views.VectorWordURL(setID, a.Word), Target: a.Target, S: loc.Fixed(a.S, 4)})
	}
	perms, seed := r.perms, r.seed
	body, _ := json.Marshal(weatBody{X: r.sets.X, Y: r.sets.Y, A: r.sets.A, B: r.sets.B, Permutations: &perms, Seed: &seed})
	w.APIBody = string(body)
	return w
}

// builtinText is the catalogue text of a built-in test's title or of a
// word list's name (weat.Builtins writes them in English, for the CLI);
// a name with no key is shown as english.
func builtinText(loc views.Locale, name, english string) string {
	key := ""
	switch name {
	case "flowers-insects":
		key = "compare.weat.example.flowers_insects"
	case "instruments-weapons":
		key = "compare.weat.example.instruments_weapons"
	case "career-family":
		key = "compare.weat.example.career_family"
	case "math-arts":
		key = "compare.weat.example.math_arts"
	case "science-arts":
		key = "compare.weat.example.science_arts"
	case "flowers":
		key = "compare.weat.list.flowers"
	case "insects":
		key = "compare.weat.list.insects"
	case "instruments":
		key = "compare.weat.list.instruments"
	case "weapons":
		key = "compare.weat.list.weapons"
	case "pleasant":
		key = "compare.weat.list.pleasant"
	case "unpleasant":
		key = "compare.weat.list.unpleasant"
	case "male names":
		key = "compare.weat.list.male_names"
	case "female names":
		key = "compare.weat.list.female_names"
	case "career":
		key = "compare.weat.list.career"
	case "family":
		key = "compare.weat.list.family"
	case "math":
		key = "compare.weat.list.math"
	case "arts":
		key = "compare.weat.list.arts"
	case "male terms":
		key = "compare.weat.list.male_terms"
	case "female terms":
		key = "compare.weat.list.female_terms"
	case "science":
		key = "compare.weat.list.science"
	default:
		return english
	}
	return loc.T(key)
}

func (s *Server) apiWEAT(c echo.Context) error {
	_, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	r, err := parseWEATBody(c, set)
	if err != nil {
		return err
	}
	res, err := r.run(c, set)
	if err != nil {
		return err
	}
	sum := res.Summary()
	sum.Missing = append(append([]string{}, r.dropped...), sum.Missing...)
	return c.JSON(http.StatusOK, weatJSON{Summary: sum, Statistic: res.Statistic, Seed: r.seed, Associations: res.Associations})
}
