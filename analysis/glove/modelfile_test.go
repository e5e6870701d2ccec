package glove

import (
	"bytes"
	"encoding/gob"
	"errors"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestModelFileRoundTrip(t *testing.T) {
	m := &Model{
		Word:        mat.NewDense(3, 2, []float64{1, 2, 3, 4, 5, 6}),
		Context:     mat.NewDense(3, 2, []float64{-1, -2, -3, -4, -5, -6}),
		WordBias:    []float64{0.1, 0.2, 0.3},
		ContextBias: []float64{-0.1, -0.2, -0.3},
	}
	var buf bytes.Buffer
	if err := WriteModel(&buf, m); err != nil {
		t.Fatal(err)
	}
	got, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !mat.Equal(got.Word, m.Word) || !mat.Equal(got.Context, m.Context) ||
		!slices.Equal(got.WordBias, m.WordBias) || !slices.Equal(got.ContextBias, m.ContextBias) {
		t.Errorf("round trip changed the model")
	}
}

// TestReadModelOldFiles reads a file written with the type it replaces
// (spectrum.GloveParams, same fields), as the model.gob of existing runs.
func TestReadModelOldFiles(t *testing.T) {
	type GloveParams struct {
		Dim       int
		W, WTilde []float64
		B, BTilde []float64
	}
	old := GloveParams{Dim: 2, W: []float64{1, 2, 3, 4}, WTilde: []float64{5, 6, 7, 8}, B: []float64{9, 10}, BTilde: []float64{11, 12}}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(old); err != nil {
		t.Fatal(err)
	}
	m, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if m.VocabSize() != 2 || m.VectorSize() != 2 || m.Word.At(1, 0) != 3 || m.Context.At(0, 1) != 6 ||
		m.WordBias[1] != 10 || m.ContextBias[0] != 11 {
		t.Errorf("got W %v W̃ %v b %v b̃ %v", mat.Formatted(m.Word), mat.Formatted(m.Context), m.WordBias, m.ContextBias)
	}
}

func TestReadModelBad(t *testing.T) {
	type GloveParams struct {
		Dim       int
		W, WTilde []float64
		B, BTilde []float64
	}
	for name, in := range map[string][]byte{
		"not gob": []byte("hello"),
		"empty":   nil,
		"shapes": func() []byte {
			var buf bytes.Buffer
			_ = gob.NewEncoder(&buf).Encode(GloveParams{Dim: 2, W: []float64{1, 2, 3}, WTilde: []float64{1, 2, 3}, B: []float64{1}, BTilde: []float64{1}})
			return buf.Bytes()
		}(),
	} {
		if _, err := ReadModel(bytes.NewReader(in)); !errors.Is(err, ErrBadModel) {
			t.Errorf("%s: err = %v, want ErrBadModel", name, err)
		}
	}
}
