"""Rule files are checked against a schema at load: a slip is one clear error naming file and line."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from cli.main import app
from extractor import rules_schema as rs
from extractor.templates import TemplateSet

TRIGGERS = (rs.data_dir() / "triggers.yaml").read_text(encoding="utf-8")

TEMPLATE = """\
templates:
  - id: air_strike
    event_type: Explosions/Remote violence
    sub_event_type: Air/drone strike
    precedence: 90
    triggers: [غارة جوية]
"""


def errors(text: str, name: str = "triggers.yaml") -> list[str]:
    return [str(e) for e in rs.validate_text(name, text)[1]]


def test_every_bundled_rule_file_is_valid_and_its_header_is_up_to_date():
    assert {n: [str(e) for e in errs] for n, errs in rs.check_all().items() if errs} == {}


def test_a_valid_template_passes():
    assert errors(TEMPLATE) == []


def test_a_misspelt_key_is_named_with_its_line_and_the_key_meant():
    bad = TEMPLATE + "    unles: [تدريبات]\n"
    assert errors(bad) == [
        "triggers.yaml:7: templates[0]: unknown key 'unles' (did you mean 'unless'?); allowed: "
        + ", ".join(rs.TEMPLATE["properties"])
    ]


def test_a_missing_required_key():
    bad = TEMPLATE.replace("    triggers: [غارة جوية]\n", "")
    assert errors(bad) == ["triggers.yaml:2: templates[0]: 'triggers' missing (required)"]


def test_a_wrong_type():
    assert errors(TEMPLATE.replace("precedence: 90", "precedence: high")) == [
        "triggers.yaml:5: templates[0].precedence: expected integer, got str 'high'"
    ]


def test_an_unknown_sub_event_type_suggests_the_acled_one():
    assert errors(TEMPLATE.replace("Air/drone strike", "Air strike")) == [
        "triggers.yaml:4: templates[0].sub_event_type: 'Air strike' is not a known value (did you mean 'Air/drone strike'?)"
    ]


def test_a_sub_event_type_of_another_event_type():
    # ACLED codebook: "Armed clash" is a sub-event of Battles only
    out = errors(TEMPLATE.replace("Air/drone strike", "Armed clash"))
    assert len(out) == 1 and out[0].startswith("triggers.yaml:4: templates[0].sub_event_type: sub-event type 'Armed clash'")


def test_a_duplicate_template_id():
    bad = TEMPLATE + TEMPLATE.split("\n", 1)[1]
    assert errors(bad) == ["triggers.yaml:7: templates[1].id: duplicate id 'air_strike' (first at templates[0])"]


def test_a_duplicate_mapping_key_is_not_silently_overwritten():
    bad = TEMPLATE + "roles:\n  window: 3\n  window: 4\n"
    assert errors(bad) == ["triggers.yaml:9: duplicate key 'window' (first at line 8)"]


def test_an_unknown_actor_kind_in_needs_actor():
    bad = TEMPLATE + "    needs_actor: [armed, soldiers]\n"
    assert errors(bad)[0].startswith("triggers.yaml:7: templates[0].needs_actor[1]: unknown actor kind 'soldiers'")


def test_actors_group_kind_must_be_a_key_of_kind_inter():
    text = "kind_inter: {rebel: 2}\ncountries: {}\ngroups:\n  - name: Jaish al Adl\n    kind: rebels\n"
    assert errors(text, "actors.yaml") == [
        "actors.yaml:5: groups[0].kind: unknown actor kind 'rebels' (a key of kind_inter: rebel)"
    ]


def test_a_dated_range_must_hold_dates():
    text = ("kind_inter: {rebel: 2}\ncountries: {}\ngroups:\n  - name: A\n    kind: rebel\n"
            "    dated: [{from: soon, name: B}]\n")  # fmt: skip
    assert errors(text, "actors.yaml") == ["actors.yaml:6: groups[0].dated[0].from: 'soon' is not a 'date'"]
    assert errors(text.replace("soon", "2021-13-01"), "actors.yaml") == [
        "actors.yaml:6: not a valid value: '2021-13-01' (month must be in 1..12)"]


def test_invalid_yaml_names_the_line():
    out = errors(TEMPLATE + "  - id: [unclosed\n")
    assert len(out) == 1 and out[0].startswith("triggers.yaml:8: not valid YAML")


def test_word_list_duplicates_and_comments():
    text = "# header\nرويترز\nشينخوا\nرويترز\nفرانس برس # the agency\n"
    assert [str(e) for e in rs.word_list_errors("agencies.txt", text)] == [
        "agencies.txt:4: duplicate entry 'رويترز' (first at line 2)",
        "agencies.txt:5: one entry a line, no tabs or trailing comments: 'فرانس برس # the agency'",
    ]


def test_the_loader_raises_naming_the_file_it_read(tmp_path):
    p = tmp_path / "my_triggers.yaml"
    p.write_text(TEMPLATE.replace("precedence: 90", "precedance: 90"), encoding="utf-8")
    with pytest.raises(rs.RuleFileErrors, match=r"my_triggers.yaml:5: templates\[0\]: unknown key 'precedance'"):
        TemplateSet.load(str(p))


def test_the_header_lists_every_key_of_the_schema():
    block = rs.header_block("triggers.yaml")
    for key in rs.TEMPLATE["properties"]:
        assert f"#   {key} (" in block
    assert "if_target_civilian" not in TRIGGERS  # documented once, never read


def test_a_stale_header_is_an_error_and_write_headers_fixes_it(tmp_path):
    stale = TRIGGERS.replace("#   generic (bool)", "#   generic (text)")
    assert [e.message.split(":")[0] for e in rs.header_errors("triggers.yaml", stale)] == [
        "the header's key list is out of date with the schema"]
    assert rs.with_header("triggers.yaml", stale) == TRIGGERS


runner = CliRunner()


def test_rasd_rules_check_passes_on_the_bundled_files():
    r = runner.invoke(app, ["rules", "check"])
    assert r.exit_code == 0, r.output
    n = len(rs.SCHEMAS) + len(rs.WORD_LISTS)
    assert f"{n} of {n} rule files valid" in r.output


def test_rasd_rules_check_fails_naming_file_and_line(tmp_path):
    for n in (*rs.SCHEMAS, *rs.WORD_LISTS):
        shutil.copy(rs.data_dir() / n, tmp_path / n)
    t = (tmp_path / "dates.yaml").read_text(encoding="utf-8")
    (tmp_path / "dates.yaml").write_text(t.replace("month_cues:", "month_cue:"), encoding="utf-8")
    line = t[: t.index("month_cues:")].count("\n") + 1
    r = runner.invoke(app, ["rules", "check", "--data-dir", str(tmp_path)])
    assert r.exit_code == 1
    assert f"error: dates.yaml:{line}: top level: unknown key 'month_cue' (did you mean 'month_cues'?)" in r.output
