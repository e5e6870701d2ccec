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
		"ratio.title":                      "Ratios · %s",
		"ratio.heading":                    "Probability ratios",
		"ratio.heading_in":                 "in %s",
		"ratio.lead":                       "The GloVe paper (Table 1) compares how often probe words k occur near two words i and j. The ratio P(k|i)/P(k|j) is large when k goes with i, small when it goes with j, and close to 1 when k relates to both or to neither.",
		"ratio.lead_def":                   "Here P(k|i) = %[1]s / %[2]s is the conditional probability that k occurs in the context window of i: the co-occurrence count of i and k divided by all co-occurrences of i.",
		"ratio.note.frequent":              "The paper's words “ice” and “steam” are not both in this corpus's vocabulary, so the two most frequent words are shown instead. Type any two words above.",
		"ratio.form.word_i":                "Word i",
		"ratio.form.word_j":                "Word j",
		"ratio.form.probes":                "Probe words k",
		"ratio.form.probes_hint":           "(comma-separated)",
		"ratio.form.options":               "Options: smoothing, thin-evidence threshold, discovered words",
		"ratio.form.smoothing":             "Smoothing λ",
		"ratio.form.smoothing_hint":        "(added to every count; 0 = none)",
		"ratio.form.thin":                  "Thin below",
		"ratio.form.thin_hint":             "(flag columns whose %s or %s is lower)",
		"ratio.form.top":                   "Discovered words",
		"ratio.form.top_hint":              "(each side, %s–%s)",
		"ratio.form.min_evidence":          "Minimum evidence",
		"ratio.form.min_evidence_hint":     "(least %s + %s of a discovered word)",
		"ratio.form.submit":                "Compute ratios",
		"ratio.form.share_hint":            "The address of this page holds all settings: copy it to share this table.",
		"ratio.table.heading":              "Co-occurrence probabilities for “%s” and “%s”",
		"ratio.table.totals_weighted":      "%[1]s = %[2]s (co-occurrences of “%[3]s”, each weighted 1/d by its distance d), %[4]s = %[5]s (of “%[6]s”).",
		"ratio.table.totals_unweighted":    "%[1]s = %[2]s (co-occurrences of “%[3]s”, each pair in the window counted once), %[4]s = %[5]s (of “%[6]s”).",
		"ratio.table.smoothing":            "Smoothing λ = %s is added to every count.",
		"ratio.table.all_thin":             "Every probe column rests on thin evidence: “%s” and “%s” occur near these words only a few times in this corpus. The ratios are shown, but they say little; try more frequent words, or see the discovered words below.",
		"ratio.table.no_probes":            "None of the probe words is in this corpus's vocabulary, so there is no table to show.",
		"ratio.table.corner":               "Probability and ratio",
		"ratio.table.count_near":           "%s (count near %s)",
		"ratio.table.unknown":              "Not in this corpus's vocabulary (skipped):",
		"ratio.thin.badge":                 "thin",
		"ratio.thin.title":                 "Few co-occurrences: read this ratio with care",
		"ratio.kind.undefined":             "undefined",
		"ratio.kind.inf_title":             "infinite: k occurs near i but never near j",
		"ratio.kind.zero_title":            "zero: k occurs near j but never near i",
		"ratio.kind.undefined_title":       "undefined (0/0): k occurs near neither word",
		"ratio.legend.inf":                 "%s: k occurs near “%s” but never near “%s”.",
		"ratio.legend.zero":                "%s: k occurs near “%s” but never near “%s”.",
		"ratio.legend.undefined":           "%s: k occurs near neither word (0/0).",
		"ratio.legend.thin":                "%s columns rest on fewer than %s co-occurrences with “%s” or with “%s”: a few more sentences could change their ratio a lot, so read them with care.",
		"ratio.rows.counts_title":          "X(%s, k) and X(%s, k)",
		"ratio.col.ratio":                  "ratio",
		"ratio.col.lower":                  "at least",
		"ratio.col.lower_title":            "The ratio is at least this with %s %% confidence",
		"ratio.col.upper":                  "at most",
		"ratio.col.upper_title":            "The ratio is at most this with %s %% confidence",
		"ratio.discovered.heading":         "Context words that tell “%s” and “%s” apart",
		"ratio.discovered.rule":            "Context words k with %[1]s + %[2]s ≥ %[3]s whose ratio is at least %[4]s or at most %[5]s, and whose counts make that lean sure: the %[6]s %% confidence bound of the ratio (a Wilson bound from %[1]s and %[2]s) stays on the same side of 1.",
		"ratio.discovered.ranking":         "They are ranked by that bound, not by the ratio, so a word seen twice near one word and never near the other cannot outrank one seen two hundred times against twenty.",
		"ratio.discovered.rarer":           "Lower the minimum evidence under Options to see rarer words.",
		"ratio.discovered.lean_i":          "Leaning clearly to “%s”: ratio ≥ %s",
		"ratio.discovered.lean_j":          "Leaning clearly to “%s”: ratio ≤ %s",
		"ratio.discovered.none":            "No word in this corpus leans clearly to “%s”: none passes the threshold with enough evidence for its %s %% bound to exclude a ratio of 1.",
		"ratio.discovered.add_probe":       "+\u00a0probe",
		"ratio.discovered.add_probe_title": "Add this word to the probes",
		"ratio.plot.alt":                   "Bar chart of P(k|%s)/P(k|%s) for each probe word on a log scale centred at 1",
		"ratio.plot.title":                 "P(k | %s) / P(k | %s)",
		"ratio.plot.x":                     "probe word k",
		"ratio.plot.y":                     "ratio (log scale, 1 = no preference)",
		"ratio.plot.up":                    "more likely near %s (ratio > 1)",
		"ratio.plot.down":                  "more likely near %s (ratio < 1)",
		"ratio.plot.inf":                   "∞: k never seen near %s",
		"ratio.plot.zero":                  "0: k never seen near %s",
		"ratio.plot.undefined":             "0/0: k seen near neither",
		"ratio.plot.thin":                  "pale: thin evidence (few co-occurrences)",
		"ratio.preset.ice_steam":           "ice / steam",
		"ratio.preset.hang_cot":            "row / column",
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
