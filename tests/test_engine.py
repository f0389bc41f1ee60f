"""The engine seam: any Executor, one lazily built pipeline per worker, no orphans, a Dask cluster."""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from importlib.util import find_spec
from pathlib import Path

import orjson
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fake_pipeline

from extractor.document import Article
from extractor.parallel import process, worker_pipeline

ROOT = Path(__file__).resolve().parent.parent
FAKE = Path(fake_pipeline.__file__)


needs_dask = pytest.mark.skipif(find_spec("distributed") is None,
                                reason="dask.distributed is not installed (pip install 'rasd[dask]')")  # fmt: skip


def _articles(n: int) -> list[tuple[Article, int]]:
    return [(Article(id=f"a{i}", text=f"إدلب غارة {i}\nحلب قصف {i * 2}\n", path=f"a{i}.txt"), i) for i in range(n)]


def _ids(pairs) -> list[tuple[int, list[str]]]:
    return [(it[1], [e.event_id_cnty for e in o.events]) for it, o in pairs]


class _Counted(fake_pipeline.FakePipeline):
    built = 0

    def __init__(self):
        super().__init__()
        type(self).built += 1


def _slow(delay: float) -> fake_pipeline.FakePipeline:
    p = fake_pipeline.FakePipeline()
    p.delay = delay
    return p


def test_any_executor_and_one_pipeline_per_process():
    """A thread pool is an executor too: four threads share this process's one pipeline."""
    _Counted.built = 0
    items = _articles(40)
    with ThreadPoolExecutor(4) as ex:
        got = _ids(process(items, _Counted, executor=ex, chunksize=3))
    assert got == _ids(process(items, fake_pipeline.factory))  # rows and order as in one process
    assert _Counted.built == 1 and worker_pipeline(_Counted) is worker_pipeline(_Counted)


def test_pipeline_is_keyed_by_factory_arguments():
    assert worker_pipeline(functools.partial(_slow, 0.0)) is worker_pipeline(functools.partial(_slow, 0.0))
    assert worker_pipeline(functools.partial(_slow, 0.0)) is not worker_pipeline(functools.partial(_slow, 0.001))


# --- orphans: a SIGKILLed parent takes its workers with it (issue 15, item 5) ----------------
def _children(pid: int) -> list[int]:
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(d.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc to list a process's children")
@pytest.mark.parametrize("engine", ["local", pytest.param("dask", marks=needs_dask)])
def test_sigkilled_parent_leaves_no_worker(tmp_path, engine):
    inp = tmp_path / "in"
    inp.mkdir()
    for i in range(200):
        (inp / f"2025-03-01-{i}.txt").write_text(f"إدلب غارة {i}\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(FAKE), "extract", str(inp), "-j", "2", "-q", "-f", "jsonl",
                             "--engine", engine],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=dict(os.environ, RASD_FAKE_DELAY="0.2"))  # fmt: skip
    try:
        proc.stdout.readline()  # the first row: both workers are up and busy
        family = [p for p in _children(proc.pid)]
        family += [g for p in family for g in _children(p)]
        assert len(family) >= 2, family  # two workers (and the resource tracker)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(p) for p in family):
            time.sleep(0.2)
        assert not [p for p in family if _alive(p)], "workers outlived their SIGKILLed parent"
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()


# --- Dask: a real LocalCluster with 2 workers ------------------------------------------------


@pytest.fixture(scope="module")
def dask2():
    from extractor.engine_dask import DaskExecutor

    ex = DaskExecutor(2)
    yield ex
    ex.shutdown()


@needs_dask
def test_dask_gives_the_rows_of_one_process_in_order(dask2):
    items = _articles(200)
    assert dask2.max_workers == 2
    assert _ids(process(items, fake_pipeline.factory, executor=dask2)) == _ids(process(items, fake_pipeline.factory))


@needs_dask
def test_dask_reports_a_worker_that_cannot_build_its_pipeline(dask2):
    from extractor.parallel import WorkerStartError

    def broken():
        raise FileNotFoundError("no NER model at /nowhere")

    with pytest.raises(WorkerStartError, match="FileNotFoundError: no NER model"):
        list(process(_articles(3), broken, executor=dask2))


@needs_dask
def test_dask_worker_killed_mid_run_loses_and_doubles_nothing(dask2):
    items = _articles(120)
    want = _ids(process(items, fake_pipeline.factory))
    victims = dask2.client.run(os.getpid)  # {worker address: pid}
    got = []
    for n, pair in enumerate(process(items, functools.partial(_slow, 0.02), executor=dask2, chunksize=4)):
        got.append(pair)
        if n == 8:  # some chunks done, others running on both workers
            os.kill(next(iter(victims.values())), signal.SIGKILL)
    assert _ids(got) == want  # the killed worker's chunks were redone elsewhere, each once
    dask2.client.wait_for_workers(2, timeout=60)  # the nanny restarted it, for the next test


def _generated(n: int) -> list[dict]:
    """n short articles that the rules code: strikes, clashes and protests over places and days."""
    places = ["مدينة سرمين في ريف إدلب", "مدينة حلب", "مدينة درعا", "مدينة الرقة", "بلدة معرة النعمان"]
    kinds = ["قتل {k} مدنيين في غارة جوية استهدفت {p}",
             "قتل {k} عناصر في اشتباكات بين قوات النظام وفصائل المعارضة في {p}",
             "تظاهر مئات المحتجين في {p} للمطالبة بالإفراج عن المعتقلين",
             "أصيب {k} أشخاص بانفجار عبوة ناسفة في {p}"]  # fmt: skip
    return [{"id": f"gen-{i}", "source": f"outlet{i % 3}", "date": f"2025-03-{1 + i % 28:02}",
             "text": kinds[i % 4].format(k=2 + i % 7, p=places[i % 5]) + "، بحسب مصادر محلية."}
            for i in range(n)]  # fmt: skip


@needs_dask
@pytest.mark.parametrize("ner", ["none", "bundled"])
def test_cli_engine_dask_equals_local_j1_on_samples_and_200_articles(tmp_path, ner):
    from test_dedupe import real_pipeline_or_skip

    real_pipeline_or_skip(ner)
    feed = tmp_path / "gen.jsonl"
    feed.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in _generated(200)))
    samples = sorted(map(str, (ROOT / "samples").glob("*.txt")))
    outs = {}
    for name, flags in {"local": ["-j", "1"], "dask": ["--engine", "dask", "-j", "2"]}.items():
        out = tmp_path / f"{name}.jsonl"
        r = subprocess.run([sys.executable, "-m", "cli.main", "extract", *samples, str(feed), "-o", str(out), "-q",
                            "-d", "2025-03-10", "--ner-model", ner, *flags],
                           capture_output=True, text=True, timeout=600, cwd=ROOT,
                           env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))  # fmt: skip
        assert r.returncode == 0, r.stderr[-2000:]
        outs[name] = out.read_bytes()
    assert outs["dask"] == outs["local"]  # byte-identical: rows and order
    assert outs["local"].count(b"\n") >= 150


def _example(name: str) -> str:
    """The code block after ``<!-- example: NAME -->`` in docs/SCALE.md (so the docs cannot rot)."""
    doc = (ROOT / "docs" / "SCALE.md").read_text(encoding="utf-8")
    after = doc.split(f"<!-- example: {name} -->", 1)[1]
    return after.split("```python\n", 1)[1].split("```", 1)[0]


def _bundled_pipelines() -> int:
    import extractor

    return sum(k.startswith("bundled|") for k in extractor._PIPELINES)


@needs_dask
@pytest.mark.parametrize("name", ["dask-bag", "dask-dataframe"])
def test_docs_dask_examples_run_on_a_local_cluster(tmp_path, dask2, name):
    if name == "dask-dataframe":
        pytest.importorskip("pandas", reason="pandas is not installed (pip install 'rasd[dask]')")
        pytest.importorskip("dask.dataframe", reason="dask.dataframe is not installed")
    from test_dedupe import STRIKE_REPORTS, real_pipeline_or_skip

    from extractor import extract_batch

    real_pipeline_or_skip("bundled")
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    records = STRIKE_REPORTS + _generated(30)
    for k in range(3):  # three files, three partitions
        (feeds / f"f{k}.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records[k::3]))
    code = _example(name).replace('"tcp://scheduler:8786"', repr(dask2.client.scheduler.address))
    code = code.replace('"feeds/*.jsonl"', repr(str(feeds / "*.jsonl")))
    ns: dict = {}
    exec(compile(code, f"docs/SCALE.md:{name}", "exec"), ns)
    ns["client"].close()
    local = [r for k in range(3) for r in extract_batch(records[k::3], ner="bundled")]
    loads = dask2.client.run(_bundled_pipelines)  # {worker: pipelines with the bundled model}
    assert all(n <= 1 for n in loads.values()) and sum(loads.values()) >= 1  # one model load per worker
    if name == "dask-bag":
        def unstamped(rows):  # each batch stamps its rows with the time it ran (ACLED's timestamp)
            return [{k: v for k, v in r.items() if k != "timestamp"} for r in rows]

        assert unstamped(ns["rows"]) == unstamped(local) and len(ns["rows"]) >= 25
        assert any("Al Jazeera; Enab Baladi; SOHR" == e.source for e in ns["events"])  # the reduce merged them
    else:
        frame = ns["frame"]
        assert list(frame.columns) == list(local[0]) and len(frame) == len(local)
        assert frame["event_id_cnty"].tolist() == [r["event_id_cnty"] for r in local]
        assert frame["fatalities"].tolist() == [r["fatalities"] for r in local]
