// Package handlers is gloveboard's web layer: it parses requests, calls the
// application service (package app, through the interfaces in service.go),
// the catalogue for plain reads and the analysis packages for quick
// computations, builds view models and renders templ components from
// package views.
//
// One file a section: corpus.go (Corpora), ratios.go, training.go (Train),
// explore.go (Explore), uploads.go, pages.go (catalogue pages and shared
// helpers), downloads.go (the one downloads convention and every figure),
// api.go, api_corpus.go and api_model.go (the JSON twins); routes.go lists
// the routes, params.go the parameter parsers, errors.go the error table.
// docs/architecture.md traces requests through them.
//
// Adding a page: write a method on *Server in its section's file that
// parses its input (params.go), calls the service, converts the result to
// a views model and returns s.ok(c, views.Something(model)); register it
// in routes.go. Return errors instead of writing error responses: the single
// HTTPErrorHandler (errors.go) maps them to a status and a message through
// DefaultErrorMappings, a table of sentinel errors — add a row there for a
// new sentinel such as corpus.ErrEmptyCorpus. Wrap an error with public
// (or notFound) to give the user a more specific message; anything not in
// the table is a 500 whose details go to the log only, unless it carries an
// *apperr.Error with a code (the service's errors do). A form whose
// values were refused is the exception: it is shown again on its own page
// with the message and the values sent, with the status resolve gives
// (htmx forms answer a fragment marked X-Fragment-Error, see
// fragmentError; plain forms re-render their page, see trainFormError,
// buildFormError and uploadFormError); 5xx errors still go to the handler.
//
// Long work is a job of the service (app.Kind): the handler validates the
// request and calls a Submit or Start method of the service, which checks
// the memory budget and queues the job; the page then polls the job. The
// home page's job list shows every job with its progress and a Cancel
// button; app.Describe gives each kind a title and says what its target id
// refers to.
//
// Every request must name an allowed host (Config.AllowedHosts), and every
// state-changing request needs the CSRF token bound to its cookie
// (guard.go): htmx requests get it from hx-headers on <body>; plain forms
// carry it in a hidden _csrf field placed first (views.CSRFField), which
// the guard reads from the first part of a multipart upload without
// parsing the rest.
package handlers

import (
	"cmp"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/lru"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/static"
	"github.com/gloveboard/gloveboard/views"
)

// DefaultMaxUpload is the default upload limit: 512 MiB.
const DefaultMaxUpload = 512 << 20

// formBodyLimit caps request bodies other than uploads.
const formBodyLimit = 1 << 20

// Config holds the dependencies of the web layer.
type Config struct {
	// Service is the application service (app.Open); required.
	Service   Service
	MaxUpload int64        // bytes per uploaded file; DefaultMaxUpload when 0
	Logger    *slog.Logger // default: discard
	// ErrorMappings replaces DefaultErrorMappings when non-nil.
	ErrorMappings []ErrorMapping
	// AllowedHosts are the Host header values the server answers to; any
	// other is refused with 421 before a handler runs (DNS rebinding).
	// An entry with a port ("127.0.0.1:8080") matches exactly, one
	// without ("gloveboard.example.org") that name on any port. Empty:
	// LoopbackHosts() on any port. cmd/web passes the addresses it
	// listens as plus its -allowed-hosts.
	AllowedHosts []string
	// BodyIdleTimeout cuts a request body that sends nothing for this
	// long (DefaultBodyIdleTimeout when 0).
	BodyIdleTimeout time.Duration
	// MaxConcurrentUploads bounds the uploads received at once; more are
	// refused with 429 (DefaultMaxConcurrentUploads when 0).
	MaxConcurrentUploads int
	// ForceLocale, when set, serves every request in that locale whatever
	// its cookie or Accept-Language (tests render pages with
	// views.PseudoLocale to find text missing from the catalogue).
	ForceLocale *views.Locale
}

// Server holds the handlers' dependencies.
type Server struct {
	svc       Service
	st        *store.Store // the service's catalogue, for plain reads
	maxUpload int64
	log       *slog.Logger
	errTable  []ErrorMapping
	zipfs     *lru.LRU[zipfKey, *zipfResult]   // Zipf fits of recent builds (corpus.go)
	memo      *lru.LRU[string, *app.MapResult] // PCA and relation-axis maps (explore.go)
	hosts     hostSet                          // Host headers answered (guard.go)
	csrfKey   []byte                           // signs CSRF tokens (guard.go)
	bodyIdle  time.Duration                    // cut a body silent this long (guard.go)
	uploads   chan struct{}                    // a slot per upload being received (guard.go)
	locales   *locales                         // interface languages (i18n.go)
}

// New builds the echo instance serving the dashboard.
func New(cfg Config) (*echo.Echo, error) {
	if cfg.Service == nil {
		return nil, errors.New("handlers: Service is required")
	}
	s := &Server{svc: cfg.Service, st: cfg.Service.Store(), maxUpload: cfg.MaxUpload, log: cfg.Logger, errTable: cfg.ErrorMappings}
	if s.maxUpload <= 0 {
		s.maxUpload = DefaultMaxUpload
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.errTable == nil {
		s.errTable = DefaultErrorMappings()
	}
	s.zipfs = lru.New[zipfKey, *zipfResult](zipfMemoSize)
	s.memo = lru.New[string, *app.MapResult](maxMemo)
	s.hosts = newHostSet(cfg.AllowedHosts)
	s.bodyIdle = cmp.Or(cfg.BodyIdleTimeout, DefaultBodyIdleTimeout)
	s.uploads = make(chan struct{}, cmp.Or(cfg.MaxConcurrentUploads, DefaultMaxConcurrentUploads))
	key, err := loadCSRFKey(context.Background(), s.st)
	if err != nil {
		return nil, err
	}
	s.csrfKey = key
	s.locales = newLocales(cfg.ForceLocale)

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
	e.Use(s.localeMiddleware) // first, so that refusals below speak the page's language
	e.Use(s.hostGuard)
	e.Use(securityHeaders)
	e.Use(s.bodyGuard) // before anything reads a body (the CSRF check may)
	e.Use(middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{
		Limit:   strconv.Itoa(formBodyLimit) + "B",
		Skipper: isUpload,
	}))
	e.Use(s.csrfGuard)
	e.Pre(headAsGet)

	e.StaticFS("/static", static.FS)

	e.GET("/", s.home)
	e.GET("/healthz", s.health)
	e.GET("/about", s.about)
	e.GET("/lang/:lang", s.setLanguage)
	e.GET("/corpora", s.corpora)
	e.POST("/corpora", s.uploadCorpus)
	s.registerCorpusRoutes(e)
	e.POST("/corpora/:id/delete", s.deleteCorpus)
	e.GET("/vectors", s.vectors)
	e.POST("/vectors", s.uploadVectors)
	e.GET("/vectors/:id", s.vectorSet)
	e.POST("/vectors/:id/delete", s.deleteVectorSet)
	s.registerModelRoutes(e)
	s.registerCompareRoutes(e)
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
	return views.Page{Title: title, Section: section, CSRF: tok, Path: c.Request().URL.RequestURI()}
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
