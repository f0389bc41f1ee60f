"""Train word vectors for the bundled NER model and write a Stanza pretrain file.

    python tools/train_vectors.py --out work/vectors [--data DIR] [--dim 100] [--max-vocab 100000]

Corpus (all normalised and tokenised exactly as at run time, see extractor.segment):
antcorpus (Apache-2.0; title, abstract and text of 10,161 news articles), ANERcorp train
split (text only; the test split is left out), AQMAR (CC BY-SA 3.0). SaudiNewsNet
(CC BY-NC-SA 4.0) is only added with --saudinewsnet, which makes the vectors non-commercial.
Wojood and NewsFANE are never used (evaluation / ANERcorp's own text).

gensim FastText (skip-gram, subword n-grams 2-5) is trained on that corpus; the shipped
vocabulary is the --max-vocab most frequent words, always including every word of the NER
training data (their vectors come from the subword model when they are rare). Output:
vectors.txt (word2vec text format) and pretrain.pt (stanza.models.common.pretrain.Pretrain,
vectors stored as float16).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import tarfile
import time
import zipfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor import ner_corpus as nc  # noqa: E402
from extractor.normalize import normalize_text  # noqa: E402
from extractor.segment import split_sentences  # noqa: E402

_TAG = re.compile(r"<(TITLE|ABSTRACT|TEXT)>(.*?)</\1>", re.S)


def _sentences(text: str):
    for s in split_sentences(normalize_text(text)):
        yield [t.text for t in s.tokens]


def antcorpus(data_dir: Path):
    with tarfile.open(data_dir / "antcorpus" / "antcorpus_v1.1_txt.tar.gz") as tf:
        for m in tf:
            if not m.isfile() or not m.name.endswith(".txt"):
                continue
            raw = tf.extractfile(m).read().decode("utf-8", "replace")
            for _, body in _TAG.findall(raw):
                yield from _sentences(body)


def saudinewsnet(data_dir: Path):
    for z in sorted((data_dir / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                if name.endswith(".json"):
                    for art in json.loads(zf.read(name)):
                        for key in ("title", "content"):
                            yield from _sentences(art.get(key) or "")


def ner_text(data_dir: Path):
    for ts in nc.anercorp(data_dir, "all-train") + nc.aqmar(data_dir):
        yield [t.text for t in ts.sentence.tokens]


def build(out: Path, data_dir: Path, dim: int = 100, max_vocab: int = 100_000, epochs: int = 10,
          seed: int = 1234, workers: int = 2, use_saudinewsnet: bool = False) -> dict:
    import torch
    from gensim.models import FastText
    from stanza.models.common.pretrain import Pretrain

    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    corpus = list(antcorpus(data_dir)) + list(ner_text(data_dir))
    sources = ["antcorpus", "anercorp-train", "aqmar"]
    if use_saudinewsnet:
        corpus += list(saudinewsnet(data_dir))
        sources.append("saudinewsnet (CC BY-NC-SA 4.0)")
    n_tokens = sum(len(s) for s in corpus)
    print(f"corpus: {len(corpus)} sentences, {n_tokens} tokens ({time.time() - t0:.0f}s)", file=sys.stderr)
    ft = FastText(vector_size=dim, window=5, min_count=2, sg=1, min_n=2, max_n=5, epochs=epochs,
                  seed=seed, workers=workers, sample=1e-4, negative=10)
    ft.build_vocab(corpus_iterable=corpus)
    ft.train(corpus_iterable=corpus, total_examples=len(corpus), epochs=epochs)
    print(f"trained ({time.time() - t0:.0f}s)", file=sys.stderr)
    freq = Counter(w for s in corpus for w in s)
    must = set(w for s in ner_text(data_dir) for w in s)
    vocab = [w for w, _ in freq.most_common() if not w.isspace()]
    keep = vocab[:max_vocab]
    kept = set(keep)
    missing = [w for w in vocab if w in must and w not in kept]
    if missing:  # swap the rarest generic words for NER-train words
        keep = keep[: max_vocab - len(missing)] + missing
    vec_path = out / "vectors.txt"
    with open(vec_path, "w", encoding="utf-8") as f:
        f.write(f"{len(keep)} {dim}\n")
        for w in keep:
            f.write(w + " " + " ".join(f"{x:.5f}" for x in ft.wv[w]) + "\n")
    pt_path = out / "pretrain.pt"
    if pt_path.exists():
        pt_path.unlink()
    pt = Pretrain(str(pt_path), str(vec_path), max_vocab=len(keep) + 10, save_to_file=False)
    pt.load()  # reads the text file
    # float16 halves the shipped size; the tagger copies the vectors into a float32 embedding
    pt._emb = torch.as_tensor(pt.emb).to(torch.float16)
    pt.save(str(pt_path))
    meta = {"sources": sources, "sentences": len(corpus), "tokens": n_tokens, "dim": dim,
            "vocab": len(keep), "dtype": "float16", "epochs": epochs, "seed": seed, "model": "gensim FastText skip-gram, window 5, "
            "min_count 2, char n-grams 2-5, negative 10, sample 1e-4", "seconds": round(time.time() - t0)}
    with open(out / "vectors.json", "w") as f:
        json.dump(meta, f, indent=1)
    return meta


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("work/vectors"))
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--max-vocab", type=int, default=100_000)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--saudinewsnet", action="store_true", help="add SaudiNewsNet (CC BY-NC-SA: non-commercial!)")
    a = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    meta = build(a.out, a.data or nc.default_data_dir(), a.dim, a.max_vocab, a.epochs, a.seed, a.workers, a.saudinewsnet)
    print(json.dumps(meta, indent=1), file=sys.stderr)


if __name__ == "__main__":
    main()
