"""The audit sample registry (bench/audit_samples.py): a check sample's clean part is what no rule writer saw."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from audit_samples import REGISTRY, Sample, Samples, is_even, load_registry

ARTS = [{"id": f"2015-08-01:{i}", "text": "x", "date": "2015-08-01"} for i in range(60)]


def reg(*rows: Sample) -> dict[str, Sample]:
    return {s.name: s for s in rows}


def test_the_shipped_registry_loads_and_names_its_check_samples():
    r = load_registry(REGISTRY)
    assert {"9", "101", "151", "211", "221"} <= {n for n, s in r.items() if s.role == "check"}
    assert r["221"].after and not r["151"].after


def test_a_bad_role_is_named_with_its_line(tmp_path):
    p = tmp_path / "s.tsv"
    p.write_text("name\tseed\texcluded\trole\tround\tnote\n1\t1\t\tlooked\t9\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"s.tsv:2: role 'looked'"):
        load_registry(p)


def test_a_sample_drawn_with_exclusions_is_not_its_seeds_first_draw():
    """Why the registry exists: excluding seed 2's *first draw* does not exclude the sample seed 2 was drawn as."""
    S = Samples(ARTS, reg(Sample("1", 1, (), "check", "1", ""), Sample("2", 2, (1,), "tuned", "1", ""),
                          Sample("3", 3, (1, 2), "check", "1", "")), size=20)  # fmt: skip
    assert not S.ids("2") & S.ids("1")
    assert S.ids("2") != S.first_draw(2)
    assert S.ids("3") & S.ids("2")  # the old way leaks tuned articles into a "fresh" check sample
    assert S.clean_ids("3") == S.ids("3") - S.ids("2")


def test_a_tuned_even_sample_hides_only_its_even_ids_and_a_fresh_sample_none():
    S = Samples(ARTS, reg(Sample("t", 5, (), "tuned-even", "1", ""), Sample("f", 6, (), "check", "1", "", True)),
                size=20)  # fmt: skip
    assert S.tuned_ids() == {i for i in S.ids("t") if is_even(i)}
    assert not S.ids("f") & S.ids("t")
    assert S.clean_ids("f") == S.ids("f")
    assert {a["id"] for a in S.fresh(7)}.isdisjoint(S.held())
