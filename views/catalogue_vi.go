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
		// ==== end explore ====

		// ==== map: map view, map scripts, relation axes ====
		"map.figure.whole":              "Toàn bộ bản đồ:",
		"map.dl.png":                    "PNG",
		"map.dl.svg":                    "SVG",
		"map.dl.csv_all":                "CSV của mọi điểm",
		"map.find.label":                "Tìm một từ",
		"map.find.placeholder":          "vd. paris",
		"map.find.k":                    "láng giềng",
		"map.find.button":               "Tìm",
		"map.view.label":                "Khung nhìn",
		"map.view.zoom_in":              "Phóng to",
		"map.view.zoom_in_title":        "Phóng to (+)",
		"map.view.zoom_out":             "Thu nhỏ",
		"map.view.zoom_out_title":       "Thu nhỏ (−)",
		"map.view.reset":                "Đặt lại",
		"map.view.reset_title":          "Hiện toàn bộ bản đồ (0)",
		"map.view.select":               "Chọn",
		"map.view.select_title":         "Kéo một khung để chọn từ (hoặc giữ Shift rồi kéo)",
		"map.canvas.label":              "Bản đồ tương tác gồm %s từ. Kéo để di chuyển; cuộn chuột hoặc nhấn + và − để phóng to, thu nhỏ; dùng phím mũi tên để di chuyển; nhấn 0 để hiện toàn bộ; giữ Shift rồi kéo để chọn từ; nhấn vào một từ để ghim từ đó.",
		"map.legend.label":              "Nhóm từ: nhấn để ẩn hoặc hiện",
		"map.pin.word_page":             "trang của từ",
		"map.sel.none":                  "Chưa chọn từ nào.",
		"map.sel.csv":                   "Xuất các từ đã chọn ra CSV",
		"map.sel.clear":                 "Bỏ chọn",
		"map.dl.view":                   "Tải xuống khung nhìn này:",
		"map.dl.png2":                   "PNG 2×",
		"map.dl.width_before":           "rộng",
		"map.dl.width_after":            "px",
		"map.dl.width_label":            "chiều rộng của ảnh PNG, tính bằng điểm ảnh",
		"map.dl.permalink":              "Liên kết cố định đến khung nhìn này",
		"map.crumb.explore":             "Khám phá",
		"map.crumb.map":                 "bản đồ",
		"map.page.lead":                 "Bộ véc-tơ %s (%s từ × %s chiều)",
		"map.page.seed":                 "hạt giống ngẫu nhiên (seed) %s",
		"map.trust_value":               "độ tin cậy %s",
		"map.page.hint":                 "Địa chỉ của trang này lưu lại khung nhìn (mức phóng, tâm, từ được ghim, các nhóm bị ẩn): hãy sao chép địa chỉ sau khi phóng to hoặc ghim một từ.",
		"map.page.title_job":            "Bản đồ %d · %s",
		"map.page.heading_job":          "Bản đồ %d của %s",
		"map.page.heading":              "Bản đồ %s gồm %s từ · %s",
		"map.facts.method":              "Phương pháp",
		"map.facts.engine":              "thuật toán %s",
		"map.facts.words":               "Số từ",
		"map.facts.trust":               "Độ tin cậy (trustworthiness)",
		"map.facts.trust_hint":          "(k = %s; giá trị 1 nghĩa là mọi láng giềng trên bản đồ cũng là láng giềng trong không gian đầy đủ)",
		"map.facts.trust_none":          "không tính: quá ít từ",
		"map.facts.note":                "Ghi chú",
		"map.skipped":                   "Không có trong bộ véc-tơ này nên bị bỏ qua: %s",
		"map.skipped_more":              "Không có trong bộ véc-tơ này nên bị bỏ qua: %s và %s từ khác",
		"map.pending.title":             "Bản đồ t-SNE: tác vụ %d",
		"map.failed.title":              "Bản đồ t-SNE (tác vụ %d) %s",
		"map.status.queued":             "đang chờ",
		"map.status.running":            "đang chạy",
		"map.status.done":               "hoàn tất",
		"map.status.failed":             "thất bại",
		"map.status.cancelled":          "đã hủy",
		"map.method.pca":                "PCA",
		"map.method.tsne":               "t-SNE",
		"map.method.umap":               "UMAP",
		"map.method.axis":               "trục quan hệ",
		"map.extra.pca":                 "hai trục giải thích %s và %s phương sai của các từ này",
		"map.extra.axis":                "trục x chạy theo véc-tơ hiệu trung bình %s→%s của %s cặp (trung bình, véc-tơ hiệu của các cặp cùng hướng với trục này ở mức %s); trục y là hướng chính còn lại. Trục được học từ chính các cặp này nên các từ của chúng tất nhiên tách khỏi nhau: hãy đánh giá trục qua các từ còn lại",
		"map.extra.umap_engine":         "UMAP (khởi tạo %s)",
		"map.extra.umap_spectral":       "phổ",
		"map.extra.umap_random":         "ngẫu nhiên",
		"map.extra.engine_exact":        "chính xác (mọi cặp từ đều hút hoặc đẩy nhau; dùng cho tối đa vài nghìn từ)",
		"map.extra.engine_bh":           "Barnes–Hut (mỗi nhóm từ ở xa được coi như một điểm, θ = 0,5; nhanh khi có nhiều từ)",
		"map.extra.kl":                  "độ phân kỳ KL cuối cùng %s: mức chênh lệch giữa xác suất láng giềng trên bản đồ và trong không gian đầy đủ (0 là khớp hoàn toàn; càng thấp càng tốt, nhưng chỉ so sánh được giữa các bản đồ của cùng một tập từ)",
		"map.extra.trust_sample":        "độ tin cậy được tính trên một mẫu ngẫu nhiên (có hạt giống) gồm %s trong số %s từ",
		"map.params.perplexity":         "độ hỗn loạn (perplexity) %s",
		"map.params.neighbours":         "%s láng giềng",
		"map.params.min_dist":           "min_dist %s",
		"map.params.seed":               "hạt giống %d",
		"map.words.builtin":             "các nhóm từ có sẵn",
		"map.words.mine":                "các từ của tôi",
		"map.words.top":                 "%s từ thường gặp nhất",
		"map.words.neighbours":          "%s và %s láng giềng gần nhất của nó",
		"map.words.sample":              "một mẫu ngẫu nhiên gồm %s từ (hạt giống %d)",
		"map.group.country":             "quốc gia",
		"map.group.capital":             "thủ đô",
		"map.group.male":                "nam",
		"map.group.female":              "nữ",
		"map.group.singular":            "số ít",
		"map.group.plural":              "số nhiều",
		"map.group.query":               "từ được hỏi",
		"map.group.neighbour":           "láng giềng",
		"map.group.other":               "khác",
		"map.group.none":                "(không thuộc nhóm nào)",
		"map.group.highlighted":         "%s (tô đậm)",
		"map.plot.alt":                  "Bản đồ %s gồm %s từ",
		"map.plot.title_method":         "Bản đồ từ (%s)",
		"map.plot.dim1":                 "chiều 1",
		"map.plot.dim2":                 "chiều 2",
		"map.plot.pc":                   "thành phần chính %d",
		"map.plot.pc_variance":          "thành phần chính %d (%s phương sai)",
		"map.plot.tsne_axis":            "t-SNE %d",
		"map.plot.axis_title":           "Bản đồ từ dọc theo trục %s→%s",
		"map.plot.axis_x":               "véc-tơ hiệu trung bình %s→%s của %s cặp",
		"map.plot.axis_y":               "thành phần chính thứ nhất của phần còn lại",
		"map.plot.engine":               "thuật toán: %s",
		"map.plot.engine_exact":         "chính xác",
		"map.plot.engine_umap_spectral": "UMAP, khởi tạo phổ",
		"map.plot.engine_umap_random":   "UMAP, khởi tạo ngẫu nhiên",
		"map.plot.word_one":             "%s từ",
		"map.plot.word_many":            "%s từ",
		"js.map.data_error":             "Không đọc được dữ liệu của bản đồ.",
		"js.map.no_group":               "(không thuộc nhóm nào)",
		"js.map.sel_one":                "Đã chọn %s từ.",
		"js.map.sel_many":               "Đã chọn %s từ.",
		"js.map.sel_none":               "Chưa chọn từ nào.",
		"js.map.looking_up":             "Đang tra “%s”…",
		"js.map.lookup_failed":          "Không tra được từ này.",
		"js.map.not_in_set":             "“%s” không có trong bộ véc-tơ này.",
		"js.map.pin_link":               "mở trang của từ",
		"js.map.neighbours_all":         "%s láng giềng gần nhất trong không gian đầy đủ, tất cả đều có trên bản đồ này (được khoanh tròn).",
		"js.map.neighbours_some":        "%s láng giềng gần nhất trong không gian đầy đủ, %s trong số đó có trên bản đồ này (được khoanh tròn).",
		"js.map.not_on_map_note":        "“%s” không có trên bản đồ này. %s",
		"js.map.not_on_map":             "“%s” không có trên bản đồ này.",
		"js.map.pinned":                 "Đã ghim “%s”.",
		"js.map.score_off":              "%s (không có trên bản đồ)",
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
		// ---- map ----
		"A map view needs four finite numbers x0 < x1 and y0 < y1 (the part of the map to draw).":                       "Một khung nhìn của bản đồ cần bốn số hữu hạn x0 < x1 và y0 < y1 (phần bản đồ cần vẽ).",
		"A map view needs x0 < x1 and y0 < y1 (the part of the map to draw).":                                           "Một khung nhìn của bản đồ cần x0 < x1 và y0 < y1 (phần bản đồ cần vẽ).",
		"A %d-pixel-wide figure of this view would be %d pixels high, more than %d: choose a smaller width.":            "Hình của khung nhìn này nếu rộng %d điểm ảnh sẽ cao %d điểm ảnh, vượt quá %d: hãy chọn chiều rộng nhỏ hơn.",
		"A view may name at most %s labels.":                                                                            "Một khung nhìn chỉ được nêu tối đa %s nhãn.",
		"Nothing of the map lies in this view (or every group in it is hidden): move or zoom out, then download again.": "Không có phần nào của bản đồ nằm trong khung nhìn này (hoặc mọi nhóm trong đó đều bị ẩn): hãy di chuyển hoặc thu nhỏ rồi tải xuống lại.",
		"waiting for a worker (position %d in the queue)":                                                               "đang chờ một luồng xử lý (vị trí %d trong hàng đợi)",
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
