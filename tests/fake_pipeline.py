"""A light stand-in for :class:`extractor.pipeline.Pipeline` in state/parallel tests.

Every non-empty line of an article is one event: the first word is the place
(looked up in ``PLACES``), the first number in the line is the death toll.
Ids are hashed from the article's content hash like the real ones, so they
are stable. ``RASD_FAKE_DELAY`` (seconds) slows each article down (for the
kill test); a line containing ``BOOM`` makes the article fail.

From a subprocess, ``python tests/fake_pipeline.py extract ...`` runs the real
``rasd`` CLI with this pipeline in place of the model, through the CLI's public
hook (``--pipeline-factory fake_pipeline:factory`` / ``RASD_PIPELINE_FACTORY``).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extractor.keys import article_key, outlet  # noqa: E402
from extractor.record import Event  # noqa: E402

PLACES = {
    "إدلب": ("Idlib", "Idleb", "Idleb", 35.9306, 36.6339),
    "سرمين": ("Sarmin", "Idleb", "Idleb", 35.9035, 36.7252),
    "حلب": ("Aleppo", "Aleppo", "Jebel Saman", 36.2021, 37.1343),
    "درعا": ("Dara'a", "Dara'a", "Dara'a", 32.6189, 36.1021),
}


@dataclass
class FakeResult:
    events: list[Event]
    rejected: list = field(default_factory=list)


class FakePipeline:
    def __init__(self, *a, **kw):
        self.pid = os.getpid()
        self.delay = float(os.environ.get("RASD_FAKE_DELAY", "0") or 0)

    def process(self, article, *, explain: bool = False) -> FakeResult:
        if self.delay:
            time.sleep(self.delay)
        h = article_key(article.text, outlet(article))  # as the real pipeline: text and outlet
        events = []
        for i, line in enumerate(x for x in article.text.splitlines() if x.strip()):
            if "BOOM" in line:
                raise RuntimeError("boom")
            word = line.split()[0]
            loc, a1, a2, lat, lon = PLACES.get(word, (word, "", "", None, None))
            m = re.search(r"\d+", line)
            num = int(hashlib.sha1(f"{h}|{i}".encode()).hexdigest()[:12], 16) % 10**8
            day = article.published.isoformat() if article.published else "2025-03-01"
            events.append(
                Event(
                    event_id_cnty=f"SYR{num}", event_date=day, year=int(day[:4]), time_precision=1,
                    disorder_type="Political violence", event_type="Explosions/Remote violence",
                    sub_event_type="Air/drone strike", actor1="Unidentified Military Forces", iso=760,
                    region="Middle East", country="Syria", admin1=a1, admin2=a2, location=loc, latitude=lat,
                    longitude=lon, geo_precision=1 if lat is not None else 3, source=article.source or "fake",
                    notes=f"line {i}", fatalities=int(m[0]) if m else 0, article_id=article.id,
                    file=article.path, evidence=line, confidence=0.8, date_basis="published",
                )  # fmt: skip
            )
        return FakeResult(events)


def factory(*a, **kw) -> FakePipeline:
    return FakePipeline()


def main(argv: list[str]) -> None:
    """The rasd CLI with the fake pipeline (also for --workers N: spawned workers import this module)."""
    os.environ["RASD_PIPELINE_FACTORY"] = "fake_pipeline:factory"
    from cli.main import app

    app(argv, prog_name="rasd")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import fake_pipeline  # the importable copy, so pickled factories name `fake_pipeline.factory`

    fake_pipeline.main(sys.argv[1:])
