#!/usr/bin/env bash
# Whole-process wall-clock comparison of two `chaff` binaries scoring the same inputs to JSONL
# (the default output, evidence included), run in turns A B A B ... so that the load of this
# shared VM hits both alike; prints each pair's B/A throughput ratio and the median.
# Usage: benches/alternate-score.sh A B ROUNDS INPUT... (extra score flags via $SCORE_FLAGS)
set -euo pipefail
a=$1 b=$2 rounds=$3
shift 3
bytes=$(cat "$@" | wc -c)
secs() {
  local s e
  s=$(date +%s.%N)
  # shellcheck disable=SC2086
  "$1" score "${@:2}" --format jsonl -o /dev/null ${SCORE_FLAGS:-} 2>/dev/null
  e=$(date +%s.%N)
  awk "BEGIN{print $e-$s}"
}
ratios=()
for r in $(seq 1 "$rounds"); do
  ta=$(secs "$a" "$@"); tb=$(secs "$b" "$@")
  ratio=$(awk "BEGIN{printf \"%.3f\", $ta/$tb}")
  ratios+=("$ratio")
  awk -v r="$r" -v ta="$ta" -v tb="$tb" -v n="$bytes" -v q="$ratio" \
    'BEGIN{printf "round %d: A %.2f s (%.1f MB/s), B %.2f s (%.1f MB/s), B/A throughput %s\n", r, ta, n/ta/1e6, tb, n/tb/1e6, q}'
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{r[NR]=$1} END{m=(NR%2)?r[(NR+1)/2]:(r[NR/2]+r[NR/2+1])/2; printf "median B/A throughput %.3f (range %.3f-%.3f, %d rounds)\n", m, r[1], r[NR], NR}'
