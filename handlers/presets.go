package handlers

// Ratio examples: the demo corpora's presets (internal/demo: ice/steam on
// the WordNet glosses, hàng/cột on the Vietnamese LibreOffice help),
// linked from the home page and from their corpus's page.

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gloveboard/gloveboard/internal/demo"
	"github.com/gloveboard/gloveboard/views"
)

// presetURL is the ratio page of corpus id showing preset p.
func presetURL(id int64, p demo.Preset) string {
	q := url.Values{"i": {p.I}, "j": {p.J}, "probes": {strings.Join(p.Probes, ",")}}
	return "/corpora/" + strconv.FormatInt(id, 10) + "/ratio?" + q.Encode()
}

// presetLabel is "i / j".
func presetLabel(p demo.Preset) string { return p.I + " / " + p.J }

// ratioExample is the link to the preset of corpus id whose file has
// SHA-256 sha (hex), empty when it has none.
func ratioExample(id int64, sha string) views.Link {
	p, ok := demo.PresetFor(sha)
	if !ok {
		return views.Link{}
	}
	return views.Link{Label: presetLabel(p), Href: presetURL(id, p)}
}

// presetGloss is preset p's two words in loc's language ("row / column"
// for hàng / cột on an English page, "nước đá / hơi nước" for ice / steam
// on a Vietnamese one); empty when they are already in that language.
func presetGloss(loc views.Locale, p demo.Preset) string {
	var gloss string
	switch {
	case p.I == demo.EnglishPreset.I && p.J == demo.EnglishPreset.J:
		gloss = loc.T("ratio.preset.ice_steam")
	case p.I == demo.VietnamesePreset.I && p.J == demo.VietnamesePreset.J:
		gloss = loc.T("ratio.preset.hang_cot")
	default:
		return ""
	}
	if gloss == presetLabel(p) {
		return ""
	}
	return gloss
}

// ratioExamples are the links to the presets of the demo corpora among
// rows, oldest corpus first, glossed in English: the home page shows the
// gloss to English readers only (views/home.templ); presetGloss can
// gloss in any locale.
func ratioExamples(rows []views.CorpusRow) []views.RatioExample {
	en := views.NewLocale(views.English)
	var out []views.RatioExample
	for _, c := range rows {
		if l := ratioExample(c.ID, c.SHA256); l.Href != "" {
			p, _ := demo.PresetFor(c.SHA256)
			out = append(out, views.RatioExample{Link: l, CorpusID: c.ID, Corpus: c.Name, Gloss: presetGloss(en, p)})
		}
	}
	// The paper's example first: the oldest demo corpus.
	slices.SortFunc(out, func(a, b views.RatioExample) int { return cmp.Compare(a.CorpusID, b.CorpusID) })
	return out
}

// defaultPreset returns the first preset whose words i and j are both in
// the vocabulary (inVocab), for a ratio page asked without words.
func defaultPreset(inVocab func(string) bool) (demo.Preset, bool) {
	for _, p := range demo.Presets() {
		if inVocab(p.I) && inVocab(p.J) {
			return p, true
		}
	}
	return demo.Preset{}, false
}
