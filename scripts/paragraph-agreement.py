#!/usr/bin/env python3
"""Paragraph verdicts against document verdicts and labels (README, "Paragraph scores").

Usage: for f in ../shared/datasets/*.csv: chaff score $f --paragraphs --format jsonl -o S/$(basename $f .csv).jsonl
       scripts/paragraph-agreement.py ../shared/datasets S [--threshold-floor P]

Reads each corpus CSV (for the label column) and its score JSONL, and prints per corpus and
pooled: paragraphs scored, how often a paragraph's verdict equals its document's verdict (all
documents, and documents with two or more scored paragraphs), the human false-positive rate
of paragraph verdicts (human paragraphs with verdict filler / human paragraphs), the machine
TPR, and the share of documents marked mixed by label. With --threshold-floor P, a paragraph
counts as filler only when its probability is also >= P (to try raised paragraph thresholds).
"""
import csv
import json
import os
import sys

csv.field_size_limit(10**9)


def main():
    data, scores = sys.argv[1], sys.argv[2]
    floor = float(sys.argv[sys.argv.index("--threshold-floor") + 1]) if "--threshold-floor" in sys.argv else 0.0
    pooled = {}
    for name in sorted(os.listdir(scores)):
        if not name.endswith(".jsonl"):
            continue
        corpus = name[: -len(".jsonl")]
        labels = {r["id"]: r["label"] for r in csv.DictReader(open(os.path.join(data, corpus + ".csv"), encoding="utf-8"))}
        c = {k: 0 for k in ["docs", "paras", "agree", "multi_paras", "multi_agree", "hum_paras", "hum_fp", "mac_paras", "mac_tp", "hum_docs", "hum_mixed", "mac_docs", "mac_mixed"]}
        for line in open(os.path.join(scores, name), encoding="utf-8"):
            r = json.loads(line)
            label = labels.get(r["id"])
            paras = r.get("paragraphs") or []
            verdicts = []
            for p in paras:
                v = p["verdict"]
                if v == "filler" and p["probability"] < floor:
                    v = "uncertain"
                verdicts.append(v)
            c["docs"] += 1
            for v in verdicts:
                c["paras"] += 1
                c["agree"] += v == r["verdict"]
                if len(verdicts) >= 2:
                    c["multi_paras"] += 1
                    c["multi_agree"] += v == r["verdict"]
                if label == "human":
                    c["hum_paras"] += 1
                    c["hum_fp"] += v == "filler"
                elif label == "machine":
                    c["mac_paras"] += 1
                    c["mac_tp"] += v == "filler"
            mixed = "filler" in verdicts and "ok" in verdicts
            if label == "human":
                c["hum_docs"] += 1
                c["hum_mixed"] += mixed
            elif label == "machine":
                c["mac_docs"] += 1
                c["mac_mixed"] += mixed
        report(corpus, c)
        for k, v in c.items():
            pooled[k] = pooled.get(k, 0) + v
    report("pooled", pooled)


def pct(a, b):
    return f"{100 * a / b:5.1f} %" if b else "  n/a  "


def report(name, c):
    print(
        f"{name:22} paragraphs {c['paras']:6}  agree {pct(c['agree'], c['paras'])}  "
        f"agree(multi) {pct(c['multi_agree'], c['multi_paras'])} of {c['multi_paras']:5}  "
        f"human FPR {pct(c['hum_fp'], c['hum_paras'])} of {c['hum_paras']:5}  "
        f"machine TPR {pct(c['mac_tp'], c['mac_paras'])}  "
        f"mixed human {pct(c['hum_mixed'], c['hum_docs'])} machine {pct(c['mac_mixed'], c['mac_docs'])}"
    )


if __name__ == "__main__":
    main()
