"""What the CLI shows on stderr: one console for messages and the progress bar.

Every message is one line ``rasd: LEVEL: text``. On a terminal the level is
coloured (``error:`` red, ``warning:`` yellow); in a log (stderr not a terminal,
or ``NO_COLOR``) the line is plain text. Text from articles and file names is
stripped of escape sequences and control characters first, and never read as
rich markup.
"""

from __future__ import annotations

from typing import Any

from extractor.writing import terminal_safe

STYLES = {"error": "bold red", "warning": "yellow", "explain": "cyan", "debug": "magenta", "usage error": "bold red"}


class Messages:
    """The one stderr console (built on first use)."""

    def __init__(self) -> None:
        self._console: Any = None

    @property
    def console(self) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=True, highlight=False, soft_wrap=True)
        return self._console

    def say(self, text: str, level: str | None = None) -> None:
        """``rasd: [level: ]text`` on stderr."""
        from rich.text import Text

        line = Text("rasd: ")
        if level:
            line.append(f"{level}:", style=STYLES.get(level))
            line.append(" ")
        line.append(terminal_safe(text))
        self.console.print(line, soft_wrap=True, markup=False, highlight=False, emoji=False)

    def error(self, text: str) -> None:
        self.say(text, "error")

    def warning(self, text: str) -> None:
        self.say(text, "warning")

    def report(self, level: str, text: str) -> None:
        """The Runner's ``report`` callback; ``info`` lines have no level word."""
        if level == "debug":  # a traceback: several lines, as they are (but safe)
            self.console.print(terminal_safe(text), markup=False, highlight=False, soft_wrap=True, emoji=False)
            return
        self.say(text, None if level == "info" else level)

    def report_unless_info(self, level: str, text: str) -> None:
        """``report`` for ``-q``: errors and warnings still, notes such as a skipped copy not."""
        if level != "info":
            self.report(level, text)


MESSAGES = Messages()


class Progress:
    """A rich progress bar on stderr (files read, articles processed, rows written)."""

    def __init__(self, console: Any = None) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as RichProgress

        self._p = RichProgress(
            SpinnerColumn(), TextColumn("files"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
            TimeElapsedColumn(), console=console or MESSAGES.console, transient=True,
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
