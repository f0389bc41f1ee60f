"""--workers N: one pipeline per worker, output identical to --workers 1."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # helpers, whether or not tests/ is a package
import fake_pipeline  # noqa: E402
from extractor.document import Article
from extractor.parallel import WorkerStartError, process
from test_dedupe import real_pipeline_or_skip

FAKE = Path(fake_pipeline.__file__)


def _articles(n: int) -> list[tuple[Article, int]]:
    return [(Article(id=f"a{i}", text=f"إدلب غارة {i}\nحلب قصف {i * 2}\n", path=f"a{i}.txt"), i) for i in range(n)]


class _Pid:
    def process(self, article, explain=False):
        time.sleep(0.02)  # slow enough that both workers get work
        who = f"{os.getpid()}:{id(self)}"
        return fake_pipeline.FakeResult([fake_pipeline.Event(event_id_cnty=article.id, notes=who)])


def _pid_pipeline():
    """One pipeline per worker; it waits (up to 30 s) until the other worker has built its own, so that a
    slow worker start cannot leave all the work to the first one (a barrier through files)."""
    barrier = Path(os.environ["RASD_TEST_BARRIER"])
    (barrier / str(os.getpid())).touch()
    deadline = time.monotonic() + 30
    while len(list(barrier.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    return _Pid()


def _broken():
    raise FileNotFoundError("no NER model at /nowhere")


def test_ordered_results_and_one_pipeline_per_worker(tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_TEST_BARRIER", str(tmp_path))
    items = _articles(23)
    serial = [(it[1], [e.event_id_cnty for e in o.events]) for it, o in process(items, fake_pipeline.factory)]
    par = list(process(items, _pid_pipeline, workers=2, chunksize=3, window=2))
    assert [it[1] for it, _ in par] == list(range(23))  # input order, whatever finished first
    assert [o.events[0].event_id_cnty for _, o in par] == [f"a{i}" for i in range(23)]
    who = {o.events[0].notes for _, o in par}
    assert len(who) == 2 and len({w.split(":")[0] for w in who}) == 2  # two workers, one pipeline each
    par2 = [(it[1], [e.event_id_cnty for e in o.events]) for it, o in
            process(items, fake_pipeline.factory, workers=2, chunksize=2)]  # fmt: skip
    assert par2 == serial


def test_errors_per_article_and_at_worker_start():
    items = _articles(3)
    items[1] = (Article(id="bad", text="BOOM"), 1)
    outs = [o for _, o in process(items, fake_pipeline.factory, workers=2, chunksize=1)]
    assert [o.error for o in outs] == [None, "RuntimeError: boom", None]
    with pytest.raises(WorkerStartError, match="FileNotFoundError: no NER model"):
        list(process(_articles(2), _broken, workers=2))


def _cli(args: list[str], **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(FAKE), *args], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, **env))  # fmt: skip


def _strip_ts(data: bytes) -> list[dict]:
    rows = [orjson.loads(x) for x in data.splitlines()]
    for r in rows:
        r.pop("timestamp")
    return rows


def test_cli_workers_1_and_2_give_identical_output(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    for i in range(12):
        (inp / f"2025-03-{2 * i + 1:02}-{i}.txt").write_text(f"إدلب غارة {i}\nسرمين {i + 1}\n", encoding="utf-8")
    outs = []
    for w in ("1", "2"):
        out = tmp_path / f"w{w}.jsonl"
        r = _cli(["extract", str(inp), "-o", str(out), "--workers", w, "--state", str(tmp_path / f"{w}.db"), "--dedupe"])
        assert r.returncode == 0, r.stderr
        outs.append(out.read_bytes())
    assert _strip_ts(outs[0]) == _strip_ts(outs[1]) and len(_strip_ts(outs[0])) == 24
    plain = [_cli(["extract", str(inp), "-f", "jsonl", "-j", w, "-q"], SOURCE_DATE_EPOCH="1700000000").stdout
             for w in ("1", "2")]  # fmt: skip
    assert plain[0] == plain[1] and plain[0].count("\n") == 24  # one fixed timestamp: byte-identical


def test_progress_is_silent_off_a_terminal(tmp_path):
    (tmp_path / "a.txt").write_text("إدلب 3\n", encoding="utf-8")
    r = _cli(["extract", str(tmp_path / "a.txt"), "-f", "jsonl", "-d", "2025-03-01"])
    assert r.stderr == "rasd: 1 article(s), 1 event(s)\n"


@pytest.mark.parametrize("ner", ["none", "bundled"])
def test_real_pipeline_workers_1_and_2(tmp_path, ner):
    """End to end: --workers 1 and 2 write the same rows (needs the full pipeline)."""
    real_pipeline_or_skip(ner)
    root = Path(__file__).resolve().parent.parent
    samples = sorted((root / "samples").glob("*.txt"))
    from test_dedupe import STRIKE_REPORTS

    src = tmp_path / "reports.jsonl"
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in STRIKE_REPORTS * 3))  # 9 articles, 3 texts
    outs = []
    for w in ("1", "2"):
        out = tmp_path / f"w{w}.jsonl"
        r = subprocess.run([sys.executable, "-m", "cli.main", "extract", str(src), *map(str, samples), "-o", str(out),
                            "-j", w, "-q", "-d", "2025-03-10", "--ner-model", ner, "--dedupe"],
                           capture_output=True, text=True, timeout=300, cwd=root,
                           env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))  # fmt: skip
        assert r.returncode == 0, r.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0].count(b"\n") >= 2  # byte-identical (one fixed timestamp)
