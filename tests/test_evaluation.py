"""The event matcher and `rasd evaluate`: hand-made gold/pred pairs with known scores.

Every gold or predicted row here is made up; the real dev-eval texts are only read (never
embedded) by the last test, which skips when ../shared/dev-eval is absent.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cli.main import app
from extractor.evaluation import (
    EvaluationInputError, ManifestEntry, article_key, evaluate, load_gold, load_manifest, match_article, norm_actor,
)  # fmt: skip
from extractor.record import Event

from conftest import SHARED

runner = CliRunner()


def gold(article="a1", **kw):
    row = {
        "article": article, "event_date": "2025-04-06", "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Israel (2022-)",
        "actor2": "Civilians (Palestine)", "country": "Palestine", "admin1": "Gaza Strip",
        "location": "Khan Yunis", "fatalities": 9,
    }  # fmt: skip
    row.update(kw)
    return row


def pred(article="a1", **kw):
    row = gold(article, **kw)
    row["article_id"] = row.pop("article")
    row["file"] = f"articles/{row['article_id']}.txt"
    return row


def score(g, p, **kw):
    return evaluate(g, p, **kw)


# --------------------------------------------------------------------------- event counts


def test_perfect_match():
    r = score([gold(), gold(location="Rafah", fatalities=0)], [pred(), pred(location="Rafah", fatalities=0)])
    e = r["events"]
    assert (e["tp"], e["fp"], e["fn"]) == (2, 0, 0)
    assert e["precision"] == e["recall"] == e["f1"] == 1.0
    assert all(f["accuracy"] == 1.0 and f["total"] == 2 for f in r["fields"].values())


def test_one_missing():
    r = score([gold(), gold(location="Rafah", admin1="Gaza Strip X")], [pred()])
    e = r["events"]
    assert (e["tp"], e["fp"], e["fn"]) == (1, 0, 1)
    assert (e["precision"], e["recall"], e["f1"]) == (1.0, 0.5, pytest.approx(0.6667, abs=1e-4))


def test_one_extra():
    r = score([gold()], [pred(), pred(event_type="Battles", sub_event_type="Armed clash")])
    e = r["events"]
    assert (e["tp"], e["fp"], e["fn"]) == (1, 1, 0)
    assert (e["precision"], e["recall"]) == (0.5, 1.0)


@pytest.mark.parametrize("day,matches", [("2025-04-06", True), ("2025-04-05", True), ("2025-04-07", True),
                                         ("2025-04-04", False), ("2025-04-08", False), (None, False)])
def test_dates_within_one_day(day, matches):
    r = score([gold()], [pred(event_date=day)])
    assert r["events"]["tp"] == int(matches)
    if matches:
        assert r["fields"]["event_date"]["accuracy"] == (1.0 if day == "2025-04-06" else 0.0)


def test_missing_dates_match_each_other():
    assert score([gold(event_date=None)], [pred(event_date=None)])["events"]["tp"] == 1


def test_location_or_admin1():
    # same admin1, other location: a match (location scored wrong)
    r = score([gold()], [pred(location="Rafah")])
    assert r["events"]["tp"] == 1 and r["fields"]["location"]["accuracy"] == 0.0
    assert r["fields"]["admin1"]["accuracy"] == 1.0
    # same location, other admin1: a match
    r = score([gold()], [pred(admin1="Khan Yunis")])
    assert r["events"]["tp"] == 1 and r["fields"]["admin1"]["accuracy"] == 0.0
    # neither: no match
    r = score([gold()], [pred(location="Sanaa", admin1="Amanat al Asimah")])
    assert (r["events"]["tp"], r["events"]["fp"], r["events"]["fn"]) == (0, 1, 1)


def test_names_ignore_case_space_hyphens():
    r = score([gold(location="Orm al-Jawz")], [pred(location="orm  AL Jawz", admin1="gaza strip")])
    assert r["fields"]["location"]["accuracy"] == r["fields"]["admin1"]["accuracy"] == 1.0


def test_actor_year_suffix_ignored():
    assert norm_actor("Military Forces of Israel (2022-)") == norm_actor("Military Forces of Israel")
    assert norm_actor("Police Forces of Iraq (2014-2021)") == norm_actor("police forces of iraq")
    assert norm_actor("Military Forces of Yemen (2017-) Houthi") == norm_actor("Military Forces of Yemen Houthi")
    r = score([gold()], [pred(actor1="Military Forces of Israel (2009-2022)", actor2="Civilians (Palestine)")])
    assert r["fields"]["actor1"]["accuracy"] == 1.0 and r["fields"]["actor2"]["accuracy"] == 1.0
    r = score([gold()], [pred(actor1="Hamas")])
    assert r["fields"]["actor1"]["accuracy"] == 0.0


def test_event_type_mismatch_is_no_match():
    r = score([gold()], [pred(event_type="Battles", sub_event_type="Armed clash")])
    assert (r["events"]["tp"], r["events"]["fp"], r["events"]["fn"]) == (0, 1, 1)
    # same event_type, other sub_event_type: a match, sub-type scored wrong
    r = score([gold()], [pred(sub_event_type="Shelling/artillery/missile attack")])
    assert r["events"]["tp"] == 1 and r["fields"]["sub_event_type"]["accuracy"] == 0.0


def test_other_article_is_no_match():
    r = score([gold("a1")], [pred("a2")])
    assert (r["events"]["tp"], r["events"]["fp"], r["events"]["fn"]) == (0, 1, 1)
    assert r["unknown_articles"] == ["a2"]


def test_negatives_counted():
    man = {"a1": ManifestEntry("a1", "2025-04-06", True, 1), "n1": ManifestEntry("n1", "2019-01-06", False, 0),
           "n2": ManifestEntry("n2", "", False, 0)}  # fmt: skip
    r = score([gold("a1")], [pred("a1"), pred("n1"), pred("n1", location="Rafah")], manifest=man)
    assert r["negatives"] == {"articles": 2, "articles_with_events": 1, "false_events": 2}
    assert (r["events"]["tp"], r["events"]["fp"]) == (1, 2)
    assert r["unknown_articles"] == []
    by = {a["article"]: a for a in r["articles"]}
    assert by["n1"]["negative"] and by["n2"]["negative"] and not by["a1"]["negative"]
    assert score([gold()], [pred()])["negatives"] is None  # no manifest, no known negatives


def test_one_to_one_with_duplicates():
    # two identical predictions for one gold event: one tp, one fp
    r = score([gold()], [pred(), pred()])
    assert (r["events"]["tp"], r["events"]["fp"], r["events"]["fn"]) == (1, 1, 0)
    # two gold events, one prediction compatible with both: it takes the better one
    r = score([gold(), gold(location="Rafah", fatalities=0)], [pred(location="Rafah", fatalities=0)])
    assert r["events"]["tp"] == 1
    assert r["fields"]["location"]["accuracy"] == 1.0 and r["fields"]["fatalities"]["accuracy"] == 1.0


def test_matching_maximises_pairs_before_scores():
    # p0 fits g0 best, but only p0 can match g1: greedy-by-score would give 1 pair, optimal gives 2
    g = [gold(location="Khan Yunis"), gold(location="Rafah", admin1="Rafah Governorate")]
    p = [pred(location="Khan Yunis", admin1="Rafah Governorate"), pred(location="Gaza City", fatalities=0)]
    # p0 ~ g0 (same location) and p0 ~ g1 (same admin1); p1 ~ g0 only (same admin1 Gaza Strip)
    assert match_article(g, p) == [(0, 1), (1, 0)]
    assert score(g, p)["events"]["tp"] == 2


@pytest.mark.parametrize("pf,exact,pm1", [(9, 1.0, 1.0), (8, 0.0, 1.0), (10, 0.0, 1.0), (7, 0.0, 0.0), (None, 0.0, 0.0)])
def test_fatalities_exact_and_within_one(pf, exact, pm1):
    r = score([gold(fatalities=9)], [pred(fatalities=pf)])
    assert r["fields"]["fatalities"]["accuracy"] == exact
    assert r["fields"]["fatalities_pm1"]["accuracy"] == pm1


def test_event_objects_and_article_keys():
    ev = Event(event_date="2025-04-06", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
               actor1="Military Forces of Israel", admin1="Gaza Strip", location="Khan Yunis", fatalities=9,
               article_id="some-other-id", file="/data/eval/articles/a1.txt")  # fmt: skip
    r = score([gold()], [ev])
    assert r["events"]["tp"] == 1
    assert article_key({"article_id": "a1"}, {"a1"}) == "a1"
    assert article_key({"article_id": "x", "file": "dir/a1.html"}, {"a1"}) == "a1"
    assert article_key({"article_id": "dir/a1.txt"}) == "dir/a1.txt"


def test_no_matched_pairs_gives_none_accuracy():
    r = score([gold()], [])
    assert r["events"]["precision"] == 0.0 and r["events"]["recall"] == 0.0
    assert r["fields"]["actor1"]["accuracy"] is None


def test_bad_lines_name_file_and_line(tmp_path):
    p = tmp_path / "gold.jsonl"
    p.write_text(json.dumps(gold()) + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(EvaluationInputError, match=r"gold\.jsonl:3: malformed JSON"):
        load_gold(p)
    p.write_text(json.dumps({"event_type": "Battles"}) + "\n", encoding="utf-8")
    with pytest.raises(EvaluationInputError, match=r"gold\.jsonl:1: .*no 'article'"):
        load_gold(p)


def test_manifest(tmp_path):
    m = tmp_path / "manifest.csv"
    m.write_text("id,pub_date,has_events,n_events\na1,2025-04-06,1,1\nn1,2025-09,0,0\nu1,,,\n", encoding="utf-8")
    man = load_manifest(m)
    assert man["a1"].has_events is True and str(man["a1"].published) == "2025-04-06"
    assert man["n1"].has_events is False and man["n1"].published is None  # month only: no full date
    assert man["u1"].has_events is None


# --------------------------------------------------------------------------- CLI


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)


@pytest.fixture
def files(tmp_path):
    g = write_jsonl(tmp_path / "gold.jsonl", [gold("a1"), gold("a1", location="Rafah", fatalities=0)])
    p = write_jsonl(tmp_path / "pred.jsonl", [pred("a1"), pred("n1")])
    (tmp_path / "manifest.csv").write_text("id,pub_date,has_events\na1,2025-04-06,1\nn1,2025-04-06,0\n",
                                           encoding="utf-8")
    return g, p


def test_cli_json(files):
    g, p = files
    r = runner.invoke(app, ["evaluate", "--gold", g, "--pred", p, "--format", "json"])
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert (out["events"]["tp"], out["events"]["fp"], out["events"]["fn"]) == (1, 1, 1)
    assert out["events"]["precision"] == 0.5 and out["events"]["recall"] == 0.5
    assert out["negatives"] == {"articles": 1, "articles_with_events": 1, "false_events": 1}  # manifest found next to gold
    assert set(out["fields"]) >= {"sub_event_type", "actor1", "actor2", "admin1", "location", "fatalities",
                                  "fatalities_pm1", "event_date"}  # fmt: skip
    assert "missed" not in out["articles"][0]
    r = runner.invoke(app, ["evaluate", "--gold", g, "--pred", p, "--format", "json", "--details"])
    by = {a["article"]: a for a in json.loads(r.stdout)["articles"]}
    assert by["a1"]["missed"][0]["location"] == "Rafah" and by["n1"]["false"][0]["location"] == "Khan Yunis"


def test_cli_text(files):
    g, p = files
    r = runner.invoke(app, ["evaluate", "--gold", g, "--pred", p, "--details"])
    assert r.exit_code == 0, r.stderr
    assert "precision" in r.stdout and "fatalities ±1" in r.stdout
    assert "1 false event(s) on 1 of 1 negative article(s)" in r.stdout
    assert "MISSED" in r.stderr and "FALSE" in r.stderr


@pytest.mark.parametrize("args", [
    ["evaluate", "--pred", "x.jsonl"],                       # no --gold
    ["evaluate", "--gold", "/nonexistent/gold.jsonl", "--pred", "x.jsonl"],  # gold file missing
    ["evaluate", "--gold", "GOLD"],                          # neither --pred nor PATHS
    ["evaluate", "--gold", "GOLD", "--pred", "PRED", "some/dir"],  # both
    ["evaluate", "--gold", "GOLD", "--pred", "/nonexistent/pred.jsonl"],
])  # fmt: skip
def test_cli_usage_errors_exit_2(files, args):
    g, p = files
    args = [g if a == "GOLD" else p if a == "PRED" else a for a in args]
    r = runner.invoke(app, args)
    assert r.exit_code == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "usage error" in r.stderr


def test_cli_bad_json_line_names_file_and_line(files, tmp_path):
    g, _ = files
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(pred()) + "\n" + '{"article_id": "a1",\n', encoding="utf-8")
    r = runner.invoke(app, ["evaluate", "--gold", g, "--pred", str(bad)])
    assert r.exit_code == 1
    assert len(r.stderr.strip().splitlines()) == 1 and "bad.jsonl:2:" in r.stderr


DEV = SHARED / "dev-eval"


@pytest.mark.skipif(not (DEV / "gold.jsonl").is_file(), reason="../shared/dev-eval is not here")
def test_cli_runs_over_dev_eval():
    """Extract from the real dev-eval articles and score them: the output is well-formed (not the score)."""
    r = runner.invoke(app, ["evaluate", "--gold", str(DEV / "gold.jsonl"), str(DEV / "articles"),
                            "--ner-model", "none", "--format", "json"])  # fmt: skip
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    n_gold = sum(1 for line in (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip())
    e = out["events"]
    assert e["gold"] == n_gold and e["tp"] + e["fn"] == n_gold and e["tp"] + e["fp"] == e["pred"]
    assert all(0.0 <= e[k] <= 1.0 for k in ("precision", "recall", "f1"))
    assert out["negatives"]["articles"] >= 1 and out["unknown_articles"] == []
    assert out["run"]["articles"] == len(list((DEV / "articles").iterdir()))
    assert {a["article"] for a in out["articles"]} >= {json.loads(x)["article"] for x in
                                                       (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()}


# --------------------------------------------------------------------------- transliteration and splits


@pytest.mark.parametrize("a,b", [
    ("As-Sweida", "As Sweida"), ("As-Sweida", "Suwayda"), ("Dhi-Qar", "Thi Qar"), ("Deir ez-Zor", "Dayr az-Zawr"),
    ("Al Hasakah", "Hasaka"), ("Ar-Raqqa", "Raqqah"), ("Idlib", "Edleb"), ("Al Anbar", "Anbar"),
])  # fmt: skip
def test_place_names_compare_transliteration_tolerantly(a, b):
    from extractor.evaluation import same_place_name

    from extractor.evaluation import compatible

    assert same_place_name(a, b)
    assert compatible(gold("a1", location=a, admin1="X"), pred("a1", location=b, admin1="Y"))


@pytest.mark.parametrize("a,b", [("Homs", "Hama"), ("Gaza", "Khan Yunis"), ("Aden", "Abyan"), ("", "")])
def test_different_places_stay_different(a, b):
    from extractor.evaluation import same_place_name

    assert not same_place_name(a, b)


def test_splits_by_article_id():
    from extractor.evaluation import splits_of

    assert splits_of("art04") == ["old"]
    assert splits_of("a03") == ["new", "a", "check"] and splits_of("b10") == ["new", "b", "tune"]
    assert splits_of("x1") == []


def test_split_scores_count_negative_rows_against_precision():
    man = {"a01": ManifestEntry("a01", "2025-04-06", True), "a03": ManifestEntry("a03", "2025-04-06", False)}
    r = evaluate([gold("a01")], [pred("a01"), pred("a03")], manifest=man)
    assert r["splits"]["tune"]["precision"] == 1.0 and r["splits"]["check"]["precision"] == 0.0
    assert r["splits"]["check"]["false_events_on_negatives"] == 1
    assert r["splits"]["new"]["precision"] == 0.5 and r["events"]["precision"] == 0.5
