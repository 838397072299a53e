"""The engine gate: Spark, datatrove and Ray Data give the CLI's values for every row."""

import gzip
import json
import os
import shutil
import sys

import chaff
import pytest
from conftest import all_texts, cli_csv_values, engine, read_cli_csv, write_jsonl


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    """Four JSONL shards of every text the tests own (each row with an extra column)."""
    folder = tmp_path_factory.mktemp("shards")
    cases = all_texts()
    for n in range(4):
        write_jsonl(folder / f"part-{n}.jsonl", [{"id": i, "text": t, "shard": n} for i, t in cases[n::4]])
    return folder


@pytest.fixture(scope="module")
def expected(cli, shards):
    """{id: chaff_* values} from `chaff score` over the shards (CSV)."""
    files = sorted(shards.glob("*.jsonl"))
    return cli_csv_values(read_cli_csv(cli("score", *files, "--format", "csv")))


def mismatches(got, expected):
    """Ids whose values differ, are missing or are extra."""
    return sorted(i for i in set(got) | set(expected) if got.get(i) != expected.get(i))


def test_spark_local2_many_small_batches(shards, expected):
    pyspark = engine("pyspark")
    if shutil.which("java") is None:
        if os.environ.get("CHAFF_REQUIRE_ENGINES"):
            raise AssertionError("java is not on PATH and CHAFF_REQUIRE_ENGINES is set")
        pytest.skip("Spark needs Java 17 (`java` is not on PATH)")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    import chaff.spark
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("chaff-engine-gate")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "5")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        df = spark.read.json(str(shards)).repartition(4)
        scored = chaff.spark.score(df, text_col="text", id_col="id")
        assert scored.columns[-7:] == list(chaff.RESULT_COLUMNS)
        rows = [r.asDict() for r in scored.collect()]
    finally:
        spark.stop()
    got = {r["id"]: {c: r[c] for c in chaff.RESULT_COLUMNS} for r in rows}
    assert len(rows) == len(expected)
    assert mismatches(got, expected) == []
    assert pyspark.__version__


def test_datatrove_keeps_and_drops_exactly_the_input(shards, expected, tmp_path):
    engine("datatrove")
    from chaff.datatrove import ChaffFilter
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(shards)),
            ChaffFilter(exclusion_writer=JsonlWriter(str(tmp_path / "dropped")), batch_size=7),
            JsonlWriter(str(tmp_path / "kept")),
        ],
        tasks=2,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()

    def read(folder):
        docs = []
        for path in sorted((tmp_path / folder).glob("*.jsonl.gz")):
            with gzip.open(path, "rt", encoding="utf-8") as f:
                docs.extend(json.loads(line) for line in f)
        return docs

    kept, dropped = read("kept"), read("dropped")
    ids = [d["id"] for d in kept + dropped]
    # datatrove's readers skip documents whose text is empty before any step sees them.
    read_in = {i for i, t in all_texts() if t}
    expected = {i: v for i, v in expected.items() if i in read_in}
    assert sorted(ids) == sorted(expected), "every input document exactly once"
    assert {d["id"] for d in dropped} == {i for i, v in expected.items() if v["chaff_verdict"] == "filler"}
    assert {d["metadata"]["filter_reason"] for d in dropped} == {"chaff_filler"}
    got = {d["id"]: {c: d["metadata"][c] for c in chaff.RESULT_COLUMNS} for d in kept + dropped}
    assert mismatches(got, expected) == []
    assert {d["metadata"]["chaff_verdict"] for d in kept} == {"ok", "uncertain"}


def test_datatrove_drops_uncertain_when_told(expected):
    engine("datatrove")
    from chaff.datatrove import ChaffFilter
    from datatrove.data import Document

    cases = all_texts()
    docs = [Document(text=t, id=i) for i, t in cases]
    results = ChaffFilter(drop=("filler", "uncertain")).filter_batch(docs)
    verdict = {i: v["chaff_verdict"] for i, v in expected.items()}
    for (i, _), r in zip(cases, results):
        assert r == (True if verdict[i] == "ok" else (False, f"chaff_{verdict[i]}")), i
    with pytest.raises(ValueError, match="unknown verdicts to drop: bad"):
        ChaffFilter(drop=("bad",))


def test_ray_map_batches(shards, expected):
    ray = engine("ray")
    from chaff.ray import ChaffScorer

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    try:
        ds = ray.data.read_json(str(shards))
        scored = ds.map_batches(
            ChaffScorer,
            fn_constructor_kwargs={"text_column": "text", "id_column": "id"},
            batch_format="pyarrow",
            batch_size=6,
            concurrency=1,
        )
        rows = scored.take_all()
    finally:
        ray.shutdown()
    got = {r["id"]: {c: r[c] for c in chaff.RESULT_COLUMNS} for r in rows}
    assert len(rows) == len(expected)
    assert mismatches(got, expected) == []
