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
		"word.heading":                 "Word",
		"word.in":                      "in",
		"word.page_title":              "Word · %s",
		"word.stats.heading":           "Counts and contexts",
		"word.stats.count":             "Count",
		"word.stats.rank":              "Rank",
		"word.stats.rank_hint":         "(1 = most frequent)",
		"word.stats.share":             "Share of tokens",
		"word.stats.share_of":          "of %s tokens",
		"word.stats.xw_unweighted":     "(co-occurrences in the window, each counted once, with %s distinct context words)",
		"word.stats.xw_weighted":       "(co-occurrences weighted 1/d by distance d, with %s distinct context words)",
		"word.stats.entropy":           "Context entropy H(C | w)",
		"word.stats.bits":              "%s bits",
		"word.stats.entropy_hint":      "(low: few fixed contexts; high: it occurs anywhere)",
		"word.stats.mi_share":          "Share of I(W;C)",
		"word.stats.mi_share_of":       "of the corpus's %s bits: this row's term P(w)·KL(P(·|w) ‖ P(·))",
		"word.partners.heading":        "Most frequent partners",
		"word.partners.hint":           "The %s context words k with the largest %s, which are also those with the largest P(k|%s) = %s/%s.",
		"word.partners.pmi_bits":       "PMI (bits)",
		"word.pmi_partners.heading":    "Strongest partners by PMI",
		"word.pmi_partners.hint":       "The context words with the largest PMI = log₂ P(w,k)/(P(w)P(k)) among those with %s ≥ %s (the corpus page's rule: rarer pairs get inflated scores).",
		"word.pmi_partners.none":       "No partner of “%s” is seen at least %s times.",
		"word.zipf.heading":            "On the Zipf plot",
		"word.zipf.hint":               "“%s” is the word of rank %s among all the corpus's types (ringed), with %s occurrences.",
		"word.zipf.alt":                "Zipf plot of the corpus with “%s” marked",
		"word.compare.heading":         "Compare with…",
		"word.compare.label":           "Another word j",
		"word.compare.placeholder":     "e.g. steam",
		"word.compare.submit":          "Open the ratio table",
		"word.compare.suggestions":     "Suggestions:",
		"word.compare.rule":            "Suggested: the words at most %s frequency ranks away whose contexts overlap least with this word's (smallest Σ_k min(P(k|w), P(k|j))), so their ratio table shows the most contrast.",
		"word.conc.heading":            "In context",
		"word.conc.none":               "No occurrence in %s.",
		"word.conc.first":              "The first %s occurrences, found in %s.",
		"word.conc.all":                "All %s occurrences, from %s.",
		"word.conc.all_one":            "The only occurrence, from %s.",
		"word.conc.partial":            "%s occurrences in %s (the rest was not read: the concordance reads a corpus with a budget).",
		"word.conc.partial_one":        "1 occurrence in %s (the rest was not read: the concordance reads a corpus with a budget).",
		"word.conc.tokens_note":        "Tokens are shown as the tokenizer counted them.",
		"word.conc.scope_whole":        "the whole corpus (%s of text)",
		"word.conc.scope_first":        "the first %s of text",
		"word.conc.unreadable":         "The corpus file could not be read for the concordance.",
		"word.conc.token_word":         "the word",
		"word.conc.token_before":       "%s before; weight %s: adds %s to X(%s, %s)",
		"word.conc.token_after":        "%s after; weight %s: adds %s to X(%s, %s)",
		"word.conc.token_oov":          "not in the vocabulary (below the minimum count): skipped before windowing",
		"word.conc.weight_none":        "1 (no distance weighting)",
		"word.conc.window":             "The window: %s words %s, %s; words below the minimum count (greyed) are skipped before windowing, and windows stop at line ends. Hover a word for its weight.",
		"word.conc.window_symmetric":   "on each side",
		"word.conc.window_asymmetric":  "after the word (an asymmetric build)",
		"word.conc.window_weighted":    "a word at distance d adding 1/d to X_wk",
		"word.conc.window_unweighted":  "each adding 1 to X_wk",
		"word.run.heading":             "What a trained model made of “%s”",
		"word.run.choose":              "Run",
		"word.run.show":                "Show",
		"word.run.choice":              "Run %d: d = %s, %s epochs, %s",
		"word.run.neighbors":           "Nearest neighbours (cosine of W + W̃)",
		"word.run.pmi_top":             "Strongest PMI partners (bits)",
		"word.run.overlap":             "%s neighbours are also among the top PMI partners (marked ●).",
		"word.run.overlap_count":       "%s of %s",
		"word.run.like_with":           "Neighbours are words used %s “%s” (similar rows of X); PMI partners are words used %s it. They overlap only when a word's companions are also its substitutes.",
		"word.run.like":                "like",
		"word.run.with":                "with",
		"word.run.vector_link":         "“%s” in the run's vectors",
		"word.run.none":                "None.",
		"word.run.shared":              "in both lists",
		"word.fit.heading":             "The fit of its row",
		"word.fit.hint":                "Each point is a partner k with %s > 0 (%s of them): ln %s across, the model's %s up, point size %s, the weight the training gave it. On the line y = x the model reproduces the count exactly.",
		"word.fit.alt":                 "GloVe's fit of the row of “%s”: model against log count",
		"word.fit.reading":             "Reading it honestly",
		"word.fit.reading_fit":         "What GloVe fits is %s, weighted by %s. For this row the fit and ln X correlate with r = %s, and R² against y = x (no refitted line) is %s; the weighted root-mean-square residual is %s (in ln units: a residual of %s is a factor of 2 in X).",
		"word.fit.reading_pmi":         "Since %s, the dot product %s alone would equal PMI only if the biases took up the rest exactly (%s plus a constant, %s).",
		"word.fit.reading_biases":      "Nothing in the objective forces that split: here %s = %s while ln %s = %s and ln S = %s, and the mean %s over the partners is %s.",
		"word.fit.reading_assoc":       "So w·w̃ ≈ PMI holds only up to the biases, and only as an association: here r(%s, PMI) = %s. A correlation near zero means the model put the row's variation into the biases, not that it failed.",
		"word.fit.reading_seed":        "The seed's “%s ≈ I(i; j)” does not hold: I(W; C) is one number for the whole corpus, not a property of a pair, and the model never fits %s (two word vectors) to anything. What holds is the fitted log-count identity above.",
		"word.fit.worst":               "Worst-fitted partners",
		"word.fit.worst_hint":          "The partners with the largest %s·r², the terms that cost the objective most (a large residual with a tiny weight is by design).",
		"word.fit.col_model":           "model",
		"word.fit.col_residual":        "residual",
		"word.fit.col_pmi":             "PMI (nats)",
		"word.fit.plot_title":          "Run %d: the row of %s",
		"word.fit.plot_points":         "%s points",
		"word.fit.plot_sized_by":       ", point size grows with %s",
		"word.fit.plot_r2":             " — R² = %s",
		"word.vec.heading":             "Its vector",
		"word.vec.norm":                "Norm ‖v‖",
		"word.vec.norm_hint":           "(longer than %s of the set's %s vectors; their mean norm is %s)",
		"word.vec.row":                 "Row in the file",
		"word.vec.row_of":              "%s of %s",
		"word.vec.row_hint":            "(GloVe files list words by frequency, so this is its frequency rank if the file kept that order)",
		"word.vec.dim":                 "Dimensions",
		"word.vec.explore_link":        "Explore its neighbours and analogies",
		"word.vec.corpus_link":         "Its counts in the training corpus",
		"word.vec.neighbors":           "Nearest neighbours",
		"word.vec.neighbors_hint":      "The words whose vectors have the largest cosine with “%s”.",
		"word.vec.analogies":           "Analogies it completes",
		"word.vec.analogies_none":      "No question of the built-in analogy set has “%s” as its answer with all four words in this set.",
		"word.vec.analogy_score":       "%s of the %s analogy questions (Google set, 3CosAdd, query words excluded) whose answer is “%s” are answered right.",
		"word.vec.analogy_score_tried": "%s of the %s analogy questions (Google set, 3CosAdd, query words excluded) whose answer is “%s” are answered right (of the first %s tried).",
		"word.vec.maps":                "On the saved maps",
		"word.vec.maps_none":           "No saved map of this vector set shows “%s”. Draw one on the %s (the top N words, or this word and its neighbours) and keep it.",
		"word.vec.maps_explore":        "Explore page",
		"word.vec.col_map":             "Map",
		"word.vec.col_position":        "Position (x, y)",
		"word.vec.col_group":           "Group",
		"word.vec.map_words":           "(%s words)",
		"word.vec.position":            "(%s, %s)",
		"word.vec.maps_pinned":         "Each link opens the map with “%s” pinned and its nearest neighbours ringed.",
		"word.vec.map_label":           "%s map %d · %s",
		"word.vec.map_src_words":       "my words",
		"word.vec.map_src_top":         "the top %s words",
		"word.vec.map_src_neighbors":   "%s and its %s nearest neighbours",
		"word.vec.map_src_sample":      "a random sample of %s words (seed %d)",
		"word.vec.map_src_builtin":     "the built-in groups",
		"word.vec.method_tsne":         "t-SNE",
		"word.vec.method_umap":         "UMAP",
		"word.vec.method_axis":         "relation-axis",
		"word.vec.method_pca":          "PCA",
		"word.zipf.mark":               "%s: rank %s, f = %s",
		"word.fit.min":                 "min",
		"word.fit.pmi":                 "PMI",
		"word.fit.plot_thinned":        "showing one point in %s (%s of %s); R² and the line use all points",
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
