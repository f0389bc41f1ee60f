"""Train the bundled Stanza Arabic NER model and install it into extractor/data/models/.

    python tools/train_ner.py [--data DIR] [--work work] [--steps 2000] [--seed 1234] [--aqmar] [--no-install]

Steps (the word vectors are reused when WORK/vectors/pretrain.pt exists, unless --fresh):
  1. tools/ner_data.py    -> WORK/ner/{train,dev,test,wojood}.json (rasd tokenisation)
  2. tools/train_vectors.py -> WORK/vectors/pretrain.pt (FastText on antcorpus + arwiki + ANERcorp train text)
  3. python -m stanza.models.ner_tagger (no charlm, fixed seed, early stopping on dev)
  4. evaluation on ANERcorp dev/test, AQMAR and Wojood (extractor.ner_eval), then the model, the word
     vectors, resources.json and a metadata json with the scores are copied into
     extractor/data/models/ (the model card README.md there is written by hand).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

SHORTHAND = "ar_rasd"


def tagger_flags(work: Path, steps: int, seed: int, extra: list[str] | None = None) -> list[str]:
    return [
        "--mode", "train",
        "--shorthand", SHORTHAND,
        "--train_file", str(work / "ner" / "train.json"),
        "--eval_file", str(work / "ner" / "dev.json"),
        "--wordvec_pretrain_file", str(work / "vectors" / "pretrain.pt"),
        "--save_dir", str(work / "model"),
        "--save_name", f"{SHORTHAND}_nertagger.pt",
        "--max_steps", str(steps),
        "--eval_interval", "250",
        "--max_steps_no_improve", "2000",
        "--hidden_dim", "128",  # small enough for >= 8,000 tokens/s on 2 CPU cores
        "--char_hidden_dim", "50",
        "--char_emb_dim", "50",
        "--optim", "adam",
        "--lr", "0.001",
        "--seed", str(seed),
        "--device", os.environ.get("RASD_TRAIN_DEVICE", "cpu"),
        *(extra or []),
    ]  # fmt: skip


def train(data_dir: Path | None, work: Path, steps: int, seed: int, aqmar: bool = False, fresh: bool = False,
          extra: list[str] | None = None, log=sys.stderr, continue_from: Path | None = None) -> Path:
    import ner_data
    import train_vectors

    from extractor import ner_corpus as nc

    data_dir = data_dir or nc.default_data_dir()
    print("1/3 building NER data", file=log)  # a few seconds: always rebuilt, so --no-aqmar takes effect
    ner_data.build(work / "ner", data_dir, aqmar)
    if fresh or not (work / "vectors" / "pretrain.pt").exists():
        print("2/3 training word vectors", file=log)
        train_vectors.build(work / "vectors", data_dir, seed=seed)
    model = work / "model" / f"{SHORTHAND}_nertagger.pt"
    extra = list(extra or [])
    if continue_from:  # a second stage: go on training an existing model (Stanza's --finetune)
        start = work / "model" / "continue_from.pt"
        start.parent.mkdir(parents=True, exist_ok=True)
        if Path(continue_from).resolve() != start.resolve():
            shutil.copyfile(continue_from, start)
        extra = ["--finetune", "--finetune_load_name", str(start), *extra]
    if model.exists():
        model.unlink()
    print("3/3 training the tagger", file=log)
    cmd = [sys.executable, "-m", "stanza.models.ner_tagger", *tagger_flags(work, steps, seed, extra)]
    t0 = time.time()
    with open(work / "train_ner.log", "w") as f:
        subprocess.run(cmd, check=True, stdout=f, stderr=subprocess.STDOUT)
    meta = {"flags": cmd[3:], "train_seconds": round(time.time() - t0), "seed": seed, "max_steps": steps,
            "aqmar": aqmar}  # fmt: skip
    (work / "model" / "train_meta.json").write_text(json.dumps(meta, indent=1))
    return model


def install(work: Path, data_dir: Path | None = None, dest: Path | None = None, model: Path | None = None,
            train_meta: dict | None = None) -> dict:
    """Evaluate WORK/model (or ``model``) and copy it with its metadata into extractor/data/models/."""
    from extractor import ner, ner_eval

    dest = dest or ner.MODELS_DIR
    dest.mkdir(parents=True, exist_ok=True)
    model = model or work / "model" / f"{SHORTHAND}_nertagger.pt"
    shutil.copyfile(model, dest / ner.BUNDLED_MODEL.name)
    shutil.copyfile(work / "vectors" / "pretrain.pt", dest / ner.BUNDLED_PRETRAIN.name)
    m = ner.build_ner(str(dest / ner.BUNDLED_MODEL.name))
    res = ner_eval.run_evaluations(m, ("anercorp-dev", "anercorp-test", "aqmar", "wojood"), data_dir)
    meta = train_meta or json.loads((work / "model" / "train_meta.json").read_text())
    vec = json.loads((work / "vectors" / "vectors.json").read_text())
    meta.update({
        "name": "rasd-ar-ner",
        "pretrain": ner.BUNDLED_PRETRAIN.name,
        "trained_on": ["ANERcorp train split, first 90% of sentences (CC BY-SA 4.0, CAMeL Lab release)"]
        + (["AQMAR, all 28 articles (CC BY-SA 3.0)"] if meta.get("aqmar") else []),
        "dev": "ANERcorp train split, last 10% of sentences",
        "vectors": vec,
        "tokenisation": "extractor.segment.tokenize on extractor.normalize.normalize_text",
        "scores": {k: v["scores"] for k, v in res.items() if "scores" in v},
        "size_bytes": os.path.getsize(dest / ner.BUNDLED_MODEL.name) + os.path.getsize(dest / ner.BUNDLED_PRETRAIN.name),
    })  # fmt: skip
    (dest / ner.BUNDLED_META.name).write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n")
    return meta


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--work", type=Path, default=ROOT / "work")
    ap.add_argument("--steps", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--aqmar", action="store_true", help="add AQMAR (Wikipedia) to the training data (off: it lowered dev F1)")
    ap.add_argument("--fresh", action="store_true", help="rebuild data and vectors too")
    ap.add_argument("--no-install", action="store_true", help="train only; do not touch extractor/data/models")
    ap.add_argument("--continue-from", type=Path, default=None,
                    help="go on training this model (second stage; Stanza --finetune)")
    ap.add_argument("extra", nargs="*", help="extra ner_tagger flags (after --); later flags override earlier ones")
    a = ap.parse_args(argv)
    train(a.data, a.work, a.steps, a.seed, a.aqmar, a.fresh, a.extra, continue_from=a.continue_from)
    if not a.no_install:
        meta = install(a.work, a.data)
        print(json.dumps(meta["scores"], indent=1), file=sys.stderr)


if __name__ == "__main__":
    main()
