package project

import (
	"errors"
	"testing"
)

func TestCheckSize(t *testing.T) {
	tests := []struct {
		method string
		n      int
		want   error
	}{
		{MethodPCA, 3, ErrTooFewPoints},
		{MethodPCA, 4, nil},
		{MethodPCA, 400_000, nil}, // the whole vocabulary
		{MethodAxis, 1_000_000, nil},
		{MethodTSNE, MaxPointsTSNE, nil},
		{MethodTSNE, MaxPointsTSNE + 1, ErrTooManyPoints},
		{MethodTSNEExact, ExactMax + 1, ErrTooManyPointsExact},
		{MethodUMAP, MaxPointsUMAP, nil},
		{MethodUMAP, MaxPointsUMAP + 1, ErrTooManyPoints},
		{MethodUMAP, 2, ErrTooFewPoints},
		{"mds", 100, ErrUnknownMethod},
	}
	for _, tc := range tests {
		if err := CheckSize(tc.method, tc.n); !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
			t.Errorf("CheckSize(%q, %d) = %v, want %v", tc.method, tc.n, err, tc.want)
		}
	}
}
