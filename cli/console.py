"""What the CLI shows on stderr: one console for messages and the progress bar."""

from __future__ import annotations

from typing import Any


class Progress:
    """A rich progress bar on stderr (files read, articles processed, rows written)."""

    def __init__(self, console: Any = None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as RichProgress

        self._p = RichProgress(
            SpinnerColumn(), TextColumn("files"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
            TimeElapsedColumn(), console=console or Console(stderr=True), transient=True,
        )  # fmt: skip
        self._task = None

    def start(self, total: int) -> None:
        self._p.start()
        self._task = self._p.add_task("", total=total)

    def file_done(self, stats: Any) -> None:
        self._p.update(self._task, advance=1, description=self._text(stats))

    def articles(self, stats: Any) -> None:
        self._p.update(self._task, description=self._text(stats))

    @staticmethod
    def _text(s: Any) -> str:
        return f"{s.articles} new article(s), {s.skipped} skipped, {s.events} row(s)"

    def stop(self) -> None:
        self._p.stop()
