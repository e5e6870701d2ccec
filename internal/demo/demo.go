// Package demo embeds the demonstration data shipped with gloveboard (a
// WordNet gloss corpus, a Vietnamese corpus of the LibreOffice help and a
// 4k-word sample of the GloVe 6B 50d vectors, with their licence notices)
// and registers them in the store on first start.
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

//go:embed vi-libreoffice-help.txt.gz
var vietnameseGz []byte

// MPLLicense is the Mozilla Public License 2.0, under which the
// Vietnamese corpus (the LibreOffice help) is distributed.
//
//go:embed MPL-2.0-LICENSE
var MPLLicense string

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
	// VietnameseName is the Vietnamese demo corpus, which is built with
	// phrases (văn bản → văn_bản): see Vietnamese.
	VietnameseName = "LibreOffice help, Vietnamese (demo)"
)

// VietnameseFile is the file name of the Vietnamese demo corpus.
const VietnameseFile = "vi-libreoffice-help.txt.gz"

// Vietnamese reports whether a corpus's SHA-256 (hex) is that of the
// Vietnamese demo corpus, which is built with phrases.
func Vietnamese(sha256 string) bool { return sha256 == vietnameseSHA }

// The SHA-256 of the demo corpora, computed once (never written again).
var (
	corpusSHA     = sha256Hex(corpusGz)
	vietnameseSHA = sha256Hex(vietnameseGz)
)

// A preset is a ratio page's example: two words i and j and the probe
// words k of its table (Table 1 of the GloVe paper uses ice, steam and
// solid, gas, water, fashion).
//
// Glosses of the words for readers of another language (hàng / cột =
// row / column) are interface text: the catalogue's ratio.preset.* keys.
type Preset struct {
	I, J   string
	Probes []string
}

// EnglishPreset is the paper's example, for the WordNet demo corpus.
var EnglishPreset = Preset{I: "ice", J: "steam", Probes: []string{"solid", "gas", "water", "fashion"}}

// Presets are the ratio examples, the paper's first: a corpus without
// words of its own given takes the first whose two words it has.
func Presets() []Preset { return []Preset{EnglishPreset, VietnamesePreset} }

// PresetFor returns the ratio example of the demo corpus whose SHA-256
// (hex) is sha256, if it is one.
func PresetFor(sha256 string) (Preset, bool) {
	switch sha256 {
	case corpusSHA:
		return EnglishPreset, true
	case vietnameseSHA:
		return VietnamesePreset, true
	}
	return Preset{}, false
}

// VietnamesePreset is the example of the Vietnamese demo corpus, built
// with phrases: hàng (row) and cột (column) of a spreadsheet. chiều_cao
// (height) goes with rows (ratio ≈ 16), bề_rộng (width) with columns
// (≈ 0.03), while ô (cell) and dữ_liệu (data) go with both and stay near 1
// (1.2 and 0.8), as water and fashion do for ice and steam.
var VietnamesePreset = Preset{I: "hàng", J: "cột", Probes: []string{"chiều_cao", "bề_rộng", "ô", "dữ_liệu"}}

// meta keys recording that an item was installed once; a user who deletes
// a demo item does not get it back on the next start.
const (
	metaCorpus     = "demo.corpus"
	metaVectors    = "demo.vectors"
	metaVietnamese = "demo.corpus.vi"
)

// Install registers the demo corpora and vector set unless they were
// installed before (a catalogue made before the Vietnamese corpus shipped
// gets it on its next start). It is idempotent.
func Install(ctx context.Context, st *store.Store) error {
	if err := installOnce(ctx, st, metaCorpus, addCorpus(ctx, st, corpusGz, CorpusName, "wordnet-glosses.txt.gz")); err != nil {
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
	if err := installOnce(ctx, st, metaVietnamese, addCorpus(ctx, st, vietnameseGz, VietnameseName, VietnameseFile)); err != nil {
		return fmt.Errorf("Vietnamese demo corpus: %w", err)
	}
	return nil
}

// addCorpus returns the step adding the demo corpus gz to the catalogue.
func addCorpus(ctx context.Context, st *store.Store, gz []byte, name, file string) func() (int64, error) {
	return func() (int64, error) {
		// A first start killed after adding the corpus but before
		// recording that it did must not add it twice.
		if c, err := st.FindCorpusBySHA(ctx, sha256Hex(gz)); err == nil {
			return c.ID, nil
		}
		f, err := st.Stage(bytes.NewReader(gz), 0)
		if err != nil {
			return 0, err
		}
		c, err := st.AddCorpus(ctx, store.NewCorpus{Name: name, Filename: file, Source: store.SourceDemo}, f)
		return c.ID, err
	}
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
