"""Merged mentions -> :class:`Event` rows with every ACLED column filled.

Derived columns follow ACLED's codebook: ``year`` from the date;
``disorder_type``, ``interaction`` and ``civilian_targeting`` from the one table in
``data/acled_codebook.yaml`` (:func:`extractor.record.derived_columns`); and a stable ``event_id_cnty`` (ISO3 + a number hashed from the
article's content and the event's identity, so re-runs give the same id).
"""

from __future__ import annotations

import hashlib

from .document import Doc
from .keys import article_key, content_hash, outlet  # noqa: F401  (content_hash: re-exported)
from .mentions import AIR_FORCE_NEARBY, SETTLEMENT_STRUCK, Mention
from .record import Event, derived_columns

_VERBS = {
    "Armed clash": "clashed with",
    "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took control of territory from",
    "Sexual violence": "committed sexual violence against",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Chemical weapon": "used chemical weapons against",
    "Air/drone strike": "carried out an air/drone strike against",
    "Suicide bomb": "carried out a suicide bombing against",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive device against",
    "Grenade": "threw a grenade at",
    "Peaceful protest": "demonstrated",
    "Protest with intervention": "demonstrated and were dispersed by",
    "Excessive force against protesters": "demonstrated and faced lethal force from",
    "Violent demonstration": "rioted against",
    "Mob violence": "attacked",
    "Agreement": "reached an agreement with",
    "Arrests": "arrested",
    "Change to group/activity": "changed group/activity",
    "Disrupted weapons use": "disrupted weapons use of",
    "Headquarters or base established": "established a base",
    "Looting/property destruction": "looted or destroyed property of",
    "Non-violent transfer of territory": "took over territory without fighting from",
    "Other": "was involved in an event with",
}


# Ids are made where the rows are, with no coordination between shards, runs or machines, so the
# number must be wide enough not to collide: 15 digits (< 2**53, exact as a float64 / JSON number)
# give ~0.05 expected collisions among 10 million rows of one country (n**2 / 2N); 8 digits gave
# 0.5 at 10k. A collision inside one --state is still bumped to the next free number there.
ID_SPACE = 10**15


def event_number(article_hash: str, m: Mention) -> int:
    """Deterministic number for one event of one article (same input -> same id, on any worker)."""
    place = m.place.location if m.place else ""
    key = f"{article_hash}|{m.event_type}|{m.sub_event_type}|{place}|{m.event_date}|{m.sentence_indexes[0]}"
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:16], 16) % ID_SPACE


def source_name(doc: Doc) -> str:
    """ACLED's ``source``: the outlet (its name, else its URL's host)."""
    return outlet(doc.article)


def notes(m: Mention, ev: Event) -> str:
    """A short ACLED-style English description of the event."""
    when = ev.event_date or "an unresolved date"
    if m.time_precision == 2:
        when = f"the week of {ev.event_date}"
    elif m.time_precision == 3:
        when = f"(month of) {ev.event_date[:7]}" if ev.event_date else when
    where = ev.location or ev.admin1 or ev.country or "an unknown location"
    if ev.admin1 and ev.location and ev.admin1 != ev.location:
        where = f"{ev.location} ({ev.admin1})"
    verb = _VERBS.get(ev.sub_event_type, "was involved in")
    who = ev.actor1 or "Unidentified actors"
    whom = f" {ev.actor2}" if ev.actor2 else ""
    if not ev.actor2 and verb.endswith((" with", " against", " from", " of", " at")):
        verb = verb.rsplit(" ", 1)[0]
    text = f"On {when}, {who} {verb}{whom} in {where}."
    cas = m.casualties
    if cas is not None and cas.killed is not None:
        text += f" {cas.killed} reported fatalit{'y' if cas.killed == 1 else 'ies'}"
        text += "." if cas.exact else " (vague report, ACLED default count)."
    if cas is not None and cas.wounded:
        text += f" {cas.wounded} reported injured."
    if len(m.sentence_indexes) > 1:
        text += f" [merged from {len(m.sentence_indexes)} sentences]"
    if "attacker from the article's other strikes" in m.flags:
        text += " [attacker not named in this telling; taken from the article's other strikes]"
    elif AIR_FORCE_NEARBY in m.flags:
        text += " [attacker not named in this telling; the air force a neighbouring sentence names]"
    if SETTLEMENT_STRUCK in m.flags:
        text += " [target not named; the people of the town shelled from another country's side]"
    return text


def to_event(m: Mention, doc: Doc, article_hash: str) -> Event:
    art = doc.article
    p = m.place
    a1, a2 = m.actor1, m.actor2
    s, e = doc.original_span(m.start, m.end)
    cas = m.casualties
    ev = Event(
        event_date=m.event_date.isoformat() if m.event_date else None,
        year=m.event_date.year if m.event_date else None,
        time_precision=m.time_precision if m.event_date else None,
        event_type=m.event_type,
        sub_event_type=m.sub_event_type,
        actor1=a1.name if a1 else "",
        assoc_actor_1=a1.assoc if a1 else "",
        inter1=a1.inter if a1 else None,
        actor2=a2.name if a2 else "",
        assoc_actor_2=a2.assoc if a2 else "",
        inter2=a2.inter if a2 else None,
        **derived_columns(m.event_type, m.sub_event_type, a1.inter if a1 else None, a2.inter if a2 else None),
        iso=p.iso if p else None,
        region=p.region if p else "",
        country=p.country if p else "",
        admin1=p.admin1 if p else "",
        admin2=p.admin2 if p else "",
        admin3=p.admin3 if p else "",
        location=p.location if p else "",
        latitude=p.latitude if p else None,
        longitude=p.longitude if p else None,
        geo_precision=p.geo_precision if p else None,
        source=source_name(doc),
        fatalities=(cas.killed or 0) if cas else 0,
        tags="crowd size=no report" if m.event_type in ("Protests", "Riots") else "",
        article_id=art.id,
        file=art.path,
        url=art.url,
        evidence=art.text[s:e],
        evidence_start=s,
        evidence_end=e,
        trigger=doc.original_text(m.trigger_start, m.trigger_end),
        template_id=m.template_id,
        confidence=m.confidence,
        date_basis=m.date_basis,
        published=art.published.isoformat() if art.published else None,
        wounded=cas.wounded if cas else None,
    )
    iso3 = p.iso3 if p and p.iso3 else "XXX"
    ev.event_id_cnty = f"{iso3}{event_number(article_hash, m)}"
    ev.notes = notes(m, ev)
    return ev
