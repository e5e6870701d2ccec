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
		"word.heading":                 "Từ",
		"word.in":                      "trong",
		"word.page_title":              "Từ · %s",
		"word.stats.heading":           "Số lần xuất hiện và ngữ cảnh",
		"word.stats.count":             "Số lần xuất hiện",
		"word.stats.rank":              "Thứ hạng",
		"word.stats.rank_hint":         "(1 = từ có tần suất cao nhất)",
		"word.stats.share":             "Tỷ lệ trên tổng số từ tố",
		"word.stats.share_of":          "trong tổng số %s từ tố",
		"word.stats.xw_unweighted":     "(số lần đồng xuất hiện trong cửa sổ ngữ cảnh, mỗi lần tính là 1, với %s từ ngữ cảnh khác nhau)",
		"word.stats.xw_weighted":       "(số lần đồng xuất hiện có trọng số 1/d theo khoảng cách d, với %s từ ngữ cảnh khác nhau)",
		"word.stats.entropy":           "Entropy của ngữ cảnh H(C | w)",
		"word.stats.bits":              "%s bit",
		"word.stats.entropy_hint":      "(thấp: từ chỉ đi với ít ngữ cảnh cố định; cao: từ xuất hiện trong đủ loại ngữ cảnh)",
		"word.stats.mi_share":          "Phần đóng góp vào I(W;C)",
		"word.stats.mi_share_of":       "trong tổng số %s bit của kho ngữ liệu: số hạng của hàng này, P(w)·KL(P(·|w) ‖ P(·))",
		"word.partners.heading":        "Các từ đi kèm thường gặp nhất",
		"word.partners.hint":           "%s từ ngữ cảnh k có %s lớn nhất, cũng chính là những từ có xác suất có điều kiện P(k|%s) = %s/%s lớn nhất.",
		"word.partners.pmi_bits":       "PMI (bit)",
		"word.pmi_partners.heading":    "Các từ đi kèm mạnh nhất theo PMI",
		"word.pmi_partners.hint":       "Các từ ngữ cảnh có PMI = log₂ P(w,k)/(P(w)P(k)) lớn nhất trong số những từ có %s ≥ %s (cùng quy tắc với trang kho ngữ liệu: các cặp hiếm gặp có điểm bị thổi phồng).",
		"word.pmi_partners.none":       "Không có từ đi kèm nào của “%s” đồng xuất hiện với nó ít nhất %s lần.",
		"word.zipf.heading":            "Trên biểu đồ Zipf",
		"word.zipf.hint":               "“%s” là từ có thứ hạng %s trong số mọi từ khác nhau của kho ngữ liệu (được khoanh tròn), với %s lần xuất hiện.",
		"word.zipf.alt":                "Biểu đồ Zipf của kho ngữ liệu, có đánh dấu “%s”",
		"word.compare.heading":         "So sánh với…",
		"word.compare.label":           "Một từ khác j",
		"word.compare.placeholder":     "ví dụ: hơi nước",
		"word.compare.submit":          "Mở bảng tỷ lệ xác suất",
		"word.compare.suggestions":     "Gợi ý:",
		"word.compare.rule":            "Cách gợi ý: chọn các từ cách từ này không quá %s bậc thứ hạng tần suất mà ngữ cảnh ít trùng nhất với ngữ cảnh của từ này (Σ_k min(P(k|w), P(k|j)) nhỏ nhất), nhờ vậy bảng tỷ lệ xác suất của chúng cho thấy sự tương phản rõ nhất.",
		"word.conc.heading":            "Trong ngữ cảnh",
		"word.conc.none":               "Không có lần xuất hiện nào trong %s.",
		"word.conc.first":              "%s lần xuất hiện đầu tiên, tìm thấy trong %s.",
		"word.conc.all":                "Toàn bộ %s lần xuất hiện, lấy từ %s.",
		"word.conc.all_one":            "Lần xuất hiện duy nhất, lấy từ %s.",
		"word.conc.partial":            "%s lần xuất hiện trong %s (phần còn lại chưa được đọc: bảng ngữ cảnh chỉ đọc kho ngữ liệu trong một hạn mức dung lượng).",
		"word.conc.partial_one":        "1 lần xuất hiện trong %s (phần còn lại chưa được đọc: bảng ngữ cảnh chỉ đọc kho ngữ liệu trong một hạn mức dung lượng).",
		"word.conc.tokens_note":        "Các từ tố được hiển thị đúng như bộ tách từ đã đếm chúng.",
		"word.conc.scope_whole":        "toàn bộ kho ngữ liệu (%s văn bản)",
		"word.conc.scope_first":        "%s văn bản đầu tiên",
		"word.conc.unreadable":         "Không đọc được tệp kho ngữ liệu để lập bảng ngữ cảnh.",
		"word.conc.token_word":         "chính từ này",
		"word.conc.token_before":       "đứng trước %s từ; trọng số %s: cộng %s vào X(%s, %s)",
		"word.conc.token_after":        "đứng sau %s từ; trọng số %s: cộng %s vào X(%s, %s)",
		"word.conc.token_oov":          "không có trong từ vựng (dưới số lần xuất hiện tối thiểu): bị bỏ qua trước khi lấy cửa sổ ngữ cảnh",
		"word.conc.weight_none":        "1 (không đặt trọng số theo khoảng cách)",
		"word.conc.window":             "Cửa sổ ngữ cảnh: %s từ %s, %s; các từ có số lần xuất hiện dưới mức tối thiểu (tô xám) bị bỏ qua trước khi lấy cửa sổ, và cửa sổ dừng ở cuối dòng. Di chuột lên một từ để xem trọng số của nó.",
		"word.conc.window_symmetric":   "ở mỗi bên",
		"word.conc.window_asymmetric":  "phía sau từ (kho được xây dựng bất đối xứng)",
		"word.conc.window_weighted":    "mỗi từ ở khoảng cách d cộng 1/d vào X_wk",
		"word.conc.window_unweighted":  "mỗi từ cộng 1 vào X_wk",
		"word.run.heading":             "Mô hình đã huấn luyện biểu diễn “%s” ra sao",
		"word.run.choose":              "Lần chạy",
		"word.run.show":                "Hiển thị",
		"word.run.choice":              "Lần chạy %d: d = %s, %s vòng, %s",
		"word.run.neighbors":           "Láng giềng gần nhất (độ tương đồng cô-sin của W + W̃)",
		"word.run.pmi_top":             "Các từ đi kèm mạnh nhất theo PMI (bit)",
		"word.run.overlap":             "%s láng giềng cũng nằm trong nhóm từ đi kèm có PMI cao nhất (đánh dấu ●).",
		"word.run.overlap_count":       "%s trên %s",
		"word.run.like_with":           "Láng giềng là những từ được dùng %s “%s” (các hàng của X giống nhau); từ đi kèm theo PMI là những từ được dùng %s nó. Hai danh sách chỉ trùng nhau khi những từ hay đi cùng một từ cũng có thể thay thế cho từ đó.",
		"word.run.like":                "giống như",
		"word.run.with":                "cùng với",
		"word.run.vector_link":         "“%s” trong các véc-tơ của lần chạy",
		"word.run.none":                "Không có.",
		"word.run.shared":              "có trong cả hai danh sách",
		"word.fit.heading":             "Độ khớp của hàng",
		"word.fit.hint":                "Mỗi điểm là một từ đi kèm k có %s > 0 (tổng cộng %s từ): trục hoành là ln %s, trục tung là giá trị của mô hình %s, kích thước điểm là %s, tức trọng số mà quá trình huấn luyện gán cho điểm đó. Trên đường y = x, mô hình tái tạo đúng số lần đồng xuất hiện.",
		"word.fit.alt":                 "Đường khớp của GloVe cho hàng của “%s”: giá trị mô hình theo logarit số lần đồng xuất hiện",
		"word.fit.reading":             "Đọc kết quả một cách trung thực",
		"word.fit.reading_fit":         "Điều GloVe khớp là %s, với trọng số %s. Ở hàng này, giá trị khớp và ln X tương quan với r = %s, và R² so với đường y = x (không khớp lại đường thẳng) là %s; căn bậc hai của trung bình bình phương phần dư có trọng số là %s (theo đơn vị ln: phần dư %s ứng với X chênh lệch 2 lần).",
		"word.fit.reading_pmi":         "Vì %s, riêng tích vô hướng %s chỉ bằng PMI nếu các độ lệch (bias) hấp thụ đúng phần còn lại (%s cộng một hằng số, %s).",
		"word.fit.reading_biases":      "Không có gì trong hàm mục tiêu buộc phải phân chia như vậy: ở đây %s = %s trong khi ln %s = %s và ln S = %s, còn trung bình của %s trên các từ đi kèm là %s.",
		"word.fit.reading_assoc":       "Vì thế w·w̃ ≈ PMI chỉ đúng khi chưa tính các độ lệch, và chỉ như một mối liên hệ: ở đây r(%s, PMI) = %s. Hệ số tương quan gần 0 nghĩa là mô hình đã dồn biến thiên của hàng vào các độ lệch, chứ không phải mô hình thất bại.",
		"word.fit.reading_seed":        "Mệnh đề “%s ≈ I(i; j)” của tài liệu gốc không đúng: I(W; C) là một con số duy nhất cho cả kho ngữ liệu, không phải thuộc tính của một cặp từ, và mô hình không bao giờ khớp %s (tích của hai véc-tơ từ) với đại lượng nào cả. Điều đúng là đẳng thức về logarit số lần đồng xuất hiện đã khớp ở trên.",
		"word.fit.worst":               "Các từ đi kèm khớp kém nhất",
		"word.fit.worst_hint":          "Các từ đi kèm có %s·r² lớn nhất, tức những số hạng làm hàm mất mát tăng nhiều nhất (phần dư lớn đi kèm trọng số rất nhỏ là do thiết kế).",
		"word.fit.col_model":           "mô hình",
		"word.fit.col_residual":        "phần dư",
		"word.fit.col_pmi":             "PMI (nat)",
		"word.fit.plot_title":          "Lần chạy %d: hàng của %s",
		"word.fit.plot_points":         "%s điểm",
		"word.fit.plot_sized_by":       ", kích thước điểm tăng theo %s",
		"word.fit.plot_r2":             " — R² = %s",
		"word.vec.heading":             "Véc-tơ của từ",
		"word.vec.norm":                "Chuẩn ‖v‖",
		"word.vec.norm_hint":           "(dài hơn %s trong số %s véc-tơ của bộ; chuẩn trung bình của chúng là %s)",
		"word.vec.row":                 "Hàng trong tệp",
		"word.vec.row_of":              "%s trên %s",
		"word.vec.row_hint":            "(tệp GloVe liệt kê các từ theo tần suất, nên đây là thứ hạng tần suất của từ nếu tệp giữ nguyên thứ tự đó)",
		"word.vec.dim":                 "Số chiều",
		"word.vec.explore_link":        "Khám phá láng giềng và phép loại suy của từ",
		"word.vec.corpus_link":         "Số lần xuất hiện của từ trong kho ngữ liệu huấn luyện",
		"word.vec.neighbors":           "Láng giềng gần nhất",
		"word.vec.neighbors_hint":      "Các từ có véc-tơ với độ tương đồng cô-sin lớn nhất so với “%s”.",
		"word.vec.analogies":           "Các phép loại suy có đáp án là từ này",
		"word.vec.analogies_none":      "Bộ phép loại suy có sẵn không có câu hỏi nào có đáp án là “%s” mà cả bốn từ đều nằm trong bộ véc-tơ này.",
		"word.vec.analogy_score":       "%s trên %s câu hỏi loại suy (bộ Google, 3CosAdd, loại trừ các từ trong câu hỏi) có đáp án là “%s” được trả lời đúng.",
		"word.vec.analogy_score_tried": "%s trên %s câu hỏi loại suy (bộ Google, 3CosAdd, loại trừ các từ trong câu hỏi) có đáp án là “%s” được trả lời đúng (trong số %s câu đầu tiên được thử).",
		"word.vec.maps":                "Trên các bản đồ đã lưu",
		"word.vec.maps_none":           "Chưa có bản đồ đã lưu nào của bộ véc-tơ này chứa “%s”. Hãy vẽ một bản đồ ở %s (N từ phổ biến nhất, hoặc từ này cùng các láng giềng của nó) và lưu lại.",
		"word.vec.maps_explore":        "trang Khám phá",
		"word.vec.col_map":             "Bản đồ",
		"word.vec.col_position":        "Vị trí (x; y)",
		"word.vec.col_group":           "Nhóm từ",
		"word.vec.map_words":           "(%s từ)",
		"word.vec.position":            "(%s; %s)",
		"word.vec.maps_pinned":         "Mỗi liên kết mở bản đồ với “%s” được ghim và các láng giềng gần nhất của nó được khoanh tròn.",
		"word.vec.map_label":           "Bản đồ %s %d · %s",
		"word.vec.map_src_words":       "các từ của tôi",
		"word.vec.map_src_top":         "%s từ phổ biến nhất",
		"word.vec.map_src_neighbors":   "%s và %s láng giềng gần nhất",
		"word.vec.map_src_sample":      "mẫu ngẫu nhiên gồm %s từ (hạt giống ngẫu nhiên %d)",
		"word.vec.map_src_builtin":     "các nhóm từ có sẵn",
		"word.vec.method_tsne":         "t-SNE",
		"word.vec.method_umap":         "UMAP",
		"word.vec.method_axis":         "trục quan hệ",
		"word.vec.method_pca":          "PCA",
		"word.zipf.mark":               "%s: thứ hạng %s, f = %s",
		"word.fit.min":                 "min",
		"word.fit.pmi":                 "PMI",
		"word.fit.plot_thinned":        "chỉ vẽ một trong mỗi %s điểm (%s trên %s điểm); R² và đường thẳng dùng mọi điểm",
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
		// ---- word ----
		"Give a word: /corpora/ID/words/WORD.":                           "Hãy cho một từ: /corpora/ID/words/TỪ.",
		"A word must be at most 100 characters long.":                    "Một từ chỉ được dài tối đa 100 ký tự.",
		"“run” must be the id of a finished run trained on this corpus.": "“run” phải là mã số của một lần chạy đã hoàn tất, được huấn luyện trên kho ngữ liệu này.",
		"No finished training run was trained on this corpus.":           "Chưa có lần chạy huấn luyện nào hoàn tất trên kho ngữ liệu này.",
		"Give a word: /vectors/ID/words/WORD.":                           "Hãy cho một từ: /vectors/ID/words/TỪ.",
		"That word is too long.":                                         "Từ này quá dài.",
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
