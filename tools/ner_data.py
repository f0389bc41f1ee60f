"""Write Stanza NER training files (JSON, BIO) in rasd's run-time tokenisation.

    python tools/ner_data.py --out work/ner [--data DIR] [--no-aqmar]

train = first 90% of ANERcorp train (+ all of AQMAR unless --no-aqmar),
dev = last 10% of ANERcorp train, test = ANERcorp test split,
wojood = the Wojood sample's outer layer (PER/ORG/LOC; evaluation only).
NewsFANE is never used (it is ANERcorp's own text).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor import ner_corpus as nc  # noqa: E402


def build(out: Path, data_dir: Path | None = None, use_aqmar: bool = True) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    train = nc.anercorp(data_dir, "train")
    if use_aqmar:
        train = train + nc.aqmar(data_dir)
    sets = {
        "train": train,
        "dev": nc.anercorp(data_dir, "dev"),
        "test": nc.anercorp(data_dir, "test"),
        "wojood": nc.wojood(data_dir),
    }
    stats = {}
    for name, sents in sets.items():
        data = nc.to_stanza_json(sents)
        with open(out / f"{name}.json", "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        stats[name] = {
            "sentences": len(data),
            "tokens": sum(len(s) for s in data),
            "entities": dict(Counter(t for ts in sents for _, _, t in ts.spans)),
        }
    with open(out / "stats.json", "w") as f:
        json.dump(stats, f, indent=1)
    return stats


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("work/ner"))
    ap.add_argument("--data", type=Path, default=None, help="shared data dir (default $RASD_DATA or ../shared/data)")
    ap.add_argument("--no-aqmar", action="store_true", help="train on ANERcorp only")
    a = ap.parse_args(argv)
    print(json.dumps(build(a.out, a.data, not a.no_aqmar), indent=1), file=sys.stderr)


if __name__ == "__main__":
    main()
