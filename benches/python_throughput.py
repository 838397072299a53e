#!/usr/bin/env python3
"""Throughput of the Python package against the CLI on the same texts (README, "Python").

Builds a JSONL file of about --mb MB (at most the 23.8 MB those files hold) from the training corpora of ../shared/datasets in a
temporary folder (their text never enters the repository), then, alternating the two so that
machine load hits both alike, times --rounds runs each of

- the CLI on one core: `chaff score FILE --threads 1 --format csv` (output to /dev/null);
- the package on one core: pyarrow reads the same file, `Scorer(threads=1).score_arrow` scores
  it in batches of 1,024 rows;

and, with --spark, `chaff.spark.score` on Spark local[2] (three jobs in one session over the cached
DataFrame, the session started before the clock). Prints MB/s of JSONL input (medians) and the ratio.

Usage: benches/python_throughput.py [--mb 24] [--rounds 5] [--chaff target/release/chaff] [--spark]
(run with the Python that has chaff, pyarrow and, for --spark, pyspark installed).
"""

import argparse
import contextlib
import csv
import os
import pathlib
import resource
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
    size, rows = 0, 0
    with contextlib.ExitStack() as files, open(path, "w", encoding="utf-8") as out:
        folder = ROOT.parent / "shared" / "datasets"
        readers = [csv.DictReader(files.enter_context(open(folder / c, newline="", encoding="utf-8"))) for c in CORPORA]
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


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def time_cli(chaff, path):
    """(wall, CPU) seconds of the CLI on one core."""
    t, c = time.perf_counter(), children_cpu()
    subprocess.run(
        [chaff, "score", str(path), "--threads", "1", "--format", "csv"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - t, children_cpu() - c


def time_python(scorer, path):
    """(wall, CPU) seconds of reading the file with pyarrow and score_arrow on one core."""
    import pyarrow.json as pj

    t, c = time.perf_counter(), time.process_time()
    table = pj.read_json(path, read_options=pj.ReadOptions(use_threads=False))
    n = 0
    for batch in table.to_batches(max_chunksize=1024):
        n += scorer.score_arrow(batch).num_rows
    assert n == table.num_rows
    return time.perf_counter() - t, time.process_time() - c


def time_spark(path):
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    import chaff.spark
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false").getOrCreate()
    try:
        df = spark.read.json(str(path)).repartition(2).cache()
        df.count()
        times = []
        for _ in range(3):
            t = time.perf_counter()
            chaff.spark.score(df).write.format("noop").mode("overwrite").save()
            times.append(time.perf_counter() - t)
        return times
    finally:
        spark.stop()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=24)
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
        # One round of each first, not counted: page cache, lazy imports.
        time_cli(a.chaff, path)
        time_python(scorer, path)
        cli, py = [], []
        for i in range(a.rounds):
            cli.append(time_cli(a.chaff, path))
            py.append(time_python(scorer, path))
            print(
                f"round {i + 1}: CLI {mb / cli[-1][0]:.2f} MB/s wall, {mb / cli[-1][1]:.2f} MB/CPU-s; "
                f"score_arrow {mb / py[-1][0]:.2f} MB/s wall, {mb / py[-1][1]:.2f} MB/CPU-s",
                flush=True,
            )
        for k, what in ((0, "wall clock"), (1, "CPU time")):
            c = mb / statistics.median(x[k] for x in cli)
            p = mb / statistics.median(x[k] for x in py)
            ratios = sorted(ci[k] / pi[k] for ci, pi in zip(cli, py))
            print(
                f"{what}, medians: CLI {c:.2f} MB/s, Scorer.score_arrow {p:.2f} MB/s ({100 * p / c:.1f} % of the CLI; "
                f"per-round ratios {100 * ratios[0]:.0f}-{100 * ratios[-1]:.0f} %, median {100 * statistics.median(ratios):.1f} %)"
            )
        if a.spark:
            runs = ", ".join(f"{mb / s:.2f} MB/s ({s:.1f} s)" for s in time_spark(path))
            print(f"Spark local[2], chaff.spark.score, three jobs in one session: {runs}", file=sys.stderr)


if __name__ == "__main__":
    main()
