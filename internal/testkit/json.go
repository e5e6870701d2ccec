package testkit

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
)

// JSONClose compares two JSON documents: the same structure, strings and
// booleans equal, numbers within tol·max(1, |want|). It returns an error
// naming the first path that differs. Used to check that a committed
// reference file is what the reference script computes today.
func JSONClose(got, want []byte, tol float64) error {
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		return fmt.Errorf("got: %w", err)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		return fmt.Errorf("want: %w", err)
	}
	return jsonClose("$", g, w, tol)
}

func jsonClose(path string, got, want any, tol float64) error {
	switch w := want.(type) {
	case float64:
		g, ok := got.(float64)
		if !ok || math.Abs(g-w) > tol*math.Max(1, math.Abs(w)) {
			return fmt.Errorf("%s: got %v, want %v (tolerance %g)", path, got, w, tol)
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return fmt.Errorf("%s: got %v, want an array of %d", path, shortJSON(got), len(w))
		}
		for i := range w {
			if err := jsonClose(fmt.Sprintf("%s[%d]", path, i), g[i], w[i], tol); err != nil {
				return err
			}
		}
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok || len(g) != len(w) {
			return fmt.Errorf("%s: got %v, want an object of %d keys", path, shortJSON(got), len(w))
		}
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			gv, ok := g[k]
			if !ok {
				return fmt.Errorf("%s: key %q missing", path, k)
			}
			if err := jsonClose(path+"."+k, gv, w[k], tol); err != nil {
				return err
			}
		}
	default: // string, bool, nil
		if got != want {
			return fmt.Errorf("%s: got %v, want %v", path, got, want)
		}
	}
	return nil
}

func shortJSON(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 80 {
		return string(b[:80]) + "…"
	}
	return string(b)
}
