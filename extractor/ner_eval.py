"""Entity-level NER scoring (exact span and type, CoNLL style) and the standard evaluations.

A predicted entity counts as correct only when its start, end and type all equal
those of a gold entity. Precision, recall and F1 are reported per type and
micro-averaged over all types, as percentages.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Span = tuple[int, int, str]  # (start, end, type)


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return 100.0 * self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return 100.0 * self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 2), "recall": round(self.recall, 2), "f1": round(self.f1, 2),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "support": self.tp + self.fn}  # fmt: skip


def score_spans(
    gold: Iterable[Iterable[Span]], pred: Iterable[Iterable[Span]], types: Sequence[str] | None = None
) -> dict[str, PRF]:
    """Per-type and ``"micro"`` counts over paired lists of sentences' spans.

    With ``types``, spans of other types are ignored on both sides (e.g. MISC
    predictions when the gold standard has no MISC).
    """
    by: dict[str, PRF] = {}
    for g_sent, p_sent in zip(gold, pred, strict=True):
        g = Counter(s for s in g_sent if types is None or s[2] in types)
        p = Counter(s for s in p_sent if types is None or s[2] in types)
        for s in set(g) | set(p):
            prf = by.setdefault(s[2], PRF())
            tp = min(g[s], p[s])
            prf.tp += tp
            prf.fp += p[s] - tp
            prf.fn += g[s] - tp
    for t in types or ():
        by.setdefault(t, PRF())
    micro = PRF(sum(x.tp for x in by.values()), sum(x.fp for x in by.values()), sum(x.fn for x in by.values()))
    out = {t: by[t] for t in sorted(by)}
    out["micro"] = micro
    return out


def evaluate_model(model, sents, types: Sequence[str] | None = None) -> dict:
    """Score ``model`` (a :class:`extractor.ner.NerModel`) on :class:`TaggedSentence` s."""
    t0 = time.perf_counter()
    pred = model.annotate([ts.sentence for ts in sents])
    secs = time.perf_counter() - t0
    pred_spans = [[(e.start, e.end, e.type) for e in ents] for ents in pred]
    res = score_spans([ts.spans for ts in sents], pred_spans, types)
    tokens = sum(len(ts.sentence.tokens) for ts in sents)
    out = {
        "sentences": len(sents),
        "tokens": tokens,
        "seconds": round(secs, 2),
        "scores": {k: v.as_dict() for k, v in res.items()},
    }
    lex = getattr(model, "lexicon", None)
    if lex is not None:
        out["in_lexicon"] = lexicon_coverage(sents, lex, types)
    return out


def lexicon_coverage(sents, lexicon, types: Sequence[str] | None = None) -> dict:
    """How many gold entities (per type and ``"all"``) are a string of the NER dictionary pass
    (:class:`extractor.ner_lexicon.NerLexicon`) with that type, found at exactly their tokens: the part of
    a score the dictionary can owe to strings it has seen (ANERcorp train and test are the same newswire)."""
    from .ner_lexicon import _token_spans

    by: dict[str, list[int]] = {}
    for ts in sents:
        toks = [t.text for t in ts.sentence.tokens]
        found = set(lexicon.matches(toks))
        for a, b, t in _token_spans(ts):
            if types is not None and t not in types:
                continue
            for key in (t, "all"):
                c = by.setdefault(key, [0, 0])
                c[0] += (a, b, t) in found
                c[1] += 1
    return {k: {"in": v[0], "of": v[1], "share": round(100.0 * v[0] / v[1], 2) if v[1] else 0.0}
            for k, v in sorted(by.items())}  # fmt: skip


DATASETS = {
    "anercorp-test": "ANERcorp test split (in-domain news; CAMeL-style split, rasd tokenisation), PER/LOC/ORG/MISC",
    "anercorp-dev": "ANERcorp dev (last 10% of the train split; used for early stopping)",
    "aqmar": "AQMAR (28 Arabic Wikipedia articles, out-of-domain), MIS0-3 -> MISC, PER/LOC/ORG/MISC; the "
    "bundled vectors leave out AQMAR's text and the arwiki articles that overlap it",
    "wojood": "Wojood public sample (train+val+test), outer layer, PERS->PER, ORG->ORG, GPE/LOC/FAC->LOC, "
    "other types dropped; MISC predictions ignored (out-of-domain)",
}


def load_dataset(name: str, data_dir=None):
    """(sentences, types-to-score) for one of :data:`DATASETS`."""
    from . import ner_corpus as nc

    if name == "anercorp-test":
        return nc.anercorp(data_dir, "test"), None
    if name == "anercorp-dev":
        return nc.anercorp(data_dir, "dev"), None
    if name == "aqmar":
        return nc.aqmar(data_dir), None
    if name == "wojood":
        return nc.wojood(data_dir), ("PER", "LOC", "ORG")
    raise ValueError(f"unknown evaluation set {name!r} (choose from {', '.join(DATASETS)})")


def run_evaluations(model, names: Sequence[str] = ("anercorp-test", "wojood"), data_dir=None) -> dict:
    """Evaluate ``model`` on each named data set; a set whose files are missing is reported as such."""
    out = {}
    for name in names:
        try:
            sents, types = load_dataset(name, data_dir)
        except FileNotFoundError as e:
            out[name] = {"error": f"data not found: {e.filename}"}
            continue
        r = evaluate_model(model, sents, types)
        r["description"] = DATASETS[name]
        out[name] = r
    return out


def sentences_from_stanza_json(path) -> list:
    """TaggedSentences from a Stanza NER json file (tokens joined by single spaces)."""
    import json

    from .ner_corpus import TaggedSentence
    from .segment import Sentence, Token

    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    out = []
    pos = 0
    for sent in data:
        toks, spans, cur = [], [], None
        start = pos
        for w in sent:
            tok = Token(w["text"], pos, pos + len(w["text"]))
            pos = tok.end + 1
            toks.append(tok)
            tag = w["ner"]
            if tag == "O" or tag[0] in "BS" or cur is None or cur[2] != tag[2:]:
                if cur:
                    spans.append(tuple(cur))
                cur = None if tag == "O" else [tok.start, tok.end, tag[2:]]
            else:
                cur[1] = tok.end
            if tag[0] in "ES" and cur:
                spans.append(tuple(cur))
                cur = None
        if cur:
            spans.append(tuple(cur))
        text = " ".join(t.text for t in toks)
        out.append(TaggedSentence(Sentence(start, start + len(text), text, toks, len(out)), spans))
        pos += 1
    return out
