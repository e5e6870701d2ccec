package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/glove"
	"github.com/gloveboard/gloveboard/analysis/plot"
	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/analysis/ratio"
	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/analysis/wordgroups"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// Errors raised by the handlers themselves.
var (
	// ErrBadRequest marks malformed input (bad form, bad id, wrong file).
	ErrBadRequest = errors.New("bad request")
	// ErrInUse marks a request to delete something a job is working on.
	ErrInUse = app.ErrInUse
	// ErrCSRF marks a state-changing request without a valid CSRF token.
	ErrCSRF = errors.New("missing or invalid CSRF token")
	// ErrOverBudget marks a job refused up front because it would need
	// more memory than the service's memory budget.
	ErrOverBudget = app.ErrOverBudget
)

// ErrorMapping maps a sentinel error (matched with errors.Is) to an HTTP
// status and the message users see. When the error chain holds an
// *apperr.Error with a message (see public), that message is shown
// instead.
type ErrorMapping struct {
	Err     error
	Status  int
	Message string
}

// public returns an error showing msg to the user, with the status of err
// (its row in the table, or its apperr code). msg must never contain file
// paths or internal details.
func public(err error, msg string) error { return apperr.Wrap(err, apperr.CodeOf(err), msg) }

// notFound gives a store.ErrNotFound a message naming what was missing;
// other errors pass unchanged.
func notFound(err error, noun string, id int64) error { return app.NotFound(err, noun, id) }

// DefaultErrorMappings is the error table used by New. To give a new
// sentinel error (for example corpus.ErrEmptyCorpus) its own status and
// message, add a row here; the first matching row wins.
func DefaultErrorMappings() []ErrorMapping {
	return []ErrorMapping{
		{ErrMisdirected, http.StatusMisdirectedRequest, "This server does not answer to that host name."},
		{ErrBodyStalled, http.StatusRequestTimeout, "The request sent nothing for too long, so the server stopped waiting for it. Please try again."},
		{ErrTooManyUploads, http.StatusTooManyRequests, "Too many uploads are being received right now. Try again in a moment."},
		{ErrCSRF, http.StatusForbidden, "This request was refused because its security token is missing or out of date. Reload the page and try again."},
		{ErrBadRequest, http.StatusBadRequest, "The request could not be understood."},
		{store.ErrNotFound, http.StatusNotFound, "There is nothing with that id. It may have been deleted."},
		{store.ErrTooLarge, http.StatusRequestEntityTooLarge, "The file is too large."},
		{store.ErrEmptyUpload, http.StatusBadRequest, "The file is empty."},
		{store.ErrInvalid, http.StatusBadRequest, "Some of the values given are not usable."},
		{vectors.ErrNotText, http.StatusBadRequest, "That file is not a word-vector text file."},
		{ErrOverBudget, http.StatusUnprocessableEntity, "This would need more memory than the server allows for one job."},
		{cooccur.ErrMatrixTooLarge, http.StatusUnprocessableEntity, "The co-occurrence matrix is larger than the memory budget allows: raise the minimum count or set a maximum vocabulary."},
		{ErrInUse, http.StatusConflict, "A job is working on this. Cancel it or wait for it to finish first."},
		{app.ErrJobFinished, http.StatusConflict, "That job has already finished."},
		{app.ErrQueueFull, http.StatusServiceUnavailable, "Too many jobs are waiting. Try again when some have finished."},
		{app.ErrClosed, http.StatusServiceUnavailable, "The server is shutting down."},
		// Corpus builds, ratios and plots (corpus.go, ratios.go).
		{app.ErrNotBuilt, http.StatusConflict, "This corpus has not been built yet. Open its page and build its co-occurrence statistics first."},
		{ratio.ErrUnknownWord, http.StatusUnprocessableEntity, "That word is not in this corpus's vocabulary."},
		{ratio.ErrSameWord, http.StatusUnprocessableEntity, "The words i and j must be different."},
		{ratio.ErrNoCooccurrence, http.StatusUnprocessableEntity, "That word never occurs near any other word in this corpus."},
		{ratio.ErrNoProbes, http.StatusBadRequest, "Give at least one probe word k."},
		{ratio.ErrBadOptions, http.StatusBadRequest, "The ratio options are not usable: smoothing and thresholds must be numbers of at least 0."},
		{corpus.ErrEmptyCorpus, http.StatusUnprocessableEntity, "The corpus contains no words (with these settings nothing is left to count)."},
		{corpus.ErrBinary, http.StatusUnprocessableEntity, "The corpus looks like a binary file, not text."},
		{corpus.ErrUTF16, http.StatusUnprocessableEntity, "The corpus is UTF-16 text; convert it to UTF-8 and upload it again."},
		{corpus.ErrCorruptGzip, http.StatusUnprocessableEntity, "The corpus's gzip data is truncated or damaged."},
		{corpus.ErrBadTokenizer, http.StatusBadRequest, "The tokenizer must be “words” or “whitespace”."},
		{corpus.ErrVocabularyTooLarge, http.StatusUnprocessableEntity, "The corpus has too many distinct words; set a maximum vocabulary or a higher minimum count."},
		{cooccur.ErrBadOptions, http.StatusBadRequest, "The build settings are not usable: check the window (1–255), minimum count (at least 1) and maximum vocabulary."},
		{plot.ErrNoData, http.StatusUnprocessableEntity, "There is nothing to plot."},
		// Training, exploring and maps (training.go, explore.go).
		{glove.ErrInvalidOptions, http.StatusBadRequest, "The training settings are not usable: check the vector size, epochs, x_max (> 0), α (≥ 0) and η (> 0)."},
		{glove.ErrDiverged, http.StatusUnprocessableEntity, "The training diverged: its cost became NaN or infinite or grew without bound. Lower the learning rate η."},
		{glove.ErrNoCooccurrences, http.StatusUnprocessableEntity, "This corpus has no co-occurrences to train on."},
		{vectors.ErrUnknownWord, http.StatusUnprocessableEntity, "That word is not in this vector set."},
		{vectors.ErrTooFewWords, http.StatusBadRequest, "Give at least three words."},
		{vectors.ErrNonFinite, http.StatusUnprocessableEntity, "This vector set holds values that are not finite numbers, so it cannot be explored."},
		{vectors.ErrNotNumber, http.StatusUnprocessableEntity, "This vector file could not be read: a value is not a number."},
		{vectors.ErrRaggedRow, http.StatusUnprocessableEntity, "This vector file could not be read: its rows have different lengths."},
		{vectors.ErrEmpty, http.StatusUnprocessableEntity, "This vector file holds no vectors."},
		{vectors.ErrBlankLine, http.StatusUnprocessableEntity, "This vector file could not be read: it has a blank line between vector rows."},
		{vectors.ErrHeaderMismatch, http.StatusUnprocessableEntity, "This vector file could not be read: its header does not match its rows."},
		{vectors.ErrTruncated, http.StatusUnprocessableEntity, "This vector file could not be read: it ends in the middle of a vector."},
		{vectors.ErrDuplicateWord, http.StatusUnprocessableEntity, "This vector file lists a word twice."},
		{project.ErrPerplexityTooLarge, http.StatusBadRequest, "The perplexity must be smaller than the number of words minus one."},
		{project.ErrTooFewPoints, http.StatusBadRequest, "Too few words to draw a map: give at least 4 that are in the vector set."},
		{project.ErrTooManyPointsExact, http.StatusBadRequest, "Too many words for the exact t-SNE engine."},
		{project.ErrUnknownMethod, http.StatusBadRequest, "The map method must be pca, tsne, umap or axis."},
		{project.ErrTooManyPoints, http.StatusBadRequest, "Too many words for this map method: t-SNE and UMAP maps take at most 20,000."},
		{project.ErrBadUMAPOptions, http.StatusBadRequest, "The UMAP parameters are out of range: 2 or more neighbours (at most the number of words) and min_dist from 0 to 1."},
		{app.ErrBadMapRequest, http.StatusBadRequest, "This map cannot be drawn as asked: check the source, the number of words and the method's parameters."},
		{project.ErrNoPairs, http.StatusUnprocessableEntity, "A relation-axis map needs at least one word pair whose two words are both on the map."},
		{ErrTooManyWords, http.StatusBadRequest, "Too many words for this map."},
		{ErrNeedsPost, http.StatusMethodNotAllowed, "This request starts a job, so it must be sent as POST."},
		{app.ErrResultGone, http.StatusGone, "This result is no longer held by the server. Compute it again."},
		{app.ErrSpectrumTooLarge, http.StatusUnprocessableEntity, "A spectrum can use at most the 50,000 most frequent words."},
		{wordgroups.ErrBadLine, http.StatusBadRequest, "The word list could not be read: write one word a line, optionally followed by a group."},
		{spectrum.ErrTooFewVectors, http.StatusUnprocessableEntity, "A spectrum needs at least two vectors."},
		{spectrum.ErrFitRange, http.StatusUnprocessableEntity, "Too few eigenvalues to fit a power law."},
		{spectrum.ErrNonPositive, http.StatusUnprocessableEntity, "The spectrum has non-positive eigenvalues where a power law was to be fitted."},
		{app.ErrModelMissing, http.StatusNotFound, "This run has no saved model: it did not finish."},
		{app.ErrModelMismatch, http.StatusConflict, "The corpus was rebuilt since this run, so its model no longer matches the counts."},
		{plot.ErrFormat, http.StatusBadRequest, "Plots can be had as png, svg or csv."},
	}
}

// httpMessages are the messages for HTTP errors raised by echo itself
// (unknown route, wrong method, body too large).
var httpMessages = map[int]string{
	http.StatusNotFound:              "There is no page at this address.",
	http.StatusMethodNotAllowed:      "This address does not accept that kind of request.",
	http.StatusRequestEntityTooLarge: "The request is too large.",
	http.StatusForbidden:             "This request was refused.",
}

const internalMessage = "Something went wrong on the server. The details are in the server log."

// codeStatus is the HTTP status of each apperr code.
var codeStatus = map[apperr.Code]int{
	apperr.Invalid:       http.StatusBadRequest,
	apperr.NotFound:      http.StatusNotFound,
	apperr.Conflict:      http.StatusConflict,
	apperr.Unprocessable: http.StatusUnprocessableEntity,
	apperr.TooLarge:      http.StatusRequestEntityTooLarge,
	apperr.Gone:          http.StatusGone,
	apperr.Unavailable:   http.StatusServiceUnavailable,
	apperr.DiskFull:      http.StatusInsufficientStorage,
}

// resolve finds the status and user message for err: the first row of
// the table whose sentinel err wraps, else err's apperr code; the message
// is err's own (apperr) when it has one, else the row's.
//
// A full (or read-only) disk anywhere in err's chain wins over every row:
// store.DiskFullError gives it code apperr.DiskFull (507) and the message
// with the space left, whatever the request was doing.
func (s *Server) resolve(err error) (int, string) {
	err = s.st.DiskFullError(err)
	msg, hasMsg := apperr.MessageOf(err)
	for _, m := range s.errTable {
		if errors.Is(err, m.Err) {
			if hasMsg {
				return m.Status, msg
			}
			return m.Status, m.Message
		}
	}
	if status, ok := codeStatus[apperr.CodeOf(err)]; ok {
		if !hasMsg {
			msg = http.StatusText(status)
		}
		return status, msg
	}
	var he *echo.HTTPError
	if errors.As(err, &he) {
		if he.Code == http.StatusRequestEntityTooLarge {
			return he.Code, s.tooLargeMessage()
		}
		if msg, ok := httpMessages[he.Code]; ok {
			return he.Code, msg
		}
		if he.Code >= 400 && he.Code < 500 {
			return he.Code, http.StatusText(he.Code)
		}
		return http.StatusInternalServerError, internalMessage
	}
	return http.StatusInternalServerError, internalMessage
}

func (s *Server) tooLargeMessage() string {
	return fmt.Sprintf("The file is larger than the upload limit of %s.", views.Bytes(s.maxUpload))
}

// handleError is echo's HTTPErrorHandler: JSON for /api, an HTML error
// page otherwise. Internal errors are logged, never shown.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	if clientGone(c) {
		// The client went away (its request's context ends with the
		// connection): nobody reads an answer, and nothing failed on
		// our side. The request log shows 499, nginx's "client closed
		// request", instead of a 500 and an ERROR line.
		c.Response().Status = StatusClientClosed
		return
	}
	status, msg := s.resolve(err)
	if status >= 500 {
		s.log.Error("request failed", "method", c.Request().Method, "path", c.Request().URL.Path, "err", err)
	}
	var werr error
	switch {
	case c.Request().Method == http.MethodHead:
		werr = c.NoContent(status)
	case strings.HasPrefix(c.Request().URL.Path, "/api/"):
		werr = c.JSON(status, map[string]any{"error": msg, "status": status})
	default:
		werr = s.render(c, status, views.Error(views.ErrorData{
			Page:    s.page(c, locale(c).T("frame.error.title"), ""),
			Status:  status,
			Heading: headingFor(status),
			Message: msg,
		}))
	}
	if werr != nil {
		s.log.Error("writing error response", "err", werr)
	}
}

// headingFor returns the catalogue key of the error page's heading for
// status.
func headingFor(status int) string {
	switch status {
	case http.StatusNotFound:
		return "frame.error.not_found"
	case http.StatusRequestEntityTooLarge:
		return "frame.error.too_large"
	case http.StatusForbidden:
		return "frame.error.refused"
	case http.StatusConflict:
		return "frame.error.conflict"
	case http.StatusInsufficientStorage:
		return "frame.error.disk_full"
	}
	if status >= 500 {
		return "frame.error.server"
	}
	return "frame.error.cannot"
}
