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
    event_types = codebook().event_types
    props["event_type"]["enum"] = sorted(event_types)
    props["sub_event_type"]["enum"] = sorted(s for subs in event_types.values() for s in subs)
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


@dataclass(frozen=True)
class SubEventType:
    """One row of ACLED's event categories (the ACLED Codebook, ``acled_event_categories``)."""

    event_type: str
    sub_event_type: str
    political_violence: bool
    organized_political_violence: bool
    demonstrations: bool

    @property
    def disorder_type(self) -> str:
        """ACLED's disorder type: the flags that hold, joined ("Political violence; Demonstrations")."""
        kinds = [k for k, on in (("Political violence", self.political_violence),
                                 ("Demonstrations", self.demonstrations)) if on]  # fmt: skip
        return "; ".join(kinds) or "Strategic developments"


@dataclass(frozen=True)
class Codebook:
    """ACLED's event categories and inter codes, from ``data/acled_codebook.yaml``."""

    sub_events: dict[tuple[str, str], SubEventType]
    inter_names: dict[int, str]

    @classmethod
    def from_data(cls, data: dict[str, Any], source: str = "acled_codebook.yaml") -> Codebook:
        unknown = set(data) - {"inter", "event_types"}
        if unknown:
            raise ValueError(f"{source}: unknown key(s) {sorted(unknown)}")
        inter = {int(k): str(v) for k, v in (data.get("inter") or {}).items()}
        if sorted(inter) != list(range(1, 9)):
            raise ValueError(f"{source}: inter must name the codes 1..8, got {sorted(inter)}")
        subs: dict[tuple[str, str], SubEventType] = {}
        for et, table in (data.get("event_types") or {}).items():
            if not table:
                raise ValueError(f"{source}: {et}: no sub-event types")
            for sub, flags in table.items():
                if not (isinstance(flags, list) and len(flags) == 3 and all(isinstance(f, bool) for f in flags)):
                    raise ValueError(f"{source}: {et} / {sub}: flags are [political_violence, "
                                     f"organized_political_violence, demonstrations] (true/false), got {flags!r}")
                subs[(et, sub)] = SubEventType(et, sub, *flags)
        return cls(subs, inter)

    @property
    def event_types(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        for et, sub in self.sub_events:
            out[et] = out.get(et, ()) + (sub,)
        return out


def _load_codebook() -> Codebook:
    from importlib import resources

    import yaml

    text = resources.files("extractor").joinpath("data/acled_codebook.yaml").read_text(encoding="utf-8")
    return Codebook.from_data(yaml.safe_load(text))


_CODEBOOK: list[Codebook] = []


def codebook() -> Codebook:
    """The ACLED codebook, read on first use (a run with nothing to do never parses the YAML)."""
    if not _CODEBOOK:
        _CODEBOOK.append(_load_codebook())
    return _CODEBOOK[0]


def __getattr__(name: str) -> Any:
    """``CODEBOOK`` and ``EVENT_TYPES`` (ACLED's 6 event types and 25 sub-event types, in the codebook's
    order), read on first use."""
    if name in ("CODEBOOK", "EVENT_TYPES"):
        globals()["CODEBOOK"] = codebook()
        globals()["EVENT_TYPES"] = codebook().event_types  # one dict, as when it was built at import
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED disorder type of a sub-event type ('' for one the codebook does not have)."""
    row = codebook().sub_events.get((event_type, sub_event_type))
    return row.disorder_type if row else ""


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction code: the two inter codes, lower first (7, 1 -> 17); one actor -> inter1 * 10."""
    if inter1 is None:
        return None
    if not inter2:
        return inter1 * 10
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi


def civilian_targeting(event_type: str, sub_event_type: str, inter2: int | None) -> str:
    """'Civilian targeting' when civilians (inter 7) are the target of a political-violence sub-event type.

    ACLED codebook: the column marks political violence whose main target is civilians; Battles have
    no civilian side (rasd never codes civilians in a battle), Mob violence on villagers is marked.
    """
    row = codebook().sub_events.get((event_type, sub_event_type))
    if row is None or not row.political_violence or event_type == "Battles" or inter2 != 7:
        return ""
    return "Civilian targeting"


def derived_columns(event_type: str, sub_event_type: str, inter1: int | None, inter2: int | None) -> dict[str, Any]:
    """The columns ACLED derives from the others: disorder_type, interaction, civilian_targeting."""
    return {
        "disorder_type": disorder_type(event_type, sub_event_type),
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": civilian_targeting(event_type, sub_event_type, inter2),
    }


def replace(event: Event, **changes: Any) -> Event:
    """A copy of ``event`` with some fields changed."""
    return dataclasses.replace(event, **changes)


__all__ = [
    "ACLED_COLUMNS",
    "CODEBOOK",  # noqa: F822 - read on first use (module __getattr__)
    "EVENT_TYPES",  # noqa: F822
    "PROVENANCE_COLUMNS",
    "Codebook",
    "Event",
    "SubEventType",
    "civilian_targeting",
    "derived_columns",
    "disorder_type",
    "field",
    "interaction",
    "json_schema",
    "replace",
]
