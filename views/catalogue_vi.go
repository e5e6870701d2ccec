package views

// catalogueVI is the Vietnamese catalogue: the same keys as catalogueEN.
// Terms follow Vietnamese NLP textbooks: ma trận đồng xuất hiện
// (co-occurrence matrix), hàm mất mát (loss function), tỷ lệ xác suất
// (probability ratio), phổ trị riêng (eigenvalue spectrum), véc-tơ từ
// (word vector), kho ngữ liệu (corpus), từ vựng (vocabulary).
func catalogueVI() map[string]string {
	return map[string]string{
		// ==== frame: layout, home, about, error page, jobs, saved results, app.js ====
		"frame.nav.label":      "Chính",
		"frame.nav.home":       "Trang chủ",
		"frame.nav.corpora":    "Kho ngữ liệu",
		"frame.nav.train":      "Huấn luyện",
		"frame.nav.explore":    "Khám phá",
		"frame.footer.tagline": "toán học của véc-tơ từ GloVe",
		"frame.footer.about":   "Giới thiệu & giấy phép dữ liệu",
		"frame.lang.label":     "Ngôn ngữ",
		// ==== end frame ====

		// ==== corpus: corpora list, corpus page, phrases, corpus spectrum, uploads ====
		// ==== end corpus ====

		// ==== ratio: ratio page ====
		// ==== end ratio ====

		// ==== word: word page, word run panel ====
		// ==== end word ====

		// ==== train: train page, runs, run comparison, loss plots ====
		"train.title":   "Huấn luyện",
		"train.heading": "Huấn luyện",
		"train.crumb":   "Huấn luyện",
		"train.lead":    "Khớp các véc-tơ GloVe với số lần đồng xuất hiện của một kho ngữ liệu và theo dõi giá trị mất mát giảm dần qua từng vòng lặp (epoch), hoặc tính mô hình cơ sở SVD-PPMI để so sánh.",

		"train.form.heading":         "Lần chạy huấn luyện mới",
		"train.form.no_built_before": "Chưa có kho ngữ liệu nào được xây dựng. Huấn luyện cần số lần đồng xuất hiện của một kho ngữ liệu: hãy mở một kho ngữ liệu ở trang ",
		"train.form.no_built_link":   "Kho ngữ liệu",
		"train.form.no_built_after":  " và xây dựng nó trước.",
		"train.form.corpus":          "Kho ngữ liệu",
		"train.form.corpus_sizes":    "%s từ · %s phần tử khác 0",
		"train.form.model":           "Mô hình",
		"train.form.model_hint":      "GloVe được huấn luyện qua từng vòng; mô hình cơ sở SVD-PPMI được tính trong một bước",
		"train.form.model_glove":     "GloVe (AdaGrad trên hàm mất mát bình phương tối thiểu có trọng số)",
		"train.form.model_svd":       "Mô hình cơ sở SVD-PPMI (W = U_d Σ_d^p của ma trận PPMI)",
		"train.form.svd_hint":        "Lần chạy SVD-PPMI chỉ dùng số chiều d, trọng số p và hạt giống ngẫu nhiên (seed, điểm khởi đầu ngẫu nhiên của SVD); các tham số còn lại là của GloVe.",
		"train.form.start":           "Bắt đầu huấn luyện",
		"train.form.start_hint":      "Việc huấn luyện chạy như một tác vụ nền; bạn sẽ được chuyển đến trang của nó để theo dõi giá trị mất mát.",
		"train.form.unbuilt_after":   " chưa được xây dựng: hãy xây dựng nó trên trang của nó để huấn luyện.",

		"train.field.vector_size":       "Số chiều véc-tơ d",
		"train.field.vector_size_hint":  "số chiều của w và w̃",
		"train.field.epochs":            "Số vòng lặp (epoch)",
		"train.field.epochs_hint":       "số lượt duyệt qua các phần tử khác 0",
		"train.field.xmax":              "x_max",
		"train.field.xmax_hint":         "ngưỡng cắt của hàm trọng số, > 0",
		"train.field.alpha_hint":        "số mũ của hàm trọng số",
		"train.field.eta":               "Tốc độ học η",
		"train.field.eta_hint":          "bước AdaGrad, > 0",
		"train.field.threads":           "Số luồng",
		"train.field.threads_hint":      "số luồng cập nhật song song",
		"train.field.threads_hint_cpu":  "số luồng cập nhật song song (%s CPU)",
		"train.field.threads_hint_cpus": "số luồng cập nhật song song (%s CPU)",
		"train.field.seed":              "Hạt giống (seed)",
		"train.field.seed_hint":         "khởi tạo và thứ tự duyệt",
		"train.field.power":             "Trọng số trị riêng p",
		"train.field.power_hint":        "chỉ cho SVD-PPMI: W = U_d Σ_d^p",

		"train.help.summary":        "Các tham số này có nghĩa là gì?",
		"train.help.cost_before":    "GloVe cực tiểu hóa",
		"train.help.log":            "log",
		"train.help.cost_over":      "trên các số lần đồng xuất hiện khác 0, với hàm trọng số f(x) = (x/x_max)",
		"train.help.cost_weighting": "khi x nhỏ hơn x_max và bằng 1 khi lớn hơn.",
		"train.help.eta":            "η là tốc độ học của AdaGrad; nếu giá trị mất mát trở thành NaN, hãy giảm nó.",
		"train.help.shown_before":   "Giá trị mất mát hiển thị cho mỗi vòng (trên trang lần chạy và đường cong mất mát), như trong bản cài đặt gốc, là J/2 chia cho số phần tử khác 0: trung bình của",
		"train.help.shown_after":    "trên mỗi phần tử khác 0, được cộng dồn trong vòng lặp trong khi các véc-tơ đang được cập nhật.",

		"train.runs.heading":             "Các lần chạy huấn luyện",
		"train.runs.compare_hint":        "đánh dấu các lần chạy rồi bấm So sánh các lần chạy để xem chúng cạnh nhau",
		"train.runs.empty":               "Chưa có lần chạy huấn luyện nào.",
		"train.runs.col_compare":         "So sánh",
		"train.runs.col_run":             "Lần chạy",
		"train.runs.col_corpus":          "Kho ngữ liệu",
		"train.runs.col_settings":        "và tham số",
		"train.runs.col_status":          "Trạng thái",
		"train.runs.col_epochs":          "Số vòng",
		"train.runs.col_final_cost":      "Mất mát cuối",
		"train.runs.col_analogy":         "Độ chính xác phép loại suy",
		"train.runs.col_similarity":      "Độ tương đồng ρ",
		"train.runs.col_total":           "tổng",
		"train.runs.col_semantic":        "ngữ nghĩa",
		"train.runs.col_semantic_title":  "các câu hỏi ngữ nghĩa",
		"train.runs.col_syntactic":       "cú pháp",
		"train.runs.col_syntactic_title": "các câu hỏi cú pháp",
		"train.runs.compare_run":         "so sánh lần chạy %d",
		"train.runs.deleted_corpus":      "kho ngữ liệu đã bị xóa",
		"train.runs.no_epochs":           "không có",
		"train.runs.no_cost_title":       "lần chạy SVD-PPMI không có giá trị mất mát",
		"train.runs.compare":             "So sánh các lần chạy",

		"train.evalsets.heading":  "Bộ dữ liệu đánh giá",
		"train.evalsets.unloaded": "Không nạp được các bộ dữ liệu đánh giá, nên các lần chạy đã xong không được chấm điểm về phép loại suy và độ tương đồng từ. Thư mục truyền qua -eval-dir phải chứa analogy/questions-words.txt hoặc similarity/EN-*.txt; nếu không có cờ này, gloveboard dùng các bộ dữ liệu có sẵn bên trong.",
		"train.evalsets.scored":   "Các lần chạy đã xong được chấm điểm trên bộ phép loại suy của Google và trên WS-353, SimLex-999 và MEN (độ tương đồng từ).",

		"train.status.queued":      "đang chờ",
		"train.status.running":     "đang chạy",
		"train.status.done":        "hoàn tất",
		"train.status.failed":      "thất bại",
		"train.status.cancelled":   "đã hủy",
		"train.status.interrupted": "bị gián đoạn",

		"train.model.glove":    "GloVe",
		"train.model.svd_ppmi": "SVD-PPMI",

		"train.settings.glove": "d %s · η %s · x_max %s · α %s · seed %s",
		"train.settings.svd":   "d %s · p %s · seed %s",
		"train.cost.nan":       "không phải là số",

		"train.score.na":            "không có",
		"train.score.few_pairs":     "ít cặp",
		"train.score.too_few_pairs": "quá ít cặp",

		"train.run.name":          "Lần chạy %d",
		"train.run.lead_before":   "%s trên ",
		"train.run.lead_after":    ", bắt đầu lúc",
		"train.run.lead_deleted":  "%s trên một kho ngữ liệu đã bị xóa, bắt đầu lúc",
		"train.run.params":        "Siêu tham số",
		"train.run.evaluation":    "Đánh giá",
		"train.run.eval_unloaded": "Không nạp được các bộ dữ liệu đánh giá: thư mục truyền qua -eval-dir không chứa analogy/questions-words.txt lẫn similarity/EN-*.txt, nên các lần chạy mới không được chấm điểm. Nếu không có cờ này, các bộ dữ liệu có sẵn sẽ được dùng.",
		"train.run.set_deleted":   "Bộ véc-tơ của lần chạy này đã bị xóa.",
		"train.run.downloads":     "Tải xuống",
		"train.run.explore":       "Khám phá các véc-tơ này",

		"train.download.glove":                   "Văn bản GloVe",
		"train.download.glove_hint":              "mỗi dòng: từ v1 … vd, không có dòng tiêu đề",
		"train.download.word2vec":                "Nhị phân word2vec",
		"train.download.word2vec_hint":           "dòng tiêu đề “n d”, sau đó là các bản ghi float32",
		"train.download.projector_vectors":       "vectors.tsv cho Projector",
		"train.download.projector_vectors_hint":  "dành cho projector.tensorflow.org",
		"train.download.projector_metadata":      "metadata.tsv cho Projector",
		"train.download.projector_metadata_hint": "các từ, mỗi từ một dòng",

		"train.fact.model":        "Mô hình",
		"train.fact.model_svd":    "SVD-PPMI: W = U_d Σ_d^p của ma trận PPMI (làm trơn ngữ cảnh 0,75)",
		"train.fact.seed_lanczos": "%s (điểm khởi đầu của vòng lặp Lanczos)",
		"train.fact.vocabulary":   "Từ vựng",
		"train.fact.words":        "%s từ",
		"train.fact.nonzeros":     "Số phần tử khác 0 X_ij",
		"train.fact.window":       "Cửa sổ ngữ cảnh",

		"train.actions.heading_resume": "Tiếp tục hoặc chạy lại",
		"train.actions.heading_retry":  "Chạy lại",
		"train.actions.resume":         "Tiếp tục từ vòng %s",
		"train.actions.retry":          "Chạy lại thành lần chạy mới",
		"train.actions.resume_hint":    "Tiếp tục sẽ chạy từ điểm lưu sau vòng %s đến đủ %s vòng đã định, ngay trong lần chạy này: đường cong mất mát của nó được nối tiếp. Với một luồng, kết quả giống hệt từng bit với một lần chạy chưa từng dừng.",
		"train.actions.retry_hint":     "Chạy lại sẽ bắt đầu một lần chạy mới với cùng tham số trên cùng kho ngữ liệu.",

		"train.progress.heading":          "Tiến độ",
		"train.progress.cancel":           "Hủy",
		"train.progress.status":           "Trạng thái",
		"train.progress.epoch":            "Vòng",
		"train.progress.epoch_of":         "%s trên %s",
		"train.progress.cost":             "Giá trị mất mát",
		"train.progress.cost_mean":        "trung bình của",
		"train.progress.cost_per_nonzero": "trên mỗi phần tử khác 0",
		"train.progress.speed":            "Tốc độ",
		"train.progress.rate":             "%s phần tử khác 0/giây",
		"train.progress.now":              "Hiện tại",
		"train.progress.queued":           "đang chờ một tiến trình xử lý (vị trí %s trong hàng đợi)",
		"train.progress.no_loss":          "Không có đường cong mất mát: lần chạy SVD-PPMI được tính trong một bước (SVD rút gọn của ma trận PPMI), không huấn luyện qua từng vòng, nên không có giá trị mất mát để theo dõi.",
		"train.progress.loss_soon":        "Đường cong mất mát sẽ xuất hiện sau vòng đầu tiên.",

		"train.plot.download":            "Tải xuống",
		"train.plot.png":                 "PNG",
		"train.plot.svg":                 "SVG",
		"train.plot.csv":                 "Dữ liệu CSV",
		"train.plot.loss_alt":            "Đường cong mất mát của lần chạy %d: giá trị mất mát theo vòng lặp",
		"train.plot.compare_alt":         "Các đường cong mất mát: %s",
		"train.plot.loss_title":          "Hàm mất mát khi huấn luyện",
		"train.plot.loss_title_run":      "Hàm mất mát của lần chạy %d",
		"train.plot.epoch_axis":          "vòng lặp (epoch)",
		"train.plot.cost_axis":           "giá trị mất mát J",
		"train.plot.cost_axis_log":       "giá trị mất mát J (thang logarit)",
		"train.plot.fidelity_logx_alt":   "Dự đoán của mô hình so với log số lần đồng xuất hiện",
		"train.plot.fidelity_pmi_alt":    "Tích vô hướng của véc-tơ từ và véc-tơ ngữ cảnh so với PMI",
		"train.plot.fidelity_logx_title": "Lần chạy %d: mô hình so với log X",
		"train.plot.fidelity_pmi_title":  "Lần chạy %d: w·w̃ so với PMI",
		"train.plot.logx_axis":           "log X_ij",
		"train.plot.pmi_axis":            "PMI(i, j)",
		"train.plot.fit_legend":          "bình phương tối thiểu: y = %s·x %s %s",
		"train.plot.points":              "%s điểm",
		"train.plot.r2":                  " — R² = %s",
		"train.plot.thinned":             "chỉ vẽ một trong mỗi %s điểm (%s trên %s); R² và đường thẳng dùng mọi điểm",
		"train.plot.points_omitted":      "đã bỏ %s điểm có tọa độ NaN hoặc vô hạn",
		"train.plot.no_spread":           "không vẽ đường bình phương tối thiểu: x không có độ phân tán",
		"train.plot.costs_nonfinite":     "đã bỏ %s giá trị mất mát NaN hoặc vô hạn",
		"train.plot.costs_nonpositive":   "đã bỏ %s giá trị mất mát không dương (trục logarit)",
		"train.plot.coincide":            "%s đường trùng khít với một đường trước đó: được vẽ đè lên bằng nét đứt, với ký hiệu điểm nhỏ hơn",
		"train.plot.run":                 "lần chạy %s",

		"train.eval.analogy_heading":    "Phép loại suy của Google (3CosAdd)",
		"train.eval.accuracy":           "Độ chính xác",
		"train.eval.correct":            "Đúng",
		"train.eval.covered":            "Được phủ",
		"train.eval.questions":          "Số câu hỏi",
		"train.eval.total":              "Tổng",
		"train.eval.semantic":           "Ngữ nghĩa",
		"train.eval.syntactic":          "Cú pháp",
		"train.eval.covered_hint":       "Một câu hỏi được phủ khi cả bốn từ của nó có trong từ vựng; độ chính xác tính trên các câu hỏi được phủ.",
		"train.eval.similarity_heading": "Độ tương đồng từ",
		"train.eval.set":                "Bộ dữ liệu",
		"train.eval.spearman":           "ρ Spearman",
		"train.eval.pairs_covered":      "Số cặp được phủ",
		"train.eval.pairs_of":           "%s trên %s",

		"train.compare.heading":       "So sánh các lần chạy",
		"train.compare.lead":          "Các lần chạy đã chọn đặt cạnh nhau: giá trị mất mát theo từng vòng trên một biểu đồ, cùng tham số, giá trị mất mát cuối và điểm đánh giá của chúng.",
		"train.compare.none":          "Hãy đánh dấu hai lần chạy trở lên ở bên dưới rồi bấm So sánh các lần chạy.",
		"train.compare.curves":        "Các đường cong mất mát",
		"train.compare.styles":        "Mỗi lần chạy có màu, ký hiệu điểm và kiểu nét riêng; một đường trùng khít với đường khác được vẽ đè lên nó bằng nét đứt.",
		"train.compare.log_axis":      "Giá trị mất mát trên trục logarit.",
		"train.compare.use_linear":    "Dùng trục tuyến tính",
		"train.compare.linear_axis":   "Giá trị mất mát trên trục tuyến tính.",
		"train.compare.use_log":       "Dùng trục logarit",
		"train.compare.use_log_after": " để thấy rõ hơn các vòng về sau.",
		"train.compare.side_by_side":  "Đặt cạnh nhau",
		"train.compare.col_run":       "Lần chạy (nhãn chú giải)",
		"train.compare.col_rank":      "Hạng mất mát",
		"train.compare.no_cost":       "không có mất mát",
		"train.compare.scores_hint":   "Độ chính xác phép loại suy tính trên các câu hỏi loại suy của Google có đủ bốn từ trong từ vựng (3CosAdd); độ tương đồng là hệ số ρ Spearman giữa độ tương đồng cô-sin và điểm do người chấm trên các cặp được phủ (“ít cặp”: dưới 10 cặp được phủ). Điểm của các lần chạy trên những kho ngữ liệu khác nhau phủ những câu hỏi và cặp khác nhau. Mọi tham số của từng lần chạy có trong bảng các lần chạy bên dưới.",
		"train.compare.runs":          "Các lần chạy",
		"train.compare.svd_no_curve":  "Lần chạy %d là một lần chạy SVD-PPMI: nó được tính trong một bước, không huấn luyện qua các vòng, nên không có đường cong mất mát và không có giá trị mất mát; các phép so sánh mất mát bỏ qua nó.",
		"train.compare.no_epoch_yet":  "Lần chạy %d chưa xong vòng nào, nên chưa có đường cong mất mát.",
		"train.compare.label":         "lần chạy %d: %s",
		"train.compare.label_twin":    "%s (cùng tham số với lần chạy %d)",
		"train.compare.rank_of":       "%s trên %s",
		"train.compare.not_ranked":    "Các giá trị mất mát cuối không được xếp hạng: các lần chạy khác nhau về %s. Hàm mất mát J phụ thuộc vào những yếu tố này, nên mất mát thấp hơn không có nghĩa là khớp tốt hơn; hãy so sánh điểm đánh giá thay vào đó.",

		"train.setting.seed":        "seed",
		"train.setting.on":          "trên",
		"train.setting.corpus_id":   "kho ngữ liệu %d",
		"train.setting.build":       "bản xây dựng",
		"train.setting.build_sizes": "%s từ, %s phần tử khác 0",
		"train.setting.window":      "cửa sổ",
		"train.setting.epochs":      "số vòng",
		"train.setting.threads":     "số luồng",
		"train.setting.what_corpus": "kho ngữ liệu",
		"train.setting.what_build":  "bản xây dựng kho ngữ liệu",
		"train.setting.what_window": "cửa sổ ngữ cảnh",

		"js.train.starting": "Đang bắt đầu…",
		"js.train.start":    "Bắt đầu huấn luyện",
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

// messagesVI translates the messages written in English below the web
// layer (apperr messages, job progress and failures): English fmt format →
// Vietnamese format. English needs no table: its messages are the
// formats themselves. Locale.Message matches a message against these.
func messagesVI() map[string]string {
	return map[string]string{
		// ==== app messages ====
		// ---- train ----
		"Choose a corpus to train on.":                                                                              "Hãy chọn một kho ngữ liệu để huấn luyện.",
		"The model must be GloVe (glove) or SVD-PPMI (svd-ppmi), not %s.":                                           "Mô hình phải là GloVe (glove) hoặc SVD-PPMI (svd-ppmi), không phải %s.",
		"This run's job is no longer known to the server; it cannot be cancelled.":                                  "Máy chủ không còn biết tác vụ của lần chạy này; không thể hủy nó.",
		"At most %d runs can be compared at once.":                                                                  "Chỉ có thể so sánh tối đa %d lần chạy cùng lúc.",
		"The checkpoint of this run could not be read; see the server log.":                                         "Không đọc được điểm lưu của lần chạy này; hãy xem nhật ký của máy chủ.",
		"The fidelity plot kind must be logx or pmi.":                                                               "Loại biểu đồ độ khớp phải là logx hoặc pmi.",
		"No epoch has finished yet, so there is no loss to plot.":                                                   "Chưa có vòng lặp nào xong, nên chưa có giá trị mất mát để vẽ.",
		"Name the runs to compare: runs=1,2,3.":                                                                     "Hãy nêu các lần chạy cần so sánh: runs=1,2,3.",
		"SVD-PPMI runs have no loss curve (they are computed in one step), and no other run has finished an epoch.": "Các lần chạy SVD-PPMI không có đường cong mất mát (chúng được tính trong một bước), và chưa lần chạy nào khác xong một vòng lặp.",
		// ==== end app messages ====
	}
}

// namesVI translates the names of the demo data gloveboard installs at
// first start (internal/demo): English name → Vietnamese name. Names
// people give their uploads are never translated.
func namesVI() map[string]string {
	return map[string]string{
		"WordNet glosses (demo)":              "Định nghĩa WordNet (bản demo)",
		"GloVe 6B 50d, 4k words (demo)":       "GloVe 6B 50d, 4.000 từ (bản demo)",
		"LibreOffice help, Vietnamese (demo)": "Trợ giúp LibreOffice tiếng Việt (bản demo)",
	}
}
