package handlers

// Resume and Retry of training runs, as buttons on the run page and as
// JSON twins. The service decides whether a run can be resumed and says
// why not (a Conflict); these handlers only parse, call and redirect.

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// registerRunControlRoutes adds Resume and Retry.
func (s *Server) registerRunControlRoutes(e *echo.Echo) {
	e.POST("/runs/:id/resume", s.resumeRun)
	e.POST("/runs/:id/retry", s.retryRun)
	e.POST("/api/runs/:id/resume", s.apiResumeRun)
	e.POST("/api/runs/:id/retry", s.apiRetryRun)
}

// runActions says which of Resume and Retry run r offers, and why a
// stopped GloVe run cannot be resumed.
func (s *Server) runActions(r app.Run) views.RunActions {
	var a views.RunActions
	if r.Status == store.RunRunning {
		return a
	}
	a.Retry = r.CorpusID != 0
	if r.Status != store.RunCancelled && r.Status != store.RunInterrupted {
		return a
	}
	epoch, err := s.svc.Resumable(r)
	var ae *apperr.Error
	switch {
	case err == nil:
		a.Resume, a.ResumeEpoch = true, epoch
	case errors.As(err, &ae):
		a.ResumeNote = ae.Message
	default:
		a.ResumeNote = "The checkpoint of this run could not be read; see the server log."
	}
	return a
}

func (s *Server) resumeRun(c echo.Context) error {
	id, err := parseID(c, "training run")
	if err != nil {
		return err
	}
	r, _, err := s.svc.ResumeRun(ctx(c), id)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/runs/"+strconv.FormatInt(r.ID, 10))
}

func (s *Server) retryRun(c echo.Context) error {
	id, err := parseID(c, "training run")
	if err != nil {
		return err
	}
	r, _, err := s.svc.RetryRun(ctx(c), id)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/runs/"+strconv.FormatInt(r.ID, 10))
}

// apiRunStarted is the answer of a request that queued a run's job.
func apiRunStarted(c echo.Context, r app.Run, job store.Job) error {
	return c.JSON(http.StatusAccepted, map[string]any{
		"run_id": r.ID, "job_id": job.ID,
		"url": "/api/runs/" + strconv.FormatInt(r.ID, 10), "page": "/runs/" + strconv.FormatInt(r.ID, 10),
	})
}

func (s *Server) apiResumeRun(c echo.Context) error {
	id, err := parseID(c, "training run")
	if err != nil {
		return err
	}
	r, job, err := s.svc.ResumeRun(ctx(c), id)
	if err != nil {
		return err
	}
	return apiRunStarted(c, r, job)
}

func (s *Server) apiRetryRun(c echo.Context) error {
	id, err := parseID(c, "training run")
	if err != nil {
		return err
	}
	r, job, err := s.svc.RetryRun(ctx(c), id)
	if err != nil {
		return err
	}
	return apiRunStarted(c, r, job)
}
