#!/usr/bin/env python
"""Does a learned sentence gate beat the rules? An experiment, not a shipped model.

    python bench/gate_experiment.py

Trains a small linear classifier (hashed word unigrams and bigrams, logistic loss, torch) on
``../shared/data/oeda_sentences`` (the training half of the OEDA Arabic gold: event ``yes`` against
``easy no`` and ``difficult no``; ``ambiguous`` left out) — never on dev-eval — and then drops every
trigger mention whose clause the classifier scores below a threshold, before assembly. It prints
dev-eval precision / recall / F1 (all articles and the check split) for each threshold next to the
rules alone, so the gate is shipped only if it raises precision at equal recall.
"""

from __future__ import annotations

import csv
import random
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OEDA = ROOT.parent / "shared" / "data" / "oeda_sentences"
DEV = ROOT.parent / "shared" / "dev-eval"
DIM = 1 << 18


def features(text: str) -> list[int]:
    from extractor.normalize import normalize_key

    words = normalize_key(text).split()
    grams = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
    return [zlib.crc32(g.encode("utf-8")) % DIM for g in grams] or [0]


def load_oeda() -> list[tuple[str, int]]:
    out = []
    for name in ("assault_gsr_train.csv", "protest_gsr_train.csv"):
        with open(OEDA / name, encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                if r["label"] in ("yes", "easy no", "difficult no"):
                    out.append((r["text"], int(r["label"] == "yes")))
    return out


def train(data: list[tuple[str, int]], epochs: int = 25, seed: int = 1):
    import torch

    torch.manual_seed(seed)
    model = torch.nn.EmbeddingBag(DIM, 1, mode="sum")
    torch.nn.init.zeros_(model.weight)
    bias = torch.zeros(1, requires_grad=True)
    opt = torch.optim.Adam(list(model.parameters()) + [bias], lr=0.05, weight_decay=1e-6)
    pos = sum(y for _, y in data)
    w_pos = (len(data) - pos) / max(pos, 1)  # balance the classes
    feats = [features(t) for t, _ in data]
    rng = random.Random(seed)
    idx = list(range(len(data)))
    for _ in range(epochs):
        rng.shuffle(idx)
        for lo in range(0, len(idx), 64):
            b = idx[lo : lo + 64]
            flat = torch.tensor([f for i in b for f in feats[i]])
            offs = torch.tensor([0] + [len(feats[i]) for i in b][:-1]).cumsum(0)
            y = torch.tensor([float(data[i][1]) for i in b])
            logit = model(flat, offs).squeeze(1) + bias
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logit, y, pos_weight=torch.tensor(w_pos))
            opt.zero_grad()
            loss.backward()
            opt.step()

    def score(text: str) -> float:
        with torch.no_grad():
            f = torch.tensor(features(text))
            return float(torch.sigmoid(model(f, torch.tensor([0])).squeeze() + bias))

    return score


def main() -> int:
    import extractor.assemble as asm
    from extractor import evaluation as ev
    from extractor import get_pipeline

    data = load_oeda()
    random.Random(3).shuffle(data)
    cut = len(data) * 4 // 5
    score = train(data[:cut])
    held = data[cut:]
    tp = sum(score(t) >= 0.5 and y for t, y in held)
    pp = sum(score(t) >= 0.5 for t, _ in held)
    print(f"OEDA held-out fifth: precision {tp / max(pp, 1):.2f}, recall {tp / max(sum(y for _, y in held), 1):.2f}")
    score = train(data)
    gold, man = ev.load_gold(DEV / "gold.jsonl"), ev.load_manifest(DEV / "manifest.csv")
    pipe = get_pipeline(None)
    original = asm.decide_all
    for t in (None, 0.05, 0.1, 0.2, 0.3, 0.5):
        def gated(mentions, doc, ctx, rejected=None, _t=t):
            keep = original(mentions, doc, ctx, rejected)
            return keep if _t is None else [m for m in keep if score(doc.text[m.start : m.end]) >= _t]

        asm.decide_all = gated
        rows, _, _ = ev.extract_rows(pipe, [str(DEV / "articles")], man, gold)
        r = ev.evaluate(gold, rows, manifest=man)
        e, c = r["events"], r["splits"]["check"]
        print(f"gate {'off' if t is None else t}: P {e['precision']:.2f} R {e['recall']:.2f} F1 {e['f1']:.2f}"
              f" | check P {c['precision']:.2f} R {c['recall']:.2f} | rows on negatives "
              f"{r['negatives']['false_events']}")
    asm.decide_all = original
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
