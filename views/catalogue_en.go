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
		"train.title":   "Train",
		"train.heading": "Train",
		"train.crumb":   "Train",
		"train.lead":    "Fit GloVe vectors to a corpus's co-occurrence counts and watch the cost fall epoch by epoch, or compute the SVD-PPMI baseline to compare with them.",

		"train.form.heading":         "New training run",
		"train.form.no_built_before": "No corpus has been built yet. Training needs a corpus's co-occurrence counts: open a corpus on the ",
		"train.form.no_built_link":   "Corpora",
		"train.form.no_built_after":  " page and build it first.",
		"train.form.corpus":          "Corpus",
		"train.form.corpus_sizes":    "%s words · %s nonzeros",
		"train.form.model":           "Model",
		"train.form.model_hint":      "GloVe is trained epoch by epoch; the SVD-PPMI baseline is computed in one step",
		"train.form.model_glove":     "GloVe (AdaGrad on the weighted least-squares cost)",
		"train.form.model_svd":       "SVD-PPMI baseline (W = U_d Σ_d^p of the PPMI matrix)",
		"train.form.svd_hint":        "An SVD-PPMI run uses the vector size d, the weight p and the seed (the SVD's random start); the other settings are GloVe's.",
		"train.form.start":           "Start training",
		"train.form.start_hint":      "Training runs as a background job; you will be taken to its page to follow the cost.",
		"train.form.unbuilt_after":   " is not built yet: build it on its page to train on it.",

		"train.field.vector_size":       "Vector size d",
		"train.field.vector_size_hint":  "dimension of w and w̃",
		"train.field.epochs":            "Epochs",
		"train.field.epochs_hint":       "passes over the nonzeros",
		"train.field.xmax":              "x_max",
		"train.field.xmax_hint":         "weighting cut-off, > 0",
		"train.field.alpha_hint":        "weighting exponent",
		"train.field.eta":               "Learning rate η",
		"train.field.eta_hint":          "AdaGrad step, > 0",
		"train.field.threads":           "Threads",
		"train.field.threads_hint":      "workers updating in parallel",
		"train.field.threads_hint_cpu":  "workers updating in parallel (%s CPU)",
		"train.field.threads_hint_cpus": "workers updating in parallel (%s CPUs)",
		"train.field.seed":              "Seed",
		"train.field.seed_hint":         "initialisation and order",
		"train.field.power":             "Eigenvalue weight p",
		"train.field.power_hint":        "SVD-PPMI only: W = U_d Σ_d^p",

		"train.help.summary":        "What do these mean?",
		"train.help.cost_before":    "GloVe minimises",
		"train.help.log":            "log",
		"train.help.cost_over":      "over the nonzero co-occurrence counts, with f(x) = (x/x_max)",
		"train.help.cost_weighting": "below x_max and 1 above.",
		"train.help.eta":            "η is the AdaGrad learning rate; if the cost becomes NaN, lower it.",
		"train.help.shown_before":   "The cost shown for each epoch (run pages, loss curves) is, as in the reference implementation, J/2 divided by the number of nonzeros: the mean of",
		"train.help.shown_after":    "per nonzero, summed during the epoch while the vectors are updated.",

		"train.runs.heading":             "Training runs",
		"train.runs.compare_hint":        "tick runs and press Compare runs to see them side by side",
		"train.runs.empty":               "No training runs yet.",
		"train.runs.col_compare":         "Compare",
		"train.runs.col_run":             "Run",
		"train.runs.col_corpus":          "Corpus",
		"train.runs.col_settings":        "and settings",
		"train.runs.col_status":          "Status",
		"train.runs.col_epochs":          "Epochs",
		"train.runs.col_final_cost":      "Final cost",
		"train.runs.col_analogy":         "Analogy accuracy",
		"train.runs.col_similarity":      "Similarity ρ",
		"train.runs.col_total":           "total",
		"train.runs.col_semantic":        "sem.",
		"train.runs.col_semantic_title":  "semantic questions",
		"train.runs.col_syntactic":       "syn.",
		"train.runs.col_syntactic_title": "syntactic questions",
		"train.runs.compare_run":         "compare run %d",
		"train.runs.deleted_corpus":      "deleted corpus",
		"train.runs.no_epochs":           "none",
		"train.runs.no_cost_title":       "an SVD-PPMI run has no cost",
		"train.runs.compare":             "Compare runs",

		"train.evalsets.heading":  "Evaluation sets",
		"train.evalsets.unloaded": "The evaluation sets could not be loaded, so finished runs are not scored on analogies and word similarity. The folder given with -eval-dir must hold analogy/questions-words.txt or similarity/EN-*.txt; without the flag the sets built into gloveboard are used.",
		"train.evalsets.scored":   "Finished runs are scored on the Google analogy set and on WS-353, SimLex-999 and MEN (word similarity).",

		"train.status.queued":      "queued",
		"train.status.running":     "running",
		"train.status.done":        "done",
		"train.status.failed":      "failed",
		"train.status.cancelled":   "cancelled",
		"train.status.interrupted": "interrupted",

		"train.model.glove":    "GloVe",
		"train.model.svd_ppmi": "SVD-PPMI",

		"train.settings.glove": "d %s · η %s · x_max %s · α %s · seed %s",
		"train.settings.svd":   "d %s · p %s · seed %s",
		"train.cost.nan":       "not a number",

		"train.score.na":            "n/a",
		"train.score.few_pairs":     "few pairs",
		"train.score.too_few_pairs": "too few pairs",

		"train.run.name":          "Run %d",
		"train.run.lead_before":   "%s on ",
		"train.run.lead_after":    ", started",
		"train.run.lead_deleted":  "%s on a deleted corpus, started",
		"train.run.params":        "Hyperparameters",
		"train.run.evaluation":    "Evaluation",
		"train.run.eval_unloaded": "The evaluation sets could not be loaded: the folder given with -eval-dir holds neither analogy/questions-words.txt nor similarity/EN-*.txt, so new runs are not scored. Without the flag the built-in sets are used.",
		"train.run.set_deleted":   "The vector set of this run has been deleted.",
		"train.run.downloads":     "Downloads",
		"train.run.explore":       "Explore these vectors",

		"train.download.glove":                   "GloVe text",
		"train.download.glove_hint":              "word v1 … vd per line, no header",
		"train.download.word2vec":                "word2vec binary",
		"train.download.word2vec_hint":           "“n d” header, then float32 records",
		"train.download.projector_vectors":       "Projector vectors.tsv",
		"train.download.projector_vectors_hint":  "for projector.tensorflow.org",
		"train.download.projector_metadata":      "Projector metadata.tsv",
		"train.download.projector_metadata_hint": "the words, one a line",

		"train.fact.model":        "Model",
		"train.fact.model_svd":    "SVD-PPMI: W = U_d Σ_d^p of the PPMI matrix (context smoothing 0.75)",
		"train.fact.seed_lanczos": "%s (start of the Lanczos iteration)",
		"train.fact.vocabulary":   "Vocabulary",
		"train.fact.words":        "%s words",
		"train.fact.nonzeros":     "Nonzeros X_ij",
		"train.fact.window":       "Context window",

		"train.actions.heading_resume": "Resume or retry",
		"train.actions.heading_retry":  "Retry",
		"train.actions.resume":         "Resume from epoch %s",
		"train.actions.retry":          "Retry as a new run",
		"train.actions.resume_hint":    "Resume goes on from the checkpoint saved after epoch %s to the planned %s epochs, in this run: its loss curve continues. With one thread the result is the same, bit for bit, as a run that never stopped.",
		"train.actions.retry_hint":     "Retry starts a new run with the same settings on the same corpus.",

		"train.progress.heading":          "Progress",
		"train.progress.cancel":           "Cancel",
		"train.progress.status":           "Status",
		"train.progress.epoch":            "Epoch",
		"train.progress.epoch_of":         "%s of %s",
		"train.progress.cost":             "Cost",
		"train.progress.cost_mean":        "mean of",
		"train.progress.cost_per_nonzero": "per nonzero",
		"train.progress.speed":            "Speed",
		"train.progress.rate":             "%s nonzeros/s",
		"train.progress.now":              "Now",
		"train.progress.queued":           "waiting for a worker (position %s in the queue)",
		"train.progress.no_loss":          "No loss curve: an SVD-PPMI run is computed in one step (a truncated SVD of the PPMI matrix), not trained epoch by epoch, so it has no cost to follow.",
		"train.progress.loss_soon":        "The loss curve appears after the first epoch.",

		"train.plot.download":            "Download",
		"train.plot.png":                 "PNG",
		"train.plot.svg":                 "SVG",
		"train.plot.csv":                 "CSV data",
		"train.plot.loss_alt":            "Loss curve of run %d: cost against epoch",
		"train.plot.compare_alt":         "Loss curves: %s",
		"train.plot.loss_title":          "Training loss",
		"train.plot.loss_title_run":      "Training loss of run %d",
		"train.plot.epoch_axis":          "epoch",
		"train.plot.cost_axis":           "cost J",
		"train.plot.cost_axis_log":       "cost J (log scale)",
		"train.plot.fidelity_logx_alt":   "Model prediction against log co-occurrence count",
		"train.plot.fidelity_pmi_alt":    "Dot product of word and context vectors against PMI",
		"train.plot.fidelity_logx_title": "Run %d: model vs log X",
		"train.plot.fidelity_pmi_title":  "Run %d: w·w̃ vs PMI",
		"train.plot.logx_axis":           "log X_ij",
		"train.plot.pmi_axis":            "PMI(i, j)",
		"train.plot.fit_legend":          "least squares: y = %s·x %s %s",
		"train.plot.points":              "%s points",
		"train.plot.r2":                  " — R² = %s",
		"train.plot.thinned":             "showing one point in %s (%s of %s); R² and the line use all points",
		"train.plot.points_omitted":      "%s NaN or infinite points omitted",
		"train.plot.no_spread":           "least-squares line not drawn: x has no spread",
		"train.plot.costs_nonfinite":     "%s NaN or infinite costs omitted",
		"train.plot.costs_nonpositive":   "%s non-positive costs omitted (log axis)",
		"train.plot.coincide":            "%s curves coincide with an earlier one: drawn over it, dashed, with smaller markers",
		"train.plot.run":                 "run %s",

		"train.eval.analogy_heading":    "Google analogies (3CosAdd)",
		"train.eval.accuracy":           "Accuracy",
		"train.eval.correct":            "Correct",
		"train.eval.covered":            "Covered",
		"train.eval.questions":          "Questions",
		"train.eval.total":              "Total",
		"train.eval.semantic":           "Semantic",
		"train.eval.syntactic":          "Syntactic",
		"train.eval.covered_hint":       "A question is covered when its four words are in the vocabulary; accuracy is over covered questions.",
		"train.eval.similarity_heading": "Word similarity",
		"train.eval.set":                "Set",
		"train.eval.spearman":           "Spearman ρ",
		"train.eval.pairs_covered":      "Pairs covered",
		"train.eval.pairs_of":           "%s of %s",

		"train.compare.heading":       "Compare runs",
		"train.compare.lead":          "The chosen runs side by side: the cost per epoch on one plot, and their settings, final costs and evaluation scores.",
		"train.compare.none":          "Tick two or more runs below and press Compare runs.",
		"train.compare.curves":        "Loss curves",
		"train.compare.styles":        "Each run has its own colour, marker and dash pattern; a curve identical to another is drawn over it, dashed.",
		"train.compare.log_axis":      "Cost on a logarithmic axis.",
		"train.compare.use_linear":    "Use a linear axis",
		"train.compare.linear_axis":   "Cost on a linear axis.",
		"train.compare.use_log":       "Use a logarithmic axis",
		"train.compare.use_log_after": " to see late epochs better.",
		"train.compare.side_by_side":  "Side by side",
		"train.compare.col_run":       "Run (legend label)",
		"train.compare.col_rank":      "Cost rank",
		"train.compare.no_cost":       "no cost",
		"train.compare.scores_hint":   "Analogy accuracy is over the Google analogy questions whose four words are in the vocabulary (3CosAdd); similarity is Spearman's ρ between the cosine and human ratings over the covered pairs (“few pairs”: under 10 covered). Scores of runs on different corpora cover different questions and pairs. Every setting of each run is in the table of runs below.",
		"train.compare.runs":          "Runs",
		"train.compare.svd_no_curve":  "Run %d is an SVD-PPMI run: it is computed in one step, not trained by epochs, so it has no loss curve and no cost; cost comparisons leave it out.",
		"train.compare.no_epoch_yet":  "Run %d has no finished epoch yet, so no loss curve.",
		"train.compare.label":         "run %d: %s",
		"train.compare.label_twin":    "%s (same settings as run %d)",
		"train.compare.rank_of":       "%s of %s",
		"train.compare.not_ranked":    "The final costs are not ranked: the runs differ in %s. The cost J depends on these, so a lower cost does not mean a better fit; compare the evaluation scores instead.",

		"train.setting.seed":        "seed",
		"train.setting.on":          "on",
		"train.setting.corpus_id":   "corpus %d",
		"train.setting.build":       "build",
		"train.setting.build_sizes": "%s words, %s nonzeros",
		"train.setting.window":      "window",
		"train.setting.epochs":      "epochs",
		"train.setting.threads":     "threads",
		"train.setting.what_corpus": "corpus",
		"train.setting.what_build":  "corpus build",
		"train.setting.what_window": "window",

		"js.train.starting": "Starting…",
		"js.train.start":    "Start training",
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
