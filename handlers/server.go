// Package handlers is gloveboard's web layer: it parses requests, calls the
// store, the job manager and the analysis packages, builds view models and
// renders templ components from package views.
//
// Adding a page: write a method on *Server that parses its input (ids with
// parseID), calls the store or an analysis package, converts the result to
// a views model and returns s.ok(c, views.Something(model)); register it
// in New. Return errors instead of writing error responses: the single
// HTTPErrorHandler (errors.go) maps them to a status and a message through
// DefaultErrorMappings, a table of sentinel errors — add a row there for a
// new sentinel such as corpus.ErrEmptyCorpus. Wrap an error with public
// (or notFound) to give the user a more specific message; anything not in
// the table is a 500 whose details go to the log only. A form whose
// values were refused is the exception: it is shown again on its own page
// with the message and the values sent, with the status resolve gives
// (htmx forms answer a fragment marked X-Fragment-Error, see
// fragmentError; plain forms re-render their page, see trainFormError,
// buildFormError and uploadFormError); 5xx errors still go to the handler.
//
// Long work goes through the job manager:
//
//	job, err := s.jobs.Submit("build-corpus", corpusID, func(ctx context.Context, progress jobs.Progress) error {
//		progress(0.1, "tokenizing")
//		...
//		return ctx.Err() // when cancelled
//	})
//
// The home page's job list shows it with its progress and a Cancel button;
// describeJob (pages.go) gives each kind a title and says what its target
// id refers to.
//
// Every state-changing request needs the CSRF token: htmx requests get it
// from hx-headers on <body>; plain forms put it in the action's query
// (views.Page.action), because multipart bodies are streamed, not parsed.
package handlers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/gloveboard/gloveboard/internal/corpusbuild"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/static"
	"github.com/gloveboard/gloveboard/views"
)

// DefaultMaxUpload is the default upload limit: 512 MiB.
const DefaultMaxUpload = 512 << 20

// DefaultMemoryBudget is the default memory budget of one job: 4 GiB.
const DefaultMemoryBudget = 4 << 30

// formBodyLimit caps request bodies other than uploads.
const formBodyLimit = 1 << 20

// Config holds the dependencies of the web layer.
type Config struct {
	Store     *store.Store
	Jobs      *jobs.Manager
	MaxUpload int64 // bytes per uploaded file; DefaultMaxUpload when 0
	// MemoryBudget bounds the memory of one job in bytes (the
	// co-occurrence matrix and vocabulary of a build, the model of a
	// training run, a t-SNE map); jobs that would exceed it are refused
	// with a message saying what to change. DefaultMemoryBudget when 0.
	MemoryBudget int64
	Logger       *slog.Logger // default: discard
	// ErrorMappings replaces DefaultErrorMappings when non-nil.
	ErrorMappings []ErrorMapping
	// EvalDir holds the evaluation sets (analogy/questions-words.txt,
	// similarity/EN-*.txt) used to score training runs; "" for none.
	EvalDir string
}

// Server holds the handlers' dependencies.
type Server struct {
	st        *store.Store
	jobs      *jobs.Manager
	maxUpload int64
	budget    int64 // bytes a job may use (Config.MemoryBudget)
	log       *slog.Logger
	errTable  []ErrorMapping
	model     *modelState                             // Train and Explore pages (train_pages.go)
	builds    *corpusbuild.Cache                      // loaded corpus builds (corpus_pages.go)
	zipfs     zipfMemo                                // Zipf fits of recent builds (corpus_pages.go)
	cspectra  fifoCache[int64, *corpusSpectrumResult] // finished co-occurrence spectra (corpus_spectrum.go)
}

// New builds the echo instance serving the dashboard.
func New(cfg Config) (*echo.Echo, error) {
	if cfg.Store == nil || cfg.Jobs == nil {
		return nil, errors.New("handlers: Store and Jobs are required")
	}
	s := &Server{st: cfg.Store, jobs: cfg.Jobs, maxUpload: cfg.MaxUpload, log: cfg.Logger, errTable: cfg.ErrorMappings}
	if s.maxUpload <= 0 {
		s.maxUpload = DefaultMaxUpload
	}
	s.budget = cfg.MemoryBudget
	if s.budget <= 0 {
		s.budget = DefaultMemoryBudget
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.errTable == nil {
		s.errTable = DefaultErrorMappings()
	}
	s.builds = corpusbuild.NewCache(buildCacheSize)

	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = s.handleError

	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{DisableStackAll: true, DisablePrintStack: true,
		LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
			s.log.Error("panic in handler", "path", c.Request().URL.Path, "err", err, "stack", string(stack))
			return err
		}}))
	e.Use(middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogMethod: true, LogURIPath: true, LogStatus: true, LogLatency: true, HandleError: true,
		Skipper: func(c echo.Context) bool {
			// The job list polls every second; static files are noise.
			p := c.Request().URL.Path
			return p == "/jobs" || strings.HasPrefix(p, "/static/")
		},
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			// The path only: query strings may carry the CSRF token.
			s.log.Info("request", "method", v.Method, "path", v.URIPath, "status", v.Status, "latency", v.Latency)
			return nil
		},
	}))
	e.Use(securityHeaders)
	e.Use(middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{
		Limit:   strconv.Itoa(formBodyLimit) + "B",
		Skipper: isUpload,
	}))
	e.Use(middleware.CSRFWithConfig(middleware.CSRFConfig{
		TokenLookup:    "header:" + echo.HeaderXCSRFToken + ",query:_csrf",
		CookieName:     "_csrf",
		CookiePath:     "/",
		CookieHTTPOnly: true,
		CookieSameSite: http.SameSiteStrictMode,
		ErrorHandler: func(err error, c echo.Context) error {
			return fmt.Errorf("%v: %w", err, ErrCSRF)
		},
	}))

	e.StaticFS("/static", static.FS)

	e.GET("/", s.home)
	e.GET("/healthz", s.health)
	e.GET("/about", s.about)
	e.GET("/corpora", s.corpora)
	e.POST("/corpora", s.uploadCorpus)
	s.registerCorpusRoutes(e)
	e.POST("/corpora/:id/delete", s.deleteCorpus)
	e.GET("/vectors", s.vectors)
	e.POST("/vectors", s.uploadVectors)
	e.GET("/vectors/:id", s.vectorSet)
	e.POST("/vectors/:id/delete", s.deleteVectorSet)
	s.registerModelRoutes(e, cfg)
	e.GET("/jobs", s.jobList)
	e.POST("/jobs/:id/cancel", s.cancelJob)

	api := e.Group("/api")
	api.GET("/corpora", s.apiCorpora)
	api.GET("/corpora/:id", s.apiCorpus)
	api.GET("/vectors", s.apiVectors)
	api.GET("/vectors/:id", s.apiVectorSet)
	api.GET("/jobs", s.apiJobs)
	api.GET("/jobs/:id", s.apiJob)
	api.POST("/jobs/:id/cancel", s.apiCancelJob)
	return e, nil
}

func isUpload(c echo.Context) bool {
	if c.Request().Method != http.MethodPost {
		return false
	}
	p := c.Request().URL.Path
	return p == "/corpora" || p == "/vectors"
}

// contentSecurityPolicy allows only this origin's scripts and styles.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		return next(c)
	}
}

// page builds the layout model for the current request.
func (s *Server) page(c echo.Context, title, section string) views.Page {
	tok, _ := c.Get("csrf").(string)
	return views.Page{Title: title, Section: section, CSRF: tok}
}

// render writes component with status.
func (s *Server) render(c echo.Context, status int, comp templ.Component) error {
	c.Response().Header().Set(echo.HeaderContentType, echo.MIMETextHTMLCharsetUTF8)
	c.Response().WriteHeader(status)
	return comp.Render(c.Request().Context(), c.Response())
}

// ok renders component with status 200.
func (s *Server) ok(c echo.Context, comp templ.Component) error {
	return s.render(c, http.StatusOK, comp)
}

// parseID reads the path parameter id as the id of a what (params.go).
func parseID(c echo.Context, what string) (int64, error) { return idParam(c, "id", what) }

// ctx is the request context.
func ctx(c echo.Context) context.Context { return c.Request().Context() }

// health answers "ok" when the catalogue can be read (for scripts and
// process supervisors).
func (s *Server) health(c echo.Context) error {
	if _, err := s.st.Corpora(ctx(c)); err != nil {
		return err
	}
	return c.String(http.StatusOK, "ok\n")
}
