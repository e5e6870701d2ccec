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
		// ==== end train ====

		// ==== explore: explore page, vector sets, vector word page, evaluation sets, downloads ====
		"explore.list.heading":        "Khám phá",
		"explore.list.lead":           "Láng giềng gần nhất, phép loại suy, phổ trị riêng và bản đồ hai chiều của một bộ véc-tơ. Hãy chọn một bộ:",
		"explore.list.empty":          "Chưa có bộ véc-tơ nào.",
		"explore.list.upload_one":     "Tải lên một bộ",
		"explore.list.or":             "hoặc",
		"explore.list.train_one":      "huấn luyện một bộ",
		"explore.list.col_set":        "Bộ véc-tơ",
		"explore.list.col_words":      "Số từ",
		"explore.list.col_dim":        "Số chiều",
		"explore.list.explore_button": "Khám phá",
		"explore.list.compare_link":   "So sánh",
		"explore.list.hint_before":    "Thêm bộ khác ở trang",
		"explore.list.hint_vectors":   "Bộ véc-tơ",
		"explore.list.hint_between":   ", hoặc",
		"explore.list.hint_align":     "căn chỉnh hai bộ với nhau",
		"explore.list.hint_after":     "để xem những từ nào đã dịch chuyển.",
		"explore.from":                "từ",
		"explore.run_n":               "lần chạy %d",
		"explore.example":             "vd. %s",
		"explore.not_available":       "không có",
		"explore.method.cosadd":       "3CosAdd",
		"explore.method.cosmul":       "3CosMul",
		"explore.page.title":          "Khám phá %s",
		"explore.page.size":           "%s từ × %s chiều",
		"explore.page.trained_in":     "được huấn luyện trong",

		"explore.neighbors.heading":     "Láng giềng gần nhất",
		"explore.neighbors.word":        "Từ",
		"explore.neighbors.placeholder": "vd. văn_bản",
		"explore.neighbors.how_many":    "số kết quả",
		"explore.neighbors.submit":      "Tìm láng giềng",
		"explore.neighbors.closest_to":  "Gần “%s” nhất",
		"explore.neighbors.plot_alt":    "Biểu đồ cột các láng giềng gần nhất của %s",
		"explore.score.word":            "Từ",
		"explore.score.cosine":          "cô-sin",
		"explore.score.score":           "điểm",

		"explore.analogy.heading":       "Phép loại suy",
		"explore.analogy.word_a":        "từ a (vd. đàn_ông)",
		"explore.analogy.word_b":        "từ b (vd. vua)",
		"explore.analogy.word_c":        "từ c (vd. phụ_nữ)",
		"explore.analogy.placeholder_a": "vd. đàn_ông",
		"explore.analogy.placeholder_b": "vd. vua",
		"explore.analogy.placeholder_c": "vd. phụ_nữ",
		"explore.analogy.is_to":         "đối với",
		"explore.analogy.as":            "cũng như",
		"explore.analogy.is_to_what":    "đối với ?",
		"explore.analogy.method":        "phương pháp",
		"explore.analogy.cosadd_option": "3CosAdd (b − a + c)",
		"explore.analogy.submit":        "Giải",
		"explore.analogy.best":          "Đáp án tốt nhất:",
		"explore.analogy.plot_alt":      "Biểu đồ cột các đáp án của %s : %s :: %s : ?",

		"explore.maps.heading":                  "Bản đồ hai chiều",
		"explore.maps.words_legend":             "Các từ",
		"explore.maps.source_builtin":           "các nhóm từ có sẵn (quốc gia & thủ đô, nam & nữ, số ít & số nhiều)",
		"explore.maps.source_top":               "các từ có tần suất cao nhất",
		"explore.maps.source_neighbors":         "một từ và các láng giềng gần nhất của nó:",
		"explore.maps.word_aria":                "từ có các láng giềng cần vẽ lên bản đồ",
		"explore.maps.source_sample":            "một mẫu ngẫu nhiên",
		"explore.maps.how_many":                 "số từ (tối đa %s với PCA, %s với t-SNE hoặc UMAP)",
		"explore.maps.source_words":             "các từ của tôi:",
		"explore.maps.words_aria":               "các từ của tôi, mỗi dòng một từ",
		"explore.maps.words_placeholder":        "mỗi dòng một từ, có thể kèm theo tên nhóm: paris city",
		"explore.maps.method_legend":            "Phương pháp",
		"explore.maps.method_pca":               "PCA (vẽ ngay đến %s từ; nhiều hơn thì chạy thành tác vụ nền)",
		"explore.maps.method_tsne":              "t-SNE (tác vụ nền)",
		"explore.maps.method_umap":              "UMAP (tác vụ nền)",
		"explore.maps.method_axis":              "trục quan hệ: trục x theo độ dịch trung bình của",
		"explore.maps.relation_aria":            "quan hệ",
		"explore.maps.relation_country_capital": "quốc gia → thủ đô",
		"explore.maps.relation_male_female":     "nam → nữ",
		"explore.maps.relation_singular_plural": "số ít → số nhiều",
		"explore.maps.perplexity":               "độ bối rối (perplexity) của t-SNE",
		"explore.maps.umap_neighbors":           "số láng giềng của UMAP",
		"explore.maps.umap_min_dist":            "min_dist của UMAP",
		"explore.maps.seed":                     "hạt giống ngẫu nhiên (seed) cho mẫu, t-SNE, UMAP",
		"explore.maps.save":                     "lưu bản đồ này (bản đồ t-SNE và UMAP luôn được lưu)",
		"explore.maps.submit":                   "Vẽ bản đồ",
		"explore.saved_map.name":                "bản đồ %d",
		"explore.saved_map.sampled":             "k = %d, tính trên một mẫu ngẫu nhiên có seed gồm %s từ",

		"explore.compare.heading":    "So sánh",
		"explore.compare.align":      "Căn chỉnh với một bộ véc-tơ khác",
		"explore.compare.align_hint": "những từ dịch chuyển nhiều nhất, và láng giềng của một từ trong cả hai bộ",
		"explore.compare.axes":       "Trục khái niệm",
		"explore.compare.axes_hint":  "chiếu các từ lên một hướng như he → she",
		"explore.compare.weat":       "Kiểm định liên kết của biểu diễn từ (WEAT)",
		"explore.compare.weat_hint":  "cỡ hiệu ứng và giá trị p cho hai tập từ đích và hai tập từ thuộc tính",

		"explore.spectrum.heading":         "Phổ trị riêng",
		"explore.spectrum.loading":         "Đang tính phổ của ma trận hiệp phương sai…",
		"explore.spectrum.eigenvalues":     "Các trị riêng",
		"explore.spectrum.of_covariance":   "của ma trận hiệp phương sai %s×%s của %s véc-tơ, với luật lũy thừa",
		"explore.spectrum.fitted_over":     "được khớp trên các thứ hạng %s–%s",
		"explore.spectrum.permalink":       "liên kết cố định",
		"explore.spectrum.fit_ranks":       "khớp các thứ hạng",
		"explore.spectrum.to":              "đến",
		"explore.spectrum.refit":           "Khớp lại",
		"explore.spectrum.r2_loglog":       "R² (thang log–log)",
		"explore.spectrum.exp_r2":          "suy giảm theo hàm mũ: R² %s",
		"explore.spectrum.first_component": "Thành phần chính thứ nhất",
		"explore.spectrum.top_share":       "chiếm %s%% phương sai",
		"explore.spectrum.note_cut":        "Các thứ hạng %s–%s, nơi trị riêng giảm hơn mười lần, không được đưa vào phép khớp; hãy đặt lại khoảng ở trên để đưa chúng vào.",
		"explore.spectrum.plot_alt":        "Trị riêng của ma trận hiệp phương sai theo thứ hạng, thang log–log, với đường khớp luật lũy thừa",
		"explore.spectrum.title":           "Phổ · %s",
		"explore.spectrum.crumb":           "phổ",
		"explore.spectrum.page_heading":    "Phổ của ma trận hiệp phương sai của %s",

		"explore.fidelity.heading":            "Mức thỏa mãn các đồng nhất thức của GloVe",
		"explore.fidelity.loading":            "Đang so sánh mô hình với số lần đồng xuất hiện…",
		"explore.fidelity.intro":              "Trên %s phần tử khác 0 được lấy mẫu: xem",
		"explore.fidelity.comes_to":           "gần với log X",
		"explore.fidelity.sub_ij":             "ij",
		"explore.fidelity.target_and_how":     "(mục tiêu huấn luyện) đến mức nào, và",
		"explore.fidelity.follows_pmi":        "bám theo PMI(i, j) ra sao.",
		"explore.fidelity.vs_logx":            "So với log X",
		"explore.fidelity.vs_pmi":             "So với PMI",
		"explore.fidelity.corr_r2":            "hệ số tương quan r = %s, R² = %s",
		"explore.fidelity.corr_r_sq":          "hệ số tương quan r = %s, r² = %s",
		"explore.fidelity.reading_r2":         "R² so với log X được đo theo đường thẳng y = x chứ không theo một đường khớp lại: 1 − Σ(log X − mô hình)² / Σ(log X − trung bình)², nên nó chỉ bằng 1 khi mô hình tái tạo đúng mọi số lần đồng xuất hiện, và xuống dưới 0 khi đoán bằng giá trị log trung bình còn tốt hơn.",
		"explore.fidelity.reading_pmi":        "Với PMI chỉ hệ số tương quan được hiển thị, vì w·w̃ ≈ PMI chỉ đúng sai khác các số hạng độ lệch (bias): log X",
		"explore.fidelity.reading_identity_i": " = PMI(i, j) + log X",
		"explore.fidelity.reading_identity_j": " + log X",
		"explore.fidelity.reading_free":       " − log S, và quá trình huấn luyện được tự do đưa log X",
		"explore.fidelity.reading_and_logx":   " và log X",
		"explore.fidelity.reading_into_b":     " vào b",
		"explore.fidelity.reading_and_bt":     " và b̃",
		"explore.fidelity.reading_end":        " hoặc vào tích vô hướng. Hệ số tương quan gần 0 nghĩa là các độ lệch gánh phần biến thiên của số lần đồng xuất hiện, chứ không phải phép khớp thất bại; hàng log X ở trên mới là đồng nhất thức mà GloVe thực sự khớp.",

		"explore.evaluation.heading":    "Đánh giá",
		"explore.evaluation.loading":    "Đang chấm điểm phép loại suy và độ tương đồng từ…",
		"explore.evaluation.no_sets":    "Không nạp được các bộ dữ liệu đánh giá: thư mục cho bằng -eval-dir không chứa analogy/questions-words.txt lẫn similarity/EN-*.txt. Khi không có cờ này, các bộ có sẵn được dùng.",
		"explore.evaluation.unreadable": "Không đọc được các bộ dữ liệu đánh giá; nhật ký của máy chủ ghi rõ lý do.",

		"explore.evalsets.heading":      "Bộ dữ liệu đánh giá của bạn",
		"explore.evalsets.col_set":      "Bộ dữ liệu",
		"explore.evalsets.col_format":   "Định dạng",
		"explore.evalsets.col_spearman": "Spearman ρ",
		"explore.evalsets.col_auc":      "AUC",
		"explore.evalsets.auc_title":    "ViCon: xác suất để một cặp đồng nghĩa có độ tương đồng cô-sin cao hơn một cặp trái nghĩa",
		"explore.evalsets.col_pairs":    "Số cặp có trong từ vựng",
		"explore.evalsets.pairs_of":     "%s trên %s",
		"explore.evalsets.too_few":      "quá ít cặp",
		"explore.evalsets.remove":       "xóa",
		"explore.evalsets.remove_aria":  "Xóa %s",
		"explore.evalsets.vicon_hint":   "Các cặp ViCon được tính là 1 (đồng nghĩa) và 0 (trái nghĩa): khi đó ρ là hệ số tương quan hạng lưỡng phân (rank-biserial), còn AUC là xác suất để một cặp đồng nghĩa gần nhau hơn một cặp trái nghĩa (0,5 là ngẫu nhiên).",
		"explore.evalsets.upload_hint":  "Chấm điểm mọi bộ véc-tơ trên một tệp độ tương đồng từ của riêng bạn (tối đa %s, UTF-8, phân cách bằng tab): các dòng “từ từ điểm”, ViSim-400 (dòng tiêu đề Word1 Word2 POS Sim1 Sim2 STD; dùng cột Sim1) hoặc ViCon (dòng tiêu đề Word1 Word2 Relation, SYN hoặc ANT). Nối các âm tiết của một từ bằng “_” (văn_bản), như khi xây dựng kho ngữ liệu với cụm từ.",
		"explore.evalsets.file":         "Tệp",
		"explore.evalsets.name":         "Tên",
		"explore.evalsets.name_hint":    "(không bắt buộc; mặc định là tên tệp)",
		"explore.evalsets.submit":       "Tải lên bộ dữ liệu đánh giá",
		"explore.evalsets.unreadable":   "Không đọc được các bộ dữ liệu đánh giá đã tải lên; nhật ký của máy chủ ghi rõ lý do.",
		"explore.evalsets.format_pairs": "cặp từ kèm điểm",
		"explore.evalsets.format_visim": "ViSim-400",
		"explore.evalsets.format_vicon": "ViCon",

		"explore.downloads.heading":       "Tải xuống các véc-tơ này",
		"explore.downloads.glove":         "Văn bản GloVe",
		"explore.downloads.glove_hint":    "mỗi dòng: từ v1 … vd, không có dòng tiêu đề",
		"explore.downloads.word2vec":      "Nhị phân word2vec",
		"explore.downloads.word2vec_hint": "dòng tiêu đề “n d”, rồi các bản ghi float32",
		"explore.downloads.vectors":       "vectors.tsv cho Projector",
		"explore.downloads.vectors_hint":  "dùng cho projector.tensorflow.org",
		"explore.downloads.metadata":      "metadata.tsv cho Projector",
		"explore.downloads.metadata_hint": "các từ, mỗi dòng một từ",

		"explore.plot.neighbors_title": "Láng giềng gần nhất của %s · %s",
		"explore.plot.cosine":          "độ tương đồng cô-sin",
		"explore.plot.cosmul_score":    "điểm 3CosMul",
		"explore.plot.spectrum_title":  "Phổ trị riêng của hiệp phương sai · %s",
		"explore.plot.rank_axis":       "thứ hạng r (thang log)",
		"explore.plot.eigen_axis":      "trị riêng (thang log)",
		"explore.plot.eigenvalues":     "trị riêng",
		"explore.plot.power_law":       "luật lũy thừa, thứ hạng %s–%s: β = %s, R² = %s",

		"explore.vectors.heading":        "Bộ véc-tơ",
		"explore.vectors.lead":           "Véc-tơ từ: văn bản GloVe hoặc word2vec (mỗi dòng một từ, theo sau là các số của nó, có thể có dòng tiêu đề “số_từ số_chiều” ở đầu), nhị phân word2vec, tệp gzip của một trong hai dạng đó, hoặc cặp vectors.tsv và metadata.tsv của TensorFlow Projector.",
		"explore.vectors.upload_heading": "Tải lên véc-tơ",
		"explore.vectors.name":           "Tên",
		"explore.vectors.name_hint":      "(không bắt buộc; mặc định là tên tệp)",
		"explore.vectors.file":           "Tệp véc-tơ",
		"explore.vectors.file_hint":      "(văn bản GloVe hoặc word2vec, nhị phân word2vec, hoặc tệp gzip của chúng; hoặc vectors.tsv của Projector cùng metadata.tsv, chọn cùng lúc; mỗi tệp tối đa %s)",
		"explore.vectors.submit":         "Tải lên véc-tơ",
		"explore.vectors.all_heading":    "Tất cả các bộ véc-tơ",
		"explore.vector.duplicate":       "Tệp này đã có trong danh mục, như bên dưới. Không có gì mới được thêm vào.",
		"explore.vector.source":          "Nguồn",
		"explore.vector.run":             "Lần chạy huấn luyện",
		"explore.vector.filename":        "Tệp gốc",
		"explore.vector.shape":           "Số từ × số chiều",
		"explore.vector.size":            "Kích thước",
		"explore.vector.sha256":          "SHA-256",
		"explore.vector.added":           "Ngày thêm",
		"explore.vector.explore_button":  "Khám phá các véc-tơ này",
		"explore.vector.explore_hint":    "láng giềng, phép loại suy, bản đồ, phổ và điểm đánh giá chuẩn.",
		"explore.vector.noun":            "bộ véc-tơ",
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
		// ---- explore ----
		"“%s” is not in this vector set (%s words).":                                                       "Bộ véc-tơ này (%[2]s từ) không có “%[1]s”.",
		"“%s” is not in this vector set (%s words). Words are case-sensitive: try “%s”.":                   "Bộ véc-tơ này (%[2]s từ) không có “%[1]s”. Từ có phân biệt chữ hoa chữ thường: hãy thử “%[3]s”.",
		"“%s” is not in this vector set (%s words). Check the spelling, or try a more frequent word.":      "Bộ véc-tơ này (%[2]s từ) không có “%[1]s”. Hãy kiểm tra chính tả, hoặc thử một từ có tần suất cao hơn.",
		"Type a word for its neighbours.":                                                                  "Hãy nhập một từ để tìm láng giềng của nó.",
		"Type a word for a.":                                                                               "Hãy nhập một từ cho a.",
		"Type a word for b.":                                                                               "Hãy nhập một từ cho b.",
		"Type a word for c.":                                                                               "Hãy nhập một từ cho c.",
		"The analogy method must be add (3CosAdd) or mul (3CosMul), not “%s”.":                             "Phương pháp loại suy phải là add (3CosAdd) hoặc mul (3CosMul), không phải “%s”.",
		"The relation must be country-capital, male-female or singular-plural, not “%s”.":                  "Quan hệ phải là country-capital, male-female hoặc singular-plural, không phải “%s”.",
		"The word list is too long (at most %s characters).":                                               "Danh sách từ quá dài (tối đa %s ký tự).",
		"The word list could not be read: %s. Write one word a line, optionally followed by a group name.": "Không đọc được danh sách từ: %s. Hãy viết mỗi dòng một từ, có thể kèm theo tên nhóm.",
		"This map is computed by a background job (t-SNE, UMAP, a large PCA map, or a map to save), so it must be asked for with POST (the map form does this); small PCA and relation-axis maps can be fetched with GET.": "Bản đồ này được tính bằng một tác vụ nền (t-SNE, UMAP, bản đồ PCA lớn, hoặc bản đồ cần lưu), nên phải được yêu cầu bằng POST (biểu mẫu bản đồ làm việc này); các bản đồ PCA nhỏ và bản đồ trục quan hệ có thể lấy bằng GET.",
		"This vector set has fewer than three dimensions with variance, so no power law can be fitted to its spectrum.":                                                                                                    "Bộ véc-tơ này có ít hơn ba chiều có phương sai khác 0, nên không thể khớp luật lũy thừa cho phổ của nó.",
		"The fit range must be whole ranks with 1 ≤ from, from + 2 ≤ to and to ≤ %d (the last rank with a positive eigenvalue).":                                                                                           "Khoảng khớp phải gồm các thứ hạng nguyên với 1 ≤ from, from + 2 ≤ to và to ≤ %d (thứ hạng cuối cùng có trị riêng dương).",
		"Choose an evaluation file to upload (a multipart form with a “file” field).":                                                                                                                                      "Hãy chọn một tệp đánh giá để tải lên (biểu mẫu multipart có trường “file”).",
		"The upload could not be read: send the evaluation file as multipart/form-data, at most %s.":                                                                                                                       "Không đọc được tệp tải lên: hãy gửi tệp đánh giá dưới dạng multipart/form-data, tối đa %s.",
		"The name must be at most %d bytes.":                                                 "Tên dài tối đa %d byte.",
		"Plots can be had as png, svg or csv, not “%s”.":                                     "Biểu đồ có thể lấy ở dạng png, svg hoặc csv, không phải “%s”.",
		"This map is drawn by a job: use the map's number (job=N).":                          "Bản đồ này được vẽ bằng một tác vụ: hãy dùng số của bản đồ (job=N).",
		"There is no such plot. Plots are neighbors, analogy, map and spectrum.":             "Không có biểu đồ như vậy. Các biểu đồ là neighbors, analogy, map và spectrum.",
		"Vectors can be downloaded as glove.txt, word2vec.bin, vectors.tsv or metadata.tsv.": "Véc-tơ có thể tải xuống dưới dạng glove.txt, word2vec.bin, vectors.tsv hoặc metadata.tsv.",
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
