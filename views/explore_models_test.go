package views

import (
	"context"
	"math"
	"testing"
)

func TestExploreNumbers(t *testing.T) {
	en := WithLocale(context.Background(), NewLocale(English))
	vi := WithLocale(context.Background(), NewLocale(Vietnamese))
	for _, tt := range []struct {
		name         string
		got          func(ctx context.Context) string
		wantEN, want string
	}{
		{"fixed", func(ctx context.Context) string { return fixedOrNA(ctx, 1234.5678, 3) }, "1234.568", "1234,568"},
		{"fixed NaN", func(ctx context.Context) string { return fixedOrNA(ctx, math.NaN(), 3) }, "n/a", "không có"},
		{"fixed Inf", func(ctx context.Context) string { return fixedOrNA(ctx, math.Inf(-1), 3) }, "n/a", "không có"},
		{"numText decimal", func(ctx context.Context) string { return numText(ctx, "-0.912") }, "-0.912", "-0,912"},
		{"numText n/a", func(ctx context.Context) string { return numText(ctx, "n/a") }, "n/a", "không có"},
		{"numText text", func(ctx context.Context) string { return numText(ctx, "too few pairs") }, "too few pairs", "too few pairs"},
		{"numText localized", func(ctx context.Context) string { return numText(ctx, "0,912") }, "0,912", "0,912"},
		{"method add", func(ctx context.Context) string { return AnalogyView{Method: "add"}.methodLabel(ctx) }, "3CosAdd", "3CosAdd"},
		{"method mul", func(ctx context.Context) string { return AnalogyView{Method: "mul"}.methodLabel(ctx) }, "3CosMul", "3CosMul"},
	} {
		if got := tt.got(en); got != tt.wantEN {
			t.Errorf("%s in English = %q, want %q", tt.name, got, tt.wantEN)
		}
		if got := tt.got(vi); got != tt.want {
			t.Errorf("%s in Vietnamese = %q, want %q", tt.name, got, tt.want)
		}
	}
}
