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
		// ==== end map ====

		// ==== compare: compare, WEAT, alignment ====
		// ==== end compare ====

		// ==== messages: labels and headings shared by error pages and job lists ====
		// ==== end messages ====

	}
}
