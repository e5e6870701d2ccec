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
