package handlers

// The catalogue pages (home, corpora, vector sets, about), the job list
// and the deletes, and small helpers every section's handlers share
// (fragmentError, isHTMX, fnum, isFinite).

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/demo"
	"github.com/gloveboard/gloveboard/internal/evalsets"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// jobListLimit is how many recent jobs the job list shows.
const jobListLimit = 15

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

func corpusRow(c store.Corpus) views.CorpusRow {
	return views.CorpusRow{
		ID: c.ID, Name: c.Name, Filename: c.Filename, Source: c.Source, Size: c.Size, SHA256: c.SHA256,
		Gzipped: c.Gzipped, Created: fmtTime(c.Created), Built: c.Stats.Built,
		Tokens: c.Stats.Tokens, Types: c.Stats.Types, VocabSize: c.Stats.VocabSize,
	}
}

func vectorRow(v store.VectorSet) views.VectorRow {
	return views.VectorRow{
		ID: v.ID, Name: v.Name, Filename: v.Filename, Source: v.Source, RunID: v.RunID, Size: v.Size,
		SHA256: v.SHA256, Count: v.Count, Dim: v.Dim, Created: fmtTime(v.Created),
	}
}

// kindKeys are the catalogue keys of the job kinds' titles (app.KindInfo
// titles are English, for logs and the CLI).
var kindKeys = map[app.Kind]string{
	app.KindBuild:    "frame.kind.build",
	app.KindTrain:    "frame.kind.train",
	app.KindMap:      "frame.kind.tsne",
	app.KindUMAP:     "frame.kind.umap",
	app.KindPCAMap:   "frame.kind.pca_map",
	app.KindAxisMap:  "frame.kind.axis_map",
	app.KindSpectrum: "frame.kind.spectrum",
	app.KindSVD:      "frame.kind.svd",
	app.KindAlign:    "frame.kind.align",
}

// kindTitle is the title of jobs of kind (as stored) in loc; a kind
// without a key is shown by its English title.
func kindTitle(loc views.Locale, kind string) string {
	if key, ok := kindKeys[app.Kind(kind)]; ok {
		return loc.T(key)
	}
	return app.Describe(kind).Title
}

func jobRow(loc views.Locale, j app.JobInfo) views.JobRow {
	target := ""
	if j.TargetID != 0 {
		target = loc.T("frame.jobs.target_item", j.TargetID)
	}
	return views.JobRow{
		ID: j.ID, Kind: kindTitle(loc, j.Kind), Target: target, Status: string(j.Status), Progress: j.Progress,
		Message: j.Message, Error: j.Error, Position: j.Position, Created: fmtTime(j.Created),
	}
}

// jobTargets names the targets of jobs and links them and the jobs'
// results, looking each corpus and vector set up once per list.
type jobTargets struct {
	s       *Server
	c       echo.Context
	corpora map[int64]*store.Corpus    // nil: deleted
	sets    map[int64]*store.VectorSet // nil: deleted
}

// describe sets the target's name and link, and the result's link, of row
// (job j). A deleted target is named as such and linked nowhere, and so
// is its result (it went with it).
func (t *jobTargets) describe(row *views.JobRow, j app.JobInfo) error {
	kind := app.Describe(j.Kind)
	done := j.Status == store.JobDone
	loc := locale(t.c)
	switch kind.Target {
	case "corpus":
		corp, err := t.corpus(j.TargetID)
		if err != nil || corp == nil {
			row.Target = loc.T("frame.jobs.deleted_corpus")
			return err
		}
		row.Target, row.TargetLink = loc.T("frame.jobs.target_corpus", loc.Name(corp.Name)), "/corpora/"+strconv.FormatInt(corp.ID, 10)
		switch {
		case !done:
		case j.Kind == string(app.KindBuild):
			row.Link = row.TargetLink
		case j.Kind == string(app.KindSpectrum):
			row.Link = fmt.Sprintf("/corpora/%d?spectrum=%d#corpus-spectrum", corp.ID, j.ID)
		case j.Kind == string(app.KindTrain):
			r, err := t.s.st.RunOfJob(ctx(t.c), j.ID)
			if errors.Is(err, store.ErrNotFound) {
				return nil
			}
			if err != nil {
				return err
			}
			row.Link = "/runs/" + strconv.FormatInt(r.ID, 10)
		}
	case "vector set":
		v, err := t.set(j.TargetID)
		if err != nil || v == nil {
			row.Target = loc.T("frame.jobs.deleted_vector_set")
			return err
		}
		row.Target, row.TargetLink = loc.T("frame.jobs.target_vector_set", loc.Name(v.Name)), "/vectors/"+strconv.FormatInt(v.ID, 10)+"/explore"
		if done && app.IsMapKind(j.Kind) {
			row.Link = mapPermalink(v.ID, j.ID)
		}
	}
	return nil
}

func (t *jobTargets) corpus(id int64) (*store.Corpus, error) {
	if c, ok := t.corpora[id]; ok {
		return c, nil
	}
	corp, err := t.s.st.Corpus(ctx(t.c), id)
	if errors.Is(err, store.ErrNotFound) {
		t.corpora[id] = nil
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	t.corpora[id] = &corp
	return &corp, nil
}

func (t *jobTargets) set(id int64) (*store.VectorSet, error) {
	if v, ok := t.sets[id]; ok {
		return v, nil
	}
	v, err := t.s.st.VectorSet(ctx(t.c), id)
	if errors.Is(err, store.ErrNotFound) {
		t.sets[id] = nil
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	t.sets[id] = &v
	return &v, nil
}

func (s *Server) corpusRows(c echo.Context) ([]views.CorpusRow, error) {
	cs, err := s.st.Corpora(ctx(c))
	if err != nil {
		return nil, err
	}
	rows := make([]views.CorpusRow, len(cs))
	for i, corp := range cs {
		rows[i] = corpusRow(corp)
	}
	return rows, nil
}

func (s *Server) vectorRows(c echo.Context) ([]views.VectorRow, error) {
	vs, err := s.st.VectorSets(ctx(c))
	if err != nil {
		return nil, err
	}
	rows := make([]views.VectorRow, len(vs))
	for i, v := range vs {
		rows[i] = vectorRow(v)
	}
	return rows, nil
}

func (s *Server) jobsModel(c echo.Context) (views.Jobs, error) {
	list, err := s.svc.Jobs(ctx(c), jobListLimit)
	if err != nil {
		return views.Jobs{}, err
	}
	m := views.Jobs{Workers: s.svc.Workers(), Rows: make([]views.JobRow, len(list))}
	targets := &jobTargets{s: s, c: c, corpora: map[int64]*store.Corpus{}, sets: map[int64]*store.VectorSet{}}
	for i, j := range list {
		m.Rows[i] = jobRow(locale(c), j)
		if err := targets.describe(&m.Rows[i], j); err != nil {
			return views.Jobs{}, err
		}
		if m.Rows[i].Active() {
			m.Poll = true
		}
	}
	return m, nil
}

func (s *Server) home(c echo.Context) error {
	cs, err := s.corpusRows(c)
	if err != nil {
		return err
	}
	vs, err := s.vectorRows(c)
	if err != nil {
		return err
	}
	js, err := s.jobsModel(c)
	if err != nil {
		return err
	}
	return s.ok(c, views.Home(views.HomeData{Page: s.page(c, locale(c).T("frame.title.home"), views.SectionHome), Corpora: cs, Vectors: vs, Jobs: js,
		Example: homeExample(cs), Examples: ratioExamples(cs)}))
}

// homeExample points to the ice/steam table of the demo corpus, if it
// is still there.
func homeExample(cs []views.CorpusRow) *views.HomeExample {
	for _, c := range cs {
		if c.Source == store.SourceDemo && c.Name == demo.CorpusName {
			page := "/corpora/" + strconv.FormatInt(c.ID, 10)
			return &views.HomeExample{CorpusName: c.Name, Built: c.Built, CorpusURL: page,
				RatioURL: page + "/ratio?i=ice&j=steam", WordURL: views.WordURL(c.ID, "solid")}
		}
	}
	return nil
}

func (s *Server) about(c echo.Context) error {
	return s.ok(c, views.About(views.AboutData{Page: s.page(c, locale(c).T("frame.title.about"), ""),
		WordNetLicense: demo.WordNetLicense, GloVeNotice: demo.GloVeNotice,
		AnalogyNotice: evalsets.AnalogyNotice, SimilarityLicense: evalsets.SimilarityLicense, MPLLicense: demo.MPLLicense}))
}

func (s *Server) corpora(c echo.Context) error {
	cs, err := s.corpusRows(c)
	if err != nil {
		return err
	}
	return s.ok(c, views.Corpora(views.CorporaData{Page: s.page(c, locale(c).T("corpus.list.title"), views.SectionCorpora), Corpora: cs, MaxUpload: s.maxUpload}))
}

func (s *Server) vectors(c echo.Context) error {
	vs, err := s.vectorRows(c)
	if err != nil {
		return err
	}
	return s.ok(c, views.Vectors(views.VectorsData{Page: s.page(c, locale(c).T("frame.title.vector_sets"), views.SectionExplore), Vectors: vs, MaxUpload: s.maxUpload}))
}

func (s *Server) vectorSet(c echo.Context) error {
	v, err := s.vectorSetOf(c)
	if err != nil {
		return err
	}
	return s.ok(c, views.VectorPage(views.VectorPageData{Page: s.page(c, locale(c).Name(v.Name), views.SectionExplore),
		Vectors: vectorRow(v), Duplicate: c.QueryParam("duplicate") == "1"}))
}

// jobList renders the job list fragment. htmx asks for it every second
// while jobs are active; once none is, it tells htmx to reload the page so
// that what the jobs produced (corpus statistics, new vector sets) shows.
func (s *Server) jobList(c echo.Context) error {
	js, err := s.jobsModel(c)
	if err != nil {
		return err
	}
	if c.Request().Header.Get("HX-Request") == "true" && !js.Poll {
		c.Response().Header().Set("HX-Refresh", "true")
	}
	return s.ok(c, views.JobList(js))
}

func (s *Server) cancelJob(c echo.Context) error {
	id, err := parseID(c, "job")
	if err != nil {
		return err
	}
	if err := s.svc.CancelJob(ctx(c), id); err != nil {
		return notFound(err, "job", id)
	}
	return s.jobList(c)
}

// deleteError says which job stands in the way of a refused delete
// (store.DeleteCorpus and DeleteVectorSet decide it in their
// transaction); other errors pass through notFound.
func deleteError(err error, noun string, id int64) error {
	var inUse *store.InUseError
	if errors.As(err, &inUse) {
		// One whole format per noun, so that the message can be
		// translated at display (views.Locale.Message).
		if noun == "vector set" {
			return public(ErrInUse, fmt.Sprintf("Job %d is working on this vector set. Cancel it or wait for it to finish first.", inUse.JobID))
		}
		return public(ErrInUse, fmt.Sprintf("Job %d is working on this corpus. Cancel it or wait for it to finish first.", inUse.JobID))
	}
	return notFound(err, noun, id)
}

func (s *Server) deleteCorpus(c echo.Context) error {
	id, err := parseID(c, "corpus")
	if err != nil {
		return err
	}
	if err := s.st.DeleteCorpus(ctx(c), id); err != nil {
		return deleteError(err, "corpus", id)
	}
	return c.Redirect(http.StatusSeeOther, "/corpora")
}

func (s *Server) deleteVectorSet(c echo.Context) error {
	id, err := parseID(c, "vector set")
	if err != nil {
		return err
	}
	if err := s.st.DeleteVectorSet(ctx(c), id); err != nil {
		return deleteError(err, "vector set", id)
	}
	return c.Redirect(http.StatusSeeOther, "/vectors")
}

// fnum formats v in the fewest digits that read back exactly (CSV cells,
// query strings, form values).
func fnum(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// isHTMX reports whether the request was sent by htmx (it then wants a
// fragment, errors included).
func isHTMX(c echo.Context) bool { return c.Request().Header.Get("HX-Request") == "true" }

// fragmentError renders err as a small message in place of a result, with
// the status of the central error table; htmx swaps it in (model.js).
func (s *Server) fragmentError(c echo.Context, err error) error {
	if clientGone(c) {
		c.Response().Status = StatusClientClosed
		return nil
	}
	status, msg := s.resolve(err)
	if status >= 500 {
		s.log.Error("request failed", "method", c.Request().Method, "path", c.Request().URL.Path, "err", err)
	}
	c.Response().Header().Set("X-Fragment-Error", "1")
	return s.render(c, status, views.FragmentError(locale(c).Message(msg)))
}

// isFinite reports whether v is neither NaN nor ±Inf.
func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
