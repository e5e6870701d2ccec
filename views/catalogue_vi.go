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
		// ==== end map ====

		// ==== compare: compare, WEAT, alignment ====
		"compare.crumb.explore": "Khám phá",
		"compare.col.word":      "Từ",
		"compare.left_out":      "Không có trong tập véc-tơ này nên bị bỏ qua: %s",
		"compare.job.queued":    "đang chờ",
		"compare.job.running":   "đang chạy",
		"compare.job.done":      "hoàn tất",
		"compare.job.failed":    "thất bại",
		"compare.job.cancelled": "đã hủy",

		"compare.align.title":              "Căn chỉnh hai tập véc-tơ",
		"compare.align.crumb":              "So sánh hai tập véc-tơ",
		"compare.align.lead":               "Xoay tập thứ nhất sao cho khớp với tập thứ hai trên các từ chung của chúng (bài toán Procrustes trực giao: các hàng được chuẩn hóa về độ dài đơn vị, ma trận xoay R lấy từ SVD của AᵀB), rồi xem những từ nào dịch chuyển nhiều nhất, đo bằng khoảng cách cô-sin sau phép xoay.",
		"compare.align.first_set":          "Tập thứ nhất A",
		"compare.align.rotated_hint":       "(được xoay)",
		"compare.align.second_set":         "Tập thứ hai B",
		"compare.align.fit_top":            "Khớp trên N từ đầu",
		"compare.align.empty_all":          "(để trống: tất cả)",
		"compare.align.min_rank":           "Thứ hạng từ",
		"compare.align.max_rank":           "Thứ hạng đến",
		"compare.align.listed":             "Số từ liệt kê",
		"compare.align.neighbours_of":      "Láng giềng của",
		"compare.align.word_placeholder":   "một từ (tùy chọn)",
		"compare.align.submit":             "Căn chỉnh",
		"compare.align.job_submit":         "Căn chỉnh dưới nền",
		"compare.align.job_hint":           "Trang sẽ hiện kết quả khi tác vụ hoàn tất; kết quả được giữ trong bộ nhớ cho vài lần căn chỉnh tiếp theo.",
		"compare.align.shared":             "từ chung",
		"compare.align.fit_words":          "từ dùng để khớp phép xoay",
		"compare.align.residual":           "phần dư tương đối ‖AR − B‖ / ‖B‖",
		"compare.align.explain":            "Phần dư bằng 0 khi B đúng là một phép xoay của A, và xấp xỉ √2 ≈ %s với hai tập hàng đơn vị không liên quan đến nhau. Khoảng cách là 1 − cos(a R, b) giữa các véc-tơ đơn vị của từ: 0 là không dịch chuyển, 1 là không liên quan, 2 là ngược hướng. Thứ hạng tần suất của một từ là vị trí của nó trong tệp của tập mà nó xuất hiện muộn hơn (các tệp thường được sắp theo tần suất).",
		"compare.align.json":               "JSON",
		"compare.align.moved_heading":      "%s từ dịch chuyển nhiều nhất",
		"compare.align.filter_count":       "(%s: %s từ chung)",
		"compare.align.filter_from":        "thứ hạng tần suất từ %s",
		"compare.align.filter_range":       "thứ hạng tần suất %s–%s",
		"compare.align.col_distance":       "khoảng cách",
		"compare.align.col_ranks":          "thứ hạng A · B",
		"compare.align.page_in_a":          "trang của từ trong A",
		"compare.align.page_in_b":          "trang của từ trong B",
		"compare.align.neighbours_link":    "láng giềng",
		"compare.align.neighbours_heading": "Láng giềng của “%s”",
		"compare.align.neighbours_hint":    "Láng giềng gần nhất theo độ tương đồng cô-sin trong từng tập (phép xoay không làm thay đổi chúng): %s giữ nguyên, %s mất đi (chỉ có trong A), %s mới xuất hiện (chỉ có trong B).",
		"compare.align.in_set":             "trong %s",
		"compare.align.col_cosine":         "cô-sin",
		"compare.align.nb.kept":            "giữ nguyên",
		"compare.align.nb.lost":            "mất đi",
		"compare.align.nb.gained":          "mới",
		"compare.align.map_heading":        "Hai tập trong cùng một hệ tọa độ",
		"compare.align.map_hint":           "Phép chiếu PCA của các từ dưới đây, mỗi từ được vẽ hai lần trong hệ tọa độ của B: một vòng tròn rỗng ở vị trí A (đã xoay) đặt nó, một chấm ở vị trí B đặt nó, và một mũi tên nối hai điểm. Các từ: %s.",
		"compare.align.choose":             "chọn…",
		"compare.align.set_choice":         "%s (#%d, %s từ × %s)",
		"compare.align.plot_alt":           "Bản đồ căn chỉnh của %s",
		"compare.align.plot.title":         "%s căn chỉnh theo %s",
		"compare.align.plot.rotated":       "%s (đã xoay)",
		"compare.align.plot.pc1":           "PC1 (%s%% phương sai)",
		"compare.align.plot.pc2":           "PC2 (%s%% phương sai)",
		"compare.align.plot.subtitle_one":  "%s từ; mũi tên đi từ tập thứ nhất đến tập thứ hai",
		"compare.align.plot.subtitle":      "%s từ; mũi tên đi từ tập thứ nhất đến tập thứ hai",
		"compare.align.plot.omitted_one":   "bỏ qua %s từ có tọa độ NaN hoặc vô hạn",
		"compare.align.plot.omitted":       "bỏ qua %s từ có tọa độ NaN hoặc vô hạn",
		"compare.align.job.heading":        "Đang căn chỉnh (tác vụ %d)",
		"compare.align.job.waiting":        "đang chờ tiến trình xử lý (vị trí %s trong hàng đợi)",
		"compare.align.job.wait_hint":      "Trang này sẽ hiện kết quả khi tác vụ hoàn tất.",

		"compare.axes.title":             "Trục khái niệm",
		"compare.axes.page_title":        "Trục khái niệm · %s",
		"compare.axes.lead":              "Một hướng được dựng từ các cặp từ (he → she, man → woman, …: trung bình các hiệu véc-tơ của chúng) hoặc từ hai nhóm từ (trung bình nhóm thứ hai trừ trung bình nhóm thứ nhất), kèm hình chiếu của mọi từ lên hướng đó, xếp hạng ở cả hai đầu trục.",
		"compare.axes.legend_axis":       "Trục",
		"compare.axes.mode_pairs":        "các cặp từ, mỗi dòng một cặp (từ → đến):",
		"compare.axes.pairs_label":       "các cặp từ, mỗi dòng một cặp",
		"compare.axes.pairs_placeholder": "he she\nman woman\nking queen",
		"compare.axes.mode_sets":         "hai nhóm từ:",
		"compare.axes.set_a_label":       "các từ của cực thứ nhất",
		"compare.axes.set_a_placeholder": "từ: he him his man boy",
		"compare.axes.set_b_label":       "các từ của cực thứ hai",
		"compare.axes.set_b_placeholder": "đến: she her hers woman girl",
		"compare.axes.legend_words":      "Các từ cần chiếu",
		"compare.axes.words_label":       "Những từ này",
		"compare.axes.words_hint":        "(để trống: các từ có tần suất cao nhất)",
		"compare.axes.words_placeholder": "nurse doctor engineer …",
		"compare.axes.top_label":         "hoặc N từ đầu",
		"compare.axes.n_label":           "số từ liệt kê ở mỗi đầu",
		"compare.axes.submit":            "Chiếu",
		"compare.axes.how_sets":          "Trục là trung bình các từ của nhóm thứ hai trừ trung bình các từ của nhóm thứ nhất (véc-tơ đơn vị); %s hiệu véc-tơ của các cặp chéo có độ tương đồng cô-sin trung bình với trục là %s.",
		"compare.axes.how_pairs_one":     "Trục là hiệu véc-tơ trung bình (đến − từ, véc-tơ đơn vị) của %s cặp; độ tương đồng cô-sin trung bình giữa các hiệu véc-tơ và trục là %s (1: tất cả song song).",
		"compare.axes.how_pairs":         "Trục là hiệu véc-tơ trung bình (đến − từ, véc-tơ đơn vị) của %s cặp; độ tương đồng cô-sin trung bình giữa các hiệu véc-tơ và trục là %s (1: tất cả song song).",
		"compare.axes.projection_hint":   "Hình chiếu: véc-tơ đơn vị của từ trừ đi trung bình của %s từ được hiển thị, chiếu lên trục đơn vị. Các từ ở hai cực tách nhau do chính cách dựng trục nên không được đưa vào danh sách; hãy đánh giá trục qua các từ còn lại.",
		"compare.axes.toward":            "Về phía %s",
		"compare.axes.col_projection":    "hình chiếu",
		"compare.axes.plot_alt":          "Các từ dọc theo trục %s → %s",
		"compare.axes.plot.title":        "Các từ dọc theo %s → %s",
		"compare.axes.plot.x":            "hình chiếu lên trục (véc-tơ đơn vị, quy tâm)",
		"compare.axes.plot.y":            "thành phần chính 1 của phần dư",
		"compare.axes.plot.projected":    "được chiếu",
		"compare.axes.plot.from":         "từ: %s",
		"compare.axes.plot.to":           "đến: %s",
		"compare.axes.plot.subtitle_one": "%s từ",
		"compare.axes.plot.subtitle":     "%s từ",

		"compare.weat.title":            "Kiểm định liên tưởng của biểu diễn từ (WEAT)",
		"compare.weat.crumb":            "WEAT",
		"compare.weat.page_title":       "WEAT · %s",
		"compare.weat.lead":             "Các từ đích X có liên tưởng với các từ thuộc tính A (và Y với B) mạnh hơn so với chiều ngược lại hay không? Caliskan, Bryson & Narayanan (2017), “Semantics derived automatically from language corpora contain human-like biases”, Science 356.",
		"compare.weat.example_label":    "Phép kiểm định có sẵn trong bài báo",
		"compare.weat.run_example":      "Chạy",
		"compare.weat.targets_x":        "Từ đích X",
		"compare.weat.targets_y":        "Từ đích Y",
		"compare.weat.attributes_a":     "Thuộc tính A",
		"compare.weat.attributes_b":     "Thuộc tính B",
		"compare.weat.list_placeholder": "các từ, ngăn cách bằng dấu cách, dấu phẩy hoặc xuống dòng",
		"compare.weat.permutations":     "số hoán vị, nếu lấy mẫu",
		"compare.weat.seed":             "hạt giống ngẫu nhiên (seed)",
		"compare.weat.submit":           "Kiểm định",
		"compare.weat.note_all":         "%s: cả %s từ trong các danh sách của bài báo đều có trong tập véc-tơ này.",
		"compare.weat.note_dropped":     "%s: %s trong số %s từ của bài báo không có trong tập véc-tơ này nên đã bị loại: %s.",
		"compare.weat.result":           "Kết quả",
		"compare.weat.effect_size":      "cỡ hiệu ứng d",
		"compare.weat.p_value":          "giá trị p một phía",
		"compare.weat.statistic":        "thống kê S(X, Y)",
		"compare.weat.p_is":             "Giá trị p được tính",
		"compare.weat.exact":            "chính xác",
		"compare.weat.exact_how":        ": đã duyệt hết %s cách chia X ∪ Y thành hai phần có kích thước như X và Y.",
		"compare.weat.sampled":          "bằng lấy mẫu",
		"compare.weat.sampled_how":      ": %s cách chia ngẫu nhiên X ∪ Y (seed %s), vì số cách chia vượt quá %s; p = (1 + #{Sᵢ ≥ S}) / (1 + %[1]s).",
		"compare.weat.paper_effect":     "Bài báo công bố d = %s với véc-tơ GloVe huấn luyện trên Common Crawl (840 tỷ từ tố).",
		"compare.weat.defs_summary":     "Định nghĩa các đại lượng",
		"compare.weat.def_s":            "s(w, A, B) = cô-sin trung bình giữa w và các từ của A − cô-sin trung bình giữa w và các từ của B.",
		"compare.weat.def_statistic":    "Thống kê",
		"compare.weat.def_effect":       "Cỡ hiệu ứng d = (trung bình của s trên X − trung bình của s trên Y) / độ lệch chuẩn của s trên X ∪ Y, với mẫu số n − 1.",
		"compare.weat.def_p":            "p = tỷ lệ các cách chia (Xᵢ, Yᵢ) của X ∪ Y thành hai tập có kích thước |X| và |Y|, kể cả cách chia quan sát được, mà Σ s(Xᵢ) − Σ s(Yᵢ) không nhỏ hơn giá trị quan sát: kiểm định một phía, theo hướng X–A và Y–B. Tính chính xác khi có không quá %s cách chia, nếu không thì dùng một mẫu ngẫu nhiên các cách chia với seed cố định.",
		"compare.weat.def_used":         "Số từ được dùng: X %s, Y %s, A %s, B %s.",
		"compare.weat.assoc_heading":    "Mức liên tưởng",
		"compare.weat.col_set":          "tập",
		"compare.weat.api_same":         "Cùng phép kiểm định dưới dạng JSON:",
		"compare.weat.api_body":         "với phần thân",

		"compare.weat.example.flowers_insects":     "WEAT 1: hoa và côn trùng, dễ chịu và khó chịu",
		"compare.weat.example.instruments_weapons": "WEAT 2: nhạc cụ và vũ khí, dễ chịu và khó chịu",
		"compare.weat.example.career_family":       "WEAT 6: tên nam và tên nữ, sự nghiệp và gia đình",
		"compare.weat.example.math_arts":           "WEAT 7: toán học và nghệ thuật, từ chỉ nam và từ chỉ nữ",
		"compare.weat.example.science_arts":        "WEAT 8: khoa học và nghệ thuật, từ chỉ nam và từ chỉ nữ",
		"compare.weat.list.flowers":                "hoa",
		"compare.weat.list.insects":                "côn trùng",
		"compare.weat.list.instruments":            "nhạc cụ",
		"compare.weat.list.weapons":                "vũ khí",
		"compare.weat.list.pleasant":               "dễ chịu",
		"compare.weat.list.unpleasant":             "khó chịu",
		"compare.weat.list.male_names":             "tên nam",
		"compare.weat.list.female_names":           "tên nữ",
		"compare.weat.list.career":                 "sự nghiệp",
		"compare.weat.list.family":                 "gia đình",
		"compare.weat.list.math":                   "toán học",
		"compare.weat.list.arts":                   "nghệ thuật",
		"compare.weat.list.male_terms":             "từ chỉ nam",
		"compare.weat.list.female_terms":           "từ chỉ nữ",
		"compare.weat.list.science":                "khoa học",
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
		// ---- compare ----
		"Choose the first vector set (a=ID).":                                                                                                        "Hãy chọn tập véc-tơ thứ nhất (a=ID).",
		"Choose the second vector set (b=ID).":                                                                                                       "Hãy chọn tập véc-tơ thứ hai (b=ID).",
		"The highest frequency rank (%d) is below the lowest (%d).":                                                                                  "Thứ hạng tần suất cao nhất (%d) nhỏ hơn thứ hạng thấp nhất (%d).",
		"That word is too long.":                                                                                                                     "Từ đó quá dài.",
		"“%s” is not in “%s”, so its neighbours cannot be compared.":                                                                                 "“%s” không có trong “%s” nên không thể so sánh láng giềng của nó.",
		"There is no alignment job with id %d. It may have been deleted.":                                                                            "Không có tác vụ căn chỉnh nào có mã %d. Có thể nó đã bị xóa.",
		"The number of fit words (fit_top) must be a whole number of at least 0; “%s” is not.":                                                       "Số từ dùng để khớp (fit_top) phải là số nguyên không nhỏ hơn 0; “%s” thì không.",
		"The lowest frequency rank (min_rank) must be a whole number of at least 1; “%s” is not.":                                                    "Thứ hạng tần suất thấp nhất (min_rank) phải là số nguyên không nhỏ hơn 1; “%s” thì không.",
		"The highest frequency rank (max_rank) must be a whole number of at least 1; “%s” is not.":                                                   "Thứ hạng tần suất cao nhất (max_rank) phải là số nguyên không nhỏ hơn 1; “%s” thì không.",
		"The number of words listed must be a whole number from 1 to 1,000; “%s” is not.":                                                            "Số từ liệt kê phải là số nguyên từ 1 đến 1.000; “%s” thì không.",
		"The number of words on the map must be a whole number from 1 to 60; “%s” is not.":                                                           "Số từ trên bản đồ phải là số nguyên từ 1 đến 60; “%s” thì không.",
		"There is no built-in test “%s”; there are %s.":                                                                                              "Không có phép kiểm định có sẵn nào tên “%s”; các phép có sẵn là %s.",
		"Set %s is empty: the test needs target sets X and Y and attribute sets A and B.":                                                            "Tập %s đang trống: phép kiểm định cần hai tập từ đích X, Y và hai tập thuộc tính A, B.",
		"Set %s has %s words; at most %s.":                                                                                                           "Tập %s có %s từ; tối đa là %s.",
		"Set %s has %s word in this vector set; the test needs at least 2 target words in each of X and Y and 1 attribute word in each of A and B.":  "Tập %s chỉ có %s từ nằm trong tập véc-tơ này; phép kiểm định cần ít nhất 2 từ đích ở mỗi tập X, Y và 1 từ thuộc tính ở mỗi tập A, B.",
		"Set %s has %s words in this vector set; the test needs at least 2 target words in each of X and Y and 1 attribute word in each of A and B.": "Tập %s chỉ có %s từ nằm trong tập véc-tơ này; phép kiểm định cần ít nhất 2 từ đích ở mỗi tập X, Y và 1 từ thuộc tính ở mỗi tập A, B.",
		"A word may not be in both target sets or both attribute sets: %s is in X and in Y.":                                                         "Một từ không được nằm ở cả hai tập từ đích hay cả hai tập thuộc tính: %s có trong cả X và Y.",
		"A word may not be in both target sets or both attribute sets: %s is in A and in B.":                                                         "Một từ không được nằm ở cả hai tập từ đích hay cả hai tập thuộc tính: %s có trong cả A và B.",
		"Every target word has the same association s(w, A, B), so the effect size is undefined. Use more varied target words.":                      "Mọi từ đích có cùng mức liên tưởng s(w, A, B) nên cỡ hiệu ứng không xác định. Hãy dùng các từ đích đa dạng hơn.",
		"The number of permutations must be a whole number from 1 to 1,000,000; “%s” is not.":                                                        "Số hoán vị phải là số nguyên từ 1 đến 1.000.000; “%s” thì không.",
		"The seed must be a whole number of at least 0; “%s” is not.":                                                                                "Hạt giống ngẫu nhiên (seed) phải là số nguyên không nhỏ hơn 0; “%s” thì không.",
		"Set %s is too long (at most 20,000 characters).":                                                                                            "Tập %s quá dài (tối đa 20.000 ký tự).",
		"The first word set is too long (at most 20,000 characters).":                                                                                "Nhóm từ thứ nhất quá dài (tối đa 20.000 ký tự).",
		"The second word set is too long (at most 20,000 characters).":                                                                               "Nhóm từ thứ hai quá dài (tối đa 20.000 ký tự).",
		"The word list is too long (at most 20,000 characters).":                                                                                     "Danh sách từ quá dài (tối đa 20.000 ký tự).",
		"The pair list is too long (at most 20,000 characters).":                                                                                     "Danh sách cặp từ quá dài (tối đa 20.000 ký tự).",
		"Type words into both sets: the axis runs from the mean of the first to the mean of the second.":                                             "Hãy nhập từ vào cả hai nhóm: trục đi từ trung bình của nhóm thứ nhất đến trung bình của nhóm thứ hai.",
		"Each word set may hold at most %s words.":                                                                                                   "Mỗi nhóm từ chỉ được có tối đa %s từ.",
		"“%s” is in both word sets; a word can mark only one end of the axis.":                                                                       "“%s” có trong cả hai nhóm từ; một từ chỉ có thể đánh dấu một đầu của trục.",
		"The axis mode must be pairs or sets.":                                                                                                       "Cách dựng trục phải là pairs (cặp từ) hoặc sets (nhóm từ).",
		"%s words is too many: at most %s.":                                                                                                          "%s từ là quá nhiều: tối đa %s.",
		"Line %d (“%s”) is not a pair: write two words a line, such as “he she”.":                                                                    "Dòng %d (“%s”) không phải là một cặp: hãy viết hai từ trên mỗi dòng, chẳng hạn “he she”.",
		"Line %d pairs “%s” with itself; the two words of a pair must differ.":                                                                       "Dòng %d ghép “%s” với chính nó; hai từ của một cặp phải khác nhau.",
		"Type at least one word pair, such as “he she”, one a line.":                                                                                 "Hãy nhập ít nhất một cặp từ, chẳng hạn “he she”, mỗi dòng một cặp.",
		"No axis can be drawn: no pair has both its words in this vector set (%s words). Left out: %s.":                                              "Không thể dựng trục: không cặp nào có đủ cả hai từ trong tập véc-tơ này (%s từ). Bị bỏ qua: %s.",
		"No axis can be drawn: one of the word sets has no word in this vector set (%s words). Left out: %s.":                                        "Không thể dựng trục: một trong hai nhóm từ không có từ nào trong tập véc-tơ này (%s từ). Bị bỏ qua: %s.",
		"The number of most frequent words (top) must be a whole number from 2 to 10,000; “%s” is not.":                                              "Số từ có tần suất cao nhất (top) phải là số nguyên từ 2 đến 10.000; “%s” thì không.",
		"Give at least one word to project besides the words that define the axis.":                                                                  "Hãy đưa vào ít nhất một từ để chiếu ngoài các từ dùng để dựng trục.",
		"The number of words listed at each end must be a whole number from 1 to 200; “%s” is not.":                                                  "Số từ liệt kê ở mỗi đầu phải là số nguyên từ 1 đến 200; “%s” thì không.",
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
