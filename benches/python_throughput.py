#!/usr/bin/env python3
"""Throughput of the Python package against the CLI on the same texts (README, "Python").

Builds a JSONL file of about --mb MB from the training corpora of ../shared/datasets in a
temporary folder (their text never enters the repository), then, alternating the two so that
machine load hits both alike, times --rounds runs each of

- the CLI on one core: `chaff score FILE --threads 1 --format csv` (output to /dev/null);
- the package on one core: pyarrow reads the same file, `Scorer(threads=1).score_arrow` scores
  it in batches of 1,024 rows;

and, with --spark, `chaff.spark.score` on Spark local[2] (the job alone, the session started
before the clock). Prints MB/s of JSONL input (medians) and the ratio.

Usage: benches/python_throughput.py [--mb 4] [--rounds 5] [--chaff target/release/chaff] [--spark]
(run with the Python that has chaff, pyarrow and, for --spark, pyspark installed).
"""

import argparse
import csv
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
CORPORA = ["detectrl_multidomain.csv", "llmfake_news.csv", "politifactpp.csv", "iu_human_ai_corpus.csv"]


def build_input(path, megabytes):
    """About `megabytes` MB of JSONL, taking rows from each corpus in turn."""
    import json

    csv.field_size_limit(1 << 30)
    readers = [csv.DictReader(open(ROOT.parent / "shared" / "datasets" / c, newline="", encoding="utf-8")) for c in CORPORA]
    size, rows = 0, 0
    with open(path, "w", encoding="utf-8") as out:
        while size < megabytes * 1e6 and readers:
            for r in list(readers):
                row = next(r, None)
                if row is None:
                    readers.remove(r)
                    continue
                line = json.dumps({"id": row["id"], "text": row["text"]}, ensure_ascii=False) + "\n"
                out.write(line)
                size += len(line.encode("utf-8"))
                rows += 1
    return size, rows


def time_cli(chaff, path):
    t = time.perf_counter()
    subprocess.run([chaff, "score", str(path), "--threads", "1", "--format", "csv"], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t


def time_python(scorer, path):
    import pyarrow.json as pj

    t = time.perf_counter()
    table = pj.read_json(path, read_options=pj.ReadOptions(use_threads=False))
    n = 0
    for batch in table.to_batches(max_chunksize=1024):
        n += scorer.score_arrow(batch).num_rows
    assert n == table.num_rows
    return time.perf_counter() - t


def time_spark(path):
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    import chaff.spark

    spark = SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false").getOrCreate()
    try:
        df = spark.read.json(str(path)).repartition(2).cache()
        df.count()
        t = time.perf_counter()
        chaff.spark.score(df).write.format("noop").mode("overwrite").save()
        return time.perf_counter() - t
    finally:
        spark.stop()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=4)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--chaff", default=str(ROOT / "target" / "release" / "chaff"))
    ap.add_argument("--spark", action="store_true")
    a = ap.parse_args()

    import chaff

    scorer = chaff.Scorer(threads=1)
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "texts.jsonl"
        size, rows = build_input(path, a.mb)
        mb = size / 1e6
        print(f"input: {rows} texts, {mb:.2f} MB of JSONL; chaff {chaff.__version__}, model {scorer.model_identity}")
        cli, py = [], []
        for i in range(a.rounds):
            cli.append(time_cli(a.chaff, path))
            py.append(time_python(scorer, path))
            print(f"round {i + 1}: CLI {mb / cli[-1]:.2f} MB/s, score_arrow {mb / py[-1]:.2f} MB/s", flush=True)
        c, p = mb / statistics.median(cli), mb / statistics.median(py)
        print(f"median, one core: CLI {c:.2f} MB/s, Scorer.score_arrow {p:.2f} MB/s ({100 * p / c:.1f} % of the CLI)")
        ratios = [ci / pi for ci, pi in zip(cli, py)]
        print(f"per-round ratio score_arrow/CLI: min {100 * min(ratios):.1f} %, median {100 * statistics.median(ratios):.1f} %")
        if a.spark:
            s = time_spark(path)
            print(f"Spark local[2], chaff.spark.score: {mb / s:.2f} MB/s ({s:.1f} s)")


if __name__ == "__main__":
    main()
