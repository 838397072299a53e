"""Scorer.score and Scorer.score_arrow against `chaff score`: field for field, probabilities exactly."""

import csv
import pickle
import random
import re
import threading
import time
import zlib

import chaff
import pyarrow as pa
import pytest
from conftest import (
    ROOT,
    all_texts,
    articles,
    cli_csv_values,
    examples,
    hostile,
    jsonl,
    read_cli_csv,
    shared_dataset,
    write_jsonl,
)


@pytest.fixture(scope="module")
def scorer():
    return chaff.Scorer()


def model_identity():
    crc = zlib.crc32((ROOT / "models" / "default.json").read_bytes())
    return f"default@{crc:08x}"


def cli_rows_for(cli, tmp_path, texts, *flags):
    """The CLI's JSONL rows for (id, text) pairs, read from a JSONL file."""
    path = tmp_path / "in.jsonl"
    write_jsonl(path, [{"id": i, "text": t} for i, t in texts])
    return jsonl(cli("score", path, "--format", "jsonl", *flags))


def test_examples_csv_rows_equal_the_cli(cli, scorer):
    want = jsonl(cli("score", "datasets/examples.csv", "--format", "jsonl"))
    ids, texts = zip(*examples())
    got = scorer.score(list(texts), ids=list(ids))
    assert len(got) == len(want) == 28
    assert got == want
    assert {r["model"] for r in got} == {model_identity()}
    assert {r["verdict"] for r in got} == {"filler", "ok", "uncertain"}


def test_articles_folder_rows_equal_the_cli_with_every_feature(cli, scorer):
    want = jsonl(cli("score", "datasets/articles/", "--format", "jsonl", "--all-features"))
    ids, texts = zip(*articles())
    got = scorer.score(list(texts), ids=list(ids), all_features=True)
    assert got == want
    assert [list(r) for r in got] == [list(r) for r in want], "field order"
    ja = next(r for r in got if r["id"].endswith("kitsunezaka-hike-notes.txt"))
    assert (ja["verdict"], ja["abstain"]) == ("uncertain", "unsupported_language")
    # id, lang, words, probability, verdict, reasons, uncertain_because, abstain, model, evidence
    assert len(got[0]) == 10 + len(chaff.feature_names())
    assert all(isinstance(r["evidence"], list) for r in got)


def test_hostile_texts_equal_the_cli(cli, scorer, tmp_path):
    cases = hostile()
    want = cli_rows_for(cli, tmp_path, cases)
    got = scorer.score([t for _, t in cases], ids=[i for i, _ in cases])
    assert got == want
    by_id = {r["id"]: r for r in got}
    for case in ("empty", "whitespace", "punctuation", "emoji"):
        r = by_id[f"hostile-{case}"]
        assert (r["probability"], r["verdict"], r["abstain"]) == (None, "uncertain", "empty"), r


def test_a_shared_corpus_sample_equals_the_cli(cli, scorer, tmp_path):
    path = shared_dataset("detectrl_multidomain.csv")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    # 200 human and 200 machine rows.
    rows = [r for r in rows if r["label"] == "human"][:200] + [r for r in rows if r["label"] != "human"][:200]
    cases = [(r["id"], r["text"]) for r in rows]
    want = cli_rows_for(cli, tmp_path, cases)
    got = scorer.score([t for _, t in cases], ids=[i for i, _ in cases])
    assert got == want
    assert sum(r["verdict"] == "filler" for r in got) > 0


def test_batch_size_order_and_threads_change_nothing(scorer):
    cases = all_texts()
    ids, texts = [i for i, _ in cases], [t for _, t in cases]
    whole = scorer.score(texts, ids=ids)
    by_id = {r["id"]: r for r in whole}
    for size in (1, 5, 17):
        parts = [scorer.score(texts[i : i + size], ids=ids[i : i + size]) for i in range(0, len(texts), size)]
        assert [r for p in parts for r in p] == whole
    order = list(range(len(cases)))
    random.Random(7).shuffle(order)
    shuffled = scorer.score([texts[i] for i in order], ids=[ids[i] for i in order])
    assert shuffled == [by_id[ids[i]] for i in order]
    assert chaff.Scorer(threads=2).score(texts, ids=ids) == whole


def test_ids_default_to_positions(scorer):
    rows = scorer.score(["one text", "another text"])
    assert [r["id"] for r in rows] == ["0", "1"]


def test_score_arrow_equals_the_cli_csv(cli, scorer, tmp_path):
    cases = all_texts()
    path = tmp_path / "in.jsonl"
    write_jsonl(path, [{"id": i, "text": t} for i, t in cases])
    want = cli_csv_values(read_cli_csv(cli("score", path, "--format", "csv")))
    batch = pa.RecordBatch.from_pydict({"id": [i for i, _ in cases], "text": [t for _, t in cases]})
    out = scorer.score_arrow(batch, id_column="id")
    assert out.schema.names == ["id", "text", *chaff.RESULT_COLUMNS]
    assert out.column("chaff_probability").type == pa.float64()
    assert out.column("chaff_words").type == pa.int32()
    got = {r["id"]: {c: r[c] for c in chaff.RESULT_COLUMNS} for r in out.to_pylist()}
    assert got == want
    # A Table comes back as a Table with the same values; a null text is an empty one.
    table = scorer.score_arrow(pa.Table.from_batches([batch]), id_column="id")
    assert isinstance(table, pa.Table) and table.to_pylist() == out.to_pylist()
    nulls = scorer.score_arrow(pa.RecordBatch.from_pydict({"text": pa.array([None, ""], pa.string())}))
    assert nulls.column("chaff_abstain").to_pylist() == ["empty", "empty"]


def test_features_equal_the_cli(cli, tmp_path):
    cases = articles() + hostile()
    path = tmp_path / "in.jsonl"
    write_jsonl(path, [{"id": i, "text": t} for i, t in cases])
    want = jsonl(cli("features", path, "--format", "jsonl"))
    got = chaff.features([t for _, t in cases])
    for w, g in zip(want, got):
        del w["id"]
        assert g == w
    assert list(got[0])[1:] == chaff.feature_names()
    assert chaff.feature_names()[:2] == ["char_count", "word_count"]


def test_pickle_round_trip(scorer, tmp_path):
    ours = tmp_path / "ours.json"
    ours.write_bytes((ROOT / "models" / "default.json").read_bytes())
    words = tmp_path / "buzz.txt"
    words.write_text("frobnicate\n", encoding="utf-8")
    custom = chaff.Scorer(model=ours, lexicons={"en/buzzwords": words}, threads=2)
    assert custom.model_identity == model_identity().replace("default@", "ours@")
    texts = [t for _, t in all_texts()]
    for s in (scorer, custom):
        back = pickle.loads(pickle.dumps(s))
        assert (back.model, back.lexicons, back.threads) == (s.model, s.lexicons, s.threads)
        assert back.score(texts) == s.score(texts)


def test_lexicons_count_like_the_cli(cli, tmp_path):
    words = tmp_path / "buzz.txt"
    words.write_text("frobnicate\nquux\n", encoding="utf-8")
    text = "We frobnicate the quux and frobnicate it again. " * 12
    path = tmp_path / "in.jsonl"
    write_jsonl(path, [{"id": "a", "text": text}])
    want = jsonl(cli("score", path, "--format", "jsonl", "--all-features", "--lexicon", f"en/buzzwords={words}"))
    got = chaff.Scorer(lexicons={"en/buzzwords": words}).score([text], ids=["a"], all_features=True)
    assert got == want
    assert got[0]["buzzword_per_1k_words"] > chaff.Scorer().score([text], all_features=True)[0]["buzzword_per_1k_words"]


def test_errors_carry_the_cli_message(cli, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"x": 1}', encoding="utf-8")
    with pytest.raises(
        chaff.ChaffError, match=re.escape(f"model {bad}: no schema_version; is this a chaff model file?")
    ):
        chaff.Scorer(model=bad)
    with pytest.raises(chaff.ChaffError, match="No such file or directory"):
        chaff.Scorer(model=tmp_path / "missing.json")
    with pytest.raises(chaff.ChaffError, match="unknown list kind"):
        chaff.Scorer(lexicons={"en/nonsense": bad})
    with pytest.raises(ValueError, match="threads must be at least 1"):
        chaff.Scorer(threads=0)
    with pytest.raises(TypeError):
        chaff.Scorer().score("one string, not a list")
    with pytest.raises(ValueError, match="2 ids for 1 texts"):
        chaff.Scorer().score(["a"], ids=["x", "y"])
    with pytest.raises(UnicodeEncodeError):
        chaff.Scorer().score(["lone surrogate \ud800"])
    with pytest.raises(KeyError, match="no column 'body'"):
        chaff.Scorer().score_arrow(pa.RecordBatch.from_pydict({"text": ["a"]}), text_column="body")
    # A Rust panic is a RuntimeError that names the article, not an abort.
    with pytest.raises(RuntimeError, match="test: chaff panicked .*: boom"):
        chaff._chaff._panic_for_tests("boom")


def test_version_is_the_crate_version():
    cargo = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    assert chaff.__version__ == re.search(r'^version = "([^"]+)"', cargo, re.MULTILINE).group(1)


def test_the_gil_is_released_while_scoring(scorer):
    texts = [t for _, t in articles()] * 400
    timing = {}

    def work():
        start = time.perf_counter()
        scorer._inner.score_jsonl(texts)
        timing["scoring"] = time.perf_counter() - start

    worker = threading.Thread(target=work)
    last = time.perf_counter()
    longest = 0.0
    worker.start()
    while worker.is_alive():
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
        time.sleep(0.001)
    worker.join()
    # Holding the lock, scoring would stop this loop for all of its duration.
    assert timing["scoring"] > 0.2
    assert longest < timing["scoring"] / 2, (longest, timing)
