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
		"compare.crumb.explore": "Explore",
		"compare.col.word":      "Word",
		"compare.left_out":      "Not in this vector set, so left out: %s",
		"compare.job.queued":    "queued",
		"compare.job.running":   "running",
		"compare.job.done":      "done",
		"compare.job.failed":    "failed",
		"compare.job.cancelled": "cancelled",

		"compare.align.title":              "Align two vector sets",
		"compare.align.crumb":              "Compare two vector sets",
		"compare.align.lead":               "Rotate the first set onto the second over the words they share (orthogonal Procrustes: rows scaled to unit length, R from the SVD of AᵀB), then see which words moved most: their cosine distance after the rotation.",
		"compare.align.first_set":          "First set A",
		"compare.align.rotated_hint":       "(rotated)",
		"compare.align.second_set":         "Second set B",
		"compare.align.fit_top":            "Fit on the top N",
		"compare.align.empty_all":          "(empty: all)",
		"compare.align.min_rank":           "Ranks from",
		"compare.align.max_rank":           "Ranks to",
		"compare.align.listed":             "Words listed",
		"compare.align.neighbours_of":      "Neighbours of",
		"compare.align.word_placeholder":   "a word (optional)",
		"compare.align.submit":             "Align",
		"compare.align.job_submit":         "Align in the background",
		"compare.align.job_hint":           "The page shows the result when the job has finished; it is kept in memory for the next few alignments.",
		"compare.align.shared":             "shared words",
		"compare.align.fit_words":          "words fitted the rotation",
		"compare.align.residual":           "relative residual ‖AR − B‖ / ‖B‖",
		"compare.align.explain":            "The residual is 0 when B is an exact rotation of A, and near √2 ≈ %s for unrelated sets of unit rows. Distance is 1 − cos(a R, b) of the word's unit vectors: 0 unmoved, 1 unrelated, 2 opposite. A word's frequency rank is its position in the file of the set where it comes later (files are usually sorted by frequency).",
		"compare.align.json":               "JSON",
		"compare.align.moved_heading":      "The %s words that moved most",
		"compare.align.filter_count":       "(%s: %s shared words)",
		"compare.align.filter_from":        "frequency ranks from %s",
		"compare.align.filter_range":       "frequency ranks %s–%s",
		"compare.align.col_distance":       "distance",
		"compare.align.col_ranks":          "rank A · B",
		"compare.align.page_in_a":          "its page in A",
		"compare.align.page_in_b":          "its page in B",
		"compare.align.neighbours_link":    "neighbours",
		"compare.align.neighbours_heading": "Neighbours of “%s”",
		"compare.align.neighbours_hint":    "Each set's own nearest neighbours by cosine (a rotation changes none of them): %s kept, %s lost (only in A), %s gained (only in B).",
		"compare.align.in_set":             "in %s",
		"compare.align.col_cosine":         "cosine",
		"compare.align.nb.kept":            "kept",
		"compare.align.nb.lost":            "lost",
		"compare.align.nb.gained":          "gained",
		"compare.align.map_heading":        "Both sets in one frame",
		"compare.align.map_hint":           "A PCA of the words below, each drawn twice in B's frame: a ring where A (rotated) puts it, a dot where B does, an arrow between. Words: %s.",
		"compare.align.choose":             "choose…",
		"compare.align.set_choice":         "%s (#%d, %s words × %s)",
		"compare.align.plot_alt":           "Aligned map of %s",
		"compare.align.plot.title":         "%s aligned onto %s",
		"compare.align.plot.rotated":       "%s (rotated)",
		"compare.align.plot.pc1":           "PC1 (%s%% of variance)",
		"compare.align.plot.pc2":           "PC2 (%s%% of variance)",
		"compare.align.plot.subtitle_one":  "%s word; arrows run from the first set to the second",
		"compare.align.plot.subtitle":      "%s words; arrows run from the first set to the second",
		"compare.align.plot.omitted_one":   "%s word with NaN or infinite coordinates omitted",
		"compare.align.plot.omitted":       "%s words with NaN or infinite coordinates omitted",
		"compare.align.job.heading":        "Aligning (job %d)",
		"compare.align.job.waiting":        "waiting for a worker (position %s in the queue)",
		"compare.align.job.wait_hint":      "This page shows the result when the job has finished.",

		"compare.axes.title":             "Concept axis",
		"compare.axes.page_title":        "Concept axis · %s",
		"compare.axes.lead":              "A direction from word pairs (he → she, man → woman, …: the mean of their offsets) or from two word sets (the mean of the second minus the mean of the first), with every word's projection on it, ranked at both ends.",
		"compare.axes.legend_axis":       "Axis",
		"compare.axes.mode_pairs":        "word pairs, one a line (from → to):",
		"compare.axes.pairs_label":       "word pairs, one a line",
		"compare.axes.pairs_placeholder": "he she\nman woman\nking queen",
		"compare.axes.mode_sets":         "two word sets:",
		"compare.axes.set_a_label":       "words of the first pole",
		"compare.axes.set_a_placeholder": "from: he him his man boy",
		"compare.axes.set_b_label":       "words of the second pole",
		"compare.axes.set_b_placeholder": "to: she her hers woman girl",
		"compare.axes.legend_words":      "Words to project",
		"compare.axes.words_label":       "These words",
		"compare.axes.words_hint":        "(empty: the most frequent)",
		"compare.axes.words_placeholder": "nurse doctor engineer …",
		"compare.axes.top_label":         "or the top N words",
		"compare.axes.n_label":           "listed at each end",
		"compare.axes.submit":            "Project",
		"compare.axes.how_sets":          "The axis is the mean of the second set's words minus the mean of the first's (unit vectors); the %s cross-pair offsets align with it at %s on average.",
		"compare.axes.how_pairs_one":     "The axis is the mean offset (to − from, unit vectors) of %s pair; their offsets align with it at %s on average (1: all parallel).",
		"compare.axes.how_pairs":         "The axis is the mean offset (to − from, unit vectors) of %s pairs; their offsets align with it at %s on average (1: all parallel).",
		"compare.axes.projection_hint":   "Projection: the word's unit vector minus the mean of the %s words shown, along the unit axis. The pole words separate by construction and are left out of the lists; judge the axis by the other words.",
		"compare.axes.toward":            "Toward %s",
		"compare.axes.col_projection":    "projection",
		"compare.axes.plot_alt":          "Words along the axis %s → %s",
		"compare.axes.plot.title":        "Words along %s → %s",
		"compare.axes.plot.x":            "projection on the axis (unit vectors, centred)",
		"compare.axes.plot.y":            "first principal component of the rest",
		"compare.axes.plot.projected":    "projected",
		"compare.axes.plot.from":         "from: %s",
		"compare.axes.plot.to":           "to: %s",
		"compare.axes.plot.subtitle_one": "%s word",
		"compare.axes.plot.subtitle":     "%s words",

		"compare.weat.title":            "Word Embedding Association Test",
		"compare.weat.crumb":            "WEAT",
		"compare.weat.page_title":       "WEAT · %s",
		"compare.weat.lead":             "Do target words X associate more with attribute words A (and Y with B) than the other way round? Caliskan, Bryson & Narayanan (2017), “Semantics derived automatically from language corpora contain human-like biases”, Science 356.",
		"compare.weat.example_label":    "Built-in test from the paper",
		"compare.weat.run_example":      "Run it",
		"compare.weat.targets_x":        "Targets X",
		"compare.weat.targets_y":        "Targets Y",
		"compare.weat.attributes_a":     "Attributes A",
		"compare.weat.attributes_b":     "Attributes B",
		"compare.weat.list_placeholder": "words, separated by spaces, commas or lines",
		"compare.weat.permutations":     "permutations, if sampled",
		"compare.weat.seed":             "seed",
		"compare.weat.submit":           "Test",
		"compare.weat.note_all":         "%s: all %s words of the paper's lists are in this vector set.",
		"compare.weat.note_dropped":     "%s: %s of the paper's %s words are not in this vector set and were dropped: %s.",
		"compare.weat.result":           "Result",
		"compare.weat.effect_size":      "effect size d",
		"compare.weat.p_value":          "one-sided p-value",
		"compare.weat.statistic":        "statistic S(X, Y)",
		"compare.weat.p_is":             "The p-value is",
		"compare.weat.exact":            "exact",
		"compare.weat.exact_how":        ": all %s equal-size partitions of X ∪ Y were enumerated.",
		"compare.weat.sampled":          "sampled",
		"compare.weat.sampled_how":      ": %s random partitions of X ∪ Y (seed %s), because there are more than %s; p = (1 + #{Sᵢ ≥ S}) / (1 + %[1]s).",
		"compare.weat.paper_effect":     "The paper reports d = %s with GloVe vectors trained on Common Crawl (840 B tokens).",
		"compare.weat.defs_summary":     "How these numbers are defined",
		"compare.weat.def_s":            "s(w, A, B) = mean cosine of w to the words of A − mean cosine of w to the words of B.",
		"compare.weat.def_statistic":    "Statistic",
		"compare.weat.def_effect":       "Effect size d = (mean of s over X − mean of s over Y) / standard deviation of s over X ∪ Y, with n − 1 in the denominator.",
		"compare.weat.def_p":            "p = the share of the partitions (Xᵢ, Yᵢ) of X ∪ Y into sets of sizes |X| and |Y|, the observed one included, whose Σ s(Xᵢ) − Σ s(Yᵢ) is at least the observed one: one-sided, toward X–A and Y–B. Exact when there are at most %s partitions, else a seeded random sample of them.",
		"compare.weat.def_used":         "Words used: X %s, Y %s, A %s, B %s.",
		"compare.weat.assoc_heading":    "Associations",
		"compare.weat.col_set":          "set",
		"compare.weat.api_same":         "The same test as JSON:",
		"compare.weat.api_body":         "with the body",

		"compare.weat.example.flowers_insects":     "WEAT 1: flowers vs insects, pleasant vs unpleasant",
		"compare.weat.example.instruments_weapons": "WEAT 2: instruments vs weapons, pleasant vs unpleasant",
		"compare.weat.example.career_family":       "WEAT 6: male vs female names, career vs family",
		"compare.weat.example.math_arts":           "WEAT 7: math vs arts, male vs female terms",
		"compare.weat.example.science_arts":        "WEAT 8: science vs arts, male vs female terms",
		"compare.weat.list.flowers":                "flowers",
		"compare.weat.list.insects":                "insects",
		"compare.weat.list.instruments":            "instruments",
		"compare.weat.list.weapons":                "weapons",
		"compare.weat.list.pleasant":               "pleasant",
		"compare.weat.list.unpleasant":             "unpleasant",
		"compare.weat.list.male_names":             "male names",
		"compare.weat.list.female_names":           "female names",
		"compare.weat.list.career":                 "career",
		"compare.weat.list.family":                 "family",
		"compare.weat.list.math":                   "math",
		"compare.weat.list.arts":                   "arts",
		"compare.weat.list.male_terms":             "male terms",
		"compare.weat.list.female_terms":           "female terms",
		"compare.weat.list.science":                "science",
		// ==== end compare ====

		// ==== messages: labels and headings shared by error pages and job lists ====
		// ==== end messages ====

	}
}
