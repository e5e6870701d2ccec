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
		"explore.list.heading":        "Explore",
		"explore.list.lead":           "Nearest neighbours, analogies, the eigenvalue spectrum and 2-D maps of a vector set. Pick one:",
		"explore.list.empty":          "No vector sets yet.",
		"explore.list.upload_one":     "Upload one",
		"explore.list.or":             "or",
		"explore.list.train_one":      "train one",
		"explore.list.col_set":        "Vector set",
		"explore.list.col_words":      "Words",
		"explore.list.col_dim":        "Dim",
		"explore.list.explore_button": "Explore",
		"explore.list.compare_link":   "Compare",
		"explore.list.hint_before":    "Add more on the",
		"explore.list.hint_vectors":   "Vector sets",
		"explore.list.hint_between":   " page, or",
		"explore.list.hint_align":     "align two of them",
		"explore.list.hint_after":     "to see which words moved.",
		"explore.from":                "from",
		"explore.run_n":               "run %d",
		"explore.example":             "e.g. %s",
		"explore.not_available":       "n/a",
		"explore.method.cosadd":       "3CosAdd",
		"explore.method.cosmul":       "3CosMul",
		"explore.page.title":          "Explore %s",
		"explore.page.size":           "%s words × %s dimensions",
		"explore.page.trained_in":     "trained in",

		"explore.neighbors.heading":     "Nearest neighbours",
		"explore.neighbors.word":        "Word",
		"explore.neighbors.placeholder": "e.g. ice",
		"explore.neighbors.how_many":    "how many",
		"explore.neighbors.submit":      "Find neighbours",
		"explore.neighbors.closest_to":  "Closest to “%s”",
		"explore.neighbors.plot_alt":    "Bar chart of the nearest neighbours of %s",
		"explore.score.word":            "Word",
		"explore.score.cosine":          "cosine",
		"explore.score.score":           "score",

		"explore.analogy.heading":       "Analogy",
		"explore.analogy.word_a":        "word a (e.g. man)",
		"explore.analogy.word_b":        "word b (e.g. king)",
		"explore.analogy.word_c":        "word c (e.g. woman)",
		"explore.analogy.placeholder_a": "e.g. man",
		"explore.analogy.placeholder_b": "e.g. king",
		"explore.analogy.placeholder_c": "e.g. woman",
		"explore.analogy.is_to":         "is to",
		"explore.analogy.as":            "as",
		"explore.analogy.is_to_what":    "is to ?",
		"explore.analogy.method":        "method",
		"explore.analogy.cosadd_option": "3CosAdd (b − a + c)",
		"explore.analogy.submit":        "Solve",
		"explore.analogy.best":          "Best answer:",
		"explore.analogy.plot_alt":      "Bar chart of the answers to %s : %s :: %s : ?",

		"explore.maps.heading":                  "2-D map",
		"explore.maps.words_legend":             "Words",
		"explore.maps.source_builtin":           "built-in groups (countries & capitals, male & female, singular & plural)",
		"explore.maps.source_top":               "the most frequent words",
		"explore.maps.source_neighbors":         "a word and its nearest neighbours:",
		"explore.maps.word_aria":                "the word whose neighbours to map",
		"explore.maps.source_sample":            "a random sample",
		"explore.maps.how_many":                 "how many words (up to %s with PCA, %s with t-SNE or UMAP)",
		"explore.maps.source_words":             "my words:",
		"explore.maps.words_aria":               "my words, one a line",
		"explore.maps.words_placeholder":        "one word a line, optionally followed by a group: paris city",
		"explore.maps.method_legend":            "Method",
		"explore.maps.method_pca":               "PCA (instant up to %s words; a background job beyond)",
		"explore.maps.method_tsne":              "t-SNE (background job)",
		"explore.maps.method_umap":              "UMAP (background job)",
		"explore.maps.method_axis":              "relation axis: x along the mean offset of",
		"explore.maps.relation_aria":            "relation",
		"explore.maps.relation_country_capital": "country → capital",
		"explore.maps.relation_male_female":     "male → female",
		"explore.maps.relation_singular_plural": "singular → plural",
		"explore.maps.perplexity":               "t-SNE perplexity",
		"explore.maps.umap_neighbors":           "UMAP neighbours",
		"explore.maps.umap_min_dist":            "UMAP min_dist",
		"explore.maps.seed":                     "seed (sample, t-SNE, UMAP)",
		"explore.maps.save":                     "keep this map (t-SNE and UMAP maps are always kept)",
		"explore.maps.submit":                   "Draw map",
		"explore.saved_map.name":                "map %d",
		"explore.saved_map.sampled":             "k = %d, on a seeded sample of %s words",

		"explore.compare.heading":    "Compare",
		"explore.compare.align":      "Align with another vector set",
		"explore.compare.align_hint": "the words that moved most, and a word's neighbours in both",
		"explore.compare.axes":       "Concept axes",
		"explore.compare.axes_hint":  "project words on a direction such as he → she",
		"explore.compare.weat":       "Word Embedding Association Test",
		"explore.compare.weat_hint":  "effect size and p-value for two target and two attribute word sets",

		"explore.spectrum.heading":         "Eigenvalue spectrum",
		"explore.spectrum.loading":         "Computing the covariance spectrum…",
		"explore.spectrum.eigenvalues":     "Eigenvalues",
		"explore.spectrum.of_covariance":   "of the %s×%s covariance of the %s vectors, with a power law",
		"explore.spectrum.fitted_over":     "fitted over ranks %s–%s",
		"explore.spectrum.permalink":       "permalink",
		"explore.spectrum.fit_ranks":       "fit ranks",
		"explore.spectrum.to":              "to",
		"explore.spectrum.refit":           "Refit",
		"explore.spectrum.r2_loglog":       "R² (log–log)",
		"explore.spectrum.exp_r2":          "exponential decay: R² %s",
		"explore.spectrum.first_component": "First component",
		"explore.spectrum.top_share":       "%s%% of the variance",
		"explore.spectrum.note_cut":        "Ranks %s–%s, where the eigenvalues fall more than tenfold, are left out of the fit; set the range above to include them.",
		"explore.spectrum.plot_alt":        "Eigenvalues of the covariance against rank, log–log, with a power-law fit",
		"explore.spectrum.title":           "Spectrum · %s",
		"explore.spectrum.crumb":           "spectrum",
		"explore.spectrum.page_heading":    "Covariance spectrum of %s",

		"explore.fidelity.heading":            "Fidelity to the GloVe identities",
		"explore.fidelity.loading":            "Comparing the model with the co-occurrence counts…",
		"explore.fidelity.intro":              "On %s sampled nonzeros: how close",
		"explore.fidelity.comes_to":           "comes to log X",
		"explore.fidelity.sub_ij":             "ij",
		"explore.fidelity.target_and_how":     "(the training target), and how",
		"explore.fidelity.follows_pmi":        "follows PMI(i, j).",
		"explore.fidelity.vs_logx":            "vs log X",
		"explore.fidelity.vs_pmi":             "vs PMI",
		"explore.fidelity.corr_r2":            "correlation r = %s, R² = %s",
		"explore.fidelity.corr_r_sq":          "correlation r = %s, r² = %s",
		"explore.fidelity.reading_r2":         "R² against log X is measured against the line y = x, not a refitted line: 1 − Σ(log X − model)² / Σ(log X − mean)², so it is 1 only when the model reproduces every count, and it falls below 0 when guessing the mean log count would do better.",
		"explore.fidelity.reading_pmi":        "Against PMI only the correlation is shown, because w·w̃ ≈ PMI holds only up to the biases: log X",
		"explore.fidelity.reading_identity_i": " = PMI(i, j) + log X",
		"explore.fidelity.reading_identity_j": " + log X",
		"explore.fidelity.reading_free":       " − log S, and the training is free to put log X",
		"explore.fidelity.reading_and_logx":   " and log X",
		"explore.fidelity.reading_into_b":     " into b",
		"explore.fidelity.reading_and_bt":     " and b̃",
		"explore.fidelity.reading_end":        " or into the dot product. A correlation near zero means the biases carry the counts' variation, not that the fit failed; the log X row above is the identity GloVe actually fits.",

		"explore.evaluation.heading":    "Evaluation",
		"explore.evaluation.loading":    "Scoring analogies and word similarity…",
		"explore.evaluation.no_sets":    "The evaluation sets could not be loaded: the folder given with -eval-dir holds neither analogy/questions-words.txt nor similarity/EN-*.txt. Without the flag the built-in sets are used.",
		"explore.evaluation.unreadable": "The evaluation sets could not be read; the server log says why.",

		"explore.evalsets.heading":      "Your evaluation sets",
		"explore.evalsets.col_set":      "Set",
		"explore.evalsets.col_format":   "Format",
		"explore.evalsets.col_spearman": "Spearman ρ",
		"explore.evalsets.col_auc":      "AUC",
		"explore.evalsets.auc_title":    "ViCon: probability that a synonym pair has a higher cosine than an antonym pair",
		"explore.evalsets.col_pairs":    "Pairs covered",
		"explore.evalsets.pairs_of":     "%s of %s",
		"explore.evalsets.too_few":      "too few pairs",
		"explore.evalsets.remove":       "remove",
		"explore.evalsets.remove_aria":  "Remove %s",
		"explore.evalsets.vicon_hint":   "ViCon pairs count as 1 (synonyms) and 0 (antonyms): ρ is then the rank-biserial correlation, and AUC the chance that a synonym pair is closer than an antonym pair (0.5 is chance).",
		"explore.evalsets.upload_hint":  "Score every vector set on a word-similarity file of your own (at most %s, UTF-8, tab-separated): lines “word word score”, ViSim-400 (header Word1 Word2 POS Sim1 Sim2 STD; Sim1 is used) or ViCon (header Word1 Word2 Relation, SYN or ANT). Join the syllables of a word with “_” (văn_bản), as a build with phrases does.",
		"explore.evalsets.file":         "File",
		"explore.evalsets.name":         "Name",
		"explore.evalsets.name_hint":    "(optional; the file name otherwise)",
		"explore.evalsets.submit":       "Upload evaluation set",
		"explore.evalsets.unreadable":   "The uploaded evaluation sets could not be read; the server log says why.",
		"explore.evalsets.format_pairs": "word pairs with scores",
		"explore.evalsets.format_visim": "ViSim-400",
		"explore.evalsets.format_vicon": "ViCon",

		"explore.downloads.heading":       "Download these vectors",
		"explore.downloads.glove":         "GloVe text",
		"explore.downloads.glove_hint":    "word v1 … vd per line, no header",
		"explore.downloads.word2vec":      "word2vec binary",
		"explore.downloads.word2vec_hint": "“n d” header, then float32 records",
		"explore.downloads.vectors":       "Projector vectors.tsv",
		"explore.downloads.vectors_hint":  "for projector.tensorflow.org",
		"explore.downloads.metadata":      "Projector metadata.tsv",
		"explore.downloads.metadata_hint": "the words, one a line",

		"explore.plot.neighbors_title": "Nearest neighbours of %s · %s",
		"explore.plot.cosine":          "cosine similarity",
		"explore.plot.cosmul_score":    "3CosMul score",
		"explore.plot.spectrum_title":  "Eigenvalue spectrum of covariance · %s",
		"explore.plot.rank_axis":       "rank r (log scale)",
		"explore.plot.eigen_axis":      "eigenvalue (log scale)",
		"explore.plot.eigenvalues":     "eigenvalues",
		"explore.plot.power_law":       "power law, ranks %s–%s: β = %s, R² = %s",

		"explore.vectors.heading":        "Vector sets",
		"explore.vectors.lead":           "Word vectors: GloVe or word2vec text (one word per line followed by its numbers, optionally after a “count dim” header line), word2vec binary, gzip of either, or the TensorFlow Projector’s vectors.tsv and metadata.tsv.",
		"explore.vectors.upload_heading": "Upload vectors",
		"explore.vectors.name":           "Name",
		"explore.vectors.name_hint":      "(optional; defaults to the file name)",
		"explore.vectors.file":           "Vector file",
		"explore.vectors.file_hint":      "(GloVe or word2vec text or word2vec binary, or gzip of them; or a Projector vectors.tsv with its metadata.tsv, chosen together; up to %s each)",
		"explore.vectors.submit":         "Upload vectors",
		"explore.vectors.all_heading":    "All vector sets",
		"explore.vector.duplicate":       "This file is already in the catalogue, as shown below. Nothing new was added.",
		"explore.vector.source":          "Source",
		"explore.vector.run":             "Training run",
		"explore.vector.filename":        "Original file",
		"explore.vector.shape":           "Words × dimension",
		"explore.vector.size":            "Size",
		"explore.vector.sha256":          "SHA-256",
		"explore.vector.added":           "Added",
		"explore.vector.explore_button":  "Explore these vectors",
		"explore.vector.explore_hint":    "neighbours, analogies, maps, spectrum and benchmark scores.",
		"explore.vector.noun":            "vector set",
		// ==== end explore ====

		// ==== map: map view, map scripts, relation axes ====
		// ==== end map ====

		// ==== compare: compare, WEAT, alignment ====
		// ==== end compare ====

		// ==== messages: labels and headings shared by error pages and job lists ====
		// ==== end messages ====

	}
}
