#!/usr/bin/env bash
# Does NER earn its place? Event F1 and location accuracy on ../shared/dev-eval with the bundled
# NER model against rules only (--ner-model none), on all 64 articles and on the check split
# (aNN/bNN whose number is divisible by 3, kept back from tuning).
#
#   bench/bench_ner_ablation.sh              # a table on stdout
#   bench/bench_ner_ablation.sh --json       # one JSON object on stdout
#   NER_MODELS="bundled none path/to/x.pt" bench/bench_ner_ablation.sh
#
# The texts are read where they are (never copied); the check split's gold and manifest are
# filtered into a temporary folder that is removed on exit. Uses bench/bench_evaluate.sh --format json.
set -euo pipefail
cd "$(dirname "$0")/.."
DEV="${DEV_EVAL:-../shared/dev-eval}"
if [ ! -f "$DEV/gold.jsonl" ]; then
  echo "bench_ner_ablation: no $DEV/gold.jsonl (set DEV_EVAL=folder)" >&2
  exit 2
fi
if [ -z "${VIRTUAL_ENV:-}" ] && [ -f .venv/bin/activate ]; then
  . .venv/bin/activate
fi
fmt=table
[ "${1:-}" = "--json" ] && fmt=json
MODELS="${NER_MODELS:-bundled none}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# the check split: gold, manifest and the list of its article files (paths only)
python - "$DEV" "$tmp" <<'EOF'
import csv, json, re, sys
from pathlib import Path
dev, tmp = Path(sys.argv[1]), Path(sys.argv[2])
def check(i):
    m = re.fullmatch(r"[ab](\d+)", i)
    return bool(m) and int(m.group(1)) % 3 == 0
(tmp / "check").mkdir()
with open(dev / "gold.jsonl", encoding="utf-8") as f, open(tmp / "check" / "gold.jsonl", "w", encoding="utf-8") as g:
    g.writelines(line for line in f if line.strip() and check(json.loads(line)["article"]))
with open(dev / "manifest.csv", encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
with open(tmp / "check" / "manifest.csv", "w", encoding="utf-8", newline="") as g:
    w = csv.DictWriter(g, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(r for r in rows if check(r["id"]))
ids = {r["id"] for r in rows if check(r["id"])}
(tmp / "check" / "files.txt").write_text(
    "\n".join(str(p) for p in sorted((dev / "articles").iterdir()) if p.stem in ids) + "\n")
EOF
mapfile -t CHECK_FILES < "$tmp/check/files.txt"

for m in $MODELS; do
  DEV_EVAL="$DEV" bench/bench_evaluate.sh --format json --ner-model "$m" > "$tmp/all_$(basename "$m").json"
  rasd evaluate --gold "$tmp/check/gold.jsonl" --manifest "$tmp/check/manifest.csv" "${CHECK_FILES[@]}" \
    --format json --ner-model "$m" > "$tmp/check_$(basename "$m").json"
done

python - "$tmp" "$fmt" $MODELS <<'EOF'
import json, sys
from pathlib import Path
tmp, fmt, models = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
out = {}
for split in ("all", "check"):
    for m in models:
        r = json.loads((tmp / f"{split}_{Path(m).name}.json").read_text())
        ev, fl = r["events"], r["fields"]
        out.setdefault(split, {})[m] = {
            "gold": ev["gold"], "pred": ev["pred"], "tp": ev["tp"],
            "precision": ev["precision"], "recall": ev["recall"], "event_f1": ev["f1"],
            "location_accuracy": fl["location"]["accuracy"], "admin1_accuracy": fl["admin1"]["accuracy"],
            "actor1_accuracy": fl["actor1"]["accuracy"], "actor2_accuracy": fl["actor2"]["accuracy"],
            "false_events_on_negatives": r["negatives"]["false_events"],
        }
if fmt == "json":
    print(json.dumps(out, indent=1))
else:
    cols = ["gold", "pred", "tp", "precision", "recall", "event_f1", "location_accuracy", "admin1_accuracy",
            "actor1_accuracy", "actor2_accuracy", "false_events_on_negatives"]
    print("split\tner\t" + "\t".join(cols))
    for split, by in out.items():
        for m, v in by.items():
            print(f"{split}\t{m}\t" + "\t".join(str(v[c]) for c in cols))
        if len(models) >= 2:
            a, b = by[models[0]], by[models[1]]
            print(f"{split}\t{models[0]}-{models[1]}\t\t\t\t\t\t{a['event_f1'] - b['event_f1']:+.4f}\t"
                  f"{a['location_accuracy'] - b['location_accuracy']:+.4f}")
EOF
