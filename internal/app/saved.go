package app

// The saved results of a vector set (its maps) and of a corpus (its
// co-occurrence spectra), listed for their owner's page and the API.

import (
	"context"
	"errors"
	"math"
	"time"

	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/internal/store"
)

// SavedMap is a saved map as listed: its id (the job's), what it shows
// and how it was drawn.
type SavedMap struct {
	ID      int64
	Method  string // project.MethodPCA, MethodTSNE, MethodUMAP or MethodAxis
	Engine  string
	Words   int // points of the map
	Params  MapParams
	Trust   project.TrustworthinessResult
	Created time.Time
}

// SavedMaps lists the saved maps of vector set setID, newest first. A
// saved result that cannot be read is left out (and logged by
// loadResult).
func (s *Service) SavedMaps(ctx context.Context, setID int64) ([]SavedMap, error) {
	var out []SavedMap
	err := s.eachSavedMap(ctx, setID, func(m SavedMap, _ *MapResult) {
		out = append(out, m)
	})
	return out, err
}

// WordOnMap is where a word lies on one saved map: its coordinates and
// its group there ("" for none).
type WordOnMap struct {
	Map   SavedMap
	X, Y  float64
	Group string
}

// WordOnMaps returns word's place on every saved map of vector set setID
// that shows it, newest map first (none: an empty slice).
func (s *Service) WordOnMaps(ctx context.Context, setID int64, word string) ([]WordOnMap, error) {
	out := []WordOnMap{}
	err := s.eachSavedMap(ctx, setID, func(m SavedMap, res *MapResult) {
		for i, w := range res.Words {
			if w == word {
				out = append(out, WordOnMap{Map: m, X: res.Map.Points[2*i], Y: res.Map.Points[2*i+1], Group: res.Groups[i]})
				return
			}
		}
	})
	return out, err
}

// eachSavedMap calls fn with each readable saved map of vector set setID,
// newest first.
func (s *Service) eachSavedMap(ctx context.Context, setID int64, fn func(SavedMap, *MapResult)) error {
	rows, err := s.st.VectorSetResults(ctx, setID)
	if err != nil {
		return err
	}
	for _, r := range rows {
		info, err := s.MapJob(ctx, setID, r.JobID)
		if errors.Is(err, store.ErrNotFound) {
			continue // a result of another kind
		}
		if err != nil {
			return err
		}
		res, err := s.MapResultOf(ctx, info)
		if errors.Is(err, ErrResultGone) {
			continue
		}
		if err != nil {
			return err
		}
		fn(SavedMap{ID: r.JobID, Method: res.Map.Method, Engine: res.Map.Engine, Words: len(res.Words),
			Params: res.Params, Trust: res.Map.Trust, Created: r.Created}, res)
	}
	return nil
}

// SavedSpectrum is a saved co-occurrence spectrum as listed.
type SavedSpectrum struct {
	ID      int64 // the job's id
	Request SpectrumRequest
	Values  int     // singular values computed
	Beta    float64 // the power law's exponent (NaN without a fit)
	R2      float64
	Created time.Time
}

// SavedSpectra lists the saved co-occurrence spectra of corpus corpusID,
// newest first (unreadable ones left out, as in SavedMaps).
func (s *Service) SavedSpectra(ctx context.Context, corpusID int64) ([]SavedSpectrum, error) {
	rows, err := s.st.CorpusResults(ctx, corpusID)
	if err != nil {
		return nil, err
	}
	out := make([]SavedSpectrum, 0, len(rows))
	for _, r := range rows {
		_, res, err := s.CorpusSpectrumJob(ctx, corpusID, r.JobID)
		if errors.Is(err, store.ErrNotFound) || errors.Is(err, ErrResultGone) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if res == nil {
			continue
		}
		sp := SavedSpectrum{ID: r.JobID, Request: res.Request, Values: len(res.Values), Beta: math.NaN(), R2: math.NaN(), Created: r.Created}
		if res.FitError == "" {
			sp.Beta, sp.R2 = res.Fit.Beta, res.Fit.R2
		}
		out = append(out, sp)
	}
	return out, nil
}
