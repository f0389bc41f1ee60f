"""Score predicted event rows against hand-coded gold events (ACLED practice).

    >>> from extractor.evaluation import load_gold, load_predictions, evaluate
    >>> report = evaluate(load_gold("gold.jsonl"), load_predictions("pred.jsonl"))
    >>> report["events"]["f1"]

Matching rule (the one `../shared/dev-eval/README.md` describes as fitting ACLED practice):
a predicted row can stand for a gold event when both are about the **same article**, have the
**same event_type**, **event dates within 1 day** of each other (a missing date only matches a
missing date), and the **same location or the same admin1**. Names are compared after
normalisation (see :func:`norm`): case, accents, whitespace and hyphens do not count, and actor
names lose ACLED's year suffixes such as ``(2022-)`` or ``(2014-2021)``. Place names are compared
transliteration-tolerantly (:func:`place_key`: As-Sweida = As Sweida = Suwayda, Dhi-Qar = Thi Qar,
Deir ez-Zor = Dayr az-Zawr): the Arabic article, vowels, doubled letters and the usual digraph
spellings do not count.

Within an article the pairing is **one-to-one and optimal**: among all sets of compatible pairs it
takes one with the most pairs and, among those, the highest total agreement score (one point per
agreeing field — sub_event_type, actor1, actor2, admin1, location, fatalities, event_date — plus
small bonuses for closer dates and fatality counts). It is solved exactly with the Hungarian
algorithm (:func:`_assign`, no dependency), so a duplicate prediction can match at most one gold
event and the other copy counts as a false positive.

Scores: true positives are matched pairs, false positives unmatched predictions, false negatives
unmatched gold events; precision, recall and F1 from those (0.0 when undefined). Per-field
accuracy is computed over matched pairs only. With a manifest (``manifest.csv``: ``id``,
``has_events``), articles whose ``has_events`` is 0 are the *negatives*, and every row predicted
for them is reported as a false event on a negative article; it is also a false positive, so it
counts against precision. ``splits`` reports the same scores per article group (:func:`splits_of`).
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable, Mapping

#: The fields scored on matched pairs, in report order. ``fatalities_pm1`` is fatalities within ±1.
FIELDS: tuple[str, ...] = (
    "sub_event_type", "actor1", "actor2", "admin1", "location", "fatalities", "fatalities_pm1", "event_date",
)  # fmt: skip

MATCH_RULE = (
    "same article, same event_type, event dates within 1 day (missing matches only missing), "
    "same location or admin1 (names transliteration-tolerant: article, vowels, hyphens, doubled letters, "
    "dh/th, q/k ignored); rows on negative articles are false positives; one-to-one, optimal "
    "(most pairs, then most agreeing fields) by the Hungarian algorithm"
)


class EvaluationInputError(Exception):
    """A gold, prediction or manifest file that cannot be read; the message names ``file:line``."""


# --------------------------------------------------------------------------- normalisation

_YEARS = re.compile(r"\s*\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")
_SPACES = re.compile(r"[\s\-_‐-―]+")


def norm(value: Any) -> str:
    """Comparable form of a name: accents dropped, case folded, hyphens and runs of spaces as one space."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFKD", str(value))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("'", "").replace("’", "").replace("`", "")
    return _SPACES.sub(" ", s).strip().casefold()


# Arabic article forms as transliterated: al-, el-, as-, ash-, ad-, adh-, ... (sun-letter assimilation).
_ARTICLE_WORDS = frozenset(
    "al el il ul as es ash esh ad ed adh ath et at ar er an en az ez".split()
)  # fmt: skip
_DIGRAPHS = (("dh", "t"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("ph", "f"),
             ("q", "k"), ("c", "k"), ("dj", "g"), ("j", "g"))  # fmt: skip
_VOWELS = re.compile(r"[aeiouyw]")


def place_key(value: Any) -> str:
    """A place name's transliteration-free skeleton: ``As-Sweida``, ``As Sweida`` and ``Suwayda`` -> ``sd``.

    Article words (``al-``, ``Ar-``, ``ez-``) go, then digraphs map to one letter (``Dhi-Qar`` and
    ``Thi Qar`` -> ``tkr``), vowels and semivowels go, a final ``h`` (ta marbuta: Hasakah/Hasaka)
    goes, and doubled letters count once. An all-vowel name keeps its plain :func:`norm` form.
    """
    words = norm(value).split(" ")
    words = [w for i, w in enumerate(words) if not (w in _ARTICLE_WORDS and i < len(words) - 1)]
    out = []
    for w in words:
        w = re.sub(r"[^a-z0-9]", "", w)
        if len(w) > 3 and w.endswith("h") and not w.endswith(("sh", "kh", "gh", "th", "dh")):
            w = w[:-1]  # Hasakah / Hasaka, Ninawah / Ninawa
        for a, b in _DIGRAPHS:
            w = w.replace(a, b)
        out.append(w)
    s = "".join(out)
    sk = re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", s))
    return sk or norm(value)


def same_place_name(a: Any, b: Any) -> bool:
    """Two place names that are one name in two transliterations (empty never matches)."""
    return norm(a) != "" and norm(b) != "" and place_key(a) == place_key(b)


def norm_actor(value: Any) -> str:
    """An actor name without ACLED's period suffixes: ``Military Forces of Israel (2022-)`` -> ``military forces of israel``."""
    return norm(_YEARS.sub(" ", str(value or "")))


def parse_day(value: Any) -> date | None:
    """An ISO date (``2025-04-06`` or a timestamp starting with one); None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _fatalities(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --------------------------------------------------------------------------- loading


@dataclass
class ManifestEntry:
    id: str
    pub_date: str = ""
    has_events: bool | None = None
    n_events: int | None = None

    @property
    def published(self) -> date | None:
        """The publication date when the manifest gives a full day (``2025-09`` is only a month: None)."""
        s = self.pub_date.strip()
        return parse_day(s) if len(s) >= 10 else None


def _read_jsonl(path: str | Path) -> list[dict]:
    rows: list[dict] = []
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as e:
        raise EvaluationInputError(f"{path}: cannot read ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise EvaluationInputError(f"{path}: not UTF-8 text") from None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise EvaluationInputError(f"{path}:{lineno}: malformed JSON ({e.msg})") from None
        if not isinstance(obj, dict):
            raise EvaluationInputError(f"{path}:{lineno}: each line must be a JSON object")
        obj["_where"] = f"{path}:{lineno}"
        rows.append(obj)
    return rows


def load_gold(path: str | Path) -> list[dict]:
    """Gold events, one JSON object a line, each naming its ``article`` (or ``article_id``) and ``event_type``."""
    rows = _read_jsonl(path)
    for r in rows:
        if not (r.get("article") or r.get("article_id") or r.get("file")):
            raise EvaluationInputError(f"{r['_where']}: gold event has no 'article'")
        if not r.get("event_type"):
            raise EvaluationInputError(f"{r['_where']}: gold event has no 'event_type'")
    return rows


def load_predictions(path: str | Path) -> list[dict]:
    """Predicted rows as written by ``rasd extract -f jsonl`` (each needs ``article_id`` or ``file``)."""
    rows = _read_jsonl(path)
    for r in rows:
        if not (r.get("article_id") or r.get("article") or r.get("file")):
            raise EvaluationInputError(f"{r['_where']}: predicted row has no 'article_id' or 'file'")
    return rows


def load_manifest(path: str | Path) -> dict[str, ManifestEntry]:
    """``manifest.csv`` (columns ``id``, ``pub_date``, ``has_events``, ``n_events``; others ignored)."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "id" not in reader.fieldnames:
                raise EvaluationInputError(f"{path}:1: manifest needs an 'id' column")
            out: dict[str, ManifestEntry] = {}
            for lineno, row in enumerate(reader, 2):
                aid = (row.get("id") or "").strip()
                if not aid:
                    raise EvaluationInputError(f"{path}:{lineno}: manifest row without an id")
                he = (row.get("has_events") or "").strip().lower()
                ne = (row.get("n_events") or "").strip()
                out[aid] = ManifestEntry(
                    id=aid,
                    pub_date=(row.get("pub_date") or "").strip(),
                    has_events=None if he == "" else he in ("1", "true", "yes", "y"),
                    n_events=int(ne) if ne.isdigit() else None,
                )
            return out
    except OSError as e:
        raise EvaluationInputError(f"{path}: cannot read ({e.strerror or e})") from None


def as_dicts(events: Iterable[Any]) -> list[dict]:
    """Event objects (or dicts) as plain dicts."""
    out = []
    for e in events:
        out.append(dict(e) if isinstance(e, Mapping) else e.to_dict())
    return out


# --------------------------------------------------------------------------- article keys


def _stem(value: Any) -> str:
    s = str(value or "").strip()
    if not s:
        return ""
    name = s.replace("\\", "/").rsplit("/", 1)[-1]
    for ext in (".txt", ".html", ".htm", ".jsonl", ".json"):
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return name


def _candidates(rec: Mapping[str, Any]) -> list[str]:
    keys = []
    for k in ("article", "article_id"):
        v = str(rec.get(k) or "").strip()
        if v:
            keys += [v, _stem(v)]
    if rec.get("file"):
        keys += [_stem(rec["file"])]
    return [k for i, k in enumerate(keys) if k and k not in keys[:i]]


def article_key(rec: Mapping[str, Any], known: set[str] | frozenset[str] = frozenset()) -> str:
    """The article a row belongs to: its ``article``/``article_id``, or its ``file``'s stem
    (``articles/art04.txt`` -> ``art04``), whichever names a known article; else the first of them."""
    cands = _candidates(rec)
    for k in cands:
        if k in known:
            return k
    return cands[0] if cands else ""


# --------------------------------------------------------------------------- splits

_OLD_ID = re.compile(r"art\d+")
_NEW_ID = re.compile(r"([ab])(\d+)")

#: Report order of the article groups in ``splits``.
SPLITS: tuple[str, ...] = ("old", "new", "tune", "check", "a", "b")


def splits_of(key: str) -> list[str]:
    """The groups of dev-eval an article belongs to, from its id.

    ``artNN``: ``old`` (the articles the rules were first written against). ``aNN`` / ``bNN``: ``new``,
    their region (``a`` Middle East and Asia, ``b`` Africa), and ``check`` when NN is divisible by 3
    (set aside: never tuned on), else ``tune``. Other ids belong to no group.
    """
    if _OLD_ID.fullmatch(key):
        return ["old"]
    m = _NEW_ID.fullmatch(key)
    if m:
        return ["new", m.group(1), "check" if int(m.group(2)) % 3 == 0 else "tune"]
    return []


def _split_scores(per_article: list[dict]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name in SPLITS:
        arts = [a for a in per_article if name in splits_of(a["article"])]
        if not arts:
            continue
        tp, fp, fn = (sum(a[k] for a in arts) for k in ("tp", "fp", "fn"))
        neg = [a for a in arts if a["negative"]]
        out[name] = {"articles": len(arts), "gold": sum(a["gold"] for a in arts), "pred": sum(a["pred"] for a in arts),
                     "tp": tp, "fp": fp, "fn": fn, **_prf(tp, fp, fn),
                     "negatives": len(neg), "false_events_on_negatives": sum(a["pred"] for a in neg)}  # fmt: skip
    return out


# --------------------------------------------------------------------------- matching


def compatible(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    """Can ``p`` stand for ``g``? Same event_type, dates within a day, same location or admin1."""
    if norm(g.get("event_type")) != norm(p.get("event_type")):
        return False
    gd, pd = parse_day(g.get("event_date")), parse_day(p.get("event_date"))
    if (gd is None) != (pd is None):
        return False
    if gd is not None and pd is not None and abs((gd - pd).days) > 1:
        return False
    return same_place_name(g.get("location"), p.get("location")) or same_place_name(g.get("admin1"), p.get("admin1"))


def field_agreement(g: Mapping[str, Any], p: Mapping[str, Any]) -> dict[str, bool]:
    """Which scored fields agree between a gold event and a prediction."""
    gf, pf = _fatalities(g.get("fatalities")), _fatalities(p.get("fatalities"))
    return {
        "sub_event_type": norm(g.get("sub_event_type")) == norm(p.get("sub_event_type")),
        "actor1": norm_actor(g.get("actor1")) == norm_actor(p.get("actor1")),
        "actor2": norm_actor(g.get("actor2")) == norm_actor(p.get("actor2")),
        "admin1": norm(g.get("admin1")) == norm(p.get("admin1")) or same_place_name(g.get("admin1"), p.get("admin1")),
        "location": norm(g.get("location")) == norm(p.get("location"))
        or same_place_name(g.get("location"), p.get("location")),
        "fatalities": gf == pf,
        "fatalities_pm1": gf == pf or (gf is not None and pf is not None and abs(gf - pf) <= 1),
        "event_date": parse_day(g.get("event_date")) == parse_day(p.get("event_date")),
    }


def pair_score(g: Mapping[str, Any], p: Mapping[str, Any]) -> float:
    """How well ``p`` fits ``g``: agreeing fields, plus small bonuses for near dates and counts."""
    agree = field_agreement(g, p)
    score = float(sum(agree[f] for f in FIELDS if f != "fatalities_pm1"))
    if agree["fatalities_pm1"]:
        score += 0.25
    gd, pd = parse_day(g.get("event_date")), parse_day(p.get("event_date"))
    if gd and pd and abs((gd - pd).days) == 1:
        score += 0.25
    return score


def _assign(weights: list[list[float | None]]) -> list[tuple[int, int]]:
    """Maximum-cardinality, then maximum-weight one-to-one pairing (rows x cols; None = not allowed).

    The Hungarian algorithm (O(n^3)) on a square cost matrix where an allowed pair costs
    ``-(BIG + w)`` and a forbidden one 0, so more pairs always beat better-scored ones.
    """
    n_r, n_c = len(weights), (len(weights[0]) if weights else 0)
    n = max(n_r, n_c)
    if n == 0:
        return []
    big = 1000.0
    cost = [[0.0] * n for _ in range(n)]
    for i in range(n_r):
        for j in range(n_c):
            w = weights[i][j]
            if w is not None:
                cost[i][j] = -(big + w)
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    p, way = [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = []
    for j in range(1, n + 1):
        i = p[j] - 1
        if i < n_r and j - 1 < n_c and weights[i][j - 1] is not None:
            pairs.append((i, j - 1))
    return sorted(pairs)


def match_article(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """Optimal one-to-one pairs (gold index, pred index) within one article."""
    weights = [[pair_score(g, p) if compatible(g, p) else None for p in pred] for g in gold]
    return _assign(weights)


# --------------------------------------------------------------------------- scoring


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def describe(e: Mapping[str, Any]) -> str:
    """One line about an event, for --details."""
    where = e.get("location") or "?"
    if e.get("admin1"):
        where += f" ({e['admin1']})"
    actors = e.get("actor1") or "?"
    if e.get("actor2"):
        actors += f" vs {e['actor2']}"
    return (f"{e.get('event_date') or 'no date'} {e.get('event_type') or '?'} / {e.get('sub_event_type') or '?'}"
            f" @ {where}; {actors}; fatalities {e.get('fatalities')}")


_SHOWN = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1", "location", "fatalities")


def _brief(e: Mapping[str, Any]) -> dict[str, Any]:
    out = {k: e.get(k) for k in _SHOWN}
    if "evidence_start" in e:  # a prediction: where in the article it was read
        out["evidence_start"] = e.get("evidence_start")
    return out


@dataclass
class _Article:
    key: str
    gold: list[dict] = field(default_factory=list)
    pred: list[dict] = field(default_factory=list)


def evaluate(
    gold: Iterable[Mapping[str, Any]],
    pred: Iterable[Any],
    *,
    manifest: Mapping[str, ManifestEntry] | None = None,
) -> dict[str, Any]:
    """Match ``pred`` (dicts or :class:`~extractor.record.Event`) to ``gold`` and score them.

    Returns one JSON-ready dict: ``events`` (counts, precision, recall, F1), ``fields`` (per-field
    accuracy on matched pairs), ``negatives`` (false events on articles the manifest marks with
    ``has_events=0``; None without a manifest), ``by_event_type`` and ``articles`` (per article:
    counts, the matched pairs with the fields that disagree, missed gold events, false positives).
    Predictions for an article that is neither in the gold nor in the manifest still count as false
    positives; they are listed in ``unknown_articles`` (usually a sign that article ids do not line up).
    """
    gold_l = [dict(g) for g in gold]
    pred_l = as_dicts(pred)
    manifest = dict(manifest or {})
    gold_keys = {article_key(g) for g in gold_l}
    known = gold_keys | set(manifest)

    arts: dict[str, _Article] = {k: _Article(k) for k in manifest}
    for g in gold_l:
        k = article_key(g, known)
        arts.setdefault(k, _Article(k)).gold.append(g)
    for p in pred_l:
        k = article_key(p, known)
        arts.setdefault(k, _Article(k)).pred.append(p)

    tp = fp = fn = 0
    agree_n = {f: 0 for f in FIELDS}
    by_type: dict[str, dict[str, int]] = {}

    def bump(et: str, what: str) -> None:
        by_type.setdefault(et or "?", {"gold": 0, "pred": 0, "tp": 0, "fp": 0, "fn": 0})[what] += 1

    per_article = []
    neg_articles = neg_hit = neg_events = 0
    for key in sorted(arts):
        a = arts[key]
        pairs = match_article(a.gold, a.pred)
        mg, mp = {i for i, _ in pairs}, {j for _, j in pairs}
        matches = []
        for i, j in pairs:
            ag = field_agreement(a.gold[i], a.pred[j])
            for f in FIELDS:
                agree_n[f] += ag[f]
            diffs = {f: {"gold": a.gold[i].get(f), "pred": a.pred[j].get(f)}
                     for f in FIELDS if f != "fatalities_pm1" and not ag[f]}  # fmt: skip
            matches.append({"gold": _brief(a.gold[i]), "pred": _brief(a.pred[j]), "disagree": diffs})
        missed = [_brief(a.gold[i]) for i in range(len(a.gold)) if i not in mg]
        false = [_brief(a.pred[j]) for j in range(len(a.pred)) if j not in mp]
        for g in a.gold:
            bump(g.get("event_type", ""), "gold")
        for p in a.pred:
            bump(p.get("event_type", ""), "pred")
        for i, j in pairs:
            bump(a.gold[i].get("event_type", ""), "tp")
        for i in range(len(a.gold)):
            if i not in mg:
                bump(a.gold[i].get("event_type", ""), "fn")
        for j in range(len(a.pred)):
            if j not in mp:
                bump(a.pred[j].get("event_type", ""), "fp")
        tp += len(pairs)
        fp += len(a.pred) - len(pairs)
        fn += len(a.gold) - len(pairs)
        entry = manifest.get(key)
        negative = bool(entry is not None and entry.has_events is False)
        if negative:
            neg_articles += 1
            neg_events += len(a.pred)
            neg_hit += bool(a.pred)
        per_article.append({
            "article": key, "negative": negative, "in_gold": key in gold_keys,
            "in_manifest": entry is not None, "gold": len(a.gold), "pred": len(a.pred),
            "tp": len(pairs), "fp": len(a.pred) - len(pairs), "fn": len(a.gold) - len(pairs),
            "matches": matches, "missed": missed, "false": false,
        })  # fmt: skip

    fields_out = {
        f: {"correct": agree_n[f], "total": tp, "accuracy": round(agree_n[f] / tp, 4) if tp else None}
        for f in FIELDS
    }
    for et in by_type.values():
        et.update(_prf(et["tp"], et["fp"], et["fn"]))
    unknown = sorted(a["article"] for a in per_article if a["pred"] and not a["in_gold"] and not a["in_manifest"])
    return {
        "match_rule": MATCH_RULE,
        "events": {"gold": len(gold_l), "pred": len(pred_l), "tp": tp, "fp": fp, "fn": fn, **_prf(tp, fp, fn)},
        "fields": fields_out,
        "negatives": (
            {"articles": neg_articles, "articles_with_events": neg_hit, "false_events": neg_events}
            if manifest else None
        ),
        "by_event_type": dict(sorted(by_type.items())),
        "splits": _split_scores(per_article),
        "articles": per_article,
        "unknown_articles": unknown,
    }


def extract_rows(
    pipeline: Any,
    paths: list[str],
    manifest: Mapping[str, ManifestEntry],
    gold_rows: list[dict],
    *,
    max_bytes: int = 20_000_000,
    warn: Any = None,
) -> tuple[list[dict], int, dict[str, Any]]:
    """Run ``pipeline`` over ``paths`` with publication dates from the manifest: (rows, failed inputs, run info).

    ``warn(message)`` receives one line per unreadable input ("error: ...") and per manifest date
    that is not a full day ("warning: ..."); the caller decides where it goes.
    """
    import dataclasses

    from .reading import read_inputs

    say = warn or (lambda _msg: None)
    known = set(manifest) | {article_key(g) for g in gold_rows}
    rows: list[dict] = []
    failed = articles = 0
    for item in read_inputs(paths, max_bytes=max_bytes):
        if not hasattr(item, "text"):
            say(f"error: {item}")
            failed += 1
            continue
        articles += 1
        key = article_key({"article_id": item.id, "file": item.path}, known)
        entry = manifest.get(key)
        if entry is not None:
            if entry.published is not None:
                item = dataclasses.replace(item, published=entry.published, date_basis="manifest")
            elif entry.pub_date:
                from .reading import parse_published

                month, precision = parse_published(entry.pub_date)
                if month is not None and precision == 3 and item.published is None:
                    # a month-only pub_date ("2025-09") is a month-precision anchor
                    item = dataclasses.replace(item, published=month, date_basis="manifest", date_precision=3)
                else:
                    say(f"warning: {key}: manifest pub_date {entry.pub_date!r} is not a full date; "
                        f"using the article's own ({item.published or 'none'})")
        rows.extend(e.to_dict() for e in pipeline.process(item).events)
    info = {"paths": list(paths), "ner_model": "none" if pipeline.ner is None else "loaded",
            "articles": articles, "failed_inputs": failed}  # fmt: skip
    return rows, failed, info


__all__ = [
    "FIELDS", "SPLITS", "extract_rows", "place_key", "same_place_name", "splits_of", "MATCH_RULE", "EvaluationInputError", "ManifestEntry", "article_key", "as_dicts", "compatible",
    "describe", "evaluate", "field_agreement", "load_gold", "load_manifest", "load_predictions", "match_article",
    "norm", "norm_actor", "pair_score", "parse_day",
]
