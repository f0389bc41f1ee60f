"""A `rasd` start stays light: the fast option values equal Typer's own, and a cron run with nothing to do
imports neither the model (torch, stanza) nor pydantic nor the extraction code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _outcome(fn):
    try:
        got = fn()
    except Exception as e:  # noqa: BLE001 - the error is the outcome compared
        msg = e.format_message() if hasattr(e, "format_message") else str(e)
        return ("error", type(e).__name__, msg)
    return ("value", type(got).__name__, repr(got))


def test_fast_option_values_equal_typers_own_coercion(tmp_path):
    typer_main = pytest.importorskip("typer.main")
    coercion = pytest.importorskip("typer._coercion")
    import cli.main as m
    from cli._fast_params import install

    if not install():
        pytest.skip("this Typer coerces without pydantic TypeAdapters")
    from typer import _click

    a_file = tmp_path / "a.txt"
    a_file.write_text("x", encoding="utf-8")
    values = [None, "", "x", "-", "4", "04", " 4", "4_0", "+4", "-1", "0", "1", "1e3", "1.5", "0.5", "1.", ".5",
              "nan", "inf", "99999999999999999999", "jsonl", "JSONL", "table", "csv", "bogus", "bundled", "none",
              4, 0, -3, 1.0, 0.25, 2.5, float("nan"), True, False, str(tmp_path), str(a_file), str(tmp_path / "no"),
              tmp_path, ("a", "b"), ["x"], (), "\udcff", "a\x00b"]  # fmt: skip
    checked = 0

    def walk(cmd):
        nonlocal checked
        ctx = _click.Context(cmd)
        for p in cmd.params:
            if not hasattr(p, "type_descriptor"):
                continue
            real = coercion.build_runtime_param(p.type_descriptor)
            fast = p.get_runtime_param()
            assert type(fast).__name__ == "FastRuntimeParam"
            for v in values + [p.default]:
                want = _outcome(lambda v=v, p=p, real=real: real.coerce(v, param=p, ctx=ctx))
                got = _outcome(lambda v=v, p=p, fast=fast: fast.coerce(v, param=p, ctx=ctx))
                assert got == want, (cmd.name, p.name, v)
                checked += 1
        for sub in getattr(cmd, "commands", {}).values():
            walk(sub)

    walk(typer_main.get_command(m.app))
    assert checked > 1000


def _noop_run(tmp_path: Path, ner: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("خبر قصير عن الطقس في الرياض اليوم.", encoding="utf-8")
    argv = ["rasd", "extract", str(folder), "--state", str(tmp_path / "s.db"), "-o", str(tmp_path / "e.jsonl"),
            "--append", "-f", "jsonl", "-q", "--ner-model", ner]  # fmt: skip
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    first = subprocess.run([sys.executable, "-m", "cli.main", *argv[1:]], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=300, check=False)  # fmt: skip
    assert first.returncode == 0, first.stderr
    code = ("import runpy, sys\n"
            f"sys.argv = {argv!r}\n"
            "try:\n    runpy.run_module('cli.main', run_name='__main__')\n"
            "except SystemExit as e:\n    rc = e.code\n"
            "print(rc)\n"
            "print(' '.join(sorted(sys.modules)))\n")  # fmt: skip
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
                       check=False)
    return r, r.stdout.split("\n")


@pytest.mark.parametrize("ner", ["none", "bundled"])
def test_a_cron_run_with_nothing_to_do_imports_no_model_no_pydantic_no_extraction(tmp_path, ner):
    if ner == "bundled":
        from extractor.ner import NerUnavailable, check_ner

        try:
            check_ner("bundled", None)
        except (NerUnavailable, FileNotFoundError):
            pytest.skip("no bundled NER model here")
    r, lines = _noop_run(tmp_path, ner)
    assert r.returncode == 0 and lines[0] == "0", r.stderr
    mods = set(lines[1].split())
    tops = {m.split(".")[0] for m in mods}
    assert not tops & {"torch", "stanza", "numpy", "pydantic", "pydantic_core", "yaml", "ahocorasick", "jsonschema"}
    heavy = {"extractor.pipeline", "extractor.templates", "extractor.mentions", "extractor.resolve.places",
             "extractor.context", "extractor.assemble", "extractor.rules_schema", "extractor.normalize",
             "extractor.segment"}  # fmt: skip
    assert not mods & heavy
