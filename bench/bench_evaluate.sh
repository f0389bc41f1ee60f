#!/usr/bin/env bash
# Score rasd on the development evaluation set (../shared/dev-eval: 64 real articles, 75 gold events),
# overall and per group (old art*, new a*/b*, tune, check = new ids divisible by 3, region a, b).
# The texts are read where they are, never copied. Publication dates come from its manifest.csv.
#
#   bench/bench_evaluate.sh                     # bundled NER, text tables, misses/false events on stderr
#   bench/bench_evaluate.sh --ner-model none    # rules only
#   bench/bench_evaluate.sh --format json       # one JSON object (add --details for per-article lists)
set -euo pipefail
cd "$(dirname "$0")/.."
DEV="${DEV_EVAL:-../shared/dev-eval}"
if [ ! -f "$DEV/gold.jsonl" ]; then
  echo "bench_evaluate: no $DEV/gold.jsonl (set DEV_EVAL=folder)" >&2
  exit 2
fi
if [ -z "${VIRTUAL_ENV:-}" ] && [ -f .venv/bin/activate ]; then
  . .venv/bin/activate
fi
has_format=0
for a in "$@"; do case "$a" in --format|-f|--format=*) has_format=1 ;; esac; done
extra=()
[ "$has_format" = 0 ] && extra=(--details)
exec rasd evaluate --gold "$DEV/gold.jsonl" --manifest "$DEV/manifest.csv" "$DEV/articles" "${extra[@]}" "$@"
