"""NER corpora re-tokenised the way rasd tokenises at run time.

The annotated corpora (ANERcorp, AQMAR, Wojood) come with their own
tokenisation and no normalisation. The bundled model is trained and scored on
the *same* tokens the pipeline produces: each corpus sentence is joined with
spaces, normalised with :func:`extractor.normalize.normalize`, split into
sentences and tokens with :func:`extractor.segment.split_sentences`, and the
corpus BIO tags are carried over by character alignment (an entity covers every
one of our tokens that overlaps it; punctuation at an entity's edges is left
out).

Tag types are mapped to PER, LOC, ORG, MISC (ANERcorp PERS -> PER, AQMAR MIS* ->
MISC). For Wojood (a nested 21-type corpus) only the outer layer is read and
mapped with :data:`WOJOOD_MAP` (PERS -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC;
every other type is dropped).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .normalize import normalize
from .segment import Sentence, split_sentences

TYPES = ("PER", "LOC", "ORG", "MISC")

WOJOOD_MAP = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}

ANERCORP_TRAIN = "anercorp/derived/anercorp_camelsplit_train.bio"
ANERCORP_TEST = "anercorp/derived/anercorp_camelsplit_test.bio"
DEV_FRACTION = 0.10  # dev = the last 10% of ANERcorp train sentences


@dataclass
class TaggedSentence:
    """One sentence in rasd tokenisation with gold spans (normalised-text offsets)."""

    sentence: Sentence
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, type)

    def tags(self) -> list[str]:
        """BIO tags, one per token."""
        out = ["O"] * len(self.sentence.tokens)
        for s, e, t in self.spans:
            first = True
            for i, tok in enumerate(self.sentence.tokens):
                if tok.start >= s and tok.end <= e:
                    out[i] = ("B-" if first else "I-") + t
                    first = False
        return out


def default_data_dir() -> Path:
    """``$RASD_DATA``, else ``../shared/data`` next to the repository."""
    env = os.environ.get("RASD_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def _norm_type(tag: str, mapping: dict[str, str] | None = None) -> tuple[str, str | None]:
    """('B'|'I'|'O', TYPE or None) for a corpus tag, fixing known typos."""
    tag = tag.strip().strip("`")
    if not tag or tag in ("O", "OO", "IO") or tag[0] not in "BI":
        return "O", None
    prefix, typ = tag[0], tag[1:].strip("-`").upper()
    if mapping is not None:
        t = mapping.get(typ)
        return (prefix, t) if t else ("O", None)
    if typ in ("PER", "PERS"):
        return prefix, "PER"
    if typ in ("LOC", "ORG"):
        return prefix, typ
    if "MIS" in typ or typ in ("SPANISH", "ENGLISH"):
        return prefix, "MISC"
    return "O", None


def read_columns(path: Path | str, column: int = -1, sentence_on: str = "blank") -> Iterator[list[tuple[str, str]]]:
    """Sentences of (word, tag) from a one-token-per-line file.

    ``column`` picks the tag column (-1: last, 1: first tag of Wojood).
    Malformed lines (fewer than two fields) are skipped.
    """
    sent: list[tuple[str, str]] = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if sent:
                    yield sent
                sent = []
                continue
            if len(parts) < 2:
                continue
            word, tag = parts[0], parts[column]
            if word == "$#$":  # Wojood paragraph marker
                continue
            sent.append((word, tag))
    if sent:
        yield sent


def retokenize(words: list[tuple[str, str]], mapping: dict[str, str] | None = None) -> list[TaggedSentence]:
    """Align one corpus sentence onto rasd's normalisation and tokenisation."""
    text_parts: list[str] = []
    entities: list[list] = []  # [orig_start, orig_end, type]
    pos = 0
    prev_type = None
    for word, tag in words:
        if text_parts:
            pos += 1
        start, end = pos, pos + len(word)
        text_parts.append(word)
        pos = end
        prefix, typ = _norm_type(tag, mapping)
        if typ is None:
            prev_type = None
            continue
        if prefix == "B" or typ != prev_type:  # IOB1: an I- after O or another type starts an entity
            entities.append([start, end, typ])
        else:
            entities[-1][1] = end
        prev_type = typ
    orig = " ".join(text_parts)
    norm = normalize(orig)
    # original offset -> normalised offset (first kept char at or after it)
    o2n = [0] * (len(orig) + 1)
    j = len(norm.text)
    for i in range(len(orig), -1, -1):
        while j > 0 and norm.offsets[j - 1] >= i:
            j -= 1
        o2n[i] = j
    spans = [(o2n[s], o2n[e], t) for s, e, t in entities]
    out: list[TaggedSentence] = []
    for sent in split_sentences(norm.text):
        got: list[tuple[int, int, str]] = []
        for s, e, t in spans:
            toks = [tok for tok in sent.tokens if tok.start < e and tok.end > s]
            while toks and not _wordy(toks[0].text):
                toks.pop(0)
            while toks and not _wordy(toks[-1].text):
                toks.pop()
            if toks:
                got.append((toks[0].start, toks[-1].end, t))
        # re-base onto a sentence of its own text (offsets relative to the sentence)
        out.append(TaggedSentence(sent, got))
    return out


_WORDY = re.compile(r"\w")


def _wordy(tok: str) -> bool:
    return bool(_WORDY.search(tok))


def load_corpus(
    paths: Iterable[Path | str], column: int = -1, mapping: dict[str, str] | None = None
) -> list[TaggedSentence]:
    out: list[TaggedSentence] = []
    for p in paths:
        for words in read_columns(p, column):
            out.extend(retokenize(words, mapping))
    return out


def anercorp(data_dir: Path | str | None = None, split: str = "test") -> list[TaggedSentence]:
    """ANERcorp in rasd tokenisation: ``train`` (first 90%), ``dev`` (last 10% of train), ``test``."""
    d = Path(data_dir) if data_dir else default_data_dir()
    if split == "test":
        return load_corpus([d / ANERCORP_TEST])
    sents = load_corpus([d / ANERCORP_TRAIN])
    cut = int(len(sents) * (1 - DEV_FRACTION))
    if split == "train":
        return sents[:cut]
    if split == "dev":
        return sents[cut:]
    if split == "all-train":
        return sents
    raise ValueError(f"unknown ANERcorp split {split!r}")


def aqmar(data_dir: Path | str | None = None) -> list[TaggedSentence]:
    """All 28 AQMAR articles (Wikipedia; MIS0-3 -> MISC)."""
    d = Path(data_dir) if data_dir else default_data_dir()
    return load_corpus(sorted((d / "aqmar").glob("*.txt")))


def wojood(data_dir: Path | str | None = None, files: tuple[str, ...] = ("train", "val", "test")) -> list[TaggedSentence]:
    """The public Wojood sample, outer layer, mapped to PER/ORG/LOC (see :data:`WOJOOD_MAP`)."""
    d = Path(data_dir) if data_dir else default_data_dir()
    return load_corpus([d / "wojood_sample" / f"{f}.txt" for f in files], column=1, mapping=WOJOOD_MAP)


def to_stanza_json(sents: Iterable[TaggedSentence]) -> list[list[dict[str, str]]]:
    """Stanza ner_tagger's training format: a list of sentences of {text, ner} (BIO)."""
    return [
        [{"text": tok.text, "ner": tag} for tok, tag in zip(ts.sentence.tokens, ts.tags())]
        for ts in sents
        if ts.sentence.tokens
    ]
