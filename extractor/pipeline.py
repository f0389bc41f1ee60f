"""The pipeline, top to bottom: read -> normalise -> segment -> NER -> templates
-> resolve -> assemble (decide, cluster, place) -> rows.

Expensive things (the Stanza model, the gazetteer, the actor dictionary, the
trigger automaton) load once per :class:`Pipeline` and are reused for every
article. With ``prefilter`` on (the default), NER runs only on sentences that
carry a trigger phrase, up to the article's last sentence with a trigger match —
the only ones whose entities can reach a row (see ``Pipeline._ner_sentences``).

The NER model (90% of the start-up) is checked at construction but loaded by the
first batch that has a sentence for it, and the dictionaries by the first batch,
so a run with nothing to do (a cron run over files already done) loads neither.
After each load the long-lived objects are moved out of the garbage collector's
sight (``gc.freeze``): the model and the dictionaries leave hundreds of thousands
of tracked objects that every full collection would walk again, for nothing.
While a batch runs (``process_many``), the collector's first threshold is raised (``_fewer_collections``):
a batch allocates hundreds of thousands of short-lived objects and leaves no cyclic garbage, and with the
default threshold (700) the collector ran ~600 times a pass over the bench sample and walked the long-lived
caches (parsed gazetteer rows, memos) in a few full collections, 0.3-0.7 s of a 10 s pass, for nothing found.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import threading
import time
from dataclasses import dataclass, field

from .document import Article, Doc
from .assemble import assemble
from .context import ArticleContext, article_context, no_trigger_phrase, word_facts, word_facts_and_triggers
from .gate import gate_events
from .mentions import _best, clauses, find_mentions, is_history, place_text_of
from .record import Event
from .resolve.actors import ActorLexicon
from .resolve.places import Gazetteer
from .rows import article_key, outlet, to_event
from .templates import Rejection, TemplateSet


# What a clause is to ``Pipeline._ner_sentences`` (see there and ``Pipeline._scan``).
_READS, _HISTORY, _NO_MATCH, _NOBODY = "reads", "history", "no match", "nobody"


@dataclass
class Timings:
    """Seconds spent per stage, summed over articles (for bench/ and --verbose)."""

    load: float = 0.0
    segment: float = 0.0
    ner: float = 0.0  # includes the model load when a batch triggered it (see ner_load)
    ner_load: float = 0.0
    rules: float = 0.0
    articles: int = 0
    tokens: int = 0  # tokens sent to the NER (a sentence is tokenised only when something reads it)
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

    def __init__(self, ner: str | None = "bundled", *, prefilter: bool = True, cache_dir: str | None = None,
                 device: str = "cpu", gate: bool = True):
        t0 = time.perf_counter()
        self.timings = Timings()
        self._ner_name = None if ner in (None, "none") else ner
        self._ner_model = None
        self._ner_error: Exception | None = None
        self._cache_dir = cache_dir
        self._use_gpu = device == "cuda"  # --device
        if self._ner_name is not None:
            from .ner import check_ner

            check_ner(self._ner_name, cache_dir)  # missing files fail here, before any input is read
        self.prefilter = prefilter
        self.gate = gate  # the learned sentence gate after assembly (extractor/gate.py)
        self.timings.load = time.perf_counter() - t0

    # The dictionaries load on first use too (a run with nothing to do needs none of them), each once.
    @functools.cached_property
    def templates(self) -> TemplateSet:
        return self._load(TemplateSet.load)

    @functools.cached_property
    def gazetteer(self) -> Gazetteer:
        return self._load(Gazetteer.load)

    @functools.cached_property
    def lexicon(self) -> ActorLexicon:
        return self._load(ActorLexicon.load)

    def _load(self, loader):
        t0 = time.perf_counter()
        obj = loader()
        gc.freeze()
        self.timings.load += time.perf_counter() - t0
        return obj

    @property
    def ner(self):
        """The NER model (loaded on first use), or None when the pipeline runs without one."""
        if self._ner_model is None and self._ner_name is not None:
            from .ner import load_ner

            if self._ner_error is not None:  # a model that failed to load fails fast for every later batch
                raise self._ner_error
            t0 = time.perf_counter()
            try:
                self._ner_model = load_ner(self._ner_name, cache_dir=self._cache_dir, use_gpu=self._use_gpu)
            except Exception as e:
                self._ner_error = e
                raise
            gc.freeze()
            self.timings.ner_load += time.perf_counter() - t0
        return self._ner_model

    @ner.setter
    def ner(self, model) -> None:
        self._ner_model = model
        self._ner_name = None if model is None else getattr(model, "name", "custom")

    @property
    def ner_loaded(self) -> bool:
        return self._ner_model is not None

    def process(self, article: Article, *, explain: bool = False) -> Result:
        """All events of one article."""
        return self.process_many([article], explain=explain)[0]

    def process_many(self, articles: list[Article], *, explain: bool = False) -> list[Result]:
        """All events of several articles, in order.

        The NER runs once over the trigger sentences of all of them: Stanza's cost is
        mostly per call, so a batch of articles is several times faster than one by one.
        """
        with _fewer_collections():
            return self._process_many(articles, explain)

    def _process_many(self, articles: list[Article], explain: bool) -> list[Result]:
        t = self.timings
        t0 = time.perf_counter()
        docs = [Doc.from_article(a) for a in articles]
        t1 = time.perf_counter()
        todo: list[tuple[Doc, object]] = []
        matched: dict = {}  # clause -> its trigger matches, as _ner_sentences read them (find_mentions reuses them)
        # article-level facts, once (they read no entity: _ner_sentences uses them to leave out more sentences).
        # An opinion column gives no rows: assemble.decide rejects every mention of it, whatever its places,
        # entities or triggers, and nothing after decide brings a rejected mention back. So unless for --explain
        # (whose rejections list its mentions) nothing past its word facts is read: no context (the places of
        # every sentence), no NER, no mentions (ctx None below). Without the prefilter (--no-prefilter, the
        # reference the prefilter's shortcuts are checked against) everything is read.
        # Likewise an article none of whose clauses has a trigger match that is not old history (seven in ten of
        # the rest on the bench sample): find_mentions makes no mention of it, so it gives no rows either.
        # When skipping, the word facts and each sentence's has_trigger come from one walk over the text
        # (word_facts_and_triggers); an article with no trigger phrase in any sentence (over half of the bench
        # sample) then has no clause with a match (a clause is a piece of its sentence cut at a comma, a
        # non-letter: its hits are hits of the sentence, see _scan) and is read no further; such an article is
        # known by the trigger phrases alone (no_trigger_phrase: no hit in its text), before its word facts.
        skip = self.prefilter and not explain
        ctxs: list[ArticleContext | None] = []
        scans: list = []
        for doc in docs:
            if skip and no_trigger_phrase(doc, self.templates.triggers):
                ctxs.append(None)  # no trigger phrase in any sentence: read no further, its word facts unread
                scans.append(None)
                continue
            trigs = None  # per sentence: has_trigger, when read with the word facts
            if skip:
                f, trigs = word_facts_and_triggers(doc, self.templates.triggers)
            else:
                f = word_facts(doc)
            scan, read = None, True
            if skip and f.opinion:
                read = False
            elif skip and trigs is not None and not any(trigs):
                read = False  # no trigger phrase: every clause is _NO_MATCH (what _scan would find)
            elif skip:
                own: dict = {}  # this article's matches, kept for find_mentions only when it is read further
                scan = self._scan(doc, own, trigs)
                read = any(_READS in kinds for _, _, kinds in scan)
                if read:
                    matched.update(own)
            ctxs.append(article_context(doc, self.gazetteer, self.lexicon, f) if read else None)
            scans.append(scan)
        t_ctx = time.perf_counter() - t1
        for doc, ctx, scan in zip(docs, ctxs, scans):
            doc.entities = [[] for _ in doc.sentences]
            if self._ner_name is None or ctx is None:
                continue
            if not self.prefilter:
                todo += [(doc, s) for s in doc.sentences]
            else:  # an opinion column comes here only for --explain (its mentions' rejections): tagged then
                todo += [(doc, s) for s in self._ner_sentences(doc, matched, ctx, scan)]
        if todo:
            for (doc, s), ents in zip(todo, self.ner.annotate([s for _, s in todo])):
                doc.entities[s.index] = ents
            t.tokens += sum(len(s.tokens) for _, s in todo)
        t.ner_sentences += len(todo)
        t2 = time.perf_counter()
        results = []
        templates = _Matched(self.templates, matched) if matched and not explain else self.templates
        for article, doc, ctx in zip(articles, docs, ctxs):
            t.sentences += len(doc.sentences)
            if ctx is None:  # an opinion column or no clause with matches, not for --explain: no rows (see above)
                results.append(Result(article, [], doc, []))
                continue
            rejected: list[Rejection] | None = [] if explain else None
            mentions = find_mentions(doc, templates, self.gazetteer, self.lexicon, rejected=rejected, ctx=ctx)
            merged = assemble(mentions, doc, ctx, rejected)  # mentions -> events (decide, cluster, place)
            if self.gate:
                merged = gate_events(merged, doc, rejected)  # the learned gate: evidence that reads as no event
            h = article_key(article.text, outlet(article))  # ids: text and outlet (extractor.keys)
            results.append(Result(article, [to_event(m, doc, h) for m in merged], doc, rejected or []))
        t3 = time.perf_counter()
        t.segment += t1 - t0
        t.ner += t2 - t1 - t_ctx
        t.rules += t3 - t2 + t_ctx
        t.articles += len(articles)
        return results

    def _scan(self, doc: Doc, matched: dict | None = None, trigs: list[bool] | None = None) -> list[tuple[bool, list, list]]:
        """Per sentence of ``doc``: (``has_trigger``, its clauses, each clause's kind: ``_READS``, ``_HISTORY`` or
        ``_NO_MATCH``), the trigger matches read as ``find_mentions`` reads them (``matched``, when given, keeps
        them by clause). A sentence without a clause cut is its own only clause and has no match unless
        ``has_trigger`` found a phrase in it (the same scan): it is not matched again. ``trigs``: each sentence's
        ``has_trigger``, when the caller has read them (``word_facts_and_triggers``).

        A clause (``mentions.clauses``) is its sentence's text from the start or a comma to the next comma or the
        end: a trigger hit in it is decided by letters up to those non-letters, as in the whole sentence, so a
        sentence without a trigger phrase has no clause with a match either.

        A clause is NOBODY rather than READS when its mention is None whatever the tagger says
        (:meth:`_no_participant`): then it counts as neither a clause that reads entities or the place talked
        about, nor one that sets it (as HISTORY does), and an article whose clauses with matches are all such
        gives no rows (it is read no further, as one without matches)."""
        templates = self.templates
        has, match = templates.has_trigger, templates.match_sentence
        published = doc.article.published
        out = []
        for i, s in enumerate(doc.sentences):
            if trigs is None:
                trig = has(s.text)
            else:
                trig = trigs[i]
                if not trig:
                    templates.note_no_trigger(s.text)  # as has_trigger does (speed only)
            parts = clauses(s)
            # per clause: READS (matches, not history: find_mentions reads its entities and last_place),
            # HISTORY (matches dated well before the news: rejected before anything is read, last_place untouched),
            # NOBODY (matches, but no mention whatever the entities: see _no_participant) or NO_MATCH (its
            # entities, when tagged, may set last_place)
            kinds = [_NO_MATCH] * len(parts)
            if trig or len(parts) > 1 or parts[0] is not s:
                for j, c in enumerate(parts):
                    got = match(c, None)
                    if matched is not None:
                        matched[(c.text, c.start, c.index)] = tuple(got)
                    if got:
                        kinds[j] = (_HISTORY if is_history(c, published) else
                                    _NOBODY if self._no_participant(c, got) else _READS)
            out.append((trig, parts, kinds))
        return out

    def _no_participant(self, c, matches: list) -> bool:
        """Whether ``find_mentions`` makes no mention of the clause ``c`` with trigger matches ``matches`` (not
        history), whatever the tagger says: its best match (``_best``, as ``find_mentions`` picks it) needs a
        participant of some kind (``needs_actor``) and the actor dictionary can find no one in the clause,
        whatever the entities and the event's country (``ActorLexicon.names_no_one``). ``_build`` then finds no
        actor at all and returns None at its first test; ``find_mentions`` goes on to the next clause without
        setting the place talked about, and the rejection ``--explain`` lists names only the match. The entities
        read on the way (the clause's place text and LOC spans, its ORG and PER spans for the actors) feed only
        that mention: so its sentence need not be tagged for it (on the bench sample 50 clauses, 1,706 of the
        29,061 tagged tokens). The place talked about that the walk back sets when this clause comes is read only
        by a later clause with matches, as ``_ner_sentences`` counts it."""
        if not any(m.template.needs_actor for m in matches):
            return False  # the best one needs none either (cheap: most clauses stop here; _best reads dates)
        return self.lexicon.names_no_one(c.text) and bool(_best(matches, c).template.needs_actor)

    def _ner_sentences(self, doc: Doc, matched: dict | None = None, ctx: ArticleContext | None = None,
                       scan: list | None = None) -> list:
        """The sentences whose entities can reach a row: those with a trigger phrase (``has_trigger``), up to
        the last sentence that has a trigger match (``match_sentence`` on one of its clauses), less those whose
        place talked about a later sentence overwrites before any clause with matches reads it (``ctx``: the
        article's context, when given).

        ``find_mentions`` reads a clause's entities for its own event when it has matches, and otherwise only
        to update the place talked about (``last_place``), which only a later clause with matches reads. So
        after the last sentence with a match, no entity is read: those sentences are not tagged (a quarter of
        the trigger sentences' tokens on the bench sample; rows identical). A sentence without a clause cut
        is its own only clause and has no match unless ``has_trigger`` found a phrase in it (the same scan);
        a sentence that is cut is checked clause by clause. ``matched`` (when given) keeps the matches read, by
        clause (:class:`_Matched`).

        Likewise before it: a clause with no match that is never tagged (its sentence has no trigger phrase)
        and names a plausible place sets ``last_place`` from its text alone, the same with or without NER; the
        trigger sentences with no match before it and after the previous clause with matches only set a value
        it overwrites (another ~6% of the tokens on the bench sample).

        A clause whose matches are dated well before the news (``mentions.is_history``) is rejected by
        ``find_mentions`` before it reads its entities or the place talked about, and sets none: it counts as
        neither a clause with matches nor one without (41,576 -> 38,910 tokens on the bench sample; rows
        identical). ``_process_many`` tags no sentence of an opinion column (no rows, whatever its entities)
        unless for ``--explain``. ``scan``: the article's :meth:`_scan`, when the caller has it.

        What is left is exact for the readers of entities (``find_mentions`` is the only one: ``place_text_of``
        blanks PER spans, ``_place_slot`` reads LOC spans, the actors ORG and PER spans; rows, ``--explain``,
        assembly and the gate read the mentions, never ``doc.entities``), with one over-approximation: a
        trigger sentence with no match before a clause with matches (142 sentences, 4,885 of the 29,061 tagged
        tokens on the bench sample) is tagged because its person names may change the place talked about. Of
        those, ``find_mentions`` reads 123 (its walk back stops at the first clause naming a plausible place),
        and the place they set is read in the end for 52 (1,789 tokens): the others are followed by a clause
        with matches that names its own place and builds its mention, which overwrites ``last_place``. But
        that is known only from the later clause's own entities (is its place named? is a participant
        found?), so leaving them out needs a second tagging call after the first: measured with exactly the
        52 in a second call per batch, NER time went up (x1.03, 7 interleaved passes; a call costs a chain of
        steps however few its sentences). A test before tagging that holds for every tagging (the clause has
        no gazetteer candidate at all, so blanking words can make none) covers 7 sentences (51 tokens). So
        they are tagged (bench/README.md, round 16).
        """
        sents = doc.sentences
        scan = self._scan(doc, matched) if scan is None else scan
        keep: list = []
        dead = True  # whether the place talked about set here is overwritten before any clause with matches reads it
        for i in range(len(sents) - 1, -1, -1):
            s = sents[i]
            trig, parts, kinds = scan[i]
            if trig and (_READS in kinds or (not dead and _NO_MATCH in kinds)):
                keep.append(s)
            if ctx is None:
                dead = dead and _READS not in kinds  # no context: everything up to the last clause that reads
                continue
            for c, k in zip(reversed(parts), reversed(kinds)):
                if k is _READS:
                    dead = False  # find_mentions reads last_place here
                elif k is _NO_MATCH and not trig and not dead and self._sets_place(c, ctx):
                    dead = True
        keep.reverse()
        return keep

    def _sets_place(self, c, ctx: ArticleContext) -> bool:
        """Whether ``find_mentions`` sets ``last_place`` at the untagged clause ``c`` that has no match (the same
        reading: no entities, the article's focus, plausible places)."""
        return any(ctx.plausible(p) for p in self.gazetteer.find(place_text_of(c, []), c.start,
                                                                  context_country=ctx.focus_country))

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


#: the collector's first threshold while a batch runs (Python's default is 700): a collection every 20,000
#: allocations of tracked objects more than deallocations, so cyclic garbage still goes, a little later
GC_BATCH_THRESHOLD = 20_000
_GC_LOCK = threading.Lock()
_gc_state: list = [0, None]  # batches running (threads), the thresholds to restore when the last ends (None: none)


@contextlib.contextmanager
def _fewer_collections():
    """The garbage collector's first threshold raised to ``GC_BATCH_THRESHOLD`` for the duration (unless set
    higher, or to 0: collection off), then set back. Nothing but the timing of collections changes: objects
    freed by reference counting go at once as before, and cycles are still collected."""
    with _GC_LOCK:
        if _gc_state[0] == 0:
            old = gc.get_threshold()
            _gc_state[1] = old if 0 < old[0] < GC_BATCH_THRESHOLD else None
            if _gc_state[1] is not None:
                gc.set_threshold(GC_BATCH_THRESHOLD, *old[1:])
        _gc_state[0] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _gc_state[0] -= 1
            if _gc_state[0] == 0 and _gc_state[1] is not None:
                gc.set_threshold(*_gc_state[1])
                _gc_state[1] = None


class _Matched:
    """The trigger set as ``find_mentions`` reads it, answering ``match_sentence`` for the clauses whose matches
    ``Pipeline._ner_sentences`` has read already (a pure function of the clause's text, offset and index),
    once each: a clause read again (a second article with the same sentence at the same place) is scanned afresh; everything else, and any call that collects rejections,
    goes to the trigger set itself."""

    def __init__(self, templates: TemplateSet, matched: dict):
        self._templates, self._matched = templates, matched

    def match_sentence(self, sent, rejected=None):
        if rejected is None:
            got = self._matched.pop((sent.text, sent.start, sent.index), None)  # each match object read once
            if got is not None:
                return list(got)
        return self._templates.match_sentence(sent, rejected)

    def __getattr__(self, name):
        return getattr(self._templates, name)
