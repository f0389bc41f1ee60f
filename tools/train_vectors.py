"""Train word vectors for the bundled NER model and write a Stanza pretrain file.

    python tools/train_vectors.py --out work/vectors [--data DIR] [--dim 100] [--max-vocab 100000]

Corpus (all normalised and tokenised exactly as at run time, see extractor.segment):
antcorpus (Apache-2.0; title, abstract and text of 10,161 news articles), Arabic Wikipedia
(arwiki_text, CC BY-SA 4.0; 10,298 articles less the 18 whose titles are AQMAR articles, so
AQMAR stays a clean test set), ANERcorp train split (text only; the test split is left out).
AQMAR's own text is only added with --aqmar-text (then AQMAR scores are not clean).
SaudiNewsNet (CC BY-NC-SA 4.0) is only added with --saudinewsnet, which makes the vectors
non-commercial. Wojood and NewsFANE are never used (evaluation / ANERcorp's own text).

The tokenised corpus is written once to OUT/corpus.txt (one sentence a line) and gensim
reads it with corpus_file (faster, and the run can be redone without re-tokenising); a
checkpoint of the gensim model is saved after each epoch (OUT/ft.model, overwritten).

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

from extractor import ner_corpus as nc
from extractor.normalize import normalize_text
from extractor.segment import split_sentences

_TAG = re.compile(r"<(TITLE|ABSTRACT|TEXT)>(.*?)</\1>", re.DOTALL)


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


# arwiki_text/SOURCE.md: the 18 AQMAR titles present in arwiki (14 share 20-95% of their text)
AQMAR_OVERLAP = frozenset(["إنريكو فيرمي", "فيزياء", "جدول دوري", "حملات صليبية", "الألعاب الأولمبية الصيفية 2004", "جنو/لينكس", "برمجية", "ذرة", "ضوء", "حاسوب", "إنترنت", "ريال مدريد", "أبو بكر الرازي", "كأس العالم لكرة القدم", "منتخب البرتغال لكرة القدم", "كريستيانو رونالدو", "دمشق", "كرة القدم"])


def arwiki(data_dir: Path, dropped: list | None = None):
    """Arabic Wikipedia paragraphs, less the articles that overlap AQMAR."""
    import lzma

    with lzma.open(data_dir / "arwiki_text" / "arwiki_2017.txt.xz", "rt", encoding="utf-8") as f:
        blocks = f.read().split("\n\n")
    for block in blocks:
        lines = block.split("\n")
        if lines[0].strip() in AQMAR_OVERLAP:
            if dropped is not None:
                dropped.append(lines[0].strip())
            continue
        for line in lines:  # the title line too: it is text
            yield from _sentences(line)


def ner_text(data_dir: Path, with_aqmar: bool = False):
    for ts in nc.anercorp(data_dir, "all-train") + (nc.aqmar(data_dir) if with_aqmar else []):
        yield [t.text for t in ts.sentence.tokens]


class _Checkpoint:
    """gensim callback: save the model after every epoch (a long run can be used when cut)."""

    def __init__(self, path: Path):
        self.path, self.epoch, self.t0 = path, 0, time.time()

    def on_epoch_begin(self, model):
        pass

    def on_epoch_end(self, model):
        self.epoch += 1
        model.save(str(self.path))
        print(f"epoch {self.epoch} done ({time.time() - self.t0:.0f}s), saved {self.path}", file=sys.stderr, flush=True)

    def on_train_begin(self, model):
        pass

    def on_train_end(self, model):
        pass


def build(out: Path, data_dir: Path, dim: int = 100, max_vocab: int = 100_000, epochs: int = 10,
          seed: int = 1234, workers: int = 2, use_saudinewsnet: bool = False, use_arwiki: bool = True,
          aqmar_text: bool = False) -> dict:
    from gensim.models import FastText
    from gensim.models.callbacks import CallbackAny2Vec

    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    sources = ["antcorpus"]
    parts = [antcorpus(data_dir)]
    dropped: list[str] = []
    if use_arwiki:
        parts.append(arwiki(data_dir, dropped))
        sources.append("arwiki_text (less the 18 AQMAR-overlapping articles)")
    parts.append(ner_text(data_dir, aqmar_text))
    sources += ["anercorp-train"] + (["aqmar"] if aqmar_text else [])
    if use_saudinewsnet:
        parts.append(saudinewsnet(data_dir))
        sources.append("saudinewsnet (CC BY-NC-SA 4.0)")
    corpus_path = out / "corpus.txt"
    freq: Counter = Counter()
    n_sent = 0
    with open(corpus_path, "w", encoding="utf-8") as f:
        for part in parts:
            for s in part:
                s = [w for w in s if not w.isspace()]
                if s:
                    f.write(" ".join(s) + "\n")
                    freq.update(s)
                    n_sent += 1
    n_tokens = sum(freq.values())
    print(f"corpus: {n_sent} sentences, {n_tokens} tokens, {len(freq)} types; dropped {len(dropped)} arwiki "
          f"articles ({time.time() - t0:.0f}s)", file=sys.stderr, flush=True)

    class Checkpoint(_Checkpoint, CallbackAny2Vec):
        pass

    ft = FastText(vector_size=dim, window=5, min_count=2, sg=1, min_n=2, max_n=5, epochs=epochs,
                  seed=seed, workers=workers, sample=1e-4, negative=10)
    ft.build_vocab(corpus_file=str(corpus_path))
    ft.train(corpus_file=str(corpus_path), total_examples=ft.corpus_count, total_words=ft.corpus_total_words,
             epochs=epochs, callbacks=[Checkpoint(out / "ft.model")])
    print(f"trained ({time.time() - t0:.0f}s)", file=sys.stderr, flush=True)
    meta = export(ft, out, freq, {w for s in ner_text(data_dir) for w in s}, max_vocab)
    meta.update({"sources": sources, "sentences": n_sent, "tokens": n_tokens, "epochs": epochs, "seed": seed,
                 "model": "gensim FastText skip-gram, window 5, min_count 2, char n-grams 2-5, negative 10, "
                 "sample 1e-4", "arwiki_dropped": len(dropped), "seconds": round(time.time() - t0)})  # fmt: skip
    with open(out / "vectors.json", "w") as f:
        json.dump(meta, f, indent=1)
    return meta


def export_checkpoint(out: Path, data_dir: Path, max_vocab: int, note: str = "") -> dict:
    """Export OUT/ft.model (the last finished epoch of a run that was cut) like a finished run."""
    from gensim.models import FastText

    ft = FastText.load(str(out / "ft.model"))
    freq: Counter = Counter()
    n_sent = 0
    with open(out / "corpus.txt", encoding="utf-8") as f:
        for line in f:
            freq.update(line.split())
            n_sent += 1
    meta = export(ft, out, freq, {w for s in ner_text(data_dir) for w in s}, max_vocab)
    meta.update({"sentences": n_sent, "tokens": sum(freq.values()), "from_checkpoint": True, "note": note})
    with open(out / "vectors.json", "w") as f:
        json.dump(meta, f, indent=1)
    return meta


def export(ft, out: Path, freq: Counter, must: set[str], max_vocab: int) -> dict:
    """Write OUT/vectors.txt and OUT/pretrain.pt (Stanza Pretrain, float16) from a gensim model.

    The vocabulary is the ``max_vocab`` most frequent words, always including every word of
    the NER training data (rare ones get their vector from the subword n-grams).
    """
    import torch
    from stanza.models.common.pretrain import Pretrain

    dim = ft.wv.vector_size
    vocab = [w for w, _ in freq.most_common() if not w.isspace()]
    keep = vocab[:max_vocab]
    kept = set(keep)
    missing = sorted(w for w in must if w not in kept and not w.isspace())
    if missing:  # swap the rarest generic words for NER-train words
        keep = keep[: max_vocab - len(missing)] + missing
    vec_path = out / "vectors.txt"
    with open(vec_path, "w", encoding="utf-8") as f:
        f.write(f"{len(keep)} {dim}\n")
        f.writelines(w + " " + " ".join(f"{x:.5f}" for x in ft.wv[w]) + "\n" for w in keep)
    pt_path = out / "pretrain.pt"
    if pt_path.exists():
        pt_path.unlink()
    pt = Pretrain(str(pt_path), str(vec_path), max_vocab=len(keep) + 10, save_to_file=False)
    pt.load()  # reads the text file
    # float16 halves the shipped size; the tagger copies the vectors into a float32 embedding
    pt._emb = torch.as_tensor(pt.emb).to(torch.float16)
    pt.save(str(pt_path))
    return {"dim": dim, "vocab": len(keep), "dtype": "float16"}


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
    ap.add_argument("--no-arwiki", action="store_true", help="leave out Arabic Wikipedia (the pre-2026-12 vectors)")
    ap.add_argument("--aqmar-text", action="store_true", help="add AQMAR's text (AQMAR scores are then not clean)")
    ap.add_argument("--from-checkpoint", metavar="NOTE", default=None,
                    help="export OUT/ft.model (the last finished epoch) instead of training; NOTE goes into vectors.json")
    a = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if a.from_checkpoint is not None:
        meta = export_checkpoint(a.out, a.data or nc.default_data_dir(), a.max_vocab, a.from_checkpoint)
        print(json.dumps(meta, indent=1), file=sys.stderr)
        return
    meta = build(a.out, a.data or nc.default_data_dir(), a.dim, a.max_vocab, a.epochs, a.seed, a.workers,
                 a.saudinewsnet, not a.no_arwiki, a.aqmar_text)
    print(json.dumps(meta, indent=1), file=sys.stderr)


if __name__ == "__main__":
    main()
