"""The pipeline, top to bottom: read -> normalise -> segment -> NER -> templates
-> resolve -> assemble (decide, cluster, place) -> rows.

Expensive things (the Stanza model, the gazetteer, the actor dictionary, the
trigger automaton) load once per :class:`Pipeline` and are reused for every
article. With ``prefilter`` on (the default), NER runs only on sentences that
carry a trigger phrase — the only ones whose entities can reach a row.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from .document import Article, Doc
from .assemble import assemble
from .context import article_context
from .mentions import find_mentions
from .record import Event
from .resolve.actors import ActorLexicon
from .resolve.places import Gazetteer
from .rows import content_hash, to_event
from .templates import Rejection, TemplateSet


@dataclass
class Timings:
    """Seconds spent per stage, summed over articles (for bench/ and --verbose)."""

    load: float = 0.0
    segment: float = 0.0
    ner: float = 0.0
    rules: float = 0.0
    articles: int = 0
    tokens: int = 0
    ner_sentences: int = 0
    sentences: int = 0

    def as_dict(self) -> dict[str, float]:
        return dict(self.__dict__)


@dataclass
class Result:
    article: Article
    events: list[Event]
    doc: Doc
    rejected: list[Rejection] = field(default_factory=list)


class Pipeline:
    """Extract ACLED-style events from articles. Build once, call many times."""

    def __init__(self, ner: str | None = "bundled", *, prefilter: bool = True, cache_dir: str | None = None):
        t0 = time.perf_counter()
        self.timings = Timings()
        self.templates = TemplateSet.load()
        self.gazetteer = Gazetteer.load()
        self.lexicon = ActorLexicon.load()
        self.ner = None
        if ner not in (None, "none"):
            from .ner import load_ner

            self.ner = load_ner(ner, cache_dir=cache_dir)
        self.prefilter = prefilter
        self.timings.load = time.perf_counter() - t0

    def process(self, article: Article, *, explain: bool = False) -> Result:
        """All events of one article."""
        return self.process_many([article], explain=explain)[0]

    def process_many(self, articles: list[Article], *, explain: bool = False) -> list[Result]:
        """All events of several articles, in order.

        The NER runs once over the trigger sentences of all of them: Stanza's cost is
        mostly per call, so a batch of articles is several times faster than one by one.
        """
        t = self.timings
        t0 = time.perf_counter()
        docs = [Doc.from_article(a) for a in articles]
        t1 = time.perf_counter()
        todo: list[tuple[Doc, object]] = []
        for doc in docs:
            doc.entities = [[] for _ in doc.sentences]
            if self.ner is not None:
                todo += [(doc, s) for s in doc.sentences if not self.prefilter or self.templates.has_trigger(s.text)]
        if todo:
            for (doc, s), ents in zip(todo, self.ner.annotate([s for _, s in todo])):
                doc.entities[s.index] = ents
        t.ner_sentences += len(todo)
        t2 = time.perf_counter()
        results = []
        for article, doc in zip(articles, docs):
            rejected: list[Rejection] | None = [] if explain else None
            ctx = article_context(doc, self.gazetteer, self.lexicon)  # article-level facts, once
            mentions = find_mentions(doc, self.templates, self.gazetteer, self.lexicon, rejected=rejected, ctx=ctx)
            merged = assemble(mentions, doc, ctx, rejected)  # mentions -> events (decide, cluster, place)
            h = content_hash(article.text)
            results.append(Result(article, [to_event(m, doc, h) for m in merged], doc, rejected or []))
            t.sentences += len(doc.sentences)
            t.tokens += sum(len(s.tokens) for s in doc.sentences)
        t3 = time.perf_counter()
        t.segment += t1 - t0
        t.ner += t2 - t1
        t.rules += t3 - t2
        t.articles += len(articles)
        return results

    def entities(self, article: Article) -> list[dict]:
        """NER spans of every sentence (no prefilter), with original offsets."""
        doc = Doc.from_article(article)
        if self.ner is None:
            return []
        out = []
        for sent, ents in zip(doc.sentences, self.ner.annotate(doc.sentences)):
            for e in ents:
                s, en = doc.original_span(e.start, e.end)
                out.append(
                    {"article_id": article.id, "file": article.path, "type": e.type,
                     "text": article.text[s:en], "start": s, "end": en, "sentence": sent.index}
                )  # fmt: skip
        return out
