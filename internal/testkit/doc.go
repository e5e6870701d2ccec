// Package testkit gives tests one way to reach what they need beyond the Go
// toolchain, and one rule for when it is missing.
//
// Three kinds of things:
//
//   - Data that ships in the repository (the demo corpus and vectors in
//     internal/demo, the Vietnamese corpus beside them, the evaluation sets
//     in internal/evalsets): [Shipped] returns its path. It is always there,
//     so a missing file is a broken checkout and fails the test.
//   - The reference data kept beside the repository in ../shared/data
//     (brown-ci, bench-prose; see ../shared/data/SOURCES.md): [Shared].
//   - Optional tools: a headless Chromium ([Browser]) and Debian's Python
//     numerics ([Python]).
//
// When reference data or a tool is missing the test is skipped with one line
// that starts with [SkipMarker] and says what the test checks, what it needs
// and how to get it — unless the environment variable CI is set (to anything
// but "", "0" or "false"): there a missing tool or data set fails the test,
// naming it, because CI must run everything. .ci/run also fails when any
// output line holds SkipMarker.
//
// The package does not import testing, so that non-test code never does:
// its functions take a [TB], which *testing.T and *testing.B satisfy.
package testkit
