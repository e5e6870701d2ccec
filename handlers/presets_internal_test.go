package handlers

import (
	"testing"

	"github.com/gloveboard/gloveboard/internal/demo"
	"github.com/gloveboard/gloveboard/views"
)

// TestPresetGloss: each preset is glossed in the reader's language only
// when its words are in another one.
func TestPresetGloss(t *testing.T) {
	en, vi := views.NewLocale(views.English), views.NewLocale(views.Vietnamese)
	for _, tc := range []struct {
		name   string
		loc    views.Locale
		preset demo.Preset
		want   string
	}{
		{"ice/steam in English", en, demo.EnglishPreset, ""},
		{"ice/steam in Vietnamese", vi, demo.EnglishPreset, "nước đá / hơi nước"},
		{"hàng/cột in English", en, demo.VietnamesePreset, "row / column"},
		{"hàng/cột in Vietnamese", vi, demo.VietnamesePreset, ""},
		{"another pair", vi, demo.Preset{I: "a", J: "b"}, ""},
	} {
		if got := presetGloss(tc.loc, tc.preset); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
