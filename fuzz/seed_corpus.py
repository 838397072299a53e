#!/usr/bin/env python3
"""Make seed corpora in fuzz/corpus/<target>/ (git-ignored) from the project's datasets.

features, score: every article and calibration text, the text of each row of
datasets/examples.csv, and all of them joined (cut at 60,000 bytes). inputs: the first byte selects the reader (see
fuzz_targets/inputs.rs): examples.csv as CSV, the same rows as JSONL, a few articles wrapped
in HTML, and a plain text file.
"""
import csv, hashlib, html, json, pathlib

here = pathlib.Path(__file__).resolve().parent
data = here.parent / "datasets"

def put(target, blob):
    d = here / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(blob).hexdigest()).write_bytes(blob)

texts = [p.read_bytes() for p in sorted(data.glob("articles/*")) + sorted(data.glob("calibration/*/*"))]
with open(data / "examples.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
texts += [r["text"].encode() for r in rows]
for t in texts:
    put("features", t)
    put("score", t)
# One long input (under -max_len=65536) for the slow paths of long texts.
big = b"\n\n".join(texts)[:60000]
put("features", big)
put("score", big)

csv_bytes = (data / "examples.csv").read_bytes()
put("inputs", bytes([0]) + csv_bytes)
put("inputs", bytes([0]) + csv_bytes[:2000])
jsonl = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
put("inputs", bytes([2]) + jsonl)
put("inputs", bytes([2]) + jsonl[:2000])
for t in texts[:4]:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in t.decode().split("\n\n"))
    page = f"<html><head><title>t</title><script>var x=1;</script></head><body><nav>menu</nav>{body}<pre>a\n b</pre></body></html>"
    put("inputs", bytes([4]) + page.encode())
put("inputs", bytes([5]) + texts[0])
