#!/usr/bin/env bash
# Instructions of one pass of the feature bench (every feature of the ~4 MiB of English news
# that `cargo bench --bench pipeline` reads), counted by callgrind: a figure this shared 2-core
# VM reproduces exactly, unlike wall-clock time. A change may not raise it by more than 3 %
# over the figure in the README without saying why.
# Usage: benches/instructions.sh   (needs valgrind and ../shared; builds the profiling profile)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "instructions: valgrind is not installed" >&2; exit 2; }
[ -d "${CHAFF_SHARED:-../shared}/datasets" ] || echo "instructions: ../shared is missing; counting datasets/examples.csv (not comparable)" >&2
cargo build --profile profiling --quiet --example feature_pass
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" --collect-atstart=no \
  --toggle-collect='feature_pass::measured_pass' target/profiling/examples/feature_pass >/dev/null 2>"$out/log"
total=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p;s/^totals: *\([0-9]*\).*/\1/p' "$out/callgrind.out" | tail -n 1)
[ -n "$total" ] && [ "$total" -gt 0 ] || { cat "$out/log" >&2; echo "instructions: nothing counted" >&2; exit 2; }
grep -m1 'texts,' "$out/log" >&2 || true
echo "instructions of one feature pass: $total ($(awk "BEGIN{printf \"%.1f\", $total/1e6}")M)"
