package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/store"
)

// JSON shapes of the /api endpoints. Field names are part of the API.
type apiCorpus struct {
	ID       int64             `json:"id"`
	Name     string            `json:"name"`
	Filename string            `json:"filename"`
	Source   string            `json:"source"`
	Size     int64             `json:"size"`
	SHA256   string            `json:"sha256"`
	Gzipped  bool              `json:"gzipped"`
	Created  time.Time         `json:"created"`
	Stats    store.CorpusStats `json:"stats"`
}

type apiVectorSet struct {
	ID       int64     `json:"id"`
	Name     string    `json:"name"`
	Source   string    `json:"source"`
	RunID    int64     `json:"run_id,omitempty"`
	Filename string    `json:"filename"`
	Size     int64     `json:"size"`
	SHA256   string    `json:"sha256"`
	Count    int       `json:"count"`
	Dim      int       `json:"dim"`
	Created  time.Time `json:"created"`
}

type apiJob struct {
	ID       int64      `json:"id"`
	Kind     string     `json:"kind"`
	TargetID int64      `json:"target_id"`
	Status   string     `json:"status"`
	Progress float64    `json:"progress"`
	Message  string     `json:"message,omitempty"`
	Error    string     `json:"error,omitempty"`
	Position int        `json:"queue_position,omitempty"`
	Created  time.Time  `json:"created"`
	Started  *time.Time `json:"started,omitempty"`
	Finished *time.Time `json:"finished,omitempty"`
}

func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func toAPIJob(j app.JobInfo) apiJob {
	return apiJob{ID: j.ID, Kind: j.Kind, TargetID: j.TargetID, Status: string(j.Status), Progress: j.Progress,
		Message: j.Message, Error: j.Error, Position: j.Position, Created: j.Created,
		Started: optTime(j.Started), Finished: optTime(j.Finished)}
}

func toAPICorpus(x store.Corpus) apiCorpus {
	return apiCorpus{ID: x.ID, Name: x.Name, Filename: x.Filename, Source: x.Source, Size: x.Size,
		SHA256: x.SHA256, Gzipped: x.Gzipped, Created: x.Created, Stats: x.Stats}
}

func toAPIVectorSet(v store.VectorSet) apiVectorSet {
	return apiVectorSet{ID: v.ID, Name: v.Name, Source: v.Source, RunID: v.RunID, Filename: v.Filename,
		Size: v.Size, SHA256: v.SHA256, Count: v.Count, Dim: v.Dim, Created: v.Created}
}

func (s *Server) apiCorpora(c echo.Context) error {
	cs, err := s.st.Corpora(ctx(c))
	if err != nil {
		return err
	}
	out := make([]apiCorpus, len(cs))
	for i, x := range cs {
		out[i] = toAPICorpus(x)
	}
	return c.JSON(http.StatusOK, out)
}

func (s *Server) apiCorpus(c echo.Context) error {
	id, err := parseID(c, "corpus")
	if err != nil {
		return err
	}
	x, err := s.st.Corpus(ctx(c), id)
	if err != nil {
		return notFound(err, "corpus", id)
	}
	return c.JSON(http.StatusOK, toAPICorpus(x))
}

func (s *Server) apiVectors(c echo.Context) error {
	vs, err := s.st.VectorSets(ctx(c))
	if err != nil {
		return err
	}
	out := make([]apiVectorSet, len(vs))
	for i, v := range vs {
		out[i] = toAPIVectorSet(v)
	}
	return c.JSON(http.StatusOK, out)
}

func (s *Server) apiVectorSet(c echo.Context) error {
	id, err := parseID(c, "vector set")
	if err != nil {
		return err
	}
	v, err := s.st.VectorSet(ctx(c), id)
	if err != nil {
		return notFound(err, "vector set", id)
	}
	return c.JSON(http.StatusOK, toAPIVectorSet(v))
}

func (s *Server) apiJobs(c echo.Context) error {
	list, err := s.svc.Jobs(ctx(c), 100)
	if err != nil {
		return err
	}
	out := make([]apiJob, len(list))
	for i, j := range list {
		out[i] = toAPIJob(j)
	}
	return c.JSON(http.StatusOK, out)
}

func (s *Server) apiJob(c echo.Context) error {
	id, err := parseID(c, "job")
	if err != nil {
		return err
	}
	j, err := s.svc.Job(ctx(c), id)
	if err != nil {
		return notFound(err, "job", id)
	}
	return c.JSON(http.StatusOK, toAPIJob(j))
}

func (s *Server) apiCancelJob(c echo.Context) error {
	id, err := parseID(c, "job")
	if err != nil {
		return err
	}
	if err := s.svc.CancelJob(ctx(c), id); err != nil {
		return notFound(err, "job", id)
	}
	j, err := s.svc.Job(ctx(c), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, toAPIJob(j))
}
