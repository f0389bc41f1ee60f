"""A learned sentence gate: a small linear model that tells an event report from a mention.

The model (``data/gate_model.tsv.gz``, card in ``data/GATE.md``) is trained by ``bench/gate_experiment.py``
on the OEDA Arabic event gold (``../shared/data/oeda_sentences``, MIT): sentences labelled "yes" (a
specific assault or protest event) against "easy no" and "difficult no". A sentence's score is

    sigmoid(bias + mean over its word 1-2-grams of a gram weight + mean over its words of a word weight)

where the word weight is the bundled NER's word vector (``models/ar_rasd_pretrain.pt``) projected on one
learned direction, so words OEDA never saw still score by their neighbours. The model is linear: each
weight says how much a word or word pair speaks for an event report.

:func:`gate_events` drops an assembled event whose evidence scores below the model's threshold (a low
one: it keeps 98% of OEDA's held-out "yes"). The gate is off unless a pipeline is built with
``gate=True`` (``rasd extract --gate``); ``--explain`` names the score of every row it drops.
"""

from __future__ import annotations

import functools
import gzip
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .normalize import normalize_key

MODEL_FILE = Path(__file__).resolve().parent / "data" / "gate_model.tsv.gz"
_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """The gate's words: normalised (as the NER's word vectors are), punctuation left out."""
    return _WORD.findall(normalize_key(text))


def grams(words: list[str]) -> list[str]:
    """Word unigrams and bigrams."""
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


@dataclass(frozen=True)
class GateModel:
    bias: float
    threshold: float
    unknown: float  # the word weight of a word with no vector
    gram: dict[str, float]
    word: dict[str, int]  # a word's weight, as a code: word_offset + word_step * code
    word_offset: float = 0.0
    word_step: float = 1.0

    def score(self, text: str) -> float:
        """The probability (on OEDA's scale) that ``text`` reports a specific event."""
        words = tokens(text)
        if not words:
            return 0.0
        g = grams(words)
        z = self.bias + sum(self.gram.get(x, 0.0) for x in g) / len(g)
        codes = [self.word.get(w) for w in words]
        known = [c for c in codes if c is not None]
        z += (self.word_offset * len(known) + self.word_step * sum(known)
              + self.unknown * (len(codes) - len(known))) / len(codes)  # fmt: skip
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_weights(cls, bias: float, threshold: float, unknown: float, gram: dict[str, float],
                     word: dict[str, float]) -> GateModel:
        """Word weights quantised to one byte each (a 0.1 step on a range of about 25)."""
        lo, hi = min(word.values(), default=0.0), max(word.values(), default=1.0)
        step = (hi - lo) / 255 or 1.0
        return cls(bias, threshold, unknown, gram, {w: round((v - lo) / step) for w, v in word.items()},
                   lo, step)  # fmt: skip

    @classmethod
    def read(cls, path: Path | str = MODEL_FILE) -> GateModel:
        """Read the file :meth:`write` writes: ``#name<TAB>value`` lines, then four lines of tab-separated
        fields: ``grams``, ``gram_weights``, ``words`` and ``word_codes`` (one hex byte a word), so that
        150,000 words load in a few tens of milliseconds."""
        head: dict[str, float] = {}
        cols: dict[str, str] = {}
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                name, _, rest = line.rstrip("\n").partition("\t")
                if name.startswith("#"):
                    head[name[1:]] = float(rest)
                else:
                    cols[name] = rest
        gram = dict(zip(cols["grams"].split("\t"), map(float, cols["gram_weights"].split("\t")), strict=True))
        word = dict(zip(cols["words"].split("\t"), bytes.fromhex(cols["word_codes"]), strict=True))
        return cls(head["bias"], head["threshold"], head["unknown"], gram, word, head["word_offset"],
                   head["word_step"])  # fmt: skip

    def write(self, path: Path | str) -> None:
        """Sorted, and gzip without a time stamp: one model is one byte-identical file."""
        g, w = sorted(self.gram.items()), sorted(self.word.items())
        head = (("bias", self.bias), ("threshold", self.threshold), ("unknown", self.unknown),
                ("word_offset", self.word_offset), ("word_step", self.word_step))  # fmt: skip
        lines = [f"#{k}\t{v!r}" for k, v in head]
        lines += ["grams\t" + "\t".join(k for k, _ in g), "gram_weights\t" + "\t".join(f"{v:.3g}" for _, v in g),
                  "words\t" + "\t".join(k for k, _ in w), "word_codes\t" + bytes(c for _, c in w).hex()]
        with open(path, "wb") as fh, gzip.GzipFile(filename="", fileobj=fh, mode="wb", mtime=0) as gz:
            gz.write(("\n".join(lines) + "\n").encode("utf-8"))


@functools.cache
def model() -> GateModel:
    return GateModel.read(MODEL_FILE)


def gate_events(mentions: list, doc: Any, rejected: list | None = None) -> list:
    """The assembled events whose evidence the gate scores at or above its threshold; the others go to
    ``rejected`` with their score."""
    from .templates import Rejection

    m = model()
    keep = []
    for e in mentions:
        s = m.score(doc.text[e.start : e.end])
        if s >= m.threshold:
            keep.append(e)
        elif rejected is not None:
            rejected.append(Rejection(e.template_id, e.sentence_index, e.trigger,
                                      f"the learned gate scores the evidence {s:.2f}, below {m.threshold:g} "
                                      "(it reads as no specific event report: extractor/gate.py)", code="gate"))  # fmt: skip
    return keep
