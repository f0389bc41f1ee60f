"""Cross-article dedup: several outlets reporting one event become one row.

Two rows are reports of the same event when

* they come from different articles (rows of one article were already merged
  by :mod:`extractor.merge`; what is left there are distinct events), or they
  carry the same ``event_id_cnty`` (the same article text read twice);
* they have the same ``event_type`` and compatible sub-event types (equal, or
  both explosions/remote violence: ACLED's precedence keeps the stronger one);
* their dates are both known and at most one day apart (a week for
  week-precision dates, the same month for month-precision dates);
* they are in the same country and the same place: within ``max_km`` (10 km)
  of each other by latitude/longitude, or (unless they are two different towns
  further apart than that) the same admin2 when both are coded at
  town/district precision (geo_precision 1-2), or the same location name,
  or one is a coarser report naming the other's admin1/admin2 as its place;
* their actors are compatible: names equal once the ``(2024-)`` style year
  suffix is dropped, or one side unnamed/``Unidentified ...``; in Battles the
  two sides may be given in either order.

A row joins the first earlier cluster it is compatible with *every* member
of (complete linkage, so A~B and B~C never chains A and C together), in input
order, so the result is deterministic. The merged row:

* ``event_id_cnty``: the lowest id of the members (ISO3, then number);
* place from the most precise member (lowest ``geo_precision``), date from
  the most precise one (lowest ``time_precision``, then explicit > relative >
  published), every other ACLED field from the place-precise member;
* ``source``: every outlet, ``'; '``-joined, sorted and unique;
* ``fatalities``: ACLED's most-conservative rule, the *lowest* figure among
  the reports that give one. A row with 0 fatalities is treated as "no figure
  given" (the extractor writes 0 when an article says nothing about deaths),
  so 0 results only when no report gives a number; ``wounded`` likewise;
* ``notes``: the place-precise member's notes plus ``[dedupe: ...]`` saying
  which ids were merged, from which outlets, why, and how the toll was chosen.

Rows are compared only inside buckets of (event type, country, date), so the
cost grows with the number of rows per day and place, not with the square of
the archive. Two rows of different event types or countries are never the same
event, so the work splits exactly into partitions by ``(event_type, country)``
(:func:`dedupe_partitioned`, what ``rasd dedupe`` runs as the reduce step after
sharded extraction; a Dask/Spark job can group by :func:`partition_key`).

Across runs (cron), the reports behind rows already published are ``prior``
clusters (:class:`Prior`, read from the ``--state``): a new report that joins one
*updates* that row — the id is kept, the outlets are added, the toll is chosen
again by ACLED's rule over all reports, and ``timestamp`` becomes the time of the
update (ACLED's ``timestamp`` is the row's last change) — and the updated row is
emitted again with the same ``event_id_cnty``: consumers upsert by id, as with
ACLED's own update feeds. The same code clusters one run, shards and cron days,
so ``rasd dedupe`` over shards equals one unsharded ``--dedupe`` run.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

import orjson

from .record import Event, replace

MAX_KM = 10.0

# ACLED precedence among explosion tactics (higher wins when merged), as in merge.py.
_SUB_RANK = {
    "Chemical weapon": 6, "Suicide bomb": 5, "Air/drone strike": 4, "Grenade": 3,
    "Remote explosive/landmine/IED": 2, "Shelling/artillery/missile attack": 1,
}  # fmt: skip
_DATE_RANK = {"explicit": 3, "relative": 2, "published": 1}
_YEARS = re.compile(r"\s*\((?:\d{4})?-?(?:\d{4})?\)\s*$")
_ID = re.compile(r"^(\D*)(\d+)$")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def id_key(event_id: str) -> tuple[str, int, str]:
    """Sort key of an id: ISO3 prefix, then the number as a number."""
    m = _ID.match(event_id or "")
    return (m[1], int(m[2]), event_id) if m else (event_id or "", -1, event_id or "")


def actor_name(name: str) -> str:
    """An actor's name without ACLED's ``(2024-)`` year suffix."""
    return _YEARS.sub("", name or "").strip()


def _unnamed(name: str) -> bool:
    return not name or name.startswith("Unidentified")


def _actors_ok(a: str, b: str) -> bool:
    return _unnamed(a) or _unnamed(b) or actor_name(a) == actor_name(b)


def _date(ev: Event) -> date | None:
    try:
        return date.fromisoformat(ev.event_date) if ev.event_date else None
    except ValueError:
        return None


def _window(ev: Event) -> int:
    """How many days apart two reports of this row's event may be dated."""
    return {2: 7, 3: 31}.get(ev.time_precision or 1, 1)


@dataclass
class _Cluster:
    members: list[Event] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def _same_place(a: Event, b: Event, max_km: float) -> str | None:
    """Why ``a`` and ``b`` are at the same place, or None."""
    if (a.iso, a.country) != (b.iso, b.country):
        return None
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        d = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
        if d <= max_km:
            return f"{d:.1f} km apart"
        if a.geo_precision == 1 and b.geo_precision == 1 and a.location != b.location:
            return None  # two different towns, too far apart, even in one admin2
    pa, pb = a.geo_precision or 3, b.geo_precision or 3
    if a.admin2 and a.admin2 == b.admin2 and a.admin1 == b.admin1 and max(pa, pb) <= 2:
        return f"same admin2 ({a.admin2})"
    if a.location and a.location == b.location and a.admin1 == b.admin1:
        return f"same location ({a.location})"
    coarse, fine = (a, b) if pa > pb else (b, a)
    if pa != pb and coarse.location and coarse.location in (fine.admin1, fine.admin2):
        return f"{fine.location} lies in {coarse.location}"
    return None


def compatible(a: Event, b: Event, *, max_km: float = MAX_KM) -> str | None:
    """Why ``a`` and ``b`` report the same event, or None when they do not."""
    if a.event_id_cnty and a.event_id_cnty == b.event_id_cnty:
        return "same article text"
    if (a.article_id, a.file) == (b.article_id, b.file):
        return None
    if a.event_type != b.event_type:
        return None
    if a.sub_event_type != b.sub_event_type and a.event_type != "Explosions/Remote violence":
        return None
    da, db = _date(a), _date(b)
    if da is None or db is None:
        return None
    gap = abs((da - db).days)
    if gap > max(_window(a), _window(b)):
        return None
    if max(a.time_precision or 1, b.time_precision or 1) == 3 and (da.year, da.month) != (db.year, db.month):
        return None
    place = _same_place(a, b, max_km)
    if place is None:
        return None
    if _actors_ok(a.actor1, b.actor1) and _actors_ok(a.actor2, b.actor2):
        pass
    elif a.event_type == "Battles" and _actors_ok(a.actor1, b.actor2) and _actors_ok(a.actor2, b.actor1):
        pass
    else:
        return None
    when = "same date" if gap == 0 else f"dates {gap} day(s) apart"
    return f"{when}, {place}"


def _outlets(rows: list[Event]) -> str:
    names = {s.strip() for ev in rows for s in (ev.source or "").split(";") if s.strip()}
    return "; ".join(sorted(names))


def _conservative(values: list[int | None]) -> int | None:
    given = [v for v in values if v]
    return min(given) if given else None


def merge_cluster(members: list[Event], reasons: list[str], *, keep_id: str | None = None,
                  updated: bool = False) -> Event:
    """One row for the reports in ``members`` (input order), explained in ``notes``.

    ``keep_id``: the id the row was published under (a prior row keeps it); ``updated``:
    the row changed after it was published, so its ``timestamp`` is the latest report's.
    """
    if len(members) == 1:
        return members[0]
    order = {id(ev): i for i, ev in enumerate(members)}
    by_place = min(members, key=lambda e: (e.geo_precision or 9, order[id(e)]))
    by_date = min(
        members,
        key=lambda e: (e.event_date is None, e.time_precision or 9, -_DATE_RANK.get(e.date_basis, 0), order[id(e)]),
    )
    winner_id = keep_id or min((e.event_id_cnty for e in members), key=id_key)
    sub = max(members, key=lambda e: (_SUB_RANK.get(e.sub_event_type, 0), -order[id(e)])).sub_event_type
    tolls = [e.fatalities for e in members]
    fatalities = _conservative(tolls) or 0
    wounded = _conservative([e.wounded for e in members])

    def actor(field_: str) -> tuple[str, str, int | None]:
        for ev in [by_place] + members:
            if not _unnamed(getattr(ev, field_)):
                return getattr(ev, field_), getattr(ev, "assoc_" + field_.replace("actor", "actor_")), getattr(
                    ev, "inter" + field_[-1]
                )
        return getattr(by_place, field_), getattr(by_place, "assoc_" + field_.replace("actor", "actor_")), getattr(
            by_place, "inter" + field_[-1]
        )

    a1, as1, i1 = actor("actor1")
    a2, as2, i2 = actor("actor2")
    tags = "; ".join(dict.fromkeys(t.strip() for e in members for t in (e.tags or "").split(";") if t.strip()))
    stamps = [e.timestamp for e in members if e.timestamp is not None]
    ids = ", ".join(sorted(dict.fromkeys(e.event_id_cnty for e in members), key=id_key))
    shown = ", ".join(str(t) if t else "none" for t in tolls)
    why = "; ".join(dict.fromkeys(reasons)) or "same event"
    note = (
        f" [dedupe: merged {len(members)} reports ({ids}) from {_outlets(members) or 'unnamed outlets'}: "
        f"same event type, {why}, compatible actors; fatalities reported {shown} -> {fatalities} "
        f"(ACLED most conservative figure)]"
    )
    merged = replace(
        by_place,
        event_id_cnty=winner_id,
        sub_event_type=sub,
        event_date=by_date.event_date,
        year=by_date.year,
        time_precision=by_date.time_precision,
        date_basis=by_date.date_basis,
        actor1=a1, assoc_actor_1=as1, inter1=i1,
        actor2=a2, assoc_actor_2=as2, inter2=i2,
        source=_outlets(members),
        fatalities=fatalities,
        wounded=wounded,
        tags=tags,
        timestamp=(max(stamps) if updated else min(stamps)) if stamps else None,
        confidence=max(e.confidence for e in members),
        notes=(by_place.notes or "") + note,
    )  # fmt: skip
    from .record import derived_columns  # actors or sub-event type may come from another report

    for k, v in derived_columns(merged.event_type, merged.sub_event_type, merged.inter1, merged.inter2).items():
        setattr(merged, k, v)
    return merged


@dataclass
class Prior:
    """A row published by an earlier run: its id and the reports behind it, in the order they came."""

    row_id: str
    members: list[Event]


@dataclass
class Deduped:
    """The merged rows (in input order of each cluster's first report) and what became of each id."""

    events: list[Event]
    merged_into: dict[str, str]  # absorbed event_id_cnty -> the id of the row that holds it
    groups: list[list[Event]]  # the reports behind each output row, same order as ``events``
    updated: list[str] = field(default_factory=list)  # prior rows that new reports changed (emitted again)


def partition_key(ev: Event) -> tuple[str, str]:
    """Rows of different partitions are never one event (see :func:`compatible`)."""
    return (ev.event_type, ev.country)


def _span(ev: Event) -> int:
    """Days either side of ``ev`` where a report of the same event may be dated (the bucket search)."""
    w = _window(ev)
    return max(w, 31 if w > 1 else 7)


SPAN_DAYS = 31  # the widest _span: what a store must return around a new report's day


def dedupe(events: list[Event], *, max_km: float = MAX_KM, prior: Iterable[Prior] = ()) -> Deduped:
    """Merge reports of the same event across articles (see the module doc).

    ``prior``: rows already published, seeded as the first clusters; only clusters that
    gain a report from ``events`` are returned (prior ones keep their id).
    """
    clusters: list[_Cluster] = []
    kept: list[str | None] = []  # the published id of a prior cluster, None for new ones
    fresh: list[bool] = []  # the cluster has a report from ``events``
    buckets: dict[tuple, list[int]] = {}  # (event_type, country, day) -> cluster indexes
    by_id: dict[str, int] = {}

    def add(ci: int, ev: Event) -> None:
        by_id.setdefault(ev.event_id_cnty, ci)
        d = _date(ev)
        if d is not None:
            bucket = buckets.setdefault((ev.event_type, ev.country, d), [])
            if not bucket or bucket[-1] != ci:
                bucket.append(ci)

    for p in prior:
        c = _Cluster(list(p.members))
        first = c.members[0]
        for i, m in enumerate(c.members[1:], 1):  # the reasons dedupe gave when they joined
            same = any(m.event_id_cnty == e.event_id_cnty for e in c.members[:i])
            c.reasons.append("same article text" if same else compatible(first, m, max_km=max_km) or "same event")
        clusters.append(c)
        kept.append(p.row_id)
        fresh.append(False)
        for m in c.members:
            add(len(clusters) - 1, m)

    for ev in events:
        found = None
        if ev.event_id_cnty in by_id:
            found, reason = by_id[ev.event_id_cnty], "same article text"
        else:
            d = _date(ev)
            cand: set[int] = set()
            if d is not None:
                w = _span(ev)
                for k in range(-w, w + 1):
                    cand.update(buckets.get((ev.event_type, ev.country, d + timedelta(days=k)), ()))
            for ci in sorted(cand):
                reasons = [compatible(m, ev, max_km=max_km) for m in clusters[ci].members]
                if all(reasons):
                    found, reason = ci, reasons[0]  # type: ignore[assignment]
                    break
        if found is None:
            found = len(clusters)
            clusters.append(_Cluster())
            kept.append(None)
            fresh.append(False)
            reason = ""
        c = clusters[found]
        c.members.append(ev)
        fresh[found] = True
        if reason:
            c.reasons.append(reason)
        add(found, ev)
    out, merged_into, groups, updated = [], {}, [], []
    for c, keep, new in zip(clusters, kept, fresh):
        if not new:
            continue
        row = merge_cluster(c.members, c.reasons, keep_id=keep, updated=keep is not None)
        if keep is not None:
            updated.append(keep)
        out.append(row)
        groups.append(c.members)
        for m in c.members:
            if m.event_id_cnty != row.event_id_cnty:
                merged_into[m.event_id_cnty] = row.event_id_cnty
    return Deduped(out, merged_into, groups, updated)


def dedupe_partitioned(events: list[Event], *, max_km: float = MAX_KM, prior: Iterable[Prior] = ()) -> Deduped:
    """:func:`dedupe`, one ``(event_type, country)`` partition at a time: the same rows, in the same order.

    Each partition holds only its own rows (and prior clusters), so partitions can be
    reduced separately (and in parallel); the result is put back in global order.
    """
    order: dict[int, int] = {}  # id(report) -> position (prior reports first, as dedupe seeds them)
    parts: dict[tuple, tuple[list[Prior], list[Event]]] = {}
    for p in prior:
        for m in p.members:
            order.setdefault(id(m), len(order))
        parts.setdefault(partition_key(p.members[0]), ([], []))[0].append(p)
    for ev in events:
        order.setdefault(id(ev), len(order))
        parts.setdefault(partition_key(ev), ([], []))[1].append(ev)
    rows: list[tuple[int, Event, list[Event]]] = []
    merged_into: dict[str, str] = {}
    updated: set[str] = set()
    for pri, evs in parts.values():
        if not evs:
            continue
        d = dedupe(evs, max_km=max_km, prior=pri)
        rows += [(order[id(g[0])], row, g) for row, g in zip(d.events, d.groups)]
        merged_into.update(d.merged_into)
        updated.update(d.updated)
    rows.sort(key=lambda t: t[0])
    return Deduped([r for _, r, _ in rows], merged_into, [g for _, _, g in rows],
                   [r.event_id_cnty for _, r, _ in rows if r.event_id_cnty in updated])  # fmt: skip


def _content(ev: Event) -> bytes:
    """A row without where it was read from: equal for two copies of one article's row."""
    d = ev.to_dict()
    for k in ("file", "article_id"):
        d.pop(k, None)
    return orjson.dumps(d, option=orjson.OPT_SORT_KEYS)


def latest_versions(rows: list[Event]) -> list[Event]:
    """Several rows with one id, one naming every outlet of the others: versions of one row.

    Rows with one id that differ only in the file they were read from are copies of one article
    (the same text and outlet, read in two shards): the first is kept, as one unsharded run
    (which reads such a copy once) would.

    A cron ``--dedupe`` run that updates a published row appends it again under the same id
    with the outlets of all its reports; the newest version (latest ``timestamp``, then the
    last line) replaces the older ones, at its own place. Rows with one id whose outlets are
    not nested (one text carried by two outlets, read without a state) are left for
    :func:`dedupe` to merge.
    """
    by_id: dict[str, list[int]] = {}
    for i, ev in enumerate(rows):
        by_id.setdefault(ev.event_id_cnty, []).append(i)
    drop: set[int] = set()
    for idx in by_id.values():
        if len(idx) == 1:
            continue
        firsts: dict[bytes, int] = {}
        for i in idx:  # the same article read twice (two shards had a copy): the first copy is the row
            firsts.setdefault(_content(rows[i]), i)
        drop.update(i for i in idx if i not in firsts.values())
        idx = sorted(firsts.values())
        if len(idx) == 1:
            continue
        outlets = [set(_outlets([rows[i]]).split("; ")) for i in idx]
        every = set().union(*outlets)
        full = [i for i, o in zip(idx, outlets) if o >= every]
        if full:
            keep = max(full, key=lambda i: (rows[i].timestamp or -1, i))
            drop.update(i for i in idx if i != keep)
    return [ev for i, ev in enumerate(rows) if i not in drop]


__all__ = ["dedupe", "dedupe_partitioned", "partition_key", "latest_versions", "Prior", "SPAN_DAYS", "compatible", "merge_cluster", "haversine_km", "actor_name", "id_key", "Deduped", "MAX_KM"]
