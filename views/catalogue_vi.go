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
		"ratio.title":                      "Tỷ lệ xác suất · %s",
		"ratio.heading":                    "Tỷ lệ xác suất",
		"ratio.heading_in":                 "trong %s",
		"ratio.lead":                       "Bảng 1 của bài báo GloVe so sánh tần suất xuất hiện của các từ thăm dò k ở gần hai từ i và j. Tỷ lệ P(k|i)/P(k|j) lớn khi k gắn với i, nhỏ khi k gắn với j, và xấp xỉ 1 khi k liên quan đến cả hai từ hoặc không liên quan đến từ nào.",
		"ratio.lead_def":                   "Ở đây P(k|i) = %[1]s / %[2]s là xác suất có điều kiện để từ k xuất hiện trong cửa sổ ngữ cảnh của từ i: số lần đồng xuất hiện của i và k chia cho tổng số lần đồng xuất hiện của i.",
		"ratio.note.frequent":              "Hai từ “ice” và “steam” của bài báo không cùng có mặt trong từ vựng của kho ngữ liệu này, nên trang hiển thị hai từ có tần suất cao nhất thay cho chúng. Bạn có thể nhập hai từ bất kỳ ở ô phía trên.",
		"ratio.form.word_i":                "Từ i",
		"ratio.form.word_j":                "Từ j",
		"ratio.form.probes":                "Các từ thăm dò k",
		"ratio.form.probes_hint":           "(phân tách bằng dấu phẩy)",
		"ratio.form.options":               "Tùy chọn: làm trơn, ngưỡng dữ liệu thưa, các từ phát hiện được",
		"ratio.form.smoothing":             "Hệ số làm trơn λ",
		"ratio.form.smoothing_hint":        "(cộng vào mọi số lần đồng xuất hiện; 0 = không làm trơn)",
		"ratio.form.thin":                  "Ngưỡng dữ liệu thưa",
		"ratio.form.thin_hint":             "(đánh dấu các cột có %s hoặc %s nhỏ hơn ngưỡng này)",
		"ratio.form.top":                   "Số từ phát hiện",
		"ratio.form.top_hint":              "(mỗi phía, từ %s đến %s)",
		"ratio.form.min_evidence":          "Bằng chứng tối thiểu",
		"ratio.form.min_evidence_hint":     "(giá trị nhỏ nhất của %s + %s đối với một từ phát hiện được)",
		"ratio.form.submit":                "Tính tỷ lệ",
		"ratio.form.share_hint":            "Địa chỉ của trang này chứa mọi tham số: hãy sao chép địa chỉ để chia sẻ bảng này.",
		"ratio.table.heading":              "Xác suất đồng xuất hiện của “%s” và “%s”",
		"ratio.table.totals_weighted":      "%[1]s = %[2]s (tổng số lần đồng xuất hiện của “%[3]s”, mỗi lần được gán trọng số 1/d theo khoảng cách d giữa hai từ), %[4]s = %[5]s (của “%[6]s”).",
		"ratio.table.totals_unweighted":    "%[1]s = %[2]s (tổng số lần đồng xuất hiện của “%[3]s”, mỗi cặp từ trong cửa sổ ngữ cảnh được đếm một lần), %[4]s = %[5]s (của “%[6]s”).",
		"ratio.table.smoothing":            "Mọi số lần đồng xuất hiện đều được cộng thêm hệ số làm trơn λ = %s.",
		"ratio.table.all_thin":             "Mọi cột thăm dò đều dựa trên rất ít dữ liệu: trong kho ngữ liệu này, “%s” và “%s” chỉ xuất hiện gần các từ thăm dò vài lần. Các tỷ lệ vẫn được hiển thị nhưng không nói lên được nhiều điều; hãy thử những từ có tần suất cao hơn, hoặc xem các từ phát hiện được ở bên dưới.",
		"ratio.table.no_probes":            "Không từ thăm dò nào có trong từ vựng của kho ngữ liệu này, nên không có bảng nào để hiển thị.",
		"ratio.table.corner":               "Xác suất và tỷ lệ",
		"ratio.table.count_near":           "%s (số lần gần “%s”)",
		"ratio.table.unknown":              "Không có trong từ vựng của kho ngữ liệu này (đã bỏ qua):",
		"ratio.thin.badge":                 "thưa",
		"ratio.thin.title":                 "Ít lần đồng xuất hiện: hãy thận trọng khi đọc tỷ lệ này",
		"ratio.kind.undefined":             "không xác định",
		"ratio.kind.inf_title":             "vô cùng: k xuất hiện gần i nhưng chưa bao giờ xuất hiện gần j",
		"ratio.kind.zero_title":            "bằng 0: k xuất hiện gần j nhưng chưa bao giờ xuất hiện gần i",
		"ratio.kind.undefined_title":       "không xác định (0/0): k không xuất hiện gần từ nào trong hai từ",
		"ratio.legend.inf":                 "%s: k xuất hiện gần “%s” nhưng chưa bao giờ xuất hiện gần “%s”.",
		"ratio.legend.zero":                "%s: k xuất hiện gần “%s” nhưng chưa bao giờ xuất hiện gần “%s”.",
		"ratio.legend.undefined":           "%s: k không xuất hiện gần từ nào trong hai từ (0/0).",
		"ratio.legend.thin":                "Các cột %s dựa trên ít hơn %s lần đồng xuất hiện với “%s” hoặc với “%s”: chỉ cần thêm vài câu là tỷ lệ của chúng có thể thay đổi nhiều, vì vậy hãy thận trọng khi đọc.",
		"ratio.rows.counts_title":          "X(%s, k) và X(%s, k)",
		"ratio.col.ratio":                  "tỷ lệ",
		"ratio.col.lower":                  "cận dưới",
		"ratio.col.lower_title":            "Với độ tin cậy %s %%, tỷ lệ không nhỏ hơn giá trị này",
		"ratio.col.upper":                  "cận trên",
		"ratio.col.upper_title":            "Với độ tin cậy %s %%, tỷ lệ không lớn hơn giá trị này",
		"ratio.discovered.heading":         "Các từ ngữ cảnh phân biệt “%s” với “%s”",
		"ratio.discovered.rule":            "Đây là các từ ngữ cảnh k có %[1]s + %[2]s ≥ %[3]s, có tỷ lệ không nhỏ hơn %[4]s hoặc không lớn hơn %[5]s, và có số lần đủ lớn để khẳng định chắc chắn xu hướng đó: cận tin cậy %[6]s %% của tỷ lệ (cận Wilson tính từ %[1]s và %[2]s) nằm hẳn về một phía so với 1.",
		"ratio.discovered.ranking":         "Các từ được xếp hạng theo cận này chứ không theo bản thân tỷ lệ, nên một từ chỉ gặp hai lần gần từ này và chưa lần nào gần từ kia không thể xếp trên một từ gặp hai trăm lần so với hai mươi lần.",
		"ratio.discovered.rarer":           "Hạ mức bằng chứng tối thiểu trong phần Tùy chọn để xem các từ hiếm hơn.",
		"ratio.discovered.lean_i":          "Nghiêng rõ về “%s”: tỷ lệ ≥ %s",
		"ratio.discovered.lean_j":          "Nghiêng rõ về “%s”: tỷ lệ ≤ %s",
		"ratio.discovered.none":            "Không từ nào trong kho ngữ liệu này nghiêng rõ về “%s”: không từ nào vượt ngưỡng với đủ bằng chứng để cận tin cậy %s %% của nó loại trừ tỷ lệ bằng 1.",
		"ratio.discovered.add_probe":       "+\u00a0thêm",
		"ratio.discovered.add_probe_title": "Thêm từ này vào các từ thăm dò",
		"ratio.plot.alt":                   "Biểu đồ cột của P(k|%s)/P(k|%s) cho từng từ thăm dò, trên thang logarit lấy 1 làm tâm",
		"ratio.plot.title":                 "P(k | %s) / P(k | %s)",
		"ratio.plot.x":                     "từ thăm dò k",
		"ratio.plot.y":                     "tỷ lệ (thang logarit; 1 = trung lập)",
		"ratio.plot.up":                    "thường gặp gần %s hơn (tỷ lệ > 1)",
		"ratio.plot.down":                  "thường gặp gần %s hơn (tỷ lệ < 1)",
		"ratio.plot.inf":                   "∞: k chưa từng gặp gần %s",
		"ratio.plot.zero":                  "0: k chưa từng gặp gần %s",
		"ratio.plot.undefined":             "0/0: k không gặp gần từ nào",
		"ratio.plot.thin":                  "màu nhạt: ít bằng chứng (ít lần đồng xuất hiện)",
		"ratio.preset.ice_steam":           "nước đá / hơi nước",
		"ratio.preset.hang_cot":            "hàng / cột",
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
		// ---- ratio ----
		"This corpus's vocabulary has fewer than two words, so there is nothing to compare.": "Từ vựng của kho ngữ liệu này có ít hơn hai từ, nên không có gì để so sánh.",
		"Give both words: i and j.":                                                                                                          "Hãy nhập cả hai từ i và j.",
		"The words i and j must be at most 100 characters long.":                                                                             "Mỗi từ i và j chỉ được dài tối đa 100 ký tự.",
		"Probe words must be at most 100 characters long.":                                                                                   "Mỗi từ thăm dò chỉ được dài tối đa 100 ký tự.",
		"Give at least one probe word k (several are separated by commas), for example solid,gas,water,fashion.":                             "Hãy nhập ít nhất một từ thăm dò k (nhiều từ thì phân tách bằng dấu phẩy), ví dụ solid,gas,water,fashion.",
		"Give at most %d probe words.":                                                                                                       "Hãy nhập tối đa %d từ thăm dò.",
		"The words i and j must be different: a word compared with itself gives a ratio of 1 everywhere.":                                    "Hai từ i và j phải khác nhau: so sánh một từ với chính nó thì tỷ lệ luôn bằng 1 ở mọi cột.",
		"One of the two words never occurs near any other word in this corpus, so its probabilities P(k|·) are undefined. Try another word.": "Một trong hai từ không bao giờ xuất hiện gần từ nào khác trong kho ngữ liệu này, nên các xác suất P(k|·) của nó không xác định. Hãy thử một từ khác.",
		"None of the probe words is in this corpus's vocabulary, so there is nothing to plot.":                                               "Không từ thăm dò nào có trong từ vựng của kho ngữ liệu này, nên không có gì để vẽ.",
		"The smoothing λ (smoothing)":                                                                                                        "Hệ số làm trơn λ (smoothing)",
		"The thin-evidence threshold (thin)":                                                                                                 "Ngưỡng dữ liệu thưa (thin)",
		"The minimum evidence (min_evidence)":                                                                                                "Bằng chứng tối thiểu (min_evidence)",
		"The number of discovered words on each side (top)":                                                                                  "Số từ phát hiện ở mỗi phía (top)",
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
