"""Article-level facts, computed once per article and read by every event decision.

A sentence alone often cannot say what it reports: "اشتباكات بين الأمن والمتظاهرين" is a
riot only because the article is about a demonstration; "قتل ثلاثة" happened where the article
is; a town name that also exists in another country is that other town only if the article
talks about that country at all. :func:`article_context` gathers those facts:

* ``focus_country``: the country the article is mostly about (gazetteer counts);
* ``countries``: the countries the article names as countries or names two places of (a single
  place in any other country is a homonym: "عمان" the capital, not a village in Syria);
* ``main_place``: the place below country level its lead (first three sentences) names most
  (first on ties), in the focus country: an event with no place of its own inherits it;
* ``protest`` / ``battle``: whether the article is about a demonstration (protest words in two
  sentences, or in the headline) / about fighting (battle words in two sentences);
* ``opinion``: whether it reads as an opinion column, sermon or analysis (long, few reporting words);
* ``published`` and ``date_precision`` (1 day, 3 month; None without a publication date).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

import yaml

from .document import Doc
from .normalize import normalize_key
from .phrases import PhraseGroups, PhraseMatcher
from .resolve.places import Gazetteer, Place
from .rules_schema import load_yaml
from .segment import Sentence

# "مقذوفات من داخل الأراضي اليمنية", "مقيم من الجنسية اليمنية", "مقذوف عسكري من اليمن": a country named right after
# one of place_words.yaml's foreign_heads, or after a fire noun of fire_nouns (one word between) and من, is where the
# fire came from or a nationality, not a country of the news (و or ب glued to the head allowed)
_PLACE_WORDS = load_yaml("place_words.yaml")


def _alternation(words) -> str:
    keys = sorted({normalize_key(w) for w in words or ()}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, k.split())) for k in keys)


_FOREIGN_ALT = _alternation(_PLACE_WORDS.get("foreign_heads"))
_FIRE_ALT = _alternation(_PLACE_WORDS.get("fire_nouns"))
_FOREIGN = tuple(
    re.compile(pattern)
    for pattern, words in (
        (r"(?<!\S)(?:و|ب|وب)?(?:" + _FOREIGN_ALT + r")\s+(\S+)", _FOREIGN_ALT),
        (r"(?<!\S)(?:و|ب)?(?:" + _FIRE_ALT + r")(?:\s+\S+)?\s+من\s+(\S+)", _FIRE_ALT),
    )
    if words
)
_WORD_END = re.compile(r"[^\W\d_]+")


def foreign_spans(text: str, country_of_word) -> list[tuple[int, int]]:
    """Spans of the country words ``text`` names only as the fire's origin or a nationality (see ``_FOREIGN``):
    ``country_of_word(word)`` (:meth:`ActorLexicon.country_of_word`) says which words name a country."""
    out = set()
    for pattern in _FOREIGN:
        for m in pattern.finditer(text):
            w = _WORD_END.match(m.group(1))  # the letters of the word, no comma or dot after it
            if w and country_of_word(w.group()):
                out.add((m.start(1), m.start(1) + w.end()))
    return sorted(out)


def without_foreign_countries(text: str, country_of_word) -> str:
    """``text`` with each country word of :func:`foreign_spans` blanked (spaces: the offsets stay)."""
    for a, b in reversed(foreign_spans(text, country_of_word)):
        text = text[:a] + " " * (b - a) + text[b:]
    return text


class AssemblyDataError(ValueError):
    """``assembly.yaml`` does not have the shape assemble.py and context.py read (names the key)."""


def check_keys(where: str, d: Any, required: set[str], optional: set[str] = frozenset()) -> dict:
    """A mapping with exactly the ``required`` keys and some of the ``optional`` ones, else a clear error."""
    if not isinstance(d, dict):
        raise AssemblyDataError(f"assembly.yaml: {where}: expected a mapping, got {type(d).__name__}")
    missing = required - set(d)
    unknown = set(d) - required - set(optional)
    if missing:
        raise AssemblyDataError(f"assembly.yaml: {where}: missing key(s) {sorted(missing)}")
    if unknown:
        raise AssemblyDataError(f"assembly.yaml: {where}: unknown key(s) {sorted(unknown)}")
    return d


def word_matcher(where: str, words: Any) -> PhraseMatcher:
    if not isinstance(words, list) or not all(isinstance(w, (str, int)) for w in words) or not words:
        raise AssemblyDataError(f"assembly.yaml: {where}: expected a non-empty list of phrases")
    return PhraseMatcher((str(w), True) for w in words)


@functools.cache
def assembly_data() -> dict[str, Any]:
    """The parsed ``assembly.yaml`` (read once)."""
    text = resources.files("extractor.data").joinpath("assembly.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return check_keys("top level", data, {"context", "decisions", "places", "precedence", "retype", "act_day", "one_night", "one_toll"})


@dataclass(frozen=True)
class ContextWords:
    protest: PhraseMatcher
    battle: PhraseMatcher
    report: PhraseMatcher  # reporting words: who said it, where from, which day
    sermon: PhraseMatcher  # a sermon reported in the headline or first sentence
    opinion_min_words: int = 250
    opinion_max_per_1000: float = 8.0
    voice: PhraseMatcher | None = None  # first-person and rhetorical words of a column
    min_voice_per_1000: float = 12.0
    max_report_with_voice: float = 16.0
    verdict: PhraseMatcher | None = None  # a court ruling told in the headline
    verdict_not_types: frozenset[str] = frozenset()  # event types a ruling's article still tells as news
    verdict_starts: frozenset[str] = frozenset()  # a headline's first word of a ruling, then a number or "المؤبد"

    @functools.cached_property
    def scan(self) -> PhraseGroups | None:
        """The protest, battle, reporting and voice words, read in one scan of an article (``_word_facts``);
        None when one of them is not letters and spaces only (then they are read one by one)."""
        groups = {"protest": self.protest, "battle": self.battle, "report": self.report, "voice": self.voice}
        if not all(all(c.isalpha() or c == " " for c in key) for m in groups.values() if m is not None for key in m._payloads):
            return None
        return PhraseGroups(groups)

    def scan_with(self, triggers: PhraseMatcher) -> PhraseGroups | None:
        """:attr:`scan` with the pipeline's trigger phrases as one more group (``"trigger"``), read in the same walk
        over an article's text (:func:`word_facts_and_triggers`); None when :attr:`scan` is None or a trigger key
        is not letters and spaces only (then the triggers are read sentence by sentence). Built once per
        ``triggers`` (kept here with it, so its id names it while this lives)."""
        built = self.__dict__.setdefault("_scans_with", {})
        got = built.get(id(triggers))
        if got is None:
            groups = None
            if self.scan is not None and all(c.isalpha() or c == " " for key in triggers._payloads for c in key):
                groups = PhraseGroups({"protest": self.protest, "battle": self.battle, "report": self.report,
                                       "voice": self.voice, "trigger": triggers})  # fmt: skip
            got = built[id(triggers)] = (triggers, groups)
        return got[1]

    @classmethod
    @functools.cache
    def load(cls) -> ContextWords:
        c = check_keys("context", assembly_data()["context"], {"protest_words", "battle_words", "opinion"}, {"verdict"})
        o = check_keys("context.opinion", c["opinion"], {"min_words", "max_per_1000", "report_words", "lead_words"},
                       {"voice_words", "min_voice_per_1000", "max_report_with_voice"})
        return cls(word_matcher("context.protest_words", c["protest_words"]),
                   word_matcher("context.battle_words", c["battle_words"]),
                   word_matcher("context.opinion.report_words", o["report_words"]),
                   word_matcher("context.opinion.lead_words", o["lead_words"]),
                   int(o["min_words"]), float(o["max_per_1000"]),
                   word_matcher("context.opinion.voice_words", o["voice_words"]) if "voice_words" in o else None,
                   float(o.get("min_voice_per_1000", 12)), float(o.get("max_report_with_voice", 16)),
                   verdict_words(c),
                   frozenset(c["verdict"]["not_types"]) if "verdict" in c else frozenset(),
                   frozenset(normalize_key(w) for w in c["verdict"]["head_starts"]) if "verdict" in c else frozenset())  # fmt: skip


def verdict_words(c: dict[str, Any]) -> PhraseMatcher | None:
    """``context.verdict.head_words``: a court ruling in the headline ("قضت المحكمة بالسجن", "السجن المؤبد لمطلق
    النار"); None when the data has none."""
    if "verdict" not in c:
        return None
    v = check_keys("context.verdict", c["verdict"], {"head_words", "head_starts", "not_types"})
    return word_matcher("context.verdict.head_words", v["head_words"])


def is_verdict(head: str, words: ContextWords) -> bool:
    """Whether a headline tells a court ruling: one of ``context.verdict.head_words`` in it, or it opens with one
    of ``head_starts`` then a number or "المؤبد" ("السجن 30 عاما لمتهم ...")."""
    if words.verdict is None:
        return False
    if words.verdict.contains(head):
        return True
    first = head.split()[:2]
    return (len(first) == 2 and normalize_key(first[0]) in words.verdict_starts
            and (first[1][:1].isdigit() or normalize_key(first[1]) == normalize_key("المؤبد")))  # fmt: skip


def is_opinion(text: str, words: ContextWords | None = None, lead: str = "",
               counts: tuple[int, int] | None = None) -> bool:
    """Whether an article reads as an opinion column, sermon or analysis rather than a report: its
    ``lead`` (headline and first sentence) reports a sermon (``opinion.lead_words``), or it is long
    (``opinion.min_words``) with few reporting words (said, reported, sources, yesterday, today ...)
    per 1,000 words (fewer than ``opinion.max_per_1000``), or with somewhat more of them (fewer than
    ``opinion.max_report_with_voice``) but written in its own voice (``opinion.voice_words``: we, perhaps,
    why ..., at least ``opinion.min_voice_per_1000``). News tells who said what and when.
    ``counts``: the hits of the reporting and the voice words in ``text``, when the caller has them."""
    words = words or ContextWords.load()
    if lead and words.sermon.contains(lead):
        return True
    n = text.count(" ") + 1
    if n < words.opinion_min_words:
        return False
    if counts is None:
        counts = (sum(1 for _ in words.report.find(text)),
                  sum(1 for _ in words.voice.find(text)) if words.voice is not None else 0)  # fmt: skip
    report = 1000 * counts[0] / n
    if report < words.opinion_max_per_1000:
        return True
    # a column in its own voice ("نحن", "لعل", "لماذا") that quotes a statement or two
    return (words.voice is not None and report < words.max_report_with_voice
            and 1000 * counts[1] / n >= words.min_voice_per_1000)  # fmt: skip


@dataclass
class ArticleContext:
    """What the whole article says, for decisions about each of its sentences."""

    focus_country: str | None = None
    countries: frozenset[str] = frozenset()
    main_place: Place | None = None
    protest: bool = False
    battle: bool = False
    opinion: bool = False  # an opinion column, sermon or analysis (see is_opinion)
    verdict: bool = False  # its headline tells a court ruling (``context.verdict``)
    published: date | None = None
    date_precision: int | None = None
    place_counts: dict[str, int] = field(default_factory=dict)

    def plausible(self, p: Place | None, also: frozenset[str] | set[str] = frozenset()) -> bool:
        """Whether a place can be this article's: in its focus country, in a country it talks about,
        or in one of ``also`` (the countries its own sentence names, by name or adjective: "اليمنية")."""
        if p is None or not self.focus_country:
            return True
        return p.country == self.focus_country or p.country in self.countries or p.country in also


#: The article's own place is told in its lead: a place named only further down is background
#: (a province recalled in the last paragraph is not where today's strike was).
LEAD_SENTENCES = 3


def _at_least_two(phrases, sentences) -> bool:
    """``sum(phrases.contains(s.text) for s in sentences) >= 2``, stopping at the second."""
    seen = 0
    for s in sentences:
        if phrases.contains(s.text):
            seen += 1
            if seen == 2:
                return True
    return False


def _word_facts(doc: Doc, words: ContextWords) -> tuple[bool, bool, tuple[int, int] | None]:
    """(protest, battle, (reporting words, voice words)) of the article, from one scan of its text.

    The same as the protest and battle words read sentence by sentence (``_at_least_two``, the head) and the
    reporting and voice words counted over the text (``is_opinion``): those words are letters and spaces only
    (checked; else the sentences are read one by one), and a sentence is the text between two non-letters
    (a full stop, a line break, a space) in the text, so a word's edges are the same read in either. The
    text is lower-cased as a whole here and sentence by sentence there: the same characters, as long as no
    character changes length or form with its neighbours when lower-cased (İ, Σ: then read one by one).
    The counts are None when the sentences were read one by one (``is_opinion`` counts them itself).
    """
    protest, battle, counts, _ = _scan_facts(doc, words, words.scan)
    return protest, battle, counts


def _scan_facts(doc: Doc, words: ContextWords, scan: PhraseGroups | None
                ) -> tuple[bool, bool, tuple[int, int] | None, set[int] | None]:  # fmt: skip
    """:func:`_word_facts` from one walk of ``scan`` (``words.scan``, or ``words.scan_with(triggers)``), and the
    indices of the sentences where the ``"trigger"`` group has a hit (None when the sentences were read one by
    one). A hit counts for the sentence that holds its whole word: the same hits as the group's matcher reads in
    that sentence's text alone (``contains``), for the reason given in :func:`_word_facts` (the group's keys are
    letters and spaces only, checked by ``scan_with``)."""
    text, sents = doc.text, doc.sentences
    if scan is None or "\u0130" in text or "\u03a3" in text:
        head = sents[0] if sents else None
        protest = (head is not None and words.protest.contains(head.text)) or _at_least_two(words.protest, sents)
        return protest, _at_least_two(words.battle, sents), None, None
    starts = [s.start for s in sents]
    seen: dict[str, set[int]] = {"protest": set(), "battle": set(), "trigger": set()}
    report = voice = 0
    for name, ws, we in scan.iter_names(text):
        if name == "report":
            report += 1
        elif name == "voice":
            voice += 1
        else:
            i = bisect_right(starts, ws) - 1
            if i >= 0 and we <= sents[i].end:
                seen[name].add(i)
    protest = 0 in seen["protest"] or len(seen["protest"]) >= 2
    return protest, len(seen["battle"]) >= 2, (report, voice), seen["trigger"]


@dataclass(frozen=True)
class WordFacts:
    """What an article's words alone say (no place read): the ``protest``, ``battle`` and ``opinion`` facts
    of its :class:`ArticleContext`."""

    protest: bool
    battle: bool
    opinion: bool
    verdict: bool = False  # its headline tells a court ruling (``context.verdict``): the acts judged are told as known


def word_facts(doc: Doc) -> WordFacts:
    """The protest, battle and opinion facts of ``doc`` (``_word_facts``, ``is_opinion``): cheap, and known
    before any place is read (``Pipeline`` reads no further into an opinion column unless for ``--explain``)."""
    words = ContextWords.load()
    return _facts_of(doc, words, words.scan)[0]


def _facts_of(doc: Doc, words: ContextWords, scan: PhraseGroups | None) -> tuple[WordFacts, set[int] | None]:
    """The :class:`WordFacts` of ``doc`` from one walk of ``scan``, and its trigger sentences (:func:`_scan_facts`)."""
    protest, battle, word_counts, trig = _scan_facts(doc, words, scan)
    lead = " ".join(s.text for s in doc.sentences[:2])
    verdict = bool(doc.sentences) and is_verdict(doc.sentences[0].text, words)
    return WordFacts(protest, battle, is_opinion(doc.text, words, lead, word_counts), verdict), trig


def word_facts_and_triggers(doc: Doc, triggers: PhraseMatcher) -> tuple[WordFacts, list[bool] | None]:
    """:func:`word_facts` and, per sentence, ``triggers.contains(sentence.text)`` (``TemplateSet.has_trigger``), from
    one walk over the article's text (the automaton's walk over the characters is most of the cost of each; the
    pipeline read the text twice, once for each). The list is None when it cannot be read from that walk (see
    :meth:`ContextWords.scan_with`; the caller then asks each sentence)."""
    words = ContextWords.load()
    scan = words.scan_with(triggers)
    if scan is None:
        return word_facts(doc), None
    facts, trig = _facts_of(doc, words, scan)
    return facts, None if trig is None else [i in trig for i in range(len(doc.sentences))]


def no_trigger_phrase(doc: Doc, triggers: PhraseMatcher) -> bool:
    """Whether :func:`word_facts_and_triggers` would find no sentence of ``doc`` with a trigger phrase, found
    without reading the word facts: it reads the sentences' trigger tests from one walk of
    ``ContextWords.scan_with(triggers)`` over the text, whose ``"trigger"`` hits are the hits of ``triggers``
    itself in that text (:class:`~extractor.phrases.PhraseGroups`), and a sentence counts only hits of the text. So
    when that walk is what it reads (the group is built and the text has no İ or Σ: see :func:`_scan_facts`), a text
    where ``triggers`` has no hit at all gives every sentence False. False when it cannot tell (the caller then
    reads the facts). Over half the bench sample's articles have no trigger phrase: their word facts (every
    context word's hit, the opinion test) are never read (speed only: the pipeline reads such an article no
    further, whatever its facts). ``triggers.contains`` stops at the first hit, and the lower case it makes of
    the text is the one the walk after it reuses."""
    text = doc.text
    if ContextWords.load().scan_with(triggers) is None or "\u0130" in text or "\u03a3" in text:
        return False
    return not triggers.contains(text)


def article_context(doc: Doc, gazetteer: Gazetteer, lexicon: Any = None, facts: WordFacts | None = None) -> ArticleContext:
    """The article's context (see module docstring); one gazetteer pass over its sentences, when its place
    facts are first asked for (:class:`_PlacesOnFirstUse`).

    With ``lexicon`` (:class:`~extractor.resolve.actors.ActorLexicon`), country names and
    adjectives ("الأردنية") count for the focus country as much as the places of that country.
    ``facts``: the article's :func:`word_facts`, when the caller has them.
    """
    # two sentences with the words (or the head with them) decide
    facts = facts if facts is not None else word_facts(doc)
    art = doc.article
    precision = getattr(art, "published_precision", None) or (1 if art.published else None)
    return _PlacesOnFirstUse(
        lambda: _place_facts(doc, gazetteer, lexicon), protest=facts.protest, battle=facts.battle,
        opinion=facts.opinion, published=art.published, date_precision=precision, verdict=facts.verdict,
    )  # fmt: skip


class _PlacesOnFirstUse(ArticleContext):
    """An :class:`ArticleContext` whose place facts (``focus_country``, ``countries``, ``main_place``,
    ``place_counts``) are read from the gazetteer (:func:`_place_facts`) the first time one of them is asked for.

    Most articles have no clause with a trigger match, and then nothing asks: ``find_mentions`` reads them
    only at a clause with matches, ``assemble`` only for its mentions, ``Pipeline._ner_sentences`` only after a
    clause with matches. Their gazetteer pass over every sentence (``country_of_article``, then ``find`` in each
    sentence: most of place resolution's time) is then never made. The facts are the same whenever they are
    read (the gazetteer's and the lexicon's memos only save time).
    """

    def __init__(self, places, *, protest: bool, battle: bool, opinion: bool, published: date | None,
                 date_precision: int | None, verdict: bool = False) -> None:  # fmt: skip
        self._places = places  # () -> the place facts by name
        self.protest, self.battle, self.opinion, self.verdict = protest, battle, opinion, verdict
        self.published, self.date_precision = published, date_precision

    @functools.cached_property
    def _place_facts(self) -> dict[str, Any]:
        facts, self._places = self._places(), None  # the article and the gazetteer are let go once read
        return facts

    focus_country = property(lambda self: self._place_facts["focus_country"])
    countries = property(lambda self: self._place_facts["countries"])
    main_place = property(lambda self: self._place_facts["main_place"])
    place_counts = property(lambda self: self._place_facts["place_counts"])


def _place_facts(doc: Doc, gazetteer: Gazetteer, lexicon: Any = None) -> dict[str, Any]:
    """The place facts of :func:`article_context`: focus country, countries, main place and place counts."""
    from .mentions import (
        without_dateline,  # the dateline's city is the agency's, not the news'
    )

    # a country named only as where the fire came from or as a nationality is not talked about: its homonyms of the
    # struck towns would win ("مقذوفات من داخل الأراضي اليمنية على مدينة نجران" read at a village of Marib), or the
    # struck town would be thrown out as a homonym abroad ("سقوط مقذوف من اليمن على منزل في نجران": no row)
    spans = foreign_spans(doc.text, lexicon.country_of_word) if lexicon is not None else []
    if spans:
        text = without_foreign_countries(doc.text, lexicon.country_of_word)
        sentences = [Sentence(s.start, s.end, text[s.start : s.start + len(s.text)], index=s.index) for s in doc.sentences]
    else:
        text, sentences = doc.text, doc.sentences
    focus = gazetteer.country_of_article(text, sentences)

    def read_places(country: str | None) -> list[Place]:
        # a name found in several countries (طرابلس: Lebanon and Libya) is read in the focus country
        out: list[Place] = []
        for i, s in enumerate(doc.sentences):
            text = without_dateline(s.text) if i == 0 else s.text
            out += gazetteer.find(text, s.start, context_country=country)
        return out

    places = read_places(focus)
    per_country: dict[str, int] = {}
    for p in places:
        per_country[p.country] = per_country.get(p.country, 0) + 1
    named: set[str] = set()  # countries named by name or adjective anywhere ("اليمني")
    if lexicon is not None and per_country:
        # the gazetteer's pick yields when another country has clearly more places and names
        by_name: dict[str, float] = {}
        # all the article's words in one call (the same countries in the same order as sentence by sentence)
        # (without the countries named only as the fire's origin or as a nationality: ``sentences`` above)
        for c in lexicon.countries_in_texts([s.text for s in sentences]):
            by_name[c] = by_name.get(c, 0.0) + 0.5
            named.add(c)
        score = dict(by_name)
        for p in places:
            if spans and any(a <= p.start < b for a, b in spans):
                continue  # the fire's origin or a nationality
            # a name found in several countries counts for the one the article names ("طرابلس" and
            # "اللبناني": Lebanon; "طرابلس" and "الليبي": Libya), whatever the focus it was read with
            if not named or p.country in named:
                c = p.country
            else:  # the name's homes are asked only when they can change the answer
                homes = gazetteer.countries_of(p.matched) & named
                c = p.country if len(homes) != 1 else next(iter(homes))
            score[c] = score.get(c, 0.0) + 1
        best = max(score, key=lambda c: (score[c], c == focus))
        if focus is None or score[best] > score.get(focus, 0.0) + 1:
            focus = best
            places = read_places(focus)
            per_country = {}
            for p in places:
                per_country[p.country] = per_country.get(p.country, 0) + 1
    # a country counts as talked about when named as a country, when two different places of it are,
    # or one place twice with the country's adjective (one name told twice, "زنجبار" in a Yemen
    # report with no "تنزاني", is still a homonym)
    distinct: dict[str, set[str]] = {}
    for p in places:
        distinct.setdefault(p.country, set()).add(p.location)
    countries = frozenset(p.country for p in places if p.location == p.country) | ({focus} if focus else set())
    countries |= {c for c, locs in distinct.items() if len(locs) >= 2}
    countries |= {c for c, n in per_country.items() if n >= 2 and c in named}  # "صنعاء" twice and "اليمني"
    counts: dict[str, int] = {}
    first: dict[str, Place] = {}
    lead_end = doc.sentences[min(LEAD_SENTENCES, len(doc.sentences)) - 1].end if doc.sentences else 0
    for p in places:
        if p.country != focus or p.location in ("", p.country) or p.start >= lead_end:
            continue
        counts[p.location] = counts.get(p.location, 0) + 1
        q = first.get(p.location)
        if q is None or p.geo_precision < q.geo_precision:
            first[p.location] = p  # the finest reading of the name
    main = None
    if counts:
        order = {loc: i for i, loc in enumerate(dict.fromkeys(p.location for p in places if p.location in counts))}
        best = max(counts, key=lambda loc: (counts[loc], -first[loc].geo_precision, -order[loc]))
        main = first[best]
    return {"focus_country": focus, "countries": countries, "main_place": main, "place_counts": counts}
