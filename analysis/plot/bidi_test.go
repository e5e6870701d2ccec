package plot

import "testing"

func TestVisualOrder(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ice", "ice"},
		{"שלום", "םולש"},
		{"שלום עולם", "םלוע םולש"},
		{"abc שלום", "abc םולש"},
		{"שלום abc", "abc םולש"},
		{"מים 2024", "2024 םימ"},
		{"", ""},
		{"123", "123"},
	}
	for _, tt := range tests {
		if got := visualOrder(tt.in); got != tt.want {
			t.Errorf("visualOrder(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
