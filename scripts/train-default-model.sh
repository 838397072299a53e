#!/usr/bin/env bash
# Train the default model that ships in the chaff binary, and evaluate it.
#
# Reproducible: the same data, seed and chaff version give the same model. Reads the shared
# corpora (../shared/datasets, or $CHAFF_SHARED/datasets); never the eval/ files for training.
# Writes models/default.json (the model), models/default.eval.json (cross-validation with
# leave-one-source-out) and models/default.essays.json (the out-of-domain essay sets), and the
# example charts in reports/example/. Takes a few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${CHAFF_SHARED:-../shared}
d="$shared/datasets"
files=("$d/iu_human_ai_corpus.csv" "$d/detectrl_multidomain.csv" "$d/llmfake_news.csv" "$d/politifactpp.csv" "$d/sheepdog_politifact.csv")
for f in "${files[@]}"; do [ -f "$f" ] || { echo "missing $f (set CHAFF_SHARED)" >&2; exit 2; }; done
# Rows derived from one source text share a group (see $d/README.md, "Splitting"): iu groups,
# PolitiFact ids (shared by llmfake and PolitiFact++), GossipCop ids, SheepDog article numbers.
groups='(iu-[a-z]+-[a-z]{2}-g[0-9]+|politifact[0-9]+|gossipcop-[0-9]+|sheepdog-politifact-(train|test)-[0-9]+)'
# The three PolitiFact-family files share articles: one source corpus for leave-one-source-out.
aliases=(--source-alias llmfake_news=politifact_family --source-alias politifactpp=politifact_family --source-alias sheepdog_politifact=politifact_family)
common=(--data "${files[@]}" --group-from-id "$groups" "${aliases[@]}" --seed 42 --cv 5)

cargo build --release --quiet
chaff=./target/release/chaff
"$chaff" train "${common[@]}" --loso -o models/default.json
# Rebuild so the binary embeds the new model, then evaluate it.
cargo build --release --quiet
"$chaff" evaluate "${common[@]}" --by domain,generator,variant -o models/default.eval.json --report reports/example
"$chaff" evaluate --model models/default.json --data "$d/eval/outfox_essays.csv" "$d/eval/corizzo_learner_essays.csv" \
  --by domain,generator,variant -o models/default.essays.json
