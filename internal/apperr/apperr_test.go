package apperr_test

import (
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/gloveboard/gloveboard/internal/apperr"
)

func TestCodeAndMessage(t *testing.T) {
	cause := io.ErrUnexpectedEOF
	tests := []struct {
		name     string
		err      error
		wantCode apperr.Code
		wantMsg  string
		wantOK   bool
	}{
		{"nil", nil, apperr.Internal, "", false},
		{"plain", cause, apperr.Internal, "", false},
		{"new", apperr.New(apperr.NotFound, "no corpus 3"), apperr.NotFound, "no corpus 3", true},
		{"wrapped by fmt", fmt.Errorf("loading: %w", apperr.Wrap(cause, apperr.Gone, "gone")), apperr.Gone, "gone", true},
		{"outer message, inner code", apperr.Wrap(apperr.New(apperr.Conflict, ""), apperr.Internal, "busy"), apperr.Conflict, "busy", true},
		{"outer code wins", apperr.Wrap(apperr.New(apperr.Invalid, "inner"), apperr.TooLarge, "outer"), apperr.TooLarge, "outer", true},
		{"joined", errors.Join(cause, apperr.Invalidf("bad %d", 7)), apperr.Invalid, "bad 7", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := apperr.CodeOf(tt.err); got != tt.wantCode {
				t.Errorf("CodeOf = %v, want %v", got, tt.wantCode)
			}
			msg, ok := apperr.MessageOf(tt.err)
			if msg != tt.wantMsg || ok != tt.wantOK {
				t.Errorf("MessageOf = %q, %v, want %q, %v", msg, ok, tt.wantMsg, tt.wantOK)
			}
		})
	}
}

func TestUnwrapKeepsSentinels(t *testing.T) {
	err := fmt.Errorf("job 4: %w", apperr.Wrap(io.EOF, apperr.Unprocessable, "the file ended early"))
	if !errors.Is(err, io.EOF) {
		t.Fatal("errors.Is does not see the cause through *Error")
	}
	var e *apperr.Error
	if !errors.As(err, &e) || e.Code != apperr.Unprocessable {
		t.Fatalf("errors.As = %v", e)
	}
	if got, want := err.Error(), "job 4: the file ended early: EOF"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func ExampleWrap() {
	err := apperr.Wrap(io.ErrUnexpectedEOF, apperr.Unprocessable, "The corpus's gzip data is truncated.")
	msg, _ := apperr.MessageOf(err)
	fmt.Println(apperr.CodeOf(err), "|", msg)
	// Output: unprocessable | The corpus's gzip data is truncated.
}
