"""Shared helpers: the CLI to compare against, the texts of the repository, the shared data."""

import csv
import importlib
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]

# Valid UTF-8 hostile inputs, written for these tests (as tests/hostile.rs, tests/empty_articles.rs
# and tests/properties.rs use them): no words, zero-width and combining marks, NUL, control
# characters, mixed scripts, very long lines, markup.
GOOD = "The harbour master said on Tuesday that the ferry would run again from March, after the repairs to the pier."
HOSTILE = {
    "empty": "",
    "whitespace": " \n\t  \n",
    "punctuation": "?!...;;-- () ()",
    "emoji": "🙂🎉🙂",
    "zero-width": "g\u200b\u0301",
    "nul": "text\x00with\x00nuls " + GOOD,
    "controls": "\x01\x02\x1b[31mred\x1b[0m " + GOOD + "\r\n\r\n" + GOOD,
    "bom": "\ufeff" + GOOD,
    "bidi": "\u202eevil\u202c " + GOOD + " שלום עולם مرحبا بالعالم",
    "mixed-scripts": GOOD + " Привет мир 你好世界 こんにちは 안녕하세요 " + GOOD,
    "cjk-only": "本日は晴天なり。明日も晴れるでしょう。" * 20,
    "one-long-line": " ".join([GOOD] * 300),
    "one-word-repeated": "filler " * 5000,
    "html-like": f"<html><body><nav>Home | News</nav><p>{GOOD}</p><div>Load More</div></body></html>",
    "surrogate-free-astral": "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝔱𝔢𝔵𝔱 " * 40,
    "dots-and-initials": "Dr. J. R. R. Smith of the U.S. Dept. of Energy said ... it was fine. " * 8,
}


def chaff_bin():
    """The chaff binary to compare against: $CHAFF_BIN, else a fresh `cargo build`."""
    if os.environ.get("CHAFF_BIN"):
        return os.environ["CHAFF_BIN"]
    subprocess.run(["cargo", "build", "--quiet", "--bin", "chaff"], cwd=ROOT, check=True)
    return str(ROOT / "target" / "debug" / "chaff")


@pytest.fixture(scope="session")
def cli():
    """Run `chaff ARGS` in the repository root; returns its stdout."""
    binary = chaff_bin()

    def run(*args, stdin=None):
        out = subprocess.run(
            [binary, *map(str, args)], cwd=ROOT, input=stdin, capture_output=True, text=True, check=False
        )
        if out.returncode not in (0, 1):
            raise AssertionError(f"chaff {' '.join(map(str, args))} exited {out.returncode}: {out.stderr}")
        return out.stdout

    return run


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def examples():
    """(id, text) of datasets/examples.csv."""
    with open(ROOT / "datasets" / "examples.csv", newline="", encoding="utf-8") as f:
        return [(r["id"], r["text"]) for r in csv.DictReader(f)]


def articles():
    """(id as the CLI names it, text) of datasets/articles/."""
    folder = ROOT / "datasets" / "articles"
    return [
        (f"datasets/articles/{p.name}", p.read_text(encoding="utf-8"))
        for p in sorted(folder.iterdir())
        if p.suffix in (".txt", ".md")
    ]


def hostile():
    return [(f"hostile-{k}", v) for k, v in HOSTILE.items()]


def all_texts():
    """Every text these tests own: examples, articles and hostile cases."""
    return examples() + articles() + hostile()


def shared_dataset(name):
    """A file of ../shared/datasets, or a skip (a failure with CHAFF_REQUIRE_SHARED set)."""
    path = ROOT.parent / "shared" / "datasets" / name
    if not path.exists():
        if os.environ.get("CHAFF_REQUIRE_SHARED"):
            raise AssertionError(f"{path} is missing and CHAFF_REQUIRE_SHARED is set")
        pytest.skip(f"{path} is not present on this machine")
    return path


def engine(module):
    """Import an engine's module, or skip (fail with CHAFF_REQUIRE_ENGINES set, as in CI)."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        if os.environ.get("CHAFF_REQUIRE_ENGINES"):
            raise AssertionError(f"{module} cannot be imported and CHAFF_REQUIRE_ENGINES is set: {e}") from e
        pytest.skip(f"{module} is not installed: {e}")


def cli_csv_values(rows):
    """CLI CSV records as the Arrow / metadata values: {id: {chaff_*: value}}."""
    out = {}
    for r in rows:
        out[r["id"]] = {
            "chaff_lang": r["lang"],
            "chaff_words": int(r["words"]),
            "chaff_probability": float(r["probability"]) if r["probability"] else None,
            "chaff_verdict": r["verdict"],
            "chaff_reasons": r["reasons"],
            "chaff_abstain": r["abstain"] or None,
            "chaff_model": r["model"],
        }
    return out


def read_cli_csv(text):
    return list(csv.DictReader(text.splitlines(keepends=True)))
