"""The event record: ACLED's 31 export columns, in ACLED's order, plus provenance.

A plain dataclass so that every stage can build, copy and compare rows without a
framework. ``ACLED_COLUMNS`` is the header of an ACLED export; CSV output uses
exactly that order. Provenance fields follow and are written to JSON Lines (and
to CSV only when asked for).
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field, fields
from typing import Any

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

PROVENANCE_COLUMNS: tuple[str, ...] = (
    "article_id", "file", "url", "evidence", "evidence_start", "evidence_end", "trigger",
    "template_id", "confidence", "date_basis", "published", "wounded",
)  # fmt: skip


@dataclass
class Event:
    """One ACLED-style event row with the evidence it was read from."""

    # --- ACLED export columns, in order -------------------------------------------------
    event_id_cnty: str = ""
    event_date: str | None = None  # ISO date (YYYY-MM-DD); None when it cannot be resolved
    year: int | None = None
    time_precision: int | None = None  # 1 day, 2 week/weekend, 3 month (ACLED codebook)
    disorder_type: str = ""
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: int | None = None
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str = ""
    iso: int | None = None
    region: str = ""
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None  # 1 town, 2 part of region / near town, 3 larger region
    source: str = ""
    source_scale: str = ""
    notes: str = ""
    fatalities: int = 0
    tags: str = ""
    timestamp: int | None = None
    # --- provenance ---------------------------------------------------------------------
    article_id: str = ""
    file: str = ""
    url: str = ""
    evidence: str = ""  # the sentence(s) in the original text
    evidence_start: int = 0  # character offsets into the original article text
    evidence_end: int = 0
    trigger: str = ""  # the trigger phrase as written in the article
    template_id: str = ""
    confidence: float = 0.0
    date_basis: str = ""  # how event_date was found: explicit, relative, published, unresolved
    published: str | None = None  # the article's publication date used as anchor
    wounded: int | None = None  # reported injuries (ACLED does not code them; kept apart)

    def acled_row(self) -> dict[str, Any]:
        """The 31 ACLED columns, in order."""
        return {c: getattr(self, c) for c in ACLED_COLUMNS}

    def to_dict(self) -> dict[str, Any]:
        """All columns (ACLED then provenance), in order."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


assert tuple(f.name for f in fields(Event))[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
assert tuple(f.name for f in fields(Event))[len(ACLED_COLUMNS) :] == PROVENANCE_COLUMNS

_DESCRIPTIONS = {
    "event_id_cnty": "Stable identifier: ISO3 country code + number derived from article and event.",
    "event_date": "Day the event took place (YYYY-MM-DD); null when the article gives no anchor date.",
    "time_precision": "1 = actual day, 2 = week or weekend, 3 = month (ACLED codebook).",
    "inter1": "Actor type code: 1 State forces, 2 Rebel groups, 3 Political militias, 4 Identity "
    "militias, 5 Rioters, 6 Protesters, 7 Civilians, 8 External/Other forces.",
    "interaction": "Two-digit code from inter1 and inter2, lower first (e.g. 17); one digit x10 when solo.",
    "geo_precision": "1 = the town itself, 2 = near a town or part of a region, 3 = larger region/country.",
    "fatalities": "Reported deaths under ACLED's rules (most conservative figure; 0 when unknown).",
    "evidence_start": "Start offset of the evidence in the original article text (characters).",
    "evidence_end": "End offset (exclusive) of the evidence in the original article text.",
    "confidence": "Heuristic confidence in [0, 1] for the row as a whole.",
    "date_basis": "How the date was found: explicit, relative, published, unresolved.",
}


def _json_type(tp: Any) -> dict[str, Any]:
    args = typing.get_args(tp)
    base = [a for a in args if a is not type(None)] or [tp]
    names = {str: "string", int: "integer", float: "number"}
    t = names.get(base[0], "string")
    return {"type": [t, "null"]} if type(None) in args else {"type": t}


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of one output row (JSON Lines format)."""
    hints = typing.get_type_hints(Event)
    props: dict[str, Any] = {}
    for f in fields(Event):
        prop = _json_type(hints[f.name])
        if f.name in _DESCRIPTIONS:
            prop["description"] = _DESCRIPTIONS[f.name]
        props[f.name] = prop
    props["time_precision"]["enum"] = [1, 2, 3, None]
    props["geo_precision"]["enum"] = [1, 2, 3, None]
    props["event_type"]["enum"] = sorted(EVENT_TYPES)
    props["sub_event_type"]["enum"] = sorted(s for subs in EVENT_TYPES.values() for s in subs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/rasd/rasd/event.schema.json",
        "title": "rasd event",
        "description": "One ACLED-style conflict event extracted from an Arabic news article.",
        "type": "object",
        "properties": props,
        "required": list(ACLED_COLUMNS),
        "additionalProperties": False,
    }


# ACLED's 6 event types and 25 sub-event types (ACLED codebook), with disorder type.
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}  # fmt: skip

DISORDER_TYPE: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",  # Mob violence is "Political violence; Demonstrations" in ACLED
    "Strategic developments": "Strategic developments",
}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED disorder type; Mob violence is political violence (as in ACLED's 2022 exports)."""
    if sub_event_type == "Mob violence":
        return "Political violence"
    return DISORDER_TYPE.get(event_type, "")


def replace(event: Event, **changes: Any) -> Event:
    """A copy of ``event`` with some fields changed."""
    return dataclasses.replace(event, **changes)


__all__ = ["ACLED_COLUMNS", "PROVENANCE_COLUMNS", "Event", "EVENT_TYPES", "json_schema", "disorder_type", "replace", "field"]
