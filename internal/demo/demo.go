// Package demo embeds the two demonstration data files shipped with
// gloveboard (a WordNet gloss corpus and a 4k-word sample of the GloVe
// 6B 50d vectors, with their licence notices) and registers them in the
// store on first start.
package demo

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"

	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/store"
)

//go:embed wordnet-glosses.txt.gz
var corpusGz []byte

//go:embed glove.6B.50d.4k.txt
var vectorsTxt []byte

// WordNetLicense is the notice that must accompany the WordNet glosses.
//
//go:embed WORDNET-LICENSE
var WordNetLicense string

// GloVeNotice is the attribution and licence of the demo vectors.
//
//go:embed GLOVE-VECTORS-NOTICE
var GloVeNotice string

// Names under which the demo data appear in the catalogue.
const (
	CorpusName  = "WordNet glosses (demo)"
	VectorsName = "GloVe 6B 50d, 4k words (demo)"
)

// meta keys recording that an item was installed once; a user who deletes
// a demo item does not get it back on the next start.
const (
	metaCorpus  = "demo.corpus"
	metaVectors = "demo.vectors"
)

// Install registers the demo corpus and vector set unless they were
// installed before. It is idempotent.
func Install(ctx context.Context, st *store.Store) error {
	if err := installOnce(ctx, st, metaCorpus, func() (int64, error) {
		// A first start killed after adding the corpus but before
		// recording that it did must not add it twice.
		if c, err := st.FindCorpusBySHA(ctx, sha256Hex(corpusGz)); err == nil {
			return c.ID, nil
		}
		f, err := st.Stage(bytes.NewReader(corpusGz), 0)
		if err != nil {
			return 0, err
		}
		c, err := st.AddCorpus(ctx, store.NewCorpus{Name: CorpusName, Filename: "wordnet-glosses.txt.gz", Source: store.SourceDemo}, f)
		return c.ID, err
	}); err != nil {
		return fmt.Errorf("demo corpus: %w", err)
	}
	if err := installOnce(ctx, st, metaVectors, func() (int64, error) {
		if v, err := st.FindVectorSetBySHA(ctx, sha256Hex(vectorsTxt)); err == nil {
			return v.ID, nil
		}
		info, err := vectors.ScanText(ctx, bytes.NewReader(vectorsTxt))
		if err != nil {
			return 0, err
		}
		f, err := st.Stage(bytes.NewReader(vectorsTxt), 0)
		if err != nil {
			return 0, err
		}
		v, err := st.AddVectorSet(ctx, store.NewVectorSet{Name: VectorsName, Filename: "glove.6B.50d.4k.txt",
			Source: store.SourceDemo, Count: info.Count, Dim: info.Dim}, f)
		return v.ID, err
	}); err != nil {
		return fmt.Errorf("demo vectors: %w", err)
	}
	return nil
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func installOnce(ctx context.Context, st *store.Store, key string, add func() (int64, error)) error {
	_, err := st.Meta(ctx, key)
	if err == nil {
		return nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	id, err := add()
	if err != nil {
		return err
	}
	return st.SetMeta(ctx, key, strconv.FormatInt(id, 10))
}
