#!/usr/bin/env bash
# Whole-process benchmark: `chaff score` on the shared corpora replicated to >= 1 GB of JSONL,
# on 1 and 2 threads, with wall time, MB/s, articles/s and peak RSS (GNU time).
# Usage: benches/throughput.sh [SIZE_GB]   (needs ../shared or $CHAFF_SHARED; writes to $TMPDIR)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${CHAFF_SHARED:-../shared}
size_gb=${1:-1}
tmp=${TMPDIR:-/tmp}/chaff-bench
mkdir -p "$tmp"
cargo build --release --quiet
chaff=./target/release/chaff
base="$tmp/base.jsonl"
big="$tmp/replicated-${size_gb}g.jsonl"
if [ ! -s "$big" ]; then
  python3 - "$shared/datasets" "$base" <<'PY'
import csv, json, sys, glob, os
csv.field_size_limit(10**9)
with open(sys.argv[2], "w") as out:
    for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.csv"))):
        for r in csv.DictReader(open(f, encoding="utf-8")):
            out.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
PY
  target=$((size_gb * 1024 * 1024 * 1024))
  : > "$big"
  while [ "$(stat -c %s "$big")" -lt "$target" ]; do cat "$base" >> "$big"; done
fi
bytes=$(stat -c %s "$big")
articles=$(wc -l < "$big")
echo "input: $big, $((bytes / 1024 / 1024)) MiB, $articles articles"
for threads in 1 2; do
  /usr/bin/time -o "$tmp/time.txt" -f "%e %M" "$chaff" score "$big" --threads "$threads" --format csv -o "$tmp/out.csv" 2>/dev/null || true
  read -r secs rss_kb < <(tail -n 1 "$tmp/time.txt")
  python3 -c "
b=$bytes; a=$articles; s=$secs; r=$rss_kb
print(f'threads=$threads: {s:.1f} s, {b/1e6/s:.1f} MB/s, {a/s:.0f} articles/s, peak RSS {r/1024:.0f} MiB')"
done
