#!/usr/bin/env python3
"""Time Python textstat on the English rows of CSV files, for the README's speed comparison.

For each text it computes the six English readability scores chaff also has
(flesch_reading_ease, flesch_kincaid_grade, gunning_fog, smog_index, coleman_liau_index,
automated_readability_index) plus lexicon_count, sentence_count and syllable_count, in one
process on one core, and prints the number of texts, their size in MB (UTF-8 bytes of the
text column, 1 MB = 10^6 bytes) and the throughput in MB/s, by wall-clock and by CPU time of
the process. Reading the CSV is not timed.

usage:
    pip install textstat          # tested with 0.7.13
    python3 benches/textstat_compare.py [CSV ...] [--lang en] [--limit N] [--out values.csv]

CSV files have the columns of ../shared/datasets (id, text, lang, ...); without arguments the
training corpora ../shared/datasets/*.csv are read (relative to the repository root). Rows
whose `lang` is not --lang (default en) are skipped.

textstat asks NLTK for the CMU Pronouncing Dictionary and tries to download it when it is
missing, which fails offline. If NLTK_DATA is not set, this script runs
../shared/scripts/textstat_offline.py (which builds that file from the shared dictionary) and
uses the folder it prints.
"""
import argparse
import csv
import glob
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")

SCORES = [
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "lexicon_count",
    "sentence_count",
    "syllable_count",
]


def ensure_nltk_data() -> None:
    if os.environ.get("NLTK_DATA"):
        return
    helper = os.path.join(SHARED, "scripts", "textstat_offline.py")
    if os.path.exists(helper):
        folder = subprocess.run(
            [sys.executable, helper], check=True, capture_output=True, text=True
        ).stdout.strip()
        os.environ["NLTK_DATA"] = folder
    else:
        print("warning: NLTK_DATA is not set and %s is missing; textstat may try to "
              "download cmudict" % helper, file=sys.stderr)


def read_texts(paths, lang):
    csv.field_size_limit(sys.maxsize)
    rows = []
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if lang and row.get("lang", lang) != lang:
                    continue
                rows.append((row.get("id", ""), row["text"]))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", nargs="*", help="CSV files (default: ../shared/datasets/*.csv)")
    ap.add_argument("--lang", default="en", help="keep rows with this lang (default en; '' = all)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N texts")
    ap.add_argument("--out", help="write id + the nine values per text to this CSV")
    args = ap.parse_args()

    paths = args.csv or sorted(glob.glob(os.path.join(SHARED, "datasets", "*.csv")))
    if not paths:
        print("no CSV files given and none found in %s" % os.path.join(SHARED, "datasets"),
              file=sys.stderr)
        return 2
    texts = read_texts(paths, args.lang)
    if args.limit:
        texts = texts[: args.limit]
    if not texts:
        print("no rows with lang=%r" % args.lang, file=sys.stderr)
        return 2

    ensure_nltk_data()
    import textstat  # after NLTK_DATA is set

    textstat.set_lang("en_US")
    funcs = [getattr(textstat, name) for name in SCORES]
    n_bytes = sum(len(t.encode("utf-8")) for _, t in texts)

    results = []
    start, cpu_start = time.perf_counter(), time.process_time()
    for _, text in texts:
        results.append([f(text) for f in funcs])
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start

    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["id"] + SCORES)
            for (id_, _), vals in zip(texts, results):
                w.writerow([id_] + vals)

    mb = n_bytes / 1e6
    version = ".".join(str(x) for x in getattr(textstat, "__version__", ())) or "?"
    rate = lambda secs: mb / secs if secs > 0 else float("inf")
    print("textstat %s: %d texts, %.2f MB (%s)"
          % (version, len(texts), mb, ", ".join(os.path.basename(p) for p in paths)))
    print("wall %.1f s: %.3f MB/s; CPU %.1f s: %.3f MB/s (one process, one core; the CPU "
          "figure is the one to quote on a busy machine)"
          % (elapsed, rate(elapsed), cpu, rate(cpu)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
