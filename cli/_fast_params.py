"""Option values without pydantic, where the answer is certain (a faster `rasd` start).

Typer 0.2x coerces every option value, defaults included, through a pydantic ``TypeAdapter``: importing
pydantic and building the adapters of one command costs about 0.25 s of CPU at every start, the largest part
of a cron run that finds nothing to do. The values this CLI takes are plain (str, bool, int, float, an Enum of
choices, a Path, a list of str), and for those the result is known without pydantic: a str is itself, ``"4"``
for an int option is 4, a Path is ``Path(value)`` then Typer's own path checks. :func:`install` gives each
Typer parameter a coercion that answers those cases itself and hands every other value (and every value the
fast answer is not sure of, errors included) to Typer's pydantic coercion, built only then, so results and
error messages are Typer's own. ``tests/test_cli_startup.py`` compares both on every option of every command.

Only Typer versions with this design are touched (``typer.core._TyperParameter.get_runtime_param`` and
``typer._coercion.RuntimeParam``); with any other Typer, :func:`install` does nothing.
"""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

_MISS = object()
_INT = re.compile(r"[0-9]{1,18}")
_FLOAT = re.compile(r"[0-9]{1,15}(?:\.[0-9]{0,15})?")


def _in_range(v: Any, info: Any) -> bool:
    return (info.min is None or v >= info.min) and (info.max is None or v <= info.max)


def _leaf(ann: Any, info: Any, value: Any, param: Any, ctx: Any) -> Any:
    """The coerced value of one leaf annotation, or _MISS when unsure (then pydantic decides)."""
    if ann is str:
        return value if type(value) is str else _MISS
    if ann is bool:
        return value if type(value) is bool else _MISS
    if ann is int:
        if type(value) is str and _INT.fullmatch(value):
            value = int(value)
        if type(value) is int and not info.clamp and _in_range(value, info):
            return value
        return _MISS
    if ann is float:
        if type(value) is str and _FLOAT.fullmatch(value) or type(value) is int:
            value = float(value)
        if type(value) is float and not info.clamp and _in_range(value, info):
            return value
        return _MISS
    if isinstance(ann, type) and issubclass(ann, Enum):
        if type(value) is not str and not isinstance(value, ann):
            return _MISS
        from typer._param_types import coerce_cli_choice

        return coerce_cli_choice(value, choices=list(ann), case_sensitive=info.case_sensitive, ctx=ctx)
    if ann is Path and info.path_type in (None, Path):
        if type(value) is str:
            value = Path(value)
        if not isinstance(value, Path):
            return _MISS
        from typer._param_types import coerce_cli_path

        return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)
    return _MISS


def fast_value(descriptor: Any, value: Any, param: Any, ctx: Any) -> Any:
    """What Typer's coercion would return for a non-None ``value``, or _MISS when unsure."""
    info = descriptor.parameter_info
    if descriptor.file_annotation is not None or info.parser is not None:
        return _MISS
    ann = descriptor.annotation
    try:
        if get_origin(ann) is list:
            (item,) = get_args(ann)
            items = value if isinstance(value, (list, tuple)) else [value]
            out = [_leaf(item, info, v, param, ctx) for v in items]
            return _MISS if any(v is _MISS for v in out) else out
        if get_origin(ann) is not None:
            return _MISS
        return _leaf(ann, info, value, param, ctx)
    except Exception:  # noqa: BLE001 - an error is Typer's to word: ask the real coercion
        return _MISS


def install() -> bool:
    """Give every Typer parameter the fast coercion (once per process); False if this Typer is not the kind."""
    try:
        from dataclasses import dataclass, field

        from typer import _coercion, core
    except ImportError:
        return False
    cls = getattr(core, "_TyperParameter", None)
    base = getattr(_coercion, "RuntimeParam", None)
    build = getattr(_coercion, "build_runtime_param", None)
    if cls is None or base is None or build is None or "get_runtime_param" not in vars(cls):
        return False
    if getattr(cls.get_runtime_param, "_rasd_fast", False):
        return True

    @dataclass(frozen=True)
    class FastRuntimeParam(base):  # type: ignore[misc, valid-type]
        descriptor: Any = None
        _real: list = field(default_factory=list)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            got = fast_value(self.descriptor, value, param, ctx)
            if got is not _MISS:
                return got
            if not self._real:
                self._real.append(build(self.descriptor))
            return self._real[0]._coerce_value(value, param=param, ctx=ctx)

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            d = self.type_descriptor
            self._runtime_param = FastRuntimeParam(parameter_info=d.parameter_info, annotation=d.annotation,
                                                   descriptor=d)  # fmt: skip
        return self._runtime_param

    get_runtime_param._rasd_fast = True  # type: ignore[attr-defined]
    cls.get_runtime_param = get_runtime_param
    return True
