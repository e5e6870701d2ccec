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

		"frame.title.home":        "Home",
		"frame.title.about":       "About",
		"frame.title.corpora":     "Corpora",
		"frame.title.vector_sets": "Vector sets",

		"frame.home.heading":              "GloVe, step by step",
		"frame.home.lead":                 "Pick a corpus to see its co-occurrence statistics, or a vector set to explore neighbours and analogies.",
		"frame.home.upload_before":        "Upload your own text or vectors on the ",
		"frame.home.upload_corpora":       "Corpora",
		"frame.home.upload_and":           " and ",
		"frame.home.upload_vectors":       "Vectors",
		"frame.home.upload_after":         " pages.",
		"frame.home.examples":             "Probability ratios as in Table 1 of the GloVe paper:",
		"frame.home.example_in":           "in %s",
		"frame.home.corpora":              "Corpora",
		"frame.home.upload_corpus":        "Upload a corpus",
		"frame.home.vector_sets":          "Vector sets",
		"frame.home.upload_vector_set":    "Upload vectors",
		"frame.home.no_corpora":           "No corpora yet.",
		"frame.home.no_vector_sets":       "No vector sets yet.",
		"frame.home.not_built":            "not built yet",
		"frame.home.not_built_title":      "Token and vocabulary counts appear once the corpus has been built.",
		"frame.home.start_heading":        "Start with the paper's example",
		"frame.home.start_idea":           "GloVe begins with one observation: whether a word k is related to “ice” or to “steam” shows in the ratio P(k | ice) / P(k | steam).",
		"frame.home.start_table_1":        "In the paper's Table 1 (6 billion tokens) it is 8.9 for ",
		"frame.home.start_table_2":        ", a word of ice, 0.085 for ",
		"frame.home.start_table_3":        ", a word of steam, and near 1 for ",
		"frame.home.start_table_4":        " and ",
		"frame.home.start_table_5":        " (1.36 and 0.96), related to both or to neither.",
		"frame.home.start_demo":           "Look at the ratio row of the demo's table to see how much of this a corpus of 1.5 million tokens reproduces; columns marked “thin” rest on a handful of co-occurrences.",
		"frame.home.start_open":           "Open the ice / steam table →",
		"frame.home.start_word":           "or everything about “solid”",
		"frame.home.start_unbuilt_before": "The demo corpus (%s) is not built yet; ",
		"frame.home.start_unbuilt_link":   "build it",
		"frame.home.start_unbuilt_after":  " and the table is one click away.",

		"frame.source.demo":    "demo",
		"frame.source.upload":  "upload",
		"frame.source.trained": "trained",

		"frame.table.name":   "Name",
		"frame.table.size":   "Size",
		"frame.table.tokens": "Tokens",
		"frame.table.types":  "Types",
		"frame.table.vocab":  "Vocab",
		"frame.table.words":  "Words",
		"frame.table.dim":    "Dim",

		"frame.jobs.heading":            "Jobs",
		"frame.jobs.one_worker":         "one job runs at a time; others wait in the queue",
		"frame.jobs.workers":            "%s jobs run at a time; others wait in the queue",
		"frame.jobs.none":               "No jobs yet. Building a corpus, training and t-SNE maps run here in the background.",
		"frame.jobs.col_job":            "Job",
		"frame.jobs.col_status":         "Status",
		"frame.jobs.col_progress":       "Progress",
		"frame.jobs.position":           "position %s in queue",
		"frame.jobs.view_result":        "view result",
		"frame.jobs.cancel":             "Cancel",
		"frame.jobs.target_item":        "item #%d",
		"frame.jobs.target_corpus":      "corpus “%s”",
		"frame.jobs.target_vector_set":  "vector set “%s”",
		"frame.jobs.deleted_corpus":     "deleted corpus",
		"frame.jobs.deleted_vector_set": "deleted vector set",
		"frame.jobs.status.queued":      "queued",
		"frame.jobs.status.running":     "running",
		"frame.jobs.status.done":        "done",
		"frame.jobs.status.failed":      "failed",
		"frame.jobs.status.cancelled":   "cancelled",
		"frame.jobs.status.interrupted": "interrupted",

		"frame.kind.build":    "Build corpus",
		"frame.kind.train":    "Train GloVe",
		"frame.kind.tsne":     "t-SNE map",
		"frame.kind.umap":     "UMAP map",
		"frame.kind.pca_map":  "PCA map",
		"frame.kind.axis_map": "Relation-axis map",
		"frame.kind.spectrum": "Co-occurrence spectrum",
		"frame.kind.svd":      "SVD-PPMI baseline",
		"frame.kind.align":    "Align vector sets",

		"frame.saved.maps_heading":    "Saved maps",
		"frame.saved.no_maps":         "No saved maps yet: t-SNE and UMAP maps, large PCA maps and maps drawn with “keep this map” are listed here.",
		"frame.saved.col_map":         "Map",
		"frame.saved.col_method":      "Method",
		"frame.saved.col_seed":        "Seed",
		"frame.saved.col_trust":       "Trust",
		"frame.saved.col_date":        "Date",
		"frame.saved.spectra_heading": "Saved spectra",
		"frame.saved.no_spectra":      "No saved spectra yet.",
		"frame.saved.col_spectrum":    "Spectrum",
		"frame.saved.col_values":      "Values",

		"frame.error.title":     "Error",
		"frame.error.home":      "Back to the home page",
		"frame.error.not_found": "Not found",
		"frame.error.too_large": "File too large",
		"frame.error.refused":   "Request refused",
		"frame.error.conflict":  "Cannot do that now",
		"frame.error.disk_full": "Disk full",
		"frame.error.server":    "Server error",
		"frame.error.cannot":    "Cannot do that",

		"frame.about.heading":          "About gloveboard",
		"frame.about.lead":             "gloveboard explores the mathematics of GloVe word embeddings (Pennington, Socher & Manning 2014): co-occurrence counts, probability ratios, PMI, training, neighbours and analogies.",
		"frame.about.wordnet_heading":  "Demo corpus: WordNet glosses",
		"frame.about.wordnet_text":     "WordNet 3.1 definitions and example sentences, one synset a line. Distributed under the WordNet licence:",
		"frame.about.glove_heading":    "Demo vectors: GloVe 6B 50d (4k words)",
		"frame.about.evalsets_heading": "Evaluation sets",
		"frame.about.evalsets_text":    "Every training run is scored on the Google analogy set (Mikolov et al. 2013) and on WS-353, SimLex-999 and MEN; the other word-similarity sets of the collection ship with them.",
		"frame.about.vi_heading":       "Demo corpus: LibreOffice help, Vietnamese",
		"frame.about.vi_text_1":        "The Vietnamese paragraphs of the LibreOffice 7.4 help (Debian package libreoffice-help-vi), one paragraph a line, are the second demo corpus, built with phrases (văn bản → văn_bản). They ship in the repository and the binary (",
		"frame.about.vi_text_2":        ") under the Mozilla Public Licence 2.0, whose text is beside it (",
		"frame.about.vi_text_3":        ") and below; the source is at https://www.libreoffice.org/.",
		"frame.about.mpl_summary":      "Mozilla Public License 2.0",
		"frame.about.software_heading": "Software",
		"frame.about.software_text":    "The page script is htmx 2.0.11 (Zero-Clause BSD licence).",

		"js.frame.upload_too_large": "This file is %s, larger than the upload limit of %s.",
		"js.frame.uploading":        "Uploading…",
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
