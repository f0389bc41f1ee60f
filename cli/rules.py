"""`rasd rules ...`: the rule files in extractor/data (triggers, actors, casualties, dates, numbers, places).

A thin layer over extractor.rules_schema: `rasd rules check` validates every rule file against its
schema, as the loaders do, and reports each problem as `file:line: message` on stderr.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="The rule files: check them.", no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False)  # fmt: skip


@app.command()
def check(
    folder: Annotated[Path | None, typer.Option("--data-dir", help="A folder of rule files to check "
                                                   "(default: the bundled extractor/data).")] = None,
    write_headers: Annotated[bool, typer.Option("--write-headers", help="Rewrite each YAML file's generated key "
                                                "list from the schema, then check.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the problems as JSON on stdout.")] = False,
) -> None:
    """Validate every rule file (unknown or missing keys, wrong types, duplicate ids, unknown event types).

    Exit 0 when all are valid, 1 when any has a problem.
    """
    from extractor import rules_schema as rs

    d = folder or rs.data_dir()
    if not d.is_dir():
        typer.echo(f"error: {d} is not a folder", err=True)
        raise typer.Exit(2)
    if write_headers:
        for name in rs.SCHEMAS:
            p = d / name
            if p.exists():
                text = p.read_text(encoding="utf-8")
                new = rs.with_header(name, text)
                if new != text:
                    tmp = p.with_name(p.name + ".tmp")
                    tmp.write_text(new, encoding="utf-8")
                    tmp.replace(p)  # atomic
                    typer.echo(f"rewrote the key list in {name}", err=True)
    results = rs.check_all(d)
    bad = sum(len(v) for v in results.values())
    if as_json:
        typer.echo(json.dumps({n: [{"line": e.line, "message": e.message} for e in errs]
                               for n, errs in results.items()}, ensure_ascii=False, indent=1))  # fmt: skip
    for errs in results.values():
        for e in errs:
            typer.echo(f"error: {e}", err=True)
    ok = sum(1 for v in results.values() if not v)
    typer.echo(f"{ok} of {len(results)} rule files valid" + (f", {bad} problem(s)" if bad else ""), err=True)
    if bad:
        raise typer.Exit(1)
