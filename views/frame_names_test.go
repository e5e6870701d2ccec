package views

import "testing"

// TestNestedMessagesAndNames checks the parts of the message machinery
// the frame area added: messages and labels nested in a message's
// arguments are translated, single words and quoted input are not, and
// names the application makes are translated by their format.
func TestNestedMessagesAndNames(t *testing.T) {
	l := Locale{lang: Vietnamese, decimal: ',', group: '.', messages: compileMessages(map[string]string{
		"%s must be a whole number from %s to %s; “%s” is not.": "%s phải là một số nguyên từ %s đến %s; “%s” không hợp lệ.",
		"The window":                       "Cửa sổ ngữ cảnh",
		"run %d: %s":                       "lần chạy %d: %s",
		"saving the vectors":               "đang lưu các véc-tơ",
		"%s and its %s nearest neighbours": "%s và %s láng giềng gần nhất của nó",
		"done":                             "hoàn tất",
	})}
	for _, tc := range []struct{ in, want string }{
		{"The window must be a whole number from 1 to 1,000; “The window” is not.", "Cửa sổ ngữ cảnh phải là một số nguyên từ 1 đến 1.000; “The window” không hợp lệ."},
		{"run 12: saving the vectors", "lần chạy 12: đang lưu các véc-tơ"},
		{"done and its 2,000 nearest neighbours", "done và 2.000 láng giềng gần nhất của nó"},
		{"run 4: done", "lần chạy 4: done"},
	} {
		if got := l.Message(tc.in); got != tc.want {
			t.Errorf("Message(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}

	vi, en := NewLocale(Vietnamese), NewLocale(English)
	for _, tc := range []struct{ in, want string }{
		{"Run 3 · WordNet glosses (demo) · 50d", "Lần chạy 3 · Định nghĩa WordNet (bản minh họa) · 50 chiều"},
		{"Run 7 · my corpus · SVD-PPMI 100d", "Lần chạy 7 · my corpus · SVD-PPMI 100 chiều"},
		{"Run 3 of mine", "Run 3 of mine"},
		{"my corpus", "my corpus"},
	} {
		if got := vi.Name(tc.in); got != tc.want {
			t.Errorf("Name(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := en.Name(tc.in); got != tc.in {
			t.Errorf("English Name(%q) = %q", tc.in, got)
		}
	}
}
