package glove

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"

	"gonum.org/v1/gonum/mat"
)

// ErrBadModel reports a model file that cannot be read or whose shapes
// disagree.
var ErrBadModel = errors.New("bad GloVe model file")

// modelRecord is the gob layout of a model file: W and W̃ row-major
// (V×Dim), b and b̃ (V). The field names are those of the files written
// before Model was the one model type (spectrum.GloveParams), so those
// files still load: gob matches fields by name.
type modelRecord struct {
	Dim       int
	W, WTilde []float64
	B, BTilde []float64
}

// WriteModel writes m to w in the model-file format (gob) that ReadModel
// reads.
func WriteModel(w io.Writer, m *Model) error {
	v, d := m.Word.Dims()
	rec := modelRecord{Dim: d, W: make([]float64, 0, v*d), WTilde: make([]float64, 0, v*d),
		B: m.WordBias, BTilde: m.ContextBias}
	for i := range v {
		rec.W = append(rec.W, m.Word.RawRowView(i)...)
		rec.WTilde = append(rec.WTilde, m.Context.RawRowView(i)...)
	}
	return gob.NewEncoder(w).Encode(rec)
}

// ReadModel reads a model written by WriteModel. Errors wrap ErrBadModel.
func ReadModel(r io.Reader) (*Model, error) {
	var rec modelRecord
	if err := gob.NewDecoder(bufio.NewReader(r)).Decode(&rec); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	v := len(rec.B)
	if rec.Dim < 1 || v < 1 || len(rec.W) != v*rec.Dim || len(rec.WTilde) != len(rec.W) || len(rec.BTilde) != v {
		return nil, fmt.Errorf("%w: inconsistent shapes (dim %d, |W| %d, |W̃| %d, |b| %d, |b̃| %d)",
			ErrBadModel, rec.Dim, len(rec.W), len(rec.WTilde), len(rec.B), len(rec.BTilde))
	}
	return &Model{
		Word:        mat.NewDense(v, rec.Dim, rec.W),
		Context:     mat.NewDense(v, rec.Dim, rec.WTilde),
		WordBias:    rec.B,
		ContextBias: rec.BTilde,
	}, nil
}
