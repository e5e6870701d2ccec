package handlers

// Evaluation sets users bring (word-similarity files: plain pairs,
// ViSim-400, ViCon): the upload form of the Explore page's evaluation
// card posts to /evalsets; the card shows every vector set's scores on
// them beside the built-in sets. JSON: GET and POST /api/evalsets.

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/evaluate"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/views"
)

// addEvalSet reads the multipart upload's name and file and keeps the
// set.
func (s *Server) addEvalSet(c echo.Context) (app.UserEvalSet, error) {
	fh, err := c.FormFile("file")
	if err != nil {
		if errors.Is(err, http.ErrMissingFile) || strings.Contains(err.Error(), "no multipart") || errors.Is(err, http.ErrNotMultipart) {
			return app.UserEvalSet{}, public(ErrBadRequest, "Choose an evaluation file to upload (a multipart form with a “file” field).")
		}
		return app.UserEvalSet{}, public(ErrBadRequest, fmt.Sprintf("The upload could not be read: send the evaluation file as multipart/form-data, at most %s.", views.Bytes(int64(app.MaxEvalSetBytes))))
	}
	f, err := fh.Open()
	if err != nil {
		return app.UserEvalSet{}, err
	}
	defer f.Close()
	name := c.FormValue("name")
	if len(name) > maxFieldLen {
		return app.UserEvalSet{}, public(ErrBadRequest, fmt.Sprintf("The name must be at most %d bytes.", maxFieldLen))
	}
	return s.svc.AddEvalSet(name, fh.Filename, f)
}

// uploadEvalSet answers the Explore page's form: back to the vector set's
// evaluation card (or the Explore list) once the set is kept.
func (s *Server) uploadEvalSet(c echo.Context) error {
	if _, err := s.addEvalSet(c); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, evalSetReturn(c))
}

// deleteEvalSet removes an uploaded set and goes back like uploadEvalSet.
func (s *Server) deleteEvalSet(c echo.Context) error {
	if err := s.svc.DeleteEvalSet(c.Param("id")); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, evalSetReturn(c))
}

// evalSetReturn is where a form about uploaded sets goes back to: the
// evaluation card of the vector set of the field "set", or /explore.
func evalSetReturn(c echo.Context) string {
	if id, err := parseIDText(strings.TrimSpace(c.FormValue("set")), "vector set"); err == nil {
		return fmt.Sprintf("/vectors/%d/explore#set-evaluation", id)
	}
	return "/explore"
}

// uploadedEvals scores set on the uploaded sets for the evaluation card.
func (s *Server) uploadedEvals(c echo.Context, setID int64, set *vectors.Set) views.UploadedEvals {
	loc := locale(c)
	up := views.UploadedEvals{Page: s.page(c, "", ""), SetID: setID, MaxBytes: app.MaxEvalSetBytes}
	scores, err := s.svc.ScoreUserEvalSets(set)
	if err != nil {
		s.log.Error("scoring uploaded evaluation sets", "err", err)
		up.Note = loc.T("explore.evalsets.unreadable")
		return up
	}
	for _, sc := range scores {
		up.Rows = append(up.Rows, views.UploadedEvalRow{ID: sc.ID, Name: sc.Name, Format: evalFormatName(loc, sc.Format),
			TooFew: sc.Pairs < minSimilarityPairs, Spearman: sc.Spearman, AUC: sc.AUC, Pairs: sc.Pairs, Total: sc.Total})
	}
	return up
}

// evalFormatName names an evaluation file format in loc's language.
func evalFormatName(loc views.Locale, f evaluate.SetFormat) string {
	switch f {
	case evaluate.FormatViSim:
		return loc.T("explore.evalsets.format_visim")
	case evaluate.FormatViCon:
		return loc.T("explore.evalsets.format_vicon")
	case evaluate.FormatPairs:
		return loc.T("explore.evalsets.format_pairs")
	}
	return f.String()
}

// apiEvalSet is an uploaded set in JSON.
type apiEvalSet struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Format string `json:"format"`
	Pairs  int    `json:"pairs"`
}

func toAPIEvalSet(u app.UserEvalSet) apiEvalSet {
	return apiEvalSet{ID: u.ID, Name: u.Name, Format: u.Format.String(), Pairs: len(u.Pairs)}
}

// apiUploadEvalSet is POST /api/evalsets (multipart name, file): 201 and
// the set.
func (s *Server) apiUploadEvalSet(c echo.Context) error {
	u, err := s.addEvalSet(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, toAPIEvalSet(u))
}

// apiEvalSets is GET /api/evalsets: the uploaded sets.
func (s *Server) apiEvalSets(c echo.Context) error {
	sets, err := s.svc.UserEvalSets()
	if err != nil {
		return err
	}
	out := make([]apiEvalSet, len(sets))
	for i, u := range sets {
		out[i] = toAPIEvalSet(u)
	}
	return c.JSON(http.StatusOK, out)
}
