#!/usr/bin/env bash
# Check that `chaff features` and `chaff score` give byte-identical output to a reference build
# on every corpus of ../shared/datasets (training files, formal_registers.csv, eval/) and the
# two samples. A refactor must pass it; a change that means to move a value says so instead.
#
# Usage: scripts/check-identity.sh [REF]   (REF: a git revision, default HEAD)
#
# The reference is built from a clean `git worktree` of REF (so uncommitted work is compared
# against it) into target/identity/, and its outputs are kept per commit, so a second check
# against the same REF only rebuilds and runs the working tree. Needs ../shared (or
# $CHAFF_SHARED). Exits 0 when every output is identical, 1 when any differs (naming the
# first differing line of each), 2 when it cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
shared=${CHAFF_SHARED:-../shared}
[ -d "$shared/datasets" ] || { echo "check-identity: $shared/datasets is missing (set CHAFF_SHARED)" >&2; exit 2; }
ref=${1:-HEAD}
commit=$(git rev-parse --verify "$ref^{commit}") || { echo "check-identity: unknown revision $ref" >&2; exit 2; }
work=$root/target/identity
mkdir -p "$work"

inputs=("$shared"/datasets/*.csv "$shared"/datasets/eval/*.csv "$shared/samples")

# Run one build's commands over every input into a folder: features (CSV), scores (JSONL with
# every feature, so reasons, probabilities and values are all compared).
run_outputs() {
  local chaff=$1 out=$2
  mkdir -p "$out"
  for input in "${inputs[@]}"; do
    local name
    name=$(basename "$input" .csv)
    # Ids are the paths as given: run from the shared folder so both builds name rows alike.
    (cd "$(dirname "$input")" && "$chaff" features "$(basename "$input")" --format csv -o "$out/$name.features.csv" 2>/dev/null) || true
    (cd "$(dirname "$input")" && "$chaff" score "$(basename "$input")" --format jsonl --all-features -o "$out/$name.score.jsonl" 2>/dev/null) || true
  done
}

ref_out=$work/out-$commit
if [ ! -f "$ref_out/.done" ]; then
  tree=$work/tree-$commit
  if [ ! -d "$tree" ]; then
    git worktree add --detach --force "$tree" "$commit" >/dev/null
  fi
  echo "check-identity: building the reference $commit" >&2
  (cd "$tree" && CARGO_TARGET_DIR=$work/target cargo build --release --quiet --bin chaff)
  cp "$work/target/release/chaff" "$work/chaff-$commit"
  git worktree remove --force "$tree"
  rm -rf "$ref_out"
  run_outputs "$work/chaff-$commit" "$ref_out"
  touch "$ref_out/.done"
fi

echo "check-identity: building the working tree" >&2
cargo build --release --quiet --bin chaff
cur_out=$work/out-current
rm -rf "$cur_out"
run_outputs "$root/target/release/chaff" "$cur_out"

status=0
checked=0
for f in "$ref_out"/*; do
  name=$(basename "$f")
  checked=$((checked + 1))
  if [ ! -f "$cur_out/$name" ]; then
    echo "MISSING $name" >&2
    status=1
  elif ! cmp -s "$f" "$cur_out/$name"; then
    line=$(cmp "$f" "$cur_out/$name" 2>&1 | sed -n 's/.*line \([0-9]*\).*/\1/p' || true)
    echo "DIFFERS $name (first at line ${line:-?}; diff $f $cur_out/$name)" >&2
    status=1
  fi
done
if [ "$status" = 0 ]; then
  echo "check-identity: $checked outputs byte-identical to $commit"
fi
exit "$status"
