"""NER speed on real sentences: model load time, tokens/s, peak memory.

    python bench/bench_ner.py [--model bundled] [--threads 2] [--sentences 3000] [--batch 256]
    python bench/bench_ner.py --long-token          # peak RSS of a batch with one 100,000-character token

Sentences come from antcorpus news text (../shared/data, or $RASD_DATA), normalised and
segmented exactly as `rasd extract` does; falls back to the ANERcorp test split.
Not part of the test suite. Targets (issue 3): load <= 3 s, >= 8,000 tokens/s on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def antcorpus_sentences(data_dir: Path, limit: int):
    from extractor.normalize import normalize_text
    from extractor.segment import split_sentences

    out = []
    tag = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
    with tarfile.open(data_dir / "antcorpus" / "antcorpus_v1.1_txt.tar.gz") as tf:
        for m in tf:
            if not m.isfile() or "/internationalNews/" not in m.name and "/politic/" not in m.name:
                continue
            raw = tf.extractfile(m).read().decode("utf-8", "replace")
            for body in tag.findall(raw):
                out.extend(split_sentences(normalize_text(body)))
            if len(out) >= limit:
                return out[:limit]
    return out


def cold_load_seconds(model: str, threads: int) -> float:
    """Load time in a fresh interpreter (imports of torch and stanza included)."""
    code = (
        "import time; t=time.perf_counter(); from extractor.ner import build_ner; "
        f"build_ner({model!r}); print(time.perf_counter()-t)"
    )
    env = dict(os.environ, RASD_THREADS=str(threads))
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return float(r.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="bundled")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--sentences", type=int, default=3000)
    ap.add_argument("--batch", type=int, default=256, help="sentences per annotate() call")
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--long-token", action="store_true",
                    help="peak RSS of one batch with a 100,000-character token vs the same batch without it")
    ap.add_argument("--_rss-child", choices=["with", "without"], help=argparse.SUPPRESS)
    a = ap.parse_args()
    os.environ["RASD_THREADS"] = str(a.threads)
    if a._rss_child:
        return long_token_child(a.model, a._rss_child == "with")
    if a.long_token:
        return long_token(a.model, a.threads)
    from extractor import ner_corpus
    from extractor.ner import build_ner

    data_dir = a.data or ner_corpus.default_data_dir()
    try:
        sents = antcorpus_sentences(data_dir, a.sentences)
        source = "antcorpus (internationalNews, politic)"
    except FileNotFoundError:
        sents = [ts.sentence for ts in ner_corpus.anercorp(data_dir, "test")][: a.sentences]
        source = "ANERcorp test"
    cold = [cold_load_seconds(a.model, a.threads) for _ in range(3)]
    t0 = time.perf_counter()
    model = build_ner(a.model)
    warm_load = time.perf_counter() - t0
    model.annotate(sents[:32])  # warm-up
    tokens = sum(len(s.tokens) for s in sents)
    t0 = time.perf_counter()
    n_ents = 0
    for i in range(0, len(sents), a.batch):
        n_ents += sum(len(x) for x in model.annotate(sents[i : i + a.batch]))
    secs = time.perf_counter() - t0
    import torch

    res = {
        "model": model.name,
        "size_mb": round(model.size_bytes / 1e6, 1),
        "threads": torch.get_num_threads(),
        "text": source,
        "sentences": len(sents),
        "tokens": tokens,
        "entities": n_ents,
        "cold_load_s (fresh process, imports included; min of 3)": round(min(cold), 2),
        "cold_load_s_all": [round(x, 2) for x in cold],
        "load_s (in this process, first load)": round(warm_load, 2),
        "seconds": round(secs, 2),
        "tokens_per_s": round(tokens / secs),
        "sentences_per_s": round(len(sents) / secs, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "cpu_count": os.cpu_count(),
    }
    print(json.dumps(res, indent=1))


def long_token_child(model_name: str, with_token: bool) -> None:
    """In a fresh process: load, annotate 32 ordinary sentences (+ one 100,000-letter token), print peak RSS."""
    from extractor.ner import load_ner
    from extractor.normalize import normalize_text
    from extractor.segment import split_sentences

    model = load_ner(model_name)
    base = "قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب اليوم. "
    text = base * 32 + ("غارةقتل" * 15000)[:100_000] * with_token
    sents = split_sentences(normalize_text(text))
    ents = model.annotate(sents)
    print(json.dumps({"with_long_token": with_token, "sentences": len(sents), "entities": sum(map(len, ents)),
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))


def long_token(model_name: str, threads: int) -> None:
    """Peak RSS (fresh process each) of one annotate() call with and without a 100,000-character token."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), RASD_THREADS=str(threads))
    out = {}
    for which in ("without", "with"):
        r = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--model", model_name, "--_rss-child", which],
                           capture_output=True, text=True, env=env, check=False)  # fmt: skip
        if r.returncode != 0:
            print(f"bench: {which}: {(r.stderr or 'failed').strip().splitlines()[-1]}", file=sys.stderr)
            return
        out[which] = json.loads(r.stdout.strip().splitlines()[-1])
    out["ratio"] = round(out["with"]["peak_rss_mb"] / out["without"]["peak_rss_mb"], 2)
    print(json.dumps(out, indent=1))
    print(f"peak RSS: {out['without']['peak_rss_mb']} MB without, {out['with']['peak_rss_mb']} MB with one "
          f"100,000-character token (x{out['ratio']})", file=sys.stderr)


if __name__ == "__main__":
    main()
