package app

// What the word page needs beyond the build: the word's lines in the
// corpus file (a concordance, read with a budget) and, for the runs
// trained on the corpus, their models and vectors, loaded once into the
// service's caches.

import (
	"context"
	"fmt"
	"os"

	"github.com/gloveboard/gloveboard/analysis/concord"
	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/glove"
	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/runs"
	"github.com/gloveboard/gloveboard/internal/store"
)

// Concordance reading budgets, in decoded bytes: a plain corpus file is
// read up to 64 MiB (about 0.1 s for 36 MB of prose), a gzip one up to
// 8 MiB, since decompressing costs about five times as much.
const (
	ConcordancePlainBytes = 64 << 20
	ConcordanceGzipBytes  = 8 << 20
)

// Concordance is a word's first lines in a corpus.
type Concordance = concord.Result

// Concordance returns the first concord.DefaultMaxLines occurrences of
// word (normalised like the build's tokens) in corpus c built as b, with
// the build's windows, reading at most ConcordancePlainBytes (or
// ConcordanceGzipBytes of a gzip file). A build with phrases has its
// saved phrase model (phrases.tsv) applied to the lines, so that a
// phrase word (văn_bản) is found as the build counted it. Results are
// kept per build and word.
func (s *Service) Concordance(ctx context.Context, c store.Corpus, b *Build, word string) (*Concordance, error) {
	set := b.Summary.Settings
	tok, err := corpus.ParseTokenizer(set.Tokenizer)
	if err != nil {
		return nil, err
	}
	key := fmt.Sprintf("concord:%d:%d:%s", c.ID, b.Summary.Built.UnixNano(), word)
	return figure(s, key, func() (*Concordance, error) {
		f, err := os.Open(c.Path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		budget := int64(ConcordancePlainBytes)
		if c.Gzipped {
			budget = ConcordanceGzipBytes
		}
		text, err := corpus.NewReader(f, corpus.ReadOptions{})
		if err != nil {
			return nil, err
		}
		inVocab := func(w string) bool { _, ok := b.Vocab.ID(w); return ok }
		return concord.Find(ctx, text, word, concord.Options{Scan: corpus.ScanOptions{Tokenizer: tok},
			Window: set.Window, Symmetric: set.Symmetric, DistanceWeighting: set.DistanceWeighting,
			Phrases: b.Phrases, InVocab: inVocab, MaxBytes: budget})
	})
}

// CorpusRuns returns the finished runs trained on corpus id, newest
// first.
func (s *Service) CorpusRuns(ctx context.Context, id int64) ([]Run, error) {
	all, err := s.Runs(ctx)
	if err != nil {
		return nil, err
	}
	var out []Run
	for _, r := range all {
		if r.CorpusID == id && r.Status == store.RunDone && r.Results.VectorSetID != 0 {
			out = append(out, r)
		}
	}
	return out, nil
}

// RunModel returns the saved model (W, W̃, b, b̃) of finished run r,
// loaded once into the figures cache. A model that does not fit the
// corpus's current build (rebuilt since) is ErrModelMismatch.
func (s *Service) RunModel(r Run, b *Build) (*glove.Model, error) {
	if r.Status != store.RunDone {
		return nil, apperr.Wrap(runs.ErrModelMissing, apperr.NotFound, "The word's fit needs a finished run.")
	}
	m, err := figure(s, fmt.Sprintf("model:%d", r.ID), func() (*glove.Model, error) {
		dir, err := s.st.RunDir(r.ID)
		if err != nil {
			return nil, err
		}
		return runs.LoadModel(dir)
	})
	if err != nil {
		return nil, err
	}
	if m.VocabSize() != b.Vocab.Len() {
		return nil, apperr.Wrap(runs.ErrModelMismatch, apperr.Conflict, "The corpus was rebuilt since this run: its vocabulary no longer matches the model.")
	}
	return m, nil
}

// WordFit is how run r's model fitted row w of the build's X (with the
// run's x_max and α).
func (s *Service) WordFit(r Run, b *Build, w int32) (spectrum.RowFit, error) {
	m, err := s.RunModel(r, b)
	if err != nil {
		return spectrum.RowFit{}, err
	}
	return spectrum.FitOfRow(m, b.Matrix, w, r.Params.XMax, r.Params.Alpha)
}

// RunVectors returns the vector set (W + W̃) run r published, from the
// vector-set cache.
func (s *Service) RunVectors(ctx context.Context, r Run) (store.VectorSet, *vectors.Set, error) {
	v, err := s.st.VectorSet(ctx, r.Results.VectorSetID)
	if err != nil {
		return store.VectorSet{}, nil, NotFound(err, "vector set", r.Results.VectorSetID)
	}
	set, err := s.VectorSet(ctx, v)
	return v, set, err
}
