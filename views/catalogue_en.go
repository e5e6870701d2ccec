package views

// catalogueEN is the English catalogue: key → fmt format (see Locale).
// Keys are "<area>.<what>"; keys under "js." are also sent to page scripts.
// Every key here is in catalogueVI too, with the same verbs
// (TestCatalogueKeysMatch); each area keeps to its own section.
func catalogueEN() map[string]string {
	return map[string]string{
		// ==== frame: layout, home, about, error page, jobs, saved results, app.js ====
		"frame.nav.label":      "Main",
		"frame.nav.home":       "Home",
		"frame.nav.corpora":    "Corpora",
		"frame.nav.train":      "Train",
		"frame.nav.explore":    "Explore",
		"frame.footer.tagline": "the mathematics of GloVe word embeddings",
		"frame.footer.about":   "About & data licences",
		"frame.lang.label":     "Language",
		// ==== end frame ====

		// ==== corpus: corpora list, corpus page, phrases, corpus spectrum, uploads ====
		// ==== end corpus ====

		// ==== ratio: ratio page ====
		// ==== end ratio ====

		// ==== word: word page, word run panel ====
		// ==== end word ====

		// ==== train: train page, runs, run comparison, loss plots ====
		// ==== end train ====

		// ==== explore: explore page, vector sets, vector word page, evaluation sets, downloads ====
		// ==== end explore ====

		// ==== map: map view, map scripts, relation axes ====
		"map.figure.whole":              "The whole map:",
		"map.dl.png":                    "PNG",
		"map.dl.svg":                    "SVG",
		"map.dl.csv_all":                "CSV of all points",
		"map.find.label":                "Find a word",
		"map.find.placeholder":          "e.g. paris",
		"map.find.k":                    "neighbours",
		"map.find.button":               "Find",
		"map.view.label":                "View",
		"map.view.zoom_in":              "Zoom in",
		"map.view.zoom_in_title":        "Zoom in (+)",
		"map.view.zoom_out":             "Zoom out",
		"map.view.zoom_out_title":       "Zoom out (−)",
		"map.view.reset":                "Reset",
		"map.view.reset_title":          "Show the whole map (0)",
		"map.view.select":               "Select",
		"map.view.select_title":         "Drag a box to select words (or shift-drag)",
		"map.canvas.label":              "Interactive map of %s words. Drag to move, wheel or + and − to zoom, arrow keys to move, 0 to show everything, shift-drag to select words, click a word to pin it.",
		"map.legend.label":              "Groups: press to hide or show",
		"map.pin.word_page":             "word page",
		"map.sel.none":                  "No words selected.",
		"map.sel.csv":                   "Export selection as CSV",
		"map.sel.clear":                 "Clear selection",
		"map.dl.view":                   "Download this view:",
		"map.dl.png2":                   "PNG 2×",
		"map.dl.width_before":           "at",
		"map.dl.width_after":            "px wide",
		"map.dl.width_label":            "width of the PNG in pixels",
		"map.dl.permalink":              "Permalink to this view",
		"map.crumb.explore":             "Explore",
		"map.crumb.map":                 "map",
		"map.page.lead":                 "Vector set %s (%s words × %s dimensions)",
		"map.page.seed":                 "seed %s",
		"map.trust_value":               "trustworthiness %s",
		"map.page.hint":                 "This page's address keeps the view (zoom, centre, pinned word, hidden groups): copy it after zooming or pinning a word.",
		"map.page.title_job":            "Map %d · %s",
		"map.page.heading_job":          "Map %d of %s",
		"map.page.heading":              "%s map of %s words · %s",
		"map.facts.method":              "Method",
		"map.facts.engine":              "engine %s",
		"map.facts.words":               "Words",
		"map.facts.trust":               "Trustworthiness",
		"map.facts.trust_hint":          "(k = %s; 1 means every neighbour on the map is a neighbour in the full space)",
		"map.facts.trust_none":          "not computed: too few words",
		"map.facts.note":                "Note",
		"map.skipped":                   "Not in this vector set, so left out: %s",
		"map.skipped_more":              "Not in this vector set, so left out: %s and %s more",
		"map.pending.title":             "t-SNE map: job %d",
		"map.failed.title":              "The t-SNE map (job %d) %s",
		"map.status.queued":             "queued",
		"map.status.running":            "running",
		"map.status.done":               "done",
		"map.status.failed":             "failed",
		"map.status.cancelled":          "cancelled",
		"map.method.pca":                "PCA",
		"map.method.tsne":               "t-SNE",
		"map.method.umap":               "UMAP",
		"map.method.axis":               "relation axis",
		"map.extra.pca":                 "the two axes explain %s and %s of the variance of these words",
		"map.extra.axis":                "x runs along the mean %s→%s offset of %s pairs (their offsets align with it at %s on average); y is the main remaining direction. The axis is learned from these pairs, so their own words separate by construction: judge it by the other words",
		"map.extra.umap_engine":         "UMAP (%s initialisation)",
		"map.extra.umap_spectral":       "spectral",
		"map.extra.umap_random":         "random",
		"map.extra.engine_exact":        "exact (every pair of words attracts or repels every other; used up to a few thousand words)",
		"map.extra.engine_bh":           "Barnes–Hut (far-away groups of words are treated as one, θ = 0.5; fast for many words)",
		"map.extra.kl":                  "final KL divergence %s: how far the map's neighbour probabilities are from those of the full space (0 would be a perfect match; lower is better, but only comparable between maps of the same words)",
		"map.extra.trust_sample":        "trustworthiness computed on a seeded sample of %s of the %s words",
		"map.params.perplexity":         "perplexity %s",
		"map.params.neighbours":         "%s neighbours",
		"map.params.min_dist":           "min_dist %s",
		"map.params.seed":               "seed %d",
		"map.words.builtin":             "the built-in groups",
		"map.words.mine":                "my words",
		"map.words.top":                 "the top %s words",
		"map.words.neighbours":          "%s and its %s nearest neighbours",
		"map.words.sample":              "a random sample of %s words (seed %d)",
		"map.group.country":             "country",
		"map.group.capital":             "capital",
		"map.group.male":                "male",
		"map.group.female":              "female",
		"map.group.singular":            "singular",
		"map.group.plural":              "plural",
		"map.group.query":               "query",
		"map.group.neighbour":           "neighbour",
		"map.group.other":               "other",
		"map.group.none":                "(no group)",
		"map.group.highlighted":         "%s (highlighted)",
		"map.plot.alt":                  "%s map of %s words",
		"map.plot.title_method":         "Word map (%s)",
		"map.plot.dim1":                 "dimension 1",
		"map.plot.dim2":                 "dimension 2",
		"map.plot.pc":                   "PC%d",
		"map.plot.pc_variance":          "PC%d (%s of variance)",
		"map.plot.tsne_axis":            "t-SNE %d",
		"map.plot.axis_title":           "Word map along the %s→%s axis",
		"map.plot.axis_x":               "mean %s→%s offset of %s pairs",
		"map.plot.axis_y":               "first principal component of the rest",
		"map.plot.engine":               "engine: %s",
		"map.plot.engine_exact":         "exact",
		"map.plot.engine_umap_spectral": "umap-spectral",
		"map.plot.engine_umap_random":   "umap-random",
		"map.plot.word_one":             "%s word",
		"map.plot.word_many":            "%s words",
		"js.map.data_error":             "The map's data could not be read.",
		"js.map.no_group":               "(no group)",
		"js.map.sel_one":                "%s word selected.",
		"js.map.sel_many":               "%s words selected.",
		"js.map.sel_none":               "No words selected.",
		"js.map.looking_up":             "Looking up “%s”…",
		"js.map.lookup_failed":          "The word could not be looked up.",
		"js.map.not_in_set":             "“%s” is not in this vector set.",
		"js.map.pin_link":               "open the word page",
		"js.map.neighbours_all":         "%s nearest neighbours in the full space, all on this map (ringed).",
		"js.map.neighbours_some":        "%s nearest neighbours in the full space, %s of them on this map (ringed).",
		"js.map.not_on_map_note":        "“%s” is not on this map. %s",
		"js.map.not_on_map":             "“%s” is not on this map.",
		"js.map.pinned":                 "“%s” is pinned.",
		"js.map.score_off":              "%s (not on the map)",
		// ==== end map ====

		// ==== compare: compare, WEAT, alignment ====
		// ==== end compare ====

		// ==== messages: labels and headings shared by error pages and job lists ====
		// ==== end messages ====

	}
}
