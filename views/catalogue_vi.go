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

		"frame.title.home":        "Trang chủ",
		"frame.title.about":       "Giới thiệu",
		"frame.title.corpora":     "Kho ngữ liệu",
		"frame.title.vector_sets": "Tập véc-tơ",

		"frame.home.heading":              "GloVe, từng bước một",
		"frame.home.lead":                 "Chọn một kho ngữ liệu để xem thống kê đồng xuất hiện của nó, hoặc một tập véc-tơ để khám phá láng giềng gần nhất và phép loại suy.",
		"frame.home.upload_before":        "Bạn có thể tải lên văn bản hoặc véc-tơ của riêng mình ở trang ",
		"frame.home.upload_corpora":       "Kho ngữ liệu",
		"frame.home.upload_and":           " và trang ",
		"frame.home.upload_vectors":       "Véc-tơ",
		"frame.home.upload_after":         ".",
		"frame.home.examples":             "Tỷ lệ xác suất như trong Bảng 1 của bài báo GloVe:",
		"frame.home.example_in":           "trong %s",
		"frame.home.corpora":              "Kho ngữ liệu",
		"frame.home.upload_corpus":        "Tải lên kho ngữ liệu",
		"frame.home.vector_sets":          "Tập véc-tơ",
		"frame.home.upload_vector_set":    "Tải lên véc-tơ",
		"frame.home.no_corpora":           "Chưa có kho ngữ liệu nào.",
		"frame.home.no_vector_sets":       "Chưa có tập véc-tơ nào.",
		"frame.home.not_built":            "chưa xây dựng",
		"frame.home.not_built_title":      "Số từ tố và kích thước từ vựng sẽ hiện ra khi kho ngữ liệu đã được xây dựng.",
		"frame.home.start_heading":        "Bắt đầu với ví dụ của bài báo",
		"frame.home.start_idea":           "GloVe bắt đầu từ một nhận xét: một từ k gắn với “ice” (băng) hay với “steam” (hơi nước) thể hiện qua tỷ lệ P(k | ice) / P(k | steam).",
		"frame.home.start_table_1":        "Trong Bảng 1 của bài báo (6 tỷ từ tố), tỷ lệ này là 8,9 với ",
		"frame.home.start_table_2":        ", một từ gắn với băng; 0,085 với ",
		"frame.home.start_table_3":        ", một từ gắn với hơi nước; và gần bằng 1 với ",
		"frame.home.start_table_4":        " và ",
		"frame.home.start_table_5":        " (1,36 và 0,96), những từ liên quan đến cả hai hoặc không liên quan đến từ nào.",
		"frame.home.start_demo":           "Hãy xem hàng tỷ lệ trong bảng của kho ngữ liệu mẫu để biết một kho ngữ liệu 1,5 triệu từ tố tái hiện được bao nhiêu phần của kết quả này; các cột được đánh dấu “thưa” chỉ dựa trên một vài lần đồng xuất hiện.",
		"frame.home.start_open":           "Mở bảng ice / steam →",
		"frame.home.start_word":           "hoặc mọi thông tin về “solid”",
		"frame.home.start_unbuilt_before": "Kho ngữ liệu mẫu (%s) chưa được xây dựng; ",
		"frame.home.start_unbuilt_link":   "hãy xây dựng nó",
		"frame.home.start_unbuilt_after":  " và bảng tỷ lệ chỉ cách bạn một cú nhấp chuột.",

		"frame.source.demo":    "mẫu",
		"frame.source.upload":  "tải lên",
		"frame.source.trained": "đã huấn luyện",

		"frame.table.name":   "Tên",
		"frame.table.size":   "Kích thước",
		"frame.table.tokens": "Từ tố",
		"frame.table.types":  "Từ khác nhau",
		"frame.table.vocab":  "Từ vựng",
		"frame.table.words":  "Số từ",
		"frame.table.dim":    "Số chiều",

		"frame.jobs.heading":            "Tác vụ",
		"frame.jobs.one_worker":         "mỗi lúc chạy một tác vụ; các tác vụ khác chờ trong hàng đợi",
		"frame.jobs.workers":            "mỗi lúc chạy %s tác vụ; các tác vụ khác chờ trong hàng đợi",
		"frame.jobs.none":               "Chưa có tác vụ nào. Việc xây dựng kho ngữ liệu, huấn luyện và vẽ bản đồ t-SNE chạy ngầm ở đây.",
		"frame.jobs.col_job":            "Tác vụ",
		"frame.jobs.col_status":         "Trạng thái",
		"frame.jobs.col_progress":       "Tiến độ",
		"frame.jobs.position":           "thứ %s trong hàng đợi",
		"frame.jobs.view_result":        "xem kết quả",
		"frame.jobs.cancel":             "Hủy",
		"frame.jobs.target_item":        "mục #%d",
		"frame.jobs.target_corpus":      "kho ngữ liệu “%s”",
		"frame.jobs.target_vector_set":  "tập véc-tơ “%s”",
		"frame.jobs.deleted_corpus":     "kho ngữ liệu đã bị xóa",
		"frame.jobs.deleted_vector_set": "tập véc-tơ đã bị xóa",
		"frame.jobs.status.queued":      "đang chờ",
		"frame.jobs.status.running":     "đang chạy",
		"frame.jobs.status.done":        "hoàn tất",
		"frame.jobs.status.failed":      "thất bại",
		"frame.jobs.status.cancelled":   "đã hủy",
		"frame.jobs.status.interrupted": "bị gián đoạn",

		"frame.kind.build":    "Xây dựng kho ngữ liệu",
		"frame.kind.train":    "Huấn luyện GloVe",
		"frame.kind.tsne":     "Bản đồ t-SNE",
		"frame.kind.umap":     "Bản đồ UMAP",
		"frame.kind.pca_map":  "Bản đồ PCA",
		"frame.kind.axis_map": "Bản đồ theo trục quan hệ",
		"frame.kind.spectrum": "Phổ đồng xuất hiện",
		"frame.kind.svd":      "Mốc so sánh SVD-PPMI",
		"frame.kind.align":    "Căn chỉnh tập véc-tơ",

		"frame.saved.maps_heading":    "Bản đồ đã lưu",
		"frame.saved.no_maps":         "Chưa có bản đồ nào được lưu: bản đồ t-SNE và UMAP, bản đồ PCA lớn và những bản đồ được vẽ với tùy chọn “giữ bản đồ này” sẽ được liệt kê ở đây.",
		"frame.saved.col_map":         "Bản đồ",
		"frame.saved.col_method":      "Phương pháp",
		"frame.saved.col_seed":        "Hạt giống",
		"frame.saved.col_trust":       "Độ tin cậy",
		"frame.saved.col_date":        "Ngày",
		"frame.saved.spectra_heading": "Phổ đã lưu",
		"frame.saved.no_spectra":      "Chưa có phổ nào được lưu.",
		"frame.saved.col_spectrum":    "Phổ",
		"frame.saved.col_values":      "Số giá trị",

		"frame.error.title":     "Lỗi",
		"frame.error.home":      "Quay về trang chủ",
		"frame.error.not_found": "Không tìm thấy",
		"frame.error.too_large": "Tệp quá lớn",
		"frame.error.refused":   "Yêu cầu bị từ chối",
		"frame.error.conflict":  "Chưa thể làm việc này lúc này",
		"frame.error.disk_full": "Đĩa đã đầy",
		"frame.error.server":    "Lỗi máy chủ",
		"frame.error.cannot":    "Không thể làm việc này",

		"frame.about.heading":          "Giới thiệu gloveboard",
		"frame.about.lead":             "gloveboard giúp khám phá nền tảng toán học của biểu diễn từ GloVe (Pennington, Socher & Manning 2014): số lần đồng xuất hiện, tỷ lệ xác suất, thông tin tương hỗ từng điểm (PMI), huấn luyện, láng giềng gần nhất và phép loại suy.",
		"frame.about.wordnet_heading":  "Kho ngữ liệu mẫu: các định nghĩa của WordNet",
		"frame.about.wordnet_text":     "Các định nghĩa và câu ví dụ của WordNet 3.1, mỗi dòng một synset. Được phân phối theo giấy phép WordNet:",
		"frame.about.glove_heading":    "Véc-tơ mẫu: GloVe 6B 50 chiều (4 nghìn từ)",
		"frame.about.evalsets_heading": "Bộ dữ liệu đánh giá",
		"frame.about.evalsets_text":    "Mọi lần chạy huấn luyện đều được chấm điểm trên bộ phép loại suy của Google (Mikolov và cộng sự 2013) và trên WS-353, SimLex-999 và MEN; các bộ độ tương đồng từ khác của cùng bộ sưu tập được kèm theo.",
		"frame.about.vi_heading":       "Kho ngữ liệu mẫu: trợ giúp LibreOffice, tiếng Việt",
		"frame.about.vi_text_1":        "Các đoạn văn tiếng Việt của phần trợ giúp LibreOffice 7.4 (gói Debian libreoffice-help-vi), mỗi dòng một đoạn, là kho ngữ liệu mẫu thứ hai, được xây dựng với cụm từ (văn bản → văn_bản). Chúng được kèm trong kho mã nguồn và trong tệp chương trình (",
		"frame.about.vi_text_2":        ") theo Giấy phép Công cộng Mozilla 2.0, có toàn văn đặt bên cạnh (",
		"frame.about.vi_text_3":        ") và ở dưới đây; nguồn gốc tại https://www.libreoffice.org/.",
		"frame.about.mpl_summary":      "Giấy phép Công cộng Mozilla 2.0 (Mozilla Public License 2.0)",
		"frame.about.software_heading": "Phần mềm",
		"frame.about.software_text":    "Mã kịch bản của trang là htmx 2.0.11 (giấy phép BSD không điều khoản, Zero-Clause BSD).",

		"js.frame.upload_too_large": "Tệp này có kích thước %s, lớn hơn giới hạn tải lên %s.",
		"js.frame.uploading":        "Đang tải lên…",
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

// messagesVI translates the messages written in English below the web
// layer (apperr messages, job progress and failures): English fmt format →
// Vietnamese format. English needs no table: its messages are the
// formats themselves. Locale.Message matches a message against these.
func messagesVI() map[string]string {
	return map[string]string{
		// ==== app messages ====
		// ==== end app messages ====
	}
}
