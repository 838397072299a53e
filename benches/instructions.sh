#!/usr/bin/env bash
# Instructions of one pass of the feature bench (every feature of the ~4 MiB of English news
# that `cargo bench --bench pipeline` reads), counted by callgrind: a figure this shared 2-core
# VM reproduces exactly, unlike wall-clock time.
# Usage: benches/instructions.sh           print the count
#        benches/instructions.sh --check   also fail (exit 1) when it is more than 3 % above
#                                          the baseline in benches/instructions-baseline.txt
# Needs valgrind and ../shared (or $CHAFF_SHARED); builds the profiling profile.
set -euo pipefail
cd "$(dirname "$0")/.."
check=${1:-}
command -v valgrind >/dev/null || { echo "instructions: valgrind is not installed" >&2; exit 2; }
if [ ! -d "${CHAFF_SHARED:-../shared}/datasets" ]; then
  echo "instructions: ../shared is missing; counting datasets/examples.csv (not comparable)" >&2
  [ "$check" = --check ] && exit 2
fi
cargo build --profile profiling --quiet --example feature_pass
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" --collect-atstart=no \
  --toggle-collect='feature_pass::measured_pass' target/profiling/examples/feature_pass >/dev/null 2>"$out/log"
total=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p;s/^totals: *\([0-9]*\).*/\1/p' "$out/callgrind.out" | tail -n 1)
[ -n "$total" ] && [ "$total" -gt 0 ] || { cat "$out/log" >&2; echo "instructions: nothing counted" >&2; exit 2; }
grep -m1 'texts,' "$out/log" >&2 || true
echo "instructions of one feature pass: $total ($(awk "BEGIN{printf \"%.1f\", $total/1e6}")M)"
if [ "$check" = --check ]; then
  baseline=$(grep -v '^#' benches/instructions-baseline.txt | head -n 1 | tr -d '[:space:]')
  awk -v t="$total" -v b="$baseline" 'BEGIN {
    r = t / b; printf "against the baseline %d: %+.2f %%\n", b, (r - 1) * 100
    if (r > 1.03) { print "instructions: more than 3 % above the baseline; say why, or make it cheaper" > "/dev/stderr"; exit 1 }
  }'
fi
