"""Trigger matches + argument slots -> event mentions (one per event clause and place).

For each sentence (cut before a contrastive clause: "، فيما", "، بينما") with a
surviving trigger: pick the template by ACLED precedence, then fill the slots
from dictionaries and NER spans:

* place: the gazetteer, preferring NER LOC spans and names in the trigger's clause;
  datelines and person names are never places; a village located by a town
  ("أم صفا شمال غرب رام الله") is the place, the town its reference;
* actors: the alias dictionary; speakers of the report are not actors; the
  attacker is named by a 'by' cue, the trigger itself ("غارة روسية"), the
  subject before it or a country named as subject; the target by target cues,
  else what follows the trigger; all cue lists live in ``triggers.yaml``;
* date: relative words against the publication date, never the statement's date;
* casualties: :mod:`extractor.resolve.fatalities`.

Target- and actor-dependent rules re-type the event (an attack on soldiers is a
battle; bandits' "غارة" is a raid; lethal force on protesters is excessive force;
a state force taking ground regains territory). Strikes on several listed places
become one mention each. Mentions are merged into events by :mod:`extractor.merge`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from datetime import date

from .assemble import retype
from .context import ArticleContext, article_context
from .document import Doc
from .normalize import normalize_key
from .phrases import clitic_part, suffixes
from .resolve.actors import Actor, ActorLexicon, both_sides, for_event, named_members
from .resolve.dates import find_dates, is_old_history, reporting_clause, resolve_event_date, told_after_day_after
from .resolve.fatalities import Casualties, count_casualties, parse_number
from .resolve.places import LOCATING_CLITICS, Gazetteer, Place, aimed, aside_locates, km, joins_list, list_joint, locates_next, on_route, points_back, ranked, supplied, time_anchored, titled, toward, type_word, word_list
from .rules_schema import load_yaml
from .segment import Sentence
from .templates import Rejection, TemplateSet, TriggerMatch, is_definite, old_years

_PRONOUNS = suffixes("pronoun")  # "قال الجيش إنه قصف": the speaker is the doer (data/clitics.yaml)
_WORDS_AROUND = load_yaml("function_words.yaml")["mentions"]  # the small words read around a trigger
# "النار على فلسطينيين": a country adjective after these names those struck (data/function_words.yaml)
_TARGET_PREPOSITIONS = tuple(_WORDS_AROUND["target_prepositions"])
_CONTRAST_WORDS = frozenset(normalize_key(w) for w in _WORDS_AROUND["contrast_words"])  # فيما، في حين
_AIR_SUPPORT = tuple(_WORDS_AROUND.get("air_support") or ())  # "بغطاء جوي من": backing from the air
_NO_SUBJECT_PREFIXES = tuple(_WORDS_AROUND["no_subject_prefixes"])  # استهدفت: a country after it is no subject
_PARTITIVE = frozenset(_WORDS_AROUND.get("partitive") or ())  # "ثمانية من رجال الشرطة"
# "عسكريين تركيين اثنين": two follows the noun it counts (data/function_words.yaml)
_FOLLOWING_NUMBERS = frozenset(normalize_key(w) for w in _WORDS_AROUND.get("following_numbers") or ())
# "فجر انتحاري سعودي نفسه": the adjective after a trigger naming a person is his nationality
_PERSON_TRIGGERS = frozenset(normalize_key(w) for w in _WORDS_AROUND.get("person_triggers") or ())
_CONJ = "".join(clitic_part("conjunction"))  # و ف (data/clitics.yaml)
_WORD_RE = re.compile(r"\w+")
_PUNCT = " \"'«»“”،,؛:.-"  # what may stand before a clause's first word

ARMED = {"state", "police", "rebel", "political_militia", "identity_militia", "external", "unidentified"}
STATE = {"state", "police", "external"}


@dataclass
class Mention:
    """One event as told in one sentence, before merging with its other tellings."""

    event_type: str
    sub_event_type: str
    template_id: str
    sentence_index: int
    start: int  # evidence span (sentence) in the normalised text
    end: int
    trigger_start: int
    trigger_end: int
    trigger: str
    actor1: Actor | None = None
    actor2: Actor | None = None
    place: Place | None = None
    place_explicit: bool = False  # named in the sentence (not inherited from context)
    event_date: date | None = None
    time_precision: int | None = None
    date_basis: str = "unresolved"
    casualties: Casualties | None = None
    confidence: float = 0.5
    note: str = ""
    flags: list[str] = field(default_factory=list)
    definite: bool = False  # "الغارة", "الهجوم": told before, or background
    retell_only: bool = False  # only adds to an event told before (see TemplateSet.match_sentence)
    lead: bool = False  # the article's first event mention (its headline or lead)
    near: str = ""  # the town the text locates the place by ("أم صفا شمال غرب مدينة رام الله": Ramallah)
    generic: bool = False  # the trigger names no tactic (see Template.generic)
    sentence_indexes: list[int] = field(default_factory=list)


def find_mentions(
    doc: Doc,
    templates: TemplateSet,
    gazetteer: Gazetteer,
    lexicon: ActorLexicon,
    *,
    rejected: list | None = None,
    ctx: ArticleContext | None = None,
) -> list[Mention]:
    """Every event mention in the article, in text order (``ctx``: the article's context, computed
    here when not given)."""
    published = doc.article.published
    if ctx is None:
        ctx = article_context(doc, gazetteer, lexicon)
    mentions: list[Mention] = []
    last_place: Place | None = None
    # The clauses without matches since the last clause with matches read: each may set the place talked
    # about (the last that names a plausible place), which only a later clause with matches reads. So they are
    # read when one comes, from the last back to the first that names a place; after the article's last
    # clause with matches, never (most of the gazetteer look-ups of clauses without matches).
    pending: list[Sentence] = []
    for sent in (c for s in doc.sentences for c in clauses(s)):
        matches = templates.match_sentence(sent, rejected)
        if not matches:
            pending.append(sent)  # keeps track of the place talked about, for sentences that only say "هناك"
            continue
        # history: a sentence dated well before the article's news is background
        if is_history(sent, published):
            if rejected is not None:
                rejected.extend(_rej(m, "history: the sentence dates the event well before the article's news")
                                for m in matches)
            continue
        for c in reversed(pending):
            found = [p for p in gazetteer.find(place_text_of(c, _entities(doc, c)), c.start, context_country=ctx.focus_country) if ctx.plausible(p)]
            if found:
                last_place = max(found, key=lambda p: -p.geo_precision)
                break
        pending.clear()
        place_text = place_text_of(sent, _entities(doc, sent))
        # every place named, read once per sentence; homonyms abroad left out
        named = sentence_countries(sent, lexicon)
        found = [p for p in gazetteer.find(place_text, sent.start, context_country=ctx.focus_country) if ctx.plausible(p, named)]
        clause = Clause(doc, sent, matches, _best(matches, sent), place_text, found, ctx, last_place, named)
        m = _build(clause, templates, gazetteer, lexicon, rejected)
        if m is None:
            if rejected is not None:
                rejected.append(_rej(clause.best, "no participant of the kind this trigger needs (e.g. an armed party)"))
            continue
        split = split_by_place(m, found, sent.text, sent.start)
        mentions.extend(split)
        if split[-1].place is not None and split[-1].place_explicit:
            last_place = split[-1].place
    if mentions:
        mentions[0].lead = True
    return drop_background(mentions, published, rejected)


def is_history(sent: Sentence, published: date | None) -> bool:
    """Whether a clause with trigger matches is dated well before the article's news (a year before the
    publication year, or a date more than a month before it): ``find_mentions`` then rejects its matches as
    background without reading its entities or the place talked about, nor setting it (text and date only:
    ``Pipeline._ner_sentences`` leaves such a clause out of the ones that need NER)."""
    if published is None:
        return False
    return bool(old_years(sent.text, published.year)) or any(
        is_old_history(d, published) for d in find_dates(sent.text, published, sent.start))


# "..., فيما قتل ثمانية مدنيين في قصف ...": a contrastive clause tells another event.
_CLAUSE = re.compile(r"[،,;؛]\s*(?=(?:و)?(?:" + "|".join(re.escape(w) for w in _WORDS_AROUND["contrast_words"]) + r")\s)")


def clauses(sent: Sentence) -> list[Sentence]:
    """The sentence cut before "، فيما" / "، بينما" / "، في حين" (same index, exact offsets)."""
    cuts = [m.start() for m in _CLAUSE.finditer(sent.text)]
    if not cuts:
        return [sent]
    out, lo = [], 0
    for hi in cuts + [len(sent.text)]:
        piece = sent.text[lo:hi]
        if piece.strip():
            start = sent.start + lo
            toks = [t for t in sent.tokens if start <= t.start and t.end <= sent.start + hi]
            out.append(Sentence(start, sent.start + hi, piece, toks, sent.index))
        lo = hi
    return out


# An event dated this many days before publication is background when the article
# also reports something recent (its news); alone, it is the news.
STALE_DAYS = 3


def drop_background(mentions: list[Mention], published: date | None, rejected: list | None = None) -> list[Mention]:
    """Drop earlier incidents that an article recalls around its own, more recent news."""
    if published is None:
        return mentions

    def age(m: Mention) -> int:
        return (published - m.event_date).days if m.event_date else 0

    if not any(age(m) <= STALE_DAYS for m in mentions):
        return mentions
    keep = [m for m in mentions if age(m) <= STALE_DAYS]
    if rejected is not None:
        from .templates import Rejection

        rejected.extend(
            Rejection(m.template_id, m.sentence_index, m.trigger, f"background: told as {age(m)} days before publication, beside the article's recent news")
            for m in mentions
            if m not in keep
        )
    return keep


#: A town told as "X شمال Y" lies within this of Y unless the text gives the distance (Suez is 120 km east of
#: Cairo; the Husaybah of the Syrian border, 240 km from Ramadi, is not the one "east of Ramadi").
_POINTED_KM = 200.0


def _far_from_reference(place: Place, found: list[Place], text: str, offset: int) -> Place:
    """"منطقة حصيبة شرق الرمادي" read as the Husaybah of the Syrian border, 250 km away: a town told by a
    reference point (a direction and no distance) lies near it, so a homonym far from it is not the place;
    the event is coded near the reference point (ACLED: the nearest known place, precision 2)."""
    if place.geo_precision > 1:
        return place
    after = next((q for q in found if q.start >= place.end), None)
    if after is None or after.country != place.country or after.geo_precision > 2:
        return place
    between = text[place.end - offset : after.start - offset]
    if not (points_back(between) or _tail_points_back(between)) or any(ch.isdigit() for ch in between) \
            or km(place, after) <= _POINTED_KM:
        return place
    return replace(after, geo_precision=2)


def _tail_points_back(between: str) -> bool:
    """"بمنطقتي حصيبة والمضيق شرقي الرمادي": a short list (names the gazetteer may lack, up to three words)
    whose last item is told by a direction from the next name."""
    words = between.replace("،", " ، ").split()
    last = max((i for i, w in enumerate(words) if w == "،" or (w.startswith("و") and len(w) > 3)), default=-1)
    return 0 <= last < 3 and points_back(" ".join(words[last + 1 :]))


#: The most words a locating phrase puts between a place and the one it locates ("الواقعة شمال غرب مدينة",
#: "بمديرية", "في مدينة"); a longer stretch holds a clause of its own (a speaker's title, then his words).
_LOCATING_MAX_WORDS = 4


def _located_one(place: Place, found: list[Place], text: str, offset: int) -> Place:
    """The place that ``place`` only locates: "قرية أم صفا شمال غرب مدينة رام الله" -> Umm Safa."""
    for q in reversed([q for q in found if q.end <= place.start]):
        inside = q.country == place.country and (not place.admin1 or q.admin1 == place.admin1)
        between = text[q.end - offset : place.start - offset]
        if q.country == place.country and q.admin1 and points_back(between):
            # "ولاية لوغار جنوب كابول": the province is the place, Kabul only a direction from it; a town
            # far from the point it is told by (no distance given) is a homonym, not this one
            if q.geo_precision == 3 or km(q, place) <= _POINTED_KM or any(ch.isdigit() for ch in between):
                return q
            continue
        if q.country != place.country and q.geo_precision <= 2 and aside_locates(between):
            return q  # "سروج، الواقعة قبالة مدينة كوباني السورية": the town across the border only says where
        # "مديرية صرواح بمأرب": a district glued by ب to the town it lies by is the place, though coarser
        glued = _in_next(between) and q.geo_precision <= 2
        # "قائد شرطة المنامة للتلفزيون بأن حادثا جرى بقرية العكر": a clause between, no locating phrase
        short = len(between.split()) <= _LOCATING_MAX_WORDS
        if inside and short and (q.geo_precision <= place.geo_precision or glued) and (locates_next(between) or glued):
            if place.admin2 and q.admin2 != place.admin2 and km(q, place) <= 25:
                q = replace(q, admin2=place.admin2)  # the text says which district it is near
            return q
    return place


def _contains(outer: Place, inner: Place) -> bool:
    """Whether ``outer`` is a coarser unit that holds ``inner`` (province > district > town)."""
    if outer.country != inner.country or outer.geo_precision < inner.geo_precision:
        return False
    if outer.geo_precision == inner.geo_precision:
        return outer.location == inner.location
    if outer.admin2 and outer.admin2 == inner.admin2 and not outer.admin3:
        return True
    return bool(outer.admin1) and outer.admin1 == inner.admin1 and not outer.admin2


#: Two places this close (a camp and its town, two names of one quarter) are one location.
SAME_PLACE_KM = 4.0


def _in_next(between: str) -> bool:
    """"بلدة العوامية بالقطيف", "أم درمان بالخرطوم": the next name, glued to ب, only says where."""
    return between.strip(" \"'«»“”") in LOCATING_CLITICS


def _tail_locates(between: str) -> bool:
    """"منطقة الجفينة والبلق جنوب غرب مأرب": after the last item of a list, a direction or locating
    word makes the next name the list's reference point, not one more place struck."""
    words = between.replace("،", " ، ").replace(",", " , ").split()
    last = max((i for i, w in enumerate(words) if w in ",،" or (w.startswith("و") and len(w) > 3)), default=-1)
    tail = " ".join(words[last + 1 :])
    return last >= 0 and bool(tail) and locates_next(tail)


def _names_unit_of(p: Place, q: Place) -> bool:
    """``p`` is the town that gives its name to the district or province holding ``q`` ("تعنايل - زحلة": Taanayel in
    Zahle district; "جبل صبر المطل على مدينة تعز": Jabal Sabir in Taizz): a place and the unit holding it are one
    place (ACLED codes the finer), so the town named after the unit only says where ``q`` is."""
    return p.country == q.country and p.location != q.location and p.location in (q.admin1, q.admin2)


def _lists(between: str) -> bool:
    """The words between two names join a list ("مدينة صعدة ومديرية سحار"، "عدن، لحج"), a lone و anywhere in them
    too: two places, not one told twice."""
    return list_joint(between) or "و" in re.findall(r"\w+", between)


def split_by_place(m: Mention, places: list[Place], text: str = "", offset: int = 0) -> list[Mention]:
    """One mention per distinct town or district struck in the same sentence.

    ACLED codes one event per location and day, so "غارات على مدينة صعدة ومنطقة
    طخية ومديرية سحار" is three events. Places that hold one another (a town and
    its district or province) are one place told at two precisions. Casualties
    stay with the first place: the sentence rarely says how they split.
    """
    if not m.place_explicit or m.place is None:
        return [m]
    leaves: list[Place] = []
    destinations: set[str] = set()
    references: set[str] = set()  # the names that locate another one in this sentence
    prev_end = -1
    any_end = -1  # the end of the last name of any precision (a province too: "جسرا يربط لحج وعدن")
    governs = False  # the name before was a destination or a road's end: a list after it is too
    anchors = "بعد" in text
    for p in sorted((p for p in places if p.start >= m.trigger_start - 80), key=lambda p: p.start):
        if anchors and time_anchored(text, p.start - offset, m.trigger_start - offset):
            continue  # "... بعد أربعة أيام على تفجير سروج": the place of the act the news is timed by
        before = text[max(0, p.start - offset - 40) : p.start - offset]
        gap_start, any_end = any_end, p.end
        was_governed, governs = governs, False
        ahead = toward(before)
        goal = aimed(before)
        if ahead or on_route(before) or ranked(before) or supplied(before) or goal or (was_governed and joins_list(text[gap_start - offset : p.start - offset])):
            governs = True
            if leaves and p.geo_precision <= 2:
                if ahead or was_governed or goal:
                    destinations.add(p.location)  # a goal too: "قصف في لودر لتأمين زنجبار" struck Lawdar
                references.add(p.location)  # "متوجهة إلى عدن ... قبل الوصول إلى عدن": named again, still no place struck
                prev_end = p.end
                continue  # "نزوح العائلات باتجاه بلدات صدد وفيروزة", "الطريق الرابط بين كركوك وأربيل": no place struck
        if p.geo_precision > 2:
            continue
        between = text[prev_end - offset : p.start - offset] if prev_end >= 0 else ""
        prev_end = p.end
        if leaves and (locates_next(between) or _in_next(between) or _tail_locates(between)):
            references.add(p.location)
            continue  # "قرية أم صفا شمال غرب مدينة رام الله": a reference point, not a second place
        if p.location in references:
            continue  # "السيدة زينب قرب دمشق، وقطعوا طريق مطار دمشق": the reference point named again
        if leaves and _names_unit_of(p, leaves[-1]) and not _lists(between):
            references.add(p.location)
            continue  # "تعنايل - زحلة", "جبل صبر المطل على مدينة تعز": the town naming the unit that holds the place
        if leaves and titled(before):
            continue  # "... الأمير خالد الفيصل أمير منطقة مكة المكرمة": who gave the order, not a place struck
        if any(km(p, q) <= SAME_PLACE_KM for q in leaves):
            continue  # "مخيم بلاطة" and "نابلس" beside it: one place told twice (ACLED: one location)
        if any(p.location == q.location or _contains(p, q) for q in leaves):
            continue  # the same place, or a coarser unit around one already kept
        leaves = [q for q in leaves if not _contains(q, p)] + [p]  # keep the finer of nested places
    if len(leaves) == 1 and m.place.location in destinations and leaves[0].location != m.place.location:
        # the clause's place was read at the destination ("... أثناء توجهه لمدينة نابلس"): the one place struck is
        # the event's
        return [replace(m, place=leaves[0], flags=m.flags + ["place: the place struck, not where the victim was heading"])]
    if len(leaves) < 2:
        return [m]
    out = []
    for i, p in enumerate(leaves):
        cas = m.casualties if i == 0 else None
        out.append(replace(m, place=p, casualties=cas, flags=m.flags + ([f"split {i + 1}/{len(leaves)}"])))
    return out


def _rej(m: TriggerMatch, reason: str):
    from .templates import Rejection

    return Rejection(m.template.id, m.sentence.index, m.hit.phrase, reason)


@functools.lru_cache(maxsize=1)
def _dateline_re() -> re.Pattern:
    alt = "|".join(re.escape(n) for n in sorted(word_list("agencies.txt"), key=len, reverse=True))
    # an agency named in Latin letters in brackets ("الرباط، المغرب (CNN)—", "(AFP)") is a dateline too
    return re.compile(rf"^[^.:()]{{0,60}}?(?:[(\-–]\s*(?:{alt})\s*\)?|\(\s*[A-Za-z][A-Za-z.\- ]{{1,15}}\))\s*[-–—:]?")


def without_dateline(text: str) -> str:
    """The sentence with its dateline ("صنعاء أول أبريل 2025 (شينخوا)") blanked, offsets kept."""
    m = _dateline_re().match(text)
    return " " * m.end() + text[m.end() :] if m else text


def _entities(doc: Doc, sent: Sentence) -> list:
    """The sentence's NER spans (none when the document was not run through NER)."""
    return doc.entities[sent.index] if sent.index < len(doc.entities) else []


def _best(matches: list[TriggerMatch], sent: Sentence) -> TriggerMatch:
    """A full match outranks a retelling ("retell-only") in the same sentence, then ACLED precedence. A match told
    after "غداة" (dates.yaml day_after) is the time of the clause's news, not its news: a full match told before the
    word outranks it ("قصفت المدفعية المواقع أمس غداة غارات نفذها الطيران": the shelling); matches after the word
    all rank alike, however far its clause runs (the toll of the act told after it is that act's)."""
    if len(matches) == 1:
        return matches[0]
    return max(matches, key=lambda m: (not m.flags, not told_after_day_after(sent.text, m.start - sent.start),
                                       m.template.precedence, -m.start))


# A quoted name after "ل" is who the news was told to ("قال سكان لـ"الرياض"", "لـ«الشرق الأوسط»"):
# a newspaper or channel, not a place.
_SOURCE_NAME = re.compile(r"(?<!\w)لـ?\s*[\"«“][^\"»”]{1,30}[\"»”]")


def place_text_of(sent, ents) -> str:
    """The sentence as the gazetteer should read it: no dateline, no person names
    ("المتحدث علي الأحمدي" is not Al Ahmadi). Offsets are kept (blanked, not cut)."""
    text = without_dateline(sent.text)
    # a source's name is quoted (" « “): without an opening quote nothing is blanked, and the regex (a look-behind
    # first, tried at every character) is not run (speed only)
    if '"' in text or "«" in text or "“" in text:
        text = _SOURCE_NAME.sub(lambda m: " " * len(m.group()), text)
    # a clause cut from its sentence ("، فيما") gets the sentence's entities: only its own are blanked (one
    # before it, at a negative offset, would blank letters counted back from the clause's end)
    ents = [e for e in ents if sent.start <= e.start and e.end <= sent.start + len(sent.text)]
    locs = {e.end - sent.start for e in ents if e.type == "LOC"}
    for e in ents:
        if e.type == "PER":
            a, b = e.start - sent.start, e.end - sent.start
            before = text[:a].rstrip()
            if before and (len(before) in locs or type_word(before.rsplit(None, 1)[-1])):
                continue  # "مدينة خان شيخون" tagged LOC خان + PER شيخون: a place name split, not a person
            text = text[:a] + " " * (b - a) + text[b:]
    return text


@dataclass
class Clause:
    """Everything the slot fillers of one event clause share: read once, passed to each."""

    doc: Doc
    sent: Sentence
    matches: list[TriggerMatch]
    best: TriggerMatch
    place_text: str  # the clause as the gazetteer reads it (no dateline, no person names)
    found: list[Place]  # every plausible place it names
    ctx: ArticleContext
    last_place: Place | None  # the place talked about before it
    countries: frozenset[str] = frozenset()  # countries the sentence names (name or adjective)

    @property
    def published(self) -> date | None:
        return self.doc.article.published


def sentence_countries(sent: Sentence, lexicon: ActorLexicon) -> frozenset[str]:
    """The countries a sentence names, by name or adjective ("العاصمة اليمنية صنعاء": Yemen)."""
    return frozenset(lexicon.countries_in(sent.token_texts))


def _place_slot(c: Clause, gazetteer: Gazetteer, lexicon: ActorLexicon) -> tuple[Place | None, bool, str]:
    """(place, named in the clause, the town the text locates it by)."""
    sent = c.sent
    locs = [(e.start, e.end) for e in _entities(c.doc, sent) if e.type == "LOC"]
    place = gazetteer.resolve(
        c.place_text, sent.start, context_country=c.ctx.focus_country, loc_entities=locs, prefer_near=c.best.start
    )
    if place is not None and place.start >= 0 and not c.ctx.plausible(place, c.countries):
        # a homonym in a country the article never names ("عمان" read as a Syrian village)
        place = gazetteer.country_info(c.ctx.focus_country) if c.ctx.focus_country else None
    explicit = place is not None and place.start >= 0
    near = ""
    if explicit:
        place = _far_from_reference(place, c.found, sent.text, sent.start)
        reference = place
        place = _located_one(place, c.found, sent.text, sent.start)
        near = reference.location if place is not reference else ""
    last_place = c.last_place
    if not explicit and last_place is not None and (place is None or last_place.country == place.country):
        place, explicit = last_place, False
    if place is None:
        # no place named and no article country: the country of the actors (a Houthi attack on a
        # ship in the Red Sea is coded in Yemen), at country level
        owner = next((a.country for a in lexicon.find(sent.text, sent.start) if a.country), "")
        if owner:
            try:
                place, explicit = gazetteer.country_info(owner), False
            except KeyError:
                pass
    return place, explicit, near


def _build(c: Clause, templates: TemplateSet, gazetteer: Gazetteer, lexicon: ActorLexicon,
           rejected: list | None = None) -> Mention | None:  # fmt: skip
    doc, sent, matches, best_match = c.doc, c.sent, c.matches, c.best
    published = c.published
    idx = sent.index
    place, explicit, near = _place_slot(c, gazetteer, lexicon)
    country = place.country if place is not None else (c.ctx.focus_country or "")
    # --- actors ------------------------------------------------------------------------
    ents = _entities(doc, sent)
    actors = lexicon.find(sent.text, sent.start, event_country=country or None, event_date=published,
                          orgs=[(e.start, e.end) for e in ents if e.type == "ORG"],
                          persons=[(e.start, e.end) for e in ents if e.type == "PER"])  # fmt: skip
    actors = lexicon.join_allies(actors, sent.text, sent.start)  # "الجيش والمقاومة الشعبية": one side
    # "مسلحون من المقاومة الشعبية": one actor, the group, for every reading below (the two-armed-sides
    # battle rule too, which would otherwise take the men and their group for the two sides)
    actors = named_members(actors, sent.text, sent.start)
    event_type, sub = best_match.event_type, best_match.sub_event_type
    tpl = best_match.template
    if tpl.needs_actor and not any(
        a.kind in tpl.needs_actor or ("armed" in tpl.needs_actor and a.kind in ARMED) for a in actors
    ):  # "تخريب" in an economics column, "مواجهات" in a match report: nobody to code
        return None
    adj = lexicon.country_adjective_after(sent.text, best_match.end - sent.start)
    if adj and (best_match.hit.phrase.endswith(_TARGET_PREPOSITIONS)
                or sent.text[best_match.end - sent.start : adj[1]].rstrip().endswith(("ين", "ون"))):  # fmt: skip
        adj = None  # "النار على فلسطينيين": people struck, not the striker's adjective
    if adj and normalize_key(best_match.hit.phrase) in _PERSON_TRIGGERS:
        adj = None  # "فجر انتحاري سعودي نفسه": the bomber's nationality, not the state's forces
    adj_end = adj[1] + sent.start if adj else best_match.end
    kept = sources_removed(actors, sent, best_match)
    actor1, actor2 = _roles(kept, best_match, sent, templates, event_type, adj_end)
    if event_type == "Battles" and actor1 is not None and actor2 is None and lexicon.refers_to_attackers(sent.text):
        # "وكبد الجيش القوات المهاجمة خسائر": the attackers an earlier sentence named are the other side
        prev = [(s.text, s.start) for s in doc.sentences[max(0, idx - 2) : idx]]
        actor2 = lexicon.antecedent(prev, actor1, event_country=country or None, event_date=published)
    side_flags: list[str] = []
    if (event_type == "Battles" and (actor1 is None or actor2 is None or "unidentified" in (actor1.kind, actor2.kind))
            and lexicon.refers_to_sides(sent.text)):  # fmt: skip
        # "اندلعت اشتباكات بين الطرفين": the two sides are the ones the sentences before named
        prev = [(s.text, s.start) for s in doc.sentences[max(0, idx - 3) : idx]]
        pair = lexicon.two_sides_before(prev, event_country=country or None, event_date=published)
        if pair is not None:
            actor1, actor2 = pair
            side_flags = [SIDES_BEFORE]
    if actor1 is None and event_type != "Riots":
        settlers = next((a for a in actors if a.assoc.startswith("Settlers")), None)
        if settlers is not None:  # outside a riot ACLED codes settlers as their own actor (inter 3)
            actor1 = Actor(settlers.assoc, 3, "political_militia", settlers.country, "", settlers.start,
                           settlers.end, settlers.matched)  # fmt: skip
    if actor1 is None and event_type in ("Battles", "Explosions/Remote violence"):
        # "شنت الولايات المتحدة غارات", "قصفت تركيا": a country named as the subject of the attack
        by_name = _country_subject(lexicon, sent, best_match)
        if by_name:
            actor1 = lexicon.state_forces(by_name, published, event_country=country or None)
            if actor2 is not None and actor2.name == actor1.name:
                actor2 = None
    if actor1 is None and adj and event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        # "غارة جوية روسية", "قصف إسرائيلي": the trigger's own adjective names the state that struck
        actor1 = lexicon.state_forces(adj[0], published, event_country=country or None)
        if actor2 is not None and actor2.name == actor1.name:
            actor2 = None
    if tpl.ground_vs_civilians is not None and actor1 is not None and actor1.kind not in STATE and not (
        tpl.air_words is not None and tpl.air_words.contains(sent.text)
    ):  # bandits' or militants' "غارة" is a raid on the ground
        rt = tpl.ground_vs_armed if actor2 is not None and actor2.kind in ARMED else tpl.ground_vs_civilians
        if rt is not None:
            event_type, sub = rt.event_type, rt.sub_event_type
    # --- re-typing by target / perpetrator ----------------------------------------------
    if tpl.if_target_armed is not None and actor2 is not None and actor2.kind in ARMED and (
        actor1 is None or actor1.kind in ARMED
    ):
        event_type, sub = tpl.if_target_armed.event_type, tpl.if_target_armed.sub_event_type
    if tpl.battle_if_two_armed and not any(a.kind in ("rioters", "protesters") for a in actors):
        sides = {a.name for a in actors if a.kind in ARMED}
        if len(sides) >= 2:
            event_type, sub = "Battles", "Armed clash"
            armed = [a for a in actors if a.kind in ARMED]
            actor1, actor2 = armed[0], next(a for a in armed if a.name != armed[0].name)
    if tpl.state_becomes is not None and actor1 is not None and actor1.kind in STATE:
        event_type, sub = tpl.state_becomes.event_type, tpl.state_becomes.sub_event_type
    if sub == "Shelling/artillery/missile attack" and tpl.air_if is not None and actor1 is not None:
        if _actor_country_or_name(actor1) & templates.air_capable_actors:
            sub = "Air/drone strike"
    if (tpl.air_by_foreign_unless is not None and actor1 is not None and (actor1.kind == "external" or actor1.inter == 8)
            and _actor_country_or_name(actor1) & templates.air_capable_actors
            and not tpl.air_by_foreign_unless.contains(sent.text)):  # fmt: skip
        event_type, sub = "Explosions/Remote violence", "Air/drone strike"
    event_type, sub = templates.apply_modifiers(event_type, sub, sent.text)
    air_flags: list[str] = []
    if sub == "Air/drone strike" and (actor1 is None or actor1.kind in ("civilians", "protesters")):
        # "تعرض مسلحو داعش لغارة من طائرات التحالف": ACLED codes an air strike with the force whose aircraft flew
        # it (codebook, Air/drone strike; civilians are never its actor1): an air force the clause names, and
        # not as a target ("مواقع للقوات الروسية"), is the striker when no one else is
        air = _air_force(kept, sent, templates, STATE)
        if air is None and actor1 is None:
            air = _air_force_nearby(doc, idx, lexicon, templates, country, published)
            air_flags = [AIR_FORCE_NEARBY] if air is not None else []
        if air is not None:
            if actor2 is None or actor2.name == air.name:
                actor2 = actor1
            actor1 = air
    if (sub == "Air/drone strike" and actor2 is None and actor1 is not None and actor1.kind in ("state", "external")
            and lexicon.armed_site_after(sent.text, best_match.end - sent.start)
            and not lexicon.civilian_object_with_casualties(sent.text, best_match.end - sent.start)):  # fmt: skip
        # "شن طيران التحالف غارات استهدفت معسكر الصباحية": a camp or position whose owner the clause does not
        # name belongs to the side the neighbouring sentences name (nearest first), not to the striker's allies
        near = [doc.sentences[j] for d in range(1, _AIR_FORCE_WINDOW + 1) for j in (idx - d, idx + d)
                if 0 <= j < len(doc.sentences)]  # fmt: skip
        opp = lexicon.opponent_nearby([(s.text, s.start) for s in near], actor1, event_country=country or None,
                                      event_date=published)  # fmt: skip
        if opp is not None:
            actor2 = opp
            air_flags = air_flags + [TARGET_SIDE_NEARBY]
    # --- defaults that ACLED's definitions imply ---------------------------------------------
    if country:
        actor1, actor2 = _defaults(lexicon, event_type, sub, actor1, actor2, country, published, sent.text,
                                   best_match.end - sent.start)
    if (country and sub == "Shelling/artillery/missile attack" and actor2 is None and actor1 is not None
            and actor1.kind in ARMED and actor1.country and actor1.country != country
            and lexicon.names_settlement(sent.text)):  # fmt: skip
        # "استهدفت ميليشيا الحوثي أحياء في ظهران الجنوب بقذائف": shells fired from another country's side on a
        # town, no target named, strike its people (ACLED: civilians of the country of the place)
        actor2 = lexicon.civilians(country)
        air_flags = air_flags + [SETTLEMENT_STRUCK]
    # --- the typing table (data/assembly.yaml: retype), one rule at most ------------------------
    before = (event_type, sub)
    event_type, sub, actor1, actor2, rule = retype(
        event_type, sub, actor1, actor2, trigger=best_match.hit.phrase, text=sent.text, ctx=c.ctx, lexicon=lexicon,
        country=country,
    )
    if rule is not None and rejected is not None:
        rejected.append(Rejection(tpl.id, idx, best_match.hit.phrase,
                                  f"{before[1]} re-typed as {sub} by rule '{rule.id}': {rule.why}", verb="re-typed",
                                  code=rule.id))
    if event_type == "Battles" and actor2 is not None and actor2.kind == "civilians":
        actor2 = None  # "اشتباكات ... أسفرت عن مقتل 55 شخصا": the dead are not a side of the clash
    if actor1 is not None and actor2 is not None and lexicon.allied(actor1, actor2):
        actor2 = None  # "قوات هادي ... المقاومة الشعبية": allies are one side, never the two
    # protesters who riot are rioters; rioters who only march are protesters
    actor1 = for_event(actor1, event_type) if actor1 is not None else None
    # --- date and casualties -----------------------------------------------------------
    ev_date, precision, basis = resolve_event_date(
        sent.text, published, article_text=doc.text, offset=sent.start, prefer_near=best_match.start,
        published_precision=getattr(doc.article, "date_precision", 1),  # h-text: month-only publication dates
    )
    cas = count_casualties(sent.text, sent.start, sent.tokens)  # the clause's tokens, not tokenised again
    conf = tpl.confidence
    conf *= 1.0 if explicit else 0.85
    conf *= 1.0 if ev_date is not None else 0.85
    # no date words: the day is the publication day by assumption, and such rows are the ones that
    # turn out to be background most often (54% real against 83% with a relative date, bench/README.md)
    conf *= 0.8 if basis == "published" else 1.0
    conf *= 1.0 if actor1 is not None else 0.85
    return Mention(
        event_type=event_type,
        sub_event_type=sub,
        template_id=tpl.id,
        sentence_index=idx,
        start=sent.start,
        end=sent.end,
        trigger_start=best_match.start,
        trigger_end=best_match.end,
        trigger=best_match.hit.phrase,
        actor1=actor1,
        actor2=actor2,
        place=place,
        place_explicit=explicit,
        near=near,
        event_date=ev_date,
        time_precision=precision,
        date_basis=basis,
        casualties=cas,
        confidence=round(conf, 3),
        note=tpl.note,
        retell_only=all("retell-only" in x.flags for x in matches),
        generic=tpl.generic,
        # "قصفت المدفعية": a verb tells a new event even when a definite weapon noun outranks it
        definite=all(is_definite(sent.text, x.hit.word_start - sent.start, x.start - sent.start) for x in matches),
        sentence_indexes=[idx],
        flags=air_flags + side_flags,
    )


#: The flag (and the note of the row, rows.py) of an air strike whose air force a neighbouring sentence names.
AIR_FORCE_NEARBY = "attacker named in a neighbouring sentence"
#: The flag of a battle "بين الطرفين" whose two sides an earlier sentence names.
SIDES_BEFORE = "the two sides named in an earlier sentence"
#: The flag of an air strike on a camp or position whose side a neighbouring sentence names.
TARGET_SIDE_NEARBY = "target side named in a neighbouring sentence"
#: The flag of shelling from another country's side on a town whose people are the target.
SETTLEMENT_STRUCK = "target: the people of a town shelled from another country's side"
#: How many sentences either side an unattributed air strike looks for the air force the article names.
_AIR_FORCE_WINDOW = 2


def _air_force_nearby(doc: Doc, idx: int, lexicon: ActorLexicon, templates: TemplateSet, country: str,
                      published) -> Actor | None:  # fmt: skip
    """"قتل تسعة في غارة على منزل في صعدة. واتهم مسؤول التحالف بشن الغارة": an air strike whose clause names
    no one was flown by the air force a neighbouring sentence names (nearest first, the next sentence before
    the previous one), not as a target; ACLED never codes an air strike to an unidentified armed group."""
    for d in range(1, _AIR_FORCE_WINDOW + 1):
        for j in (idx + d, idx - d):
            if not 0 <= j < len(doc.sentences):
                continue
            s = doc.sentences[j]
            air = _air_force(lexicon.find(s.text, s.start, event_country=country or None, event_date=published),
                             s, templates, ("state", "external"))  # fmt: skip
            if air is not None:
                return air
    return None


def _air_force(actors, sent: Sentence, templates: TemplateSet, kinds) -> Actor | None:
    """The first of ``actors`` (of ``kinds``) whose country or name has an air force, not named as a target
    ("مواقع للقوات الروسية")."""
    return next((a for a in actors if a.kind in kinds and _actor_country_or_name(a) & templates.air_capable_actors
                 and not templates.cue_before("target", sent, a.start)), None)  # fmt: skip


def _actor_country_or_name(a: Actor) -> set[str]:
    return {a.country, a.name} - {""}


def sources_removed(actors: list[Actor], sent, m: TriggerMatch) -> list[Actor]:
    """Actors that only report the event: the speaker of "قالت وزارة الصحة التابعة للحوثيين
    إن غارات ..." and of a headline "الحوثيون: قتلى بغارات أمريكية", the subject of a speech or
    reaction verb ("أعلنت سلطات الحوثيين سقوط قتلى", "أدانت حماس القصف"), the owner of a source
    ("الوزارة الحوثية"); see :meth:`ActorLexicon.source_role`. A speaker with nobody else armed in
    the clause announces its own act and stays ("أعلن الجيش عن تفكيك عبوة ناسفة").

    A speaker who is also the subject ("قال الجيش الأمريكي إنه قتل ...") stays.
    """
    rel = m.start - sent.start
    clause = reporting_clause(sent.text, rel)
    lo = hi = -1
    lexicon = ActorLexicon.load()
    if clause is not None:
        comp = sent.text[clause[1] :].split(maxsplit=1)[0] if sent.text[clause[1] :].strip() else ""
        # "قال الجيش إنه قصف", "قالت وزارة الدفاع الروسية إن طائراتها قصفت": the speaker is the doer
        if not comp.endswith(_PRONOUNS) and not lexicon.own_forces_follow(sent.text, clause[1]):
            lo, hi = clause[0] + sent.start, clause[1] + sent.start
    colon = sent.text.rfind(":", 0, rel)
    roles = {id(a): lexicon.source_role(sent.text, a.start - sent.start, a.end - sent.start, rel) for a in actors}
    # a speaker with nobody else armed in the clause announces its own act ("أعلن الجيش عن تفكيك عبوة")
    others_armed = any(a.kind in ARMED and not roles[id(a)] for a in actors)
    out = []
    for a in actors:
        if lo <= a.start and a.end <= hi:
            continue
        if roles[id(a)] == "owner" or (roles[id(a)] == "speaker" and others_armed):
            continue  # "وزارة الصحة التابعة للحوثيين", "الوزارة الحوثية"; "أعلنت سلطات الحوثيين ..."
        if colon >= 0 and a.end <= colon + sent.start and not sent.text[a.end - sent.start : colon].strip(" \"'”“"):
            continue
        out.append(a)
    return out


def _country_subject(lexicon: ActorLexicon, sent, m: TriggerMatch) -> str | None:
    """A country name among the three words before the trigger ("شنت إسرائيل غارات"), or right after it
    ("قصفت إسرائيل مدينة رفح")."""
    words = [t for t in sent.tokens if t.end <= m.hit.word_start and t.text.isalnum()][-4:]
    first = len(words) - 3 if len(words) > 3 else 0
    for n in (2, 1):
        for i in range(len(words) - n, first - 1, -1):
            phrase = sent.text[words[i].start - sent.start : words[i + n - 1].end - sent.start]
            country = lexicon.country_of_word(phrase)
            prev = sent.text[words[i - 1].start - sent.start : words[i - 1].end - sent.start] if i else ""
            if country and not lexicon._is_adjective(phrase) and not lexicon.is_place_phrase(prev, phrase):
                return country  # not "وفي العراق نفذت 21 ضربة", "بالعراق": a place, not the subject
    # "قصفت إسرائيل مدينة رفح", "غارات تركيا": the country named right after the attack verb (countries are
    # feminine: the verb or plural noun ends in ت; "قصف اليمن" may be the shelling of Yemen; not after "استهدف")
    nxt = [t for t in sent.tokens if t.start >= m.end][:2]
    head = m.hit.phrase.split(" ")[0].lstrip(_CONJ)
    if nxt and nxt[0].text.isalpha() and head.endswith("ت") and not head.startswith(_NO_SUBJECT_PREFIXES):
        for k in (2, 1):
            if len(nxt) >= k:
                phrase = sent.text[nxt[0].start - sent.start : nxt[k - 1].end - sent.start]
                country = lexicon.country_of_word(phrase)
                if country and phrase.lower() in lexicon._country_words and not lexicon._is_adjective(phrase):
                    return country
    return None


def _count_follows(text: str, end: int) -> bool:
    """Whether a count of people comes right after an actor's name: "قتلت حركة طالبان ثمانية من رجال
    الشرطة" — the group is the verb's subject, the count its object, whatever cue stood before it."""
    nxt = text[end : end + 30].split(maxsplit=1)
    # "مقتل عسكريين تركيين اثنين": a two after the name counts the actor itself
    return bool(nxt) and parse_number(nxt[0]) is not None and normalize_key(nxt[0]) not in _FOLLOWING_NUMBERS


def _counted(text: str, start: int) -> bool:
    """Whether an actor's name is told as a count of its men: "ثمانية من رجال الشرطة", "5 من عناصر"."""
    words = text[max(0, start - 30) : start].split()
    return len(words) >= 2 and words[-1] in _PARTITIVE and parse_number(words[-2]) is not None


def _roles(actors: list[Actor], m: TriggerMatch, sent, templates: TemplateSet, event_type: str,
           adj_end: int | None = None):  # fmt: skip
    """Attacker and target.

    The attacker is the armed actor named after a 'by' cue ("من قبل"), else one
    the trigger phrase itself names ("غارة جوية روسية"), else the nearest armed
    actor before the trigger that no target cue marks as struck ("مقتل زعيم تنظيم
    الدولة"), else one right after it ("غارات التحالف"). The target: see below.
    """
    if not actors:
        return None, None
    t0 = m.start
    actors = named_members(actors, sent.text, sent.start)
    lexicon = ActorLexicon.load()
    # a force escorting the attacker ("اقتحم مستوطنون القرية بحماية قوات الاحتلال") is not its target
    # nor, before it, is a foreign force or an air force backing a ground advance a side ("تقدمت القوات العراقية
    # بدعم من طيران التحالف واشتبكت مع داعش": ACLED codes the two organised armed sides that fight on the
    # ground), while someone else armed is named; a ground force that helps stays ("بمساعدة عناصر الجيش")
    backing = [a for a in actors if lexicon.supports(sent.text, a.start - sent.start)]
    actors = [a for a in actors if not (a.start > t0 and a in backing)]
    from_air = [a for a in backing
                if a.kind == "external" or any(w in sent.text[max(0, a.start - sent.start - 24) : a.start - sent.start] for w in _AIR_SUPPORT)]
    if any(a.kind in ARMED and a not in from_air for a in actors):
        actors = [a for a in actors if a not in from_air]
    armed = [a for a in actors if a.kind in ARMED]
    others = [a for a in actors if a.kind not in ARMED]
    if event_type == "Protests":
        prot = next((a for a in actors if a.kind == "protesters"), None)
        state = next((a for a in armed if a.kind in STATE), None)
        return prot, state
    if event_type == "Riots":
        riot = next((a for a in actors if a.kind == "rioters"), None)
        rest = [a for a in actors if a is not riot and a.kind != "protesters" and (riot is None or a.name != riot.name)]
        # a violent demonstration is against the force it clashes with ("مواجهات بين المواطنين وقوات
        # الاحتلال"); mob violence is against the people attacked ("اقتحم مستوطنون مدعومين بقوات الاحتلال")
        mob = m.sub_event_type == "Mob violence"
        armed_first = sorted(rest, key=lambda a: (a.kind not in ARMED) if not mob else (a.kind != "civilians"))
        return riot, (armed_first[0] if armed_first else None)
    sides = both_sides(armed, sent.text, sent.start, m.start, m.end)
    if sides is not None:  # "اشتباكات بين كتيبة النواصي وجهاز دعم الاستقرار": the text names both sides
        return sides
    # a nominative plural ("قتل مسلحون رجلا") is the subject whatever verb comes before it
    # (an actor named by the trigger phrase itself, "استهدف قصف مدفعي إسرائيلي", is the one striking)
    # "قتل مدنيان برصاص مسلحين", "على يد عناصر داعش": the 'by' phrase names who did it, whatever cue precedes
    agents = {id(a) for a in armed if lexicon.agent_before(sent.text, a.start - sent.start)}
    struck_names = {a.name for a in armed if templates.cue_before("target", sent, a.start) and id(a) not in agents
                    and not a.matched.split(" ")[0].endswith("ون") and not (a.start <= t0 < a.end)
                    and not _count_follows(sent.text, a.end - sent.start)}  # fmt: skip
    # "ثمانية من رجال الشرطة": a count of a force's men is of those struck
    struck_names |= {a.name for a in armed if _counted(sent.text, a.start - sent.start) and id(a) not in agents}
    # "ثلاثة رجال شرطة وسبعة مدنيين أصيبوا في الانفجار": those the text says were hurt are struck
    struck_names |= {a.name for a in armed if lexicon.victim_after(sent.text, a.end - sent.start)}
    # "تفجير مسجد قوات الطوارئ", "بمسجد تابع لقوات الطوارئ": the owner of the place struck is the target
    struck_names |= {a.name for a in armed if lexicon.owned_target(sent.text, a.start - sent.start) and id(a) not in agents}
    # "في حين استهدفت الفصائل المقاتلة مواقع قوات النظام": a feminine perfect verb that opens its clause (at the
    # start, or after a contrast word) has its subject right after it, not its target
    lead = sent.text[: m.hit.word_start - sent.start].strip(_PUNCT)
    lead = lead[1:] if lead[:1] in _CONJ and lead[1:] in _CONTRAST_WORDS else lead
    # (not a passive: "هوجمت دورية للشرطة": the patrol is attacked)
    if (" " not in m.hit.phrase and m.hit.phrase.endswith("ت") and (not lead or lead in _CONTRAST_WORDS)
            and not lexicon.is_victim_verb(m.hit.phrase)):
        subj = _right_after(armed, sent, m.end)
        if subj is not None and not sent.text[subj.start - sent.start - 1 : subj.start - sent.start].isalpha():  # no لل
            struck_names.discard(subj.name)
            agents.add(id(subj))
    # "استهدفت ميليشيا الحوثي الأحياء بقذائف": a feminine perfect verb of attack (a target cue) that opens the
    # clause is its verb even when the trigger is a noun further on; the group right after it is its subject
    opener = _opening_verb(sent, m, templates, lexicon)
    if opener is not None:
        subj = _right_after(armed, sent, opener)
        if subj is not None and subj.start < t0:
            struck_names.discard(subj.name)
            agents.add(id(subj))
    struck = {id(a) for a in armed if a.name in struck_names}  # also its other names: "(داعش)"
    # ("هجوم شنته قوات الدعم السريع"; a 'by' cue far from the trigger belongs to another clause)
    by_phrase = [a for a in armed if a.start >= t0 and id(a) not in struck
                 and (templates.cue_before("by", sent, a.start) or id(a) in agents)
                 and len(sent.text[m.end - sent.start : a.start - sent.start].split()) <= 8]  # fmt: skip
    before = [a for a in armed if a.end <= t0 and id(a) not in struck]
    # "القوات الحكومية، بدعم من مقاتلي المقاومة، سيطرت": the force backed is the subject, not the one backing it
    before = [a for a in before if a not in backing] or before
    after = [a for a in armed if a.start >= m.end and id(a) not in struck]
    own_end = max(m.end, adj_end or 0)
    own = [a for a in armed if a.start < own_end and a.end > t0 and id(a) not in struck]  # "غارة روسية"
    # an actor right after the trigger is its agent ("غارات التحالف", "قصف قوات النظام");
    # one further on is more often the target ("فجر نفسه في صف مجندين")
    close = [a for a in after if len(sent.text[m.end - sent.start : a.start - sent.start].split()) <= 1]
    actor1 = (by_phrase or own or before[-1:] or close[:1] or [None])[0]
    rest = [a for a in armed if a is not actor1 and (actor1 is None or a.name != actor1.name)]
    civ = [a for a in others if a.kind == "civilians"]
    # the target: an armed actor marked as struck, else the next armed actor after the trigger,
    # else civilians ("استهدف مخيما للنازحين"), else an armed actor told before it, else anyone named
    actor2 = (
        next((a for a in rest if id(a) in struck), None)
        or next((a for a in rest if a.start >= m.end), None)
        or (civ[0] if civ else None)
        or (rest[0] if rest else None)
        or (others[0] if others else None)
    )
    if actor1 is None and event_type == "Battles" and actor2 is not None:
        # a clash with two armed sides named, neither as the subject: both are its parties
        actor1 = next((a for a in armed if a.name != actor2.name), None)
    return actor1, actor2


def _right_after(armed: list[Actor], sent, pos: int) -> Actor | None:
    """The first armed actor that starts at ``pos`` or after it with only spaces between: a verb's subject."""
    return next((a for a in armed if a.start >= pos and not sent.text[pos - sent.start : a.start - sent.start].strip()),
                None)  # fmt: skip


def _opening_verb(sent, m: TriggerMatch, templates: TemplateSet, lexicon: ActorLexicon) -> int | None:
    """The end of the clause's opening word (at its start, or after a contrast word: فيما، في حين) when it is a
    feminine perfect verb among the target cues (استهدفت، قصفت) before a trigger that is not that word, and not
    a passive whose subject is the victim (هوجمت); else None."""
    head = sent.text[: m.hit.word_start - sent.start]
    words = list(_WORD_RE.finditer(head))
    if not words or head[: words[0].start()].strip(_PUNCT):
        return None
    first = normalize_key(words[0].group())
    i = 0
    if first in _CONTRAST_WORDS or (first[:1] in _CONJ and first[1:] in _CONTRAST_WORDS):
        i = 1
    elif len(words) > 1 and normalize_key(words[0].group() + " " + words[1].group()) in _CONTRAST_WORDS:
        i = 2
    if i >= len(words):
        return None
    w = words[i].group()
    w = w[1:] if w[:1] in _CONJ and len(w) > 4 else w  # "واستهدفت"
    if not w.endswith("ت") or lexicon.is_victim_verb(w) or templates.target_cues is None:
        return None
    if not templates.target_cues.contains(w, strict_suffix=True):
        return None
    return sent.start + words[i].end()


def _defaults(lexicon, event_type, sub, actor1, actor2, country, published, text, after=0):
    """Participants that ACLED's definitions imply when the clause does not name them (``after``: the
    trigger's end in ``text``)."""
    if event_type in ("Explosions/Remote violence", "Battles") and (
        actor2 is None or lexicon.is_vague_victim(actor2)
    ):  # "فجر انتحاري نفسه قرب مقر وزارة الداخلية": the police are the target
        role = lexicon.state_target(text, after)
        if role is not None and not (actor1 is not None and actor1.kind in STATE and actor1.country == country):
            actor2 = lexicon.state_forces(country, published, police=role == "police", event_country=country)
    if (event_type == "Explosions/Remote violence" and actor2 is None
            and lexicon.civilian_object_with_casualties(text, after)):  # fmt: skip
        actor2 = lexicon.civilians(country)  # "قتلى وجرحى في استهداف مشروع المياه"
    if event_type == "Protests" and actor1 is None:
        actor1 = lexicon.protesters(country)
    if event_type == "Riots" and actor1 is None:
        actor1 = lexicon.rioters(country)
    if event_type == "Violence against civilians":
        if actor2 is None or actor2.kind in ARMED and actor1 is None:
            if actor2 is not None and actor1 is None:
                actor1 = actor2
            actor2 = lexicon.civilians(country)
        if actor1 is None:
            actor1 = lexicon.unidentified(country, published)
    if event_type in ("Explosions/Remote violence", "Battles") and actor1 is None:
        actor1 = lexicon.unidentified(country, published)
    if sub == "Mob violence" and actor2 is None:
        actor2 = lexicon.civilians(country)
    if sub == "Arrests" and (actor1 is None or actor1.kind not in STATE):
        if actor2 is not None and actor2.kind in STATE:
            # "اعتقلت قوات الاحتلال 15 مواطنا": only states arrest; the force named is the arrester
            actor1, actor2 = actor2, actor1
        else:
            if actor1 is not None and actor2 is None:
                actor2 = actor1
            actor1 = lexicon.state_forces(country, published, police=True)
    if sub == "Arrests" and actor2 is None:
        actor2 = lexicon.civilians(country)  # those arrested, unless a group is named
    return actor1, actor2
