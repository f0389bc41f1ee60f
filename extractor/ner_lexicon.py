"""A dictionary pass after the NER tagger: entity strings of the tagger's own training data.

The bundled tagger misses some names it was trained on (a name seen twice, long organisation names, a
name after a clitic). This pass reads a small dictionary, ``data/models/ner_lexicon.tsv``, built from the
entity strings of the ANERcorp **train** split's first 90% (the tagger's own training sentences; never the
dev or test sentences) by :func:`build`:

- a string (its tokens, in rasd tokenisation) is kept when it was an entity at least ``MIN_SEEN`` times,
  with the same type in at least ``MIN_PURITY`` of them;
- and when at least ``MIN_ENTITY_RATE`` of its occurrences in the training text are that entity (a word
  that is usually an ordinary word, such as ``العربي``, is left out).

At run time (:meth:`NerLexicon.retag`), in each sentence the longest dictionary strings are found first
(non-overlapping; the first token may carry the proclitics ``و ف ب ل ك`` and ``لل`` for ``ال``, the way
ANERcorp tokens keep them attached: ``وبغداد``), and a match

- **fills** tokens the tagger left O (all of them O),
- **extends** the tagger's span(s) of the same type that lie inside it (``الامم`` -> ``الامم المتحده``),
- **relabels** a span the tagger found with exactly those tokens but another type;

a match that cuts through a longer tagger span is left alone. The rules were chosen on ANERcorp dev (the
last 10% of the train split) and scored once on test; the figures and what else was tried are in the
model card (``data/models/README.md``). ``RASD_NER_LEXICON=0`` turns the pass off.

The project's actor lexicon (``actors.yaml``) and the gazetteer were measured as sources too and left out:
ANERcorp marks ``حماس`` in ``حركه حماس`` and ``حزب الله`` in ``حزب الله اللبناني`` (the actor aliases are the
longer forms), and country/province names the tagger already finds (model card, "what was tried").

    python -m extractor.ner_lexicon --write     # rebuild data/models/ner_lexicon.tsv from ../shared/data
"""

from __future__ import annotations

import functools
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

LEXICON_FILE = Path(__file__).resolve().parent / "data" / "models" / "ner_lexicon.tsv"

MIN_SEEN = 2  # times the string was an entity in the training split
MIN_PURITY = 0.9  # share of those with its most common type
MIN_ENTITY_RATE = 0.7  # share of the string's occurrences in the training text that are that entity

# What is left of a token after a proclitic (see _clitics) must keep MIN_STEM characters.
MIN_STEM = 3

TYPES = ("PER", "LOC", "ORG", "MISC")


def enabled() -> bool:
    """False when ``RASD_NER_LEXICON`` is 0/false/no/off."""
    return os.environ.get("RASD_NER_LEXICON", "1").strip().lower() not in ("0", "false", "no", "off")


@functools.cache
def _clitics() -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The proclitics a dictionary string's first token may carry (``ner_token`` of data/clitics.yaml, read on
    first use): their one-letter parts, the forms longest first, and the forms before an article written
    ``لل`` (``لل``، ``ولل``: ``ل`` + ``ال``, so ``للامم`` is ``ل`` + ``الامم``), longest first."""
    from .phrases import proclitics

    p = proclitics("ner_token")
    forms = tuple(sorted((f for f in p.forms if f), key=len, reverse=True))
    article = tuple(sorted((f + "ل" for f in p.before_ll), key=len, reverse=True))
    return p.letters, forms, article


def _stems(tok: str) -> list[str]:
    """``tok`` and what is left of it after each proclitic it may carry (see :func:`_clitics`)."""
    out = [tok]
    letters, forms, article = _clitics()
    if tok[:1] in letters:
        for p in article:
            if tok.startswith(p) and len(tok) - len(p) >= MIN_STEM:
                out.append("ال" + tok[len(p):])
        for p in forms:
            if tok.startswith(p) and len(tok) - len(p) >= MIN_STEM:
                out.append(tok[len(p):])
    return out


class NerLexicon:
    """Dictionary strings (tuples of tokens) -> entity type, and the pass over tagged sentences."""

    def __init__(self, entries: dict[tuple[str, ...], str], source: str = ""):
        self.entries = dict(entries)
        self.source = source
        first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for k in self.entries:
            first[k[0]].append(k)
        for v in first.values():
            v.sort(key=len, reverse=True)
        self._first = dict(first)
        self._starting: dict[str, tuple[tuple[str, ...], ...]] = {}  # token -> the entries it may start (memo)

    def __len__(self) -> int:
        return len(self.entries)

    def counts(self) -> dict[str, int]:
        """Entries per type."""
        return dict(sorted(Counter(self.entries.values()).items()))

    def _hits(self, toks: Sequence[str]) -> list[tuple[int, int, tuple[str, ...]]]:
        """Every ``(first, end, entry)`` where an entry's tokens stand at ``toks[first:end]``."""
        starting = self._starting
        hits = []
        for i, tok in enumerate(toks):
            ks = starting.get(tok)
            if ks is None:
                ks = self._entries_starting(tok)
            for k in ks:
                n = len(k)
                if n == 1 or tuple(toks[i + 1 : i + n]) == k[1:]:
                    hits.append((i, i + n, k))
        return hits

    def _entries_starting(self, tok: str) -> tuple[tuple[str, ...], ...]:
        """The entries whose first token is ``tok`` or one of its stems (:func:`_stems`), in the order
        ``_hits`` tries them: stem by stem, longest entry first; kept per token (bounded: tokens repeat)."""
        first = self._first
        ks = tuple(k for stem in _stems(tok) for k in first.get(stem, ()))
        if len(self._starting) > 200_000:
            self._starting.clear()
        self._starting[tok] = ks
        return ks

    def matches(self, toks: Sequence[str]) -> list[tuple[int, int, str]]:
        """``(first, end, type)`` token spans (``end`` exclusive) of dictionary strings in ``toks``: the
        non-overlapping ones, longest first (then leftmost)."""
        hits = self._hits(toks)
        if not hits:
            return []
        hits.sort(key=lambda h: (h[0] - h[1], h[0]))
        used = [False] * len(toks)
        out = []
        for a, b, k in hits:
            if not any(used[a:b]):
                used[a:b] = [True] * (b - a)
                out.append((a, b, self.entries[k]))
        out.sort()
        return out

    def apply(self, toks: Sequence[str], spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The tagger's ``(first, end, type)`` token spans (``end`` exclusive) after the dictionary pass."""
        hits = self.matches(toks)
        if not hits:
            return list(spans)
        owner: list[int | None] = [None] * len(toks)
        for n, (a, b, _t) in enumerate(spans):
            for x in range(a, b):
                owner[x] = n
        drop: set[int] = set()
        add = []
        for a, b, typ in hits:
            inside = {owner[x] for x in range(a, b) if owner[x] is not None}
            if not inside:  # fill: the tagger said O on all of it
                add.append((a, b, typ))
                continue
            found = [spans[n] for n in inside]
            if any(s[0] < a or s[1] > b for s in found):  # it cuts through a longer span: the tagger's stands
                continue
            if len(found) == 1 and found[0][:2] == (a, b):
                if found[0][2] != typ:  # relabel
                    drop |= inside
                    add.append((a, b, typ))
                continue
            if all(s[2] == typ for s in found):  # extend the tagger's shorter span(s) of that type
                drop |= inside
                add.append((a, b, typ))
        if not add:
            return list(spans)
        return sorted([s for n, s in enumerate(spans) if n not in drop] + add)

    def retag(self, batch: Sequence[Sequence[str]], tag_lists: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIOES tags of each sentence of ``batch`` (token texts) after the dictionary pass."""
        from .ner import _spans

        out = []
        for toks, tags in zip(batch, tag_lists):
            spans = [(a, b + 1, t) for a, b, t in _spans(tags)]
            new = self.apply(toks, spans)
            if new == spans:
                out.append(list(tags))
                continue
            row = ["O"] * len(toks)
            for a, b, t in new:
                if b - a == 1:
                    row[a] = "S-" + t
                else:
                    row[a] = "B-" + t
                    for x in range(a + 1, b - 1):
                        row[x] = "I-" + t
                    row[b - 1] = "E-" + t
            out.append(row)
        return out


def read(path: Path | str = LEXICON_FILE) -> NerLexicon:
    """The dictionary in ``path`` (``type<TAB>string<TAB>...``; ``#`` comments; tokens split by spaces)."""
    entries = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            typ, text = parts[0], parts[1]
            if typ not in TYPES:
                raise ValueError(f"{path}: unknown entity type {typ!r} in {line!r}")
            entries[tuple(text.split(" "))] = typ
    return NerLexicon(entries, str(path))


_DEFAULT: NerLexicon | None = None


def load_default() -> NerLexicon | None:
    """The shipped dictionary (read once), or None when the pass is off (``RASD_NER_LEXICON=0``) or the
    file is missing."""
    global _DEFAULT
    if not enabled():
        return None
    if _DEFAULT is None:
        if not LEXICON_FILE.exists():
            return None
        _DEFAULT = read(LEXICON_FILE)
    return _DEFAULT


def _token_spans(ts) -> list[tuple[int, int, str]]:
    """A TaggedSentence's gold spans as ``(first, end, type)`` token spans."""
    toks = ts.sentence.tokens
    st = {t.start: i for i, t in enumerate(toks)}
    en = {t.end: i for i, t in enumerate(toks)}
    return [(st[s], en[e] + 1, t) for s, e, t in ts.spans if s in st and e in en]


def build(sents: Iterable, min_seen: int = MIN_SEEN, min_purity: float = MIN_PURITY,
          min_rate: float = MIN_ENTITY_RATE) -> tuple[NerLexicon, dict]:  # fmt: skip
    """The dictionary of tagged sentences (``extractor.ner_corpus.TaggedSentence``), and per string
    ``(type, seen as entity, purity, entity rate)`` for the strings kept."""
    sents = list(sents)
    labels: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for ts in sents:
        toks = [t.text for t in ts.sentence.tokens]
        for a, b, t in _token_spans(ts):
            labels[tuple(toks[a:b])][t] += 1
    cand = NerLexicon({k: c.most_common(1)[0][0] for k, c in labels.items()})
    occ: Counter = Counter()
    gold_occ: Counter = Counter()
    for ts in sents:
        toks = [t.text for t in ts.sentence.tokens]
        gold = {(a, b) for a, b, _t in _token_spans(ts)}
        for i, j, k in cand._hits(toks):
            occ[k] += 1
            gold_occ[k] += (i, j) in gold
    keep, info = {}, {}
    for k, c in labels.items():
        n = sum(c.values())
        typ, tn = c.most_common(1)[0]
        rate = gold_occ[k] / occ[k] if occ[k] else 0.0
        if n >= min_seen and tn / n >= min_purity and rate >= min_rate:
            keep[k] = typ
            info[k] = (typ, n, tn / n, rate)
    return NerLexicon(keep), info


HEADER = """\
# The NER dictionary pass's strings (extractor/ner_lexicon.py): type<TAB>tokens (rasd tokenisation,
# normalised)<TAB>times an entity in the training split<TAB>share of its occurrences there that are that entity.
# Built by `python -m extractor.ner_lexicon --write` from the entity strings of the ANERcorp train split's
# first 90% (the bundled tagger's own training sentences; never its dev or test sentences): strings seen as an
# entity >= {min_seen} times, with one type in >= {purity:.0%} of them, and that entity in >= {rate:.0%} of
# their occurrences in that text.
# Source: ANERcorp (Benajiba & Rosso 2007; CAMeL Lab re-release, Obeid et al. 2020), CC BY-SA 4.0: this
# file is a derived work under the same licence.
"""


def write(path: Path | str = LEXICON_FILE, data_dir=None) -> NerLexicon:
    """Rebuild the shipped dictionary from ``data_dir`` (default ``../shared/data``)."""
    from .ner_corpus import anercorp

    lex, info = build(anercorp(data_dir, "train"))
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER.format(min_seen=MIN_SEEN, purity=MIN_PURITY, rate=MIN_ENTITY_RATE))
        for k in sorted(info, key=lambda k: (info[k][0], " ".join(k))):
            typ, n, _pur, rate = info[k]
            f.write(f"{typ}\t{' '.join(k)}\t{n}\t{rate:.2f}\n")
    return lex


def main(argv: list[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description="Rebuild the NER dictionary pass's strings.")
    ap.add_argument("--write", action="store_true", help=f"write {LEXICON_FILE.name}")
    ap.add_argument("--data", type=Path, default=None, help="shared data dir (default $RASD_DATA or ../shared/data)")
    ap.add_argument("--out", type=Path, default=LEXICON_FILE)
    a = ap.parse_args(argv)
    if not a.write:
        ap.error("nothing to do: pass --write")
    lex = write(a.out, a.data)
    print(f"{a.out}: {len(lex)} strings {lex.counts()}")


if __name__ == "__main__":  # pragma: no cover
    main()
