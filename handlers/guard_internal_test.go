package handlers

import "testing"

func TestHostSet(t *testing.T) {
	tests := []struct {
		allowed []string
		host    string
		want    bool
	}{
		{nil, "127.0.0.1:8080", true},
		{nil, "localhost:1234", true},
		{nil, "LOCALHOST", true},
		{nil, "[::1]:8080", true},
		{nil, "[::1]", true},
		{nil, "example.com", false},
		{nil, "127.0.0.2:8080", false},
		{nil, "attacker.example:8080", false},
		{nil, "localhost.attacker.example:8080", false},
		{nil, "", false},
		{[]string{"127.0.0.1:8080", "[::1]:8080"}, "127.0.0.1:8080", true},
		{[]string{"127.0.0.1:8080", "[::1]:8080"}, "[::1]:8080", true},
		{[]string{"127.0.0.1:8080"}, "127.0.0.1:8081", false},
		{[]string{"127.0.0.1:8080"}, "127.0.0.1", false},
		{[]string{"127.0.0.1:8080"}, "localhost:8080", false},
		{[]string{"dash.example.org"}, "dash.example.org", true},
		{[]string{"dash.example.org"}, "Dash.Example.Org:443", true},
		{[]string{"dash.example.org"}, "evil.dash.example.org", false},
	}
	for _, tc := range tests {
		if got := newHostSet(tc.allowed).allows(tc.host); got != tc.want {
			t.Errorf("allowed %q, Host %q: %v, want %v", tc.allowed, tc.host, got, tc.want)
		}
	}
}
