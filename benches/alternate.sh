#!/usr/bin/env bash
# Wall-clock comparison of two builds that this noisy shared VM can resolve: the feature pass
# of each build (examples/feature_pass.rs, CHAFF_PASSES timed passes, best MB/s) run in turns,
# A B A B ..., and the per-pair ratio B/A reported. Build each side first with
#   cargo build --profile profiling --example feature_pass && cp target/profiling/examples/feature_pass /tmp/A
# Usage: benches/alternate.sh A B [ROUNDS=8] [PASSES=5]
set -euo pipefail
a=$1 b=$2 rounds=${3:-8} passes=${4:-5}
best() { CHAFF_PASSES=$passes "$1" 2>&1 >/dev/null | sed -n 's/^MB\/s: best \([0-9.]*\).*/\1/p'; }
ratios=()
for r in $(seq 1 "$rounds"); do
  ra=$(best "$a"); rb=$(best "$b")
  ratio=$(awk "BEGIN{printf \"%.3f\", $rb/$ra}")
  ratios+=("$ratio")
  echo "round $r: A $ra MB/s, B $rb MB/s, B/A $ratio"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{r[NR]=$1} END{m=(NR%2)?r[(NR+1)/2]:(r[NR/2]+r[NR/2+1])/2; f=0; for(i=1;i<=NR;i++) if(r[i]>1) f++; printf "B faster in %d of %d rounds; median B/A %.3f (range %.3f-%.3f)\n", f, NR, m, r[1], r[NR]}'
