#!/usr/bin/env python
"""End-to-end speed of the rasd pipeline on real news (not part of the test suite).

    python bench/bench_pipeline.py                        # 1,000 articles, bundled NER, 1 torch thread, 5 rounds
    python bench/bench_pipeline.py --threads 1,2          # both thread counts, interleaved round by round
    python bench/bench_pipeline.py --ner-model none       # rules only
    python bench/bench_pipeline.py --prefilter-off        # also NER on every sentence (slow; same events?)
    python bench/bench_pipeline.py --cron                 # also: a cron no-op over 1,000 done files (--state)
    python bench/bench_pipeline.py --clock cpu            # passes timed in CPU seconds of this process
    python bench/bench_pipeline.py --workers 2            # also: the sample through 2 worker processes (rasd extract -j 2)
    python bench/bench_pipeline.py --json out.json

Samples ``--n`` articles (seeded, so every run sees the same ones: the sample ``bench/diff_rows.py`` checks)
from the SaudiNewsNet zips in ``../shared/data/saudinewsnet/`` — read at run time, never copied into the
repository (CC BY-NC-SA) — by default only those of 300-500 words (mean about 380).

It builds one pipeline, warms it up, then runs ``--rounds`` rounds; in each round, every variant (thread
count) runs the whole sample end to end, as ``rasd extract`` sends it (batches of ``extractor.parallel.BATCH`` = 64 articles per
``Pipeline.process_many``), and the *floor* runs once: read + parse (``json.loads`` of each article's JSON
line) + normalise + segment + trigger scan, the work no run can avoid. Figures are medians over the rounds;
ratios come from the same interleaved rounds, so a busy machine slows both sides alike. A last pass with
timers on the stage functions says where the time goes (segment, NER sentence selection, NER, trigger rules, place resolution,
actors, dates, fatalities, assembly, rows). See bench/README.md for every figure.
"""

from __future__ import annotations

import argparse
import glob
import importlib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
TARGET_ARTICLES_PER_S = 250.0
TARGET_FLOOR_RATIO = 4.0
TARGET_CRON_S = 0.5
# The clock of a pass (end to end and floor): wall seconds, or with --clock cpu the CPU seconds of this process
# (time.process_time), which other jobs on a shared machine disturb far less: the figure to compare two trees by
# (run this bench on each, interleaved). The stage seconds inside a pass stay wall seconds.
PASS_CLOCK = time.perf_counter


def load_corpus(folder: Path) -> list[dict]:
    """Every article of every zip, in a fixed order (zip name, position in the file)."""
    arts: list[dict] = []
    for z in sorted(glob.glob(str(folder / "*.zip"))):
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                if not name.endswith(".json"):
                    continue
                for i, a in enumerate(json.loads(zf.read(name))):
                    title = (a.get("title") or "").strip()
                    body = (a.get("content") or "").strip()
                    text = f"{title}\n{body}" if title else body
                    if text.strip():
                        arts.append({"id": f"{Path(z).stem}:{i}", "text": text, "source": a.get("source") or "",
                                     "date": (a.get("date_extracted") or "")[:10]})
    return arts


def sample(arts: list[dict], n: int, seed: int, min_words: int, max_words: int) -> list[dict]:
    pool = [a for a in arts if (not min_words or len(a["text"].split()) >= min_words)
            and (not max_words or len(a["text"].split()) <= max_words)]  # fmt: skip
    rng = random.Random(seed)
    return rng.sample(pool, min(n, len(pool)))


def peak_rss_mb() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return r / 1024 / (1024 if sys.platform == "darwin" else 1)


def to_article(a: dict):
    from extractor.document import Article

    return Article(id=a["id"], text=a["text"], published=date.fromisoformat(a["date"]) if a["date"] else None,
                   date_basis="json" if a["date"] else "", source=a["source"])  # fmt: skip


# --------------------------------------------------------------------------- passes
#: Each timed pass runs in a forked child of the warmed-up process (``--warm`` turns this off), so that it reads
#: the sample's texts for the first time, as a run does: the pipeline remembers texts it has read (places and
#: contexts by sentence, word facts, casualty words), and a pass over texts read before costs about a quarter less
#: CPU (round 17: 4.62 -> 3.55, 4.57 -> 3.44, 5.23 -> 3.82 s per 1,000 articles, first read against the same texts
#: again: bench/README.md "Cold passes"). Until round 16 every figure here was of such warm passes.
COLD = True


def cold(fn, *args, **kw):
    """``fn(*args, **kw)`` in a forked child (when :data:`COLD` and the OS can fork): the pass sees the process as
    the warm-up left it, never what an earlier pass read; its result comes back pickled."""
    if not COLD or not hasattr(os, "fork"):
        return fn(*args, **kw)
    import pickle

    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, send, leave without running the parent's exit handlers
        os.close(r)
        try:
            data = pickle.dumps(("ok", fn(*args, **kw)))
        except BaseException as e:  # noqa: BLE001  (sent to the parent, which raises it)
            data = pickle.dumps(("error", f"{type(e).__name__}: {e}"))
        with os.fdopen(w, "wb") as fh:
            fh.write(data)
        os._exit(0)
    os.close(w)
    with os.fdopen(r, "rb") as fh:
        data = fh.read()
    os.waitpid(pid, 0)
    kind, value = pickle.loads(data) if data else ("error", "the pass's process died")
    if kind != "ok":
        raise RuntimeError(f"bench: a timed pass failed: {value}")
    return value


def staged_pass(pipeline, articles) -> tuple[dict, dict, dict]:
    """A pass with timers on the stage functions: its result, the seconds and the calls of each stage."""
    with StageTimers() as st:
        res = run_pass(pipeline, articles)
    res.pop("_signature")
    return res, st.seconds, st.calls


def run_pass(pipeline, articles, prefilter: bool = True) -> dict:
    """The whole sample end to end, in batches as ``rasd extract`` sends them."""
    from extractor.parallel import BATCH
    from extractor.pipeline import Timings

    pipeline.prefilter = prefilter
    pipeline.timings = Timings(load=pipeline.timings.load)
    events = []
    t0 = PASS_CLOCK()
    for i in range(0, len(articles), BATCH):
        for r in pipeline.process_many(articles[i : i + BATCH]):
            events.extend(r.events)
    wall = PASS_CLOCK() - t0
    t = pipeline.timings
    return {
        "seconds": wall,
        "articles": t.articles,
        "articles_per_s": t.articles / wall,
        "sentences": t.sentences,
        "ner_sentences": t.ner_sentences,
        "ner_tokens": t.tokens,
        "stage_seconds": {"segment": t.segment, "ner": t.ner, "rules": t.rules},
        "events": len(events),
        "_signature": sorted(json.dumps(e.to_dict(), sort_keys=True, default=str) for e in events),
    }


def floor_pass(pipeline, lines: list[str]) -> float:
    """read + parse + normalise + segment + trigger scan: what every run must do at least."""
    from extractor.document import Doc

    has = pipeline.templates.has_trigger
    t0 = PASS_CLOCK()
    n = 0
    for line in lines:
        doc = Doc.from_article(to_article(json.loads(line)))
        n += sum(1 for s in doc.sentences if has(s.text))
    return PASS_CLOCK() - t0


# --------------------------------------------------------------------------- worker processes
def _warm_worker(factory, chunk) -> int:
    """Run on a worker: build its pipeline (as its first chunk would) and warm it up; its pid."""
    from extractor.parallel import work

    work(factory, chunk)
    return os.getpid()


def _cpu_of(pids) -> float:
    """User + system CPU seconds of these processes so far (Linux /proc; 0 where unreadable)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0.0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime (fields 14, 15 of stat)
        except (OSError, IndexError, ValueError):
            pass
    return total


class Workers:
    """``rasd extract -j N`` as the CLI runs it: ``extractor.parallel.process`` over a pool of N spawned local
    workers (``local_executor``, one torch thread each), the pipeline from the CLI's factory
    (``get_pipeline``), chunks of ``BATCH`` articles, ``window`` chunks per worker in flight. The pool is started
    once and each worker warmed up before any pass is timed; that start-up (spawn, imports, dictionaries and the
    NER model in every worker, at once) is timed on its own."""

    def __init__(self, n: int, ner: str | None, articles: list, warmup: int):
        import functools

        from extractor import get_pipeline
        from extractor.parallel import local_executor

        self.n = n
        self.factory = functools.partial(get_pipeline, ner, prefilter=True)  # = RunConfig.factory() on cpu
        t0 = time.perf_counter()
        self.ex = local_executor(n)
        chunk = articles[: max(1, min(warmup, len(articles)))]
        futs = [self.ex.submit(_warm_worker, self.factory, chunk) for _ in range(n)]
        self.warmed = {f.result() for f in futs}  # each task loads a pipeline for seconds: one per worker
        self.startup_s = time.perf_counter() - t0
        self.pids = list(getattr(self.ex, "_processes", {}) or self.warmed)

    def run_pass(self, articles: list) -> dict:
        from extractor.parallel import process

        items = [(a,) for a in articles]
        c0, w0, t0 = time.process_time(), _cpu_of(self.pids), time.perf_counter()
        events = [e for _, out in process(items, self.factory, workers=self.n, executor=self.ex) for e in out.events]
        wall = time.perf_counter() - t0
        parent, workers = time.process_time() - c0, _cpu_of(self.pids) - w0
        return {"seconds": wall, "articles_per_s": len(articles) / wall, "cpu_parent": parent, "cpu_workers": workers,
                "cpu_total": parent + workers, "events": len(events),
                "_signature": sorted(json.dumps(e.to_dict(), sort_keys=True, default=str) for e in events)}  # fmt: skip

    def close(self) -> None:
        self.ex.shutdown(wait=True, cancel_futures=True)


# Stage timers: (label, module, attribute); a class attribute is "Class.method". Times are exclusive (a timed
# call inside another is charged to its own label only). Missing names are skipped, so the same bench works
# before and after a stage is added (e.g. the assembly stage).
STAGES = [
    # NER: the tagger's calls alone; choosing the sentences it tags (trigger matches of the trigger sentences, their
    # dates, the place checks of _sets_place) is charged to its own line and to the stages it calls
    ("article scan (triggers, clauses)", "extractor.pipeline", "Pipeline._scan"),  # which articles are read on
    ("NER sentence selection", "extractor.pipeline", "Pipeline._ner_sentences"),
    ("NER", "extractor.ner", "NerModel.annotate"),
    ("trigger rules", "extractor.templates", "TemplateSet.match_sentence"),
    ("trigger rules", "extractor.templates", "TemplateSet.cue_before"),
    ("place resolution", "extractor.resolve.places", "Gazetteer.find"),
    ("place resolution", "extractor.resolve.places", "Gazetteer.country_of_article"),
    ("place resolution", "extractor.mentions", "split_by_place"),
    ("place resolution", "extractor.mentions", "place_text_of"),
    ("actors", "extractor.resolve.actors", "ActorLexicon.find"),
    ("actors", "extractor.mentions", "for_event"),
    ("dates", "extractor.mentions", "find_dates"),
    ("dates", "extractor.mentions", "resolve_event_date"),
    ("dates", "extractor.mentions", "is_old_history"),
    ("fatalities", "extractor.mentions", "count_casualties"),
    ("context", "extractor.pipeline", "article_context"),
    ("context", "extractor.pipeline", "word_facts"),
    # the word facts read in one walk with each sentence's trigger test (has_trigger), since round 15
    ("context", "extractor.pipeline", "word_facts_and_triggers"),
    # the article's place facts are read on first use (context._PlacesOnFirstUse), mostly from inside NER sentence
    # selection (ctx.plausible in _sets_place) or find_mentions: their own line, not charged to the caller's; the
    # gazetteer calls they make stay under place resolution
    ("context: place facts (on first use)", "extractor.context", "_place_facts"),
    ("assembly", "extractor.pipeline", "assemble"),
    ("assembly", "extractor.pipeline", "merge_mentions"),
    ("rows", "extractor.pipeline", "to_event"),
    ("rows", "extractor.pipeline", "content_hash"),
]


class StageTimers:
    """Wraps the stage functions with exclusive timers while active (``with StageTimers() as st``)."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._undo: list = []
        self._stack: list[float] = []  # child time of each open timed call

    def _wrap(self, label: str, fn):
        clock = time.perf_counter
        seconds, calls, stack = self.seconds, self.calls, self._stack

        def timed(*a, **kw):
            stack.append(0.0)
            t0 = clock()
            try:
                return fn(*a, **kw)
            finally:
                dt = clock() - t0
                child = stack.pop()
                seconds[label] = seconds.get(label, 0.0) + dt - child
                calls[label] = calls.get(label, 0) + 1
                if stack:
                    stack[-1] += dt

        return timed

    def __enter__(self):
        for label, mod, attr in STAGES:
            try:
                m = importlib.import_module(mod)
            except ImportError:
                continue
            owner, name = m, attr
            if "." in attr:
                cls, name = attr.split(".")
                owner = getattr(m, cls, None)
            if owner is None or name not in vars(owner):
                continue
            orig = vars(owner)[name]
            setattr(owner, name, self._wrap(label, orig))
            self._undo.append((owner, name, orig))
        return self

    def __exit__(self, *exc):
        for owner, name, orig in reversed(self._undo):
            setattr(owner, name, orig)
        self._undo.clear()


def set_threads(n: int) -> int | None:
    if "torch" not in sys.modules:
        return None
    import torch

    torch.set_num_threads(n)
    return torch.get_num_threads()


# --------------------------------------------------------------------------- cron no-op
def cron_bench(arts: list[dict], ner: str, rounds: int) -> dict:
    """1,000 files done once with --state; then the time of a whole `rasd extract` run that finds nothing new
    (a fresh process each time, as cron starts it: interpreter, imports, reading the folder, the state)."""
    with tempfile.TemporaryDirectory(prefix="rasd-cron-bench-") as d:
        folder = Path(d) / "in"
        folder.mkdir()
        for i, a in enumerate(arts):
            (folder / f"a{i:04d}.txt").write_text(a["text"], encoding="utf-8")
        state, out = Path(d) / "rasd.db", Path(d) / "events.jsonl"
        cmd = [sys.executable, "-m", "cli.main", "extract", str(folder), "--state", str(state), "-o", str(out),
               "--append", "-f", "jsonl", "-q", "--ner-model", ner]  # fmt: skip
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        t0 = time.perf_counter()
        first = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        first_s = time.perf_counter() - t0
        if first.returncode not in (0, 1):
            return {"error": (first.stderr or "").strip().splitlines()[-1:] or ["failed"]}
        times = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            r = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
            times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=env, check=False)
        python_s = time.perf_counter() - t0
        return {"files": len(arts), "first_run_seconds": first_s, "noop_seconds_median": statistics.median(times),
                "noop_seconds": times, "noop_rc": r.returncode, "python_startup_seconds": python_s}  # fmt: skip


# --------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="articles to sample (default 1000)")
    ap.add_argument("--seed", type=int, default=20150721, help="sampling seed (default 20150721)")
    ap.add_argument("--ner-model", default=os.environ.get("RASD_NER_MODEL", "bundled"),
                    help="bundled (default, or $RASD_NER_MODEL), official, a model file, or none")
    ap.add_argument("--threads", default="1", help="torch thread counts to compare, e.g. 1,2 (default 1)")
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds; figures are medians (default 5)")
    ap.add_argument("--min-words", type=int, default=300, help="sample only articles with at least this many words (0: any)")
    ap.add_argument("--max-words", type=int, default=500, help="... and at most this many (0: any)")
    ap.add_argument("--warmup", type=int, default=32, help="articles processed before timing (default 32)")
    ap.add_argument("--warm", action="store_true",
                    help="time passes in this process, each after the last (texts read before: about a quarter cheaper; "
                         "the figures of rounds up to 16)")
    ap.add_argument("--prefilter-off", action="store_true", help="also time NER on every sentence (slow)")
    ap.add_argument("--cron", action="store_true", help="also time a cron no-op over --n done files")
    ap.add_argument("--workers", type=int, default=0,
                    help="also run each round through N local worker processes, as `rasd extract -j N` (wall clock; "
                         "start-up timed apart; CPU of the parent and the workers)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of SaudiNewsNet *.zip")
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                    help="time passes in wall seconds (default) or CPU seconds of this process (steadier on a busy machine)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    args = ap.parse_args(argv)
    global COLD
    COLD = not args.warm
    global PASS_CLOCK
    PASS_CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter
    try:
        threads = [int(x) for x in args.threads.split(",") if x.strip()]
    except ValueError:
        print(f"bench: --threads {args.threads!r}: give numbers such as 1 or 1,2", file=sys.stderr)
        return 2
    if not threads or min(threads) < 1 or args.rounds < 1:
        print("bench: --threads needs counts >= 1 and --rounds >= 1", file=sys.stderr)
        return 2
    # torch's pools are sized at import from these; the largest variant must fit
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, str(max(threads)))

    if not args.data.is_dir() or not glob.glob(str(args.data / "*.zip")):
        print(f"bench: no SaudiNewsNet zips in {args.data} (use --data)", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    arts = sample(load_corpus(args.data), args.n, args.seed, args.min_words, args.max_words)
    read_s = time.perf_counter() - t0
    if not arts:
        print("bench: no article in the word range", file=sys.stderr)
        return 2
    words = [len(a["text"].split()) for a in arts]
    mb = sum(len(a["text"].encode("utf-8")) for a in arts) / 1e6
    lines = [json.dumps(a, ensure_ascii=False) for a in arts]
    cpus = os.cpu_count()
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        usable = cpus
    load_before = os.getloadavg()

    # --- load: imports + Pipeline() + the dictionaries (gazetteer, actors, triggers) and the NER model, which
    # a pipeline loads on first use; here, before the clock starts --------------------------------------
    t0 = time.perf_counter()
    from extractor.pipeline import Pipeline

    ner_arg = None if args.ner_model == "none" else args.ner_model
    try:
        pipeline = Pipeline(ner_arg)
        pipeline.templates, pipeline.gazetteer, pipeline.lexicon  # noqa: B018  (loaded on first use: now)
        t1 = time.perf_counter()
        ner_model = pipeline.ner  # the first batch with a trigger sentence would load it; here, now
    except Exception as e:  # the model is not there / cannot load: one line, not a traceback
        print(f"bench: --ner-model {args.ner_model}: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    ner_load = time.perf_counter() - t1
    cold_load = time.perf_counter() - t0
    ner_ran = "none" if ner_model is None else args.ner_model
    rss_after_load = peak_rss_mb()

    articles = [to_article(a) for a in arts]
    set_threads(threads[0])
    for i in range(0, min(args.warmup, len(articles)), 16):
        pipeline.process_many(articles[i : i + 16])

    pool = None
    if args.workers > 1:
        print(f"bench: starting {args.workers} worker processes ...", file=sys.stderr)
        pool = Workers(args.workers, ner_arg, articles, args.warmup)
    runs: dict[int, list[dict]] = {n: [] for n in threads}
    wruns: list[dict] = []
    wall1: list[float] = []  # wall seconds of the first variant (one process), for the workers' speed-up
    cpu1: list[float] = []  # ... and its CPU seconds (this process), for the workers' CPU per pass
    floors: list[float] = []
    signatures = set()
    for r in range(args.rounds):
        floors.append(cold(floor_pass, pipeline, lines))
        if pool is not None and r % 2 == 1:
            wruns.append(pool.run_pass(articles))
            signatures.add(tuple(wruns[-1].pop("_signature")))
        for n in threads if r % 2 == 0 else threads[::-1]:  # alternate the order: no variant always goes first
            got = set_threads(n)
            w0, c0 = time.perf_counter(), time.process_time()
            res = cold(run_pass, pipeline, articles)
            if n == threads[0]:
                wall1.append(time.perf_counter() - w0)
                cpu1.append(time.process_time() - c0)
            res["torch_threads"] = got
            signatures.add(tuple(res.pop("_signature")))
            runs[n].append(res)
        if pool is not None and r % 2 == 0:
            wruns.append(pool.run_pass(articles))
            signatures.add(tuple(wruns[-1].pop("_signature")))
        print(f"bench: round {r + 1}/{args.rounds}: floor {floors[-1]:.2f} s; "
              + "; ".join(f"{n} thread(s) {runs[n][-1]['seconds']:.2f} s" for n in threads)
              + (f"; {args.workers} workers {wruns[-1]['seconds']:.2f} s wall, {wruns[-1]['cpu_total']:.2f} s CPU"
                 if wruns else ""), file=sys.stderr)  # fmt: skip
    if pool is not None:
        pool.close()
    set_threads(threads[0])
    staged, stage_s, stage_calls = cold(staged_pass, pipeline, articles)
    off = None
    if args.prefilter_off and ner_model is not None:
        off = cold(run_pass, pipeline, articles, prefilter=False)
        signatures.add(tuple(off.pop("_signature")))
    load_after = os.getloadavg()
    peak = peak_rss_mb()

    def med(xs):
        return statistics.median(xs)

    floor_s = med(floors)
    variants = {}
    for n in threads:
        secs = [x["seconds"] for x in runs[n]]
        variants[n] = {
            "torch_threads": runs[n][0]["torch_threads"],
            "seconds_median": med(secs),
            "seconds": [round(x, 3) for x in secs],
            "articles_per_s": len(articles) / med(secs),
            "ratio_to_floor": med(s / f for s, f in zip(secs, floors)),
            "seconds_per_mb": med(secs) / mb,
            "stage_seconds_median": {k: med(x["stage_seconds"][k] for x in runs[n]) for k in ("segment", "ner", "rules")},
        }
    best = min(threads, key=lambda n: variants[n]["seconds_median"])
    v = variants[threads[0]]
    # the pipeline's own timers split a pass into segment, NER (selection and tagger) and rules; the stage timers
    # (exclusive) split the last two further: what no stage timer holds is the mentions' and merge's own glue
    stages = {"segment (normalise + split)": staged["stage_seconds"]["segment"]}
    for label in dict.fromkeys(lbl for lbl, _, _ in STAGES):
        if label in stage_s:
            stages[label] = stage_s[label]
    stages["other rules (mentions, merge glue)"] = (staged["stage_seconds"]["ner"] + staged["stage_seconds"]["rules"]
                                                    - sum(stage_s.values()))
    first = runs[threads[0]][0]
    res = {
        "ner_model": ner_ran, "cpus": cpus, "cpus_usable": usable,
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", ""),
        "loadavg_1min_before": round(load_before[0], 2), "loadavg_1min_after": round(load_after[0], 2),
        "articles": len(articles), "seed": args.seed, "words_range": [args.min_words, args.max_words],
        "mean_words_per_article": round(sum(words) / len(words), 1), "megabytes": round(mb, 3),
        "corpus_read_seconds": round(read_s, 2), "load_seconds_cold": round(cold_load, 3),
        "load_seconds_pipeline": round(pipeline.timings.load, 3), "load_seconds_ner": round(ner_load, 3),
        "rounds": args.rounds, "cold_passes": COLD, "clock": args.clock, "floor_seconds_median": floor_s, "floor_seconds": [round(x, 3) for x in floors],
        "variants": {str(n): variants[n] for n in threads}, "fastest_threads": best,
        "sentences": first["sentences"], "ner_sentences": first["ner_sentences"], "ner_tokens": first["ner_tokens"],
        "events": first["events"], "stage_seconds_one_pass": stages, "stage_calls": stage_calls,
        "same_rows_every_pass": len(signatures) == 1,
        "peak_rss_mb_after_load": round(rss_after_load, 1), "peak_rss_mb": round(peak, 1),
        "prefilter_off": off,
        "targets": {"articles_per_s": TARGET_ARTICLES_PER_S, "ratio_to_floor": TARGET_FLOOR_RATIO, "cron_s": TARGET_CRON_S},
        "pass_articles_per_s": v["articles_per_s"] >= TARGET_ARTICLES_PER_S,
        "pass_ratio_to_floor": v["ratio_to_floor"] <= TARGET_FLOOR_RATIO,
    }  # fmt: skip
    if pool is not None:
        w = {
            "workers": args.workers, "startup_seconds": round(pool.startup_s, 3), "workers_warmed": len(pool.warmed),
            "seconds_median": med(x["seconds"] for x in wruns), "seconds": [round(x["seconds"], 3) for x in wruns],
            "articles_per_s": len(articles) / med(x["seconds"] for x in wruns),
            "speedup_wall_vs_one_process": med(a / x["seconds"] for a, x in zip(wall1, wruns)),
            "cpu_total_median": med(x["cpu_total"] for x in wruns), "cpu_parent_median": med(x["cpu_parent"] for x in wruns),
            "cpu_workers_median": med(x["cpu_workers"] for x in wruns),
            "one_process_wall_median": med(wall1), "one_process_cpu_median": med(cpu1),
            "cpu_ratio_vs_one_process": med(x["cpu_total"] / c for c, x in zip(cpu1, wruns)),
        }  # fmt: skip
        res["workers"] = w
        res["pass_articles_per_s_workers"] = w["articles_per_s"] >= TARGET_ARTICLES_PER_S
    if args.cron:
        print("bench: cron no-op: a first run over the files, then the no-op runs ...", file=sys.stderr)
        res["cron"] = cron_bench(arts, args.ner_model, args.rounds)
        if "noop_seconds_median" in res["cron"]:
            res["pass_cron"] = res["cron"]["noop_seconds_median"] <= TARGET_CRON_S

    p = print
    p(f"rasd pipeline bench — NER: {ner_ran}; CPUs: {cpus} ({usable} usable); OMP_WAIT_POLICY="
      f"{res['omp_wait_policy'] or '-'}; load average {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    p(f"articles: {len(articles)} from SaudiNewsNet (seed {args.seed}, {args.min_words or 0}-{args.max_words or '∞'} "
      f"words), mean {res['mean_words_per_article']} words/article, {mb:.2f} MB")
    p(f"load: {cold_load:.2f} s (imports; dictionaries {pipeline.timings.load:.2f} s; NER model {ner_load:.2f} s; "
      f"a pipeline loads them when a batch first needs them)")
    p(f"medians of {args.rounds} interleaved rounds ({'CPU' if args.clock == 'cpu' else 'wall'} seconds per pass):")
    p(f"  floor (read + parse + normalise + segment + trigger scan): {floor_s:.3f} s "
      f"({len(articles) / floor_s:.0f} articles/s)")
    for n in threads:
        x = variants[n]
        sm = x["stage_seconds_median"]
        p(f"  end to end, {n} torch thread(s): {x['articles_per_s']:7.1f} articles/s ({x['seconds_median']:.2f} s, "
          f"{x['seconds_per_mb']:.2f} s/MB; segment {sm['segment']:.2f} s, NER {sm['ner']:.2f} s, rules "
          f"{sm['rules']:.2f} s); pipeline / floor = {x['ratio_to_floor']:.2f}")
    if len(threads) > 1:
        base = variants[threads[0]]["seconds_median"]
        p("  thread counts, time relative to " + f"{threads[0]}: "
          + ", ".join(f"{n}: x{variants[n]['seconds_median'] / base:.2f}" for n in threads[1:]) + f"; fastest: {best}")
    if "workers" in res:
        w = res["workers"]
        p(f"  {w['workers']} worker processes (rasd extract -j {w['workers']}): {w['articles_per_s']:7.1f} articles/s "
          f"(wall {w['seconds_median']:.2f} s; x{w['speedup_wall_vs_one_process']:.2f} the one-process wall time of the "
          f"same rounds, {w['one_process_wall_median']:.2f} s); CPU per pass {w['cpu_total_median']:.2f} s (parent "
          f"{w['cpu_parent_median']:.2f}, workers {w['cpu_workers_median']:.2f}; x{w['cpu_ratio_vs_one_process']:.2f} "
          f"the one process's {w['one_process_cpu_median']:.2f} s); start-up {w['startup_seconds']:.2f} s "
          f"wall ({w['workers_warmed']} workers warmed), not in the passes")
    p(f"NER on {first['ner_sentences']}/{first['sentences']} sentences ({first['ner_tokens']} tokens); "
      f"{first['events']} events; same rows in every pass: {'yes' if res['same_rows_every_pass'] else 'NO'}")
    total = sum(stages.values())
    p(f"where the time goes (one pass with stage timers, {threads[0]} thread(s), exclusive seconds):")
    for k, s in stages.items():
        p(f"  {k:36s} {s:7.3f} s  {100 * s / total:5.1f}%  {stage_calls.get(k, '')}")
    if off is not None:
        p(f"prefilter off (NER on every sentence): {off['articles_per_s']:.1f} articles/s, "
          f"NER {off['stage_seconds']['ner']:.2f} s = {off['ner_tokens'] / max(off['stage_seconds']['ner'], 1e-9):.0f} "
          f"tokens/s; same rows as with the prefilter: {'yes' if res['same_rows_every_pass'] else 'NO'}")
    if "cron" in res:
        c = res["cron"]
        if "error" in c:
            p(f"cron no-op: could not run: {c['error']}")
        else:
            p(f"cron no-op over {c['files']} done files: {c['noop_seconds_median']:.3f} s median of {args.rounds} "
              f"(python start-up alone {c['python_startup_seconds']:.3f} s; the first run {c['first_run_seconds']:.1f} s): "
              f"{'PASS' if res['pass_cron'] else 'FAIL'} (target <= {TARGET_CRON_S} s)")
    p(f"peak RSS: {rss_after_load:.0f} MB after load, {peak:.0f} MB at the end")
    p(f"target >= {TARGET_ARTICLES_PER_S:.0f} articles/s end to end ({threads[0]} thread(s)): "
      f"{'PASS' if res['pass_articles_per_s'] else 'FAIL'} ({v['articles_per_s']:.1f}); "
      f"target pipeline / floor <= {TARGET_FLOOR_RATIO:.0f}: {'PASS' if res['pass_ratio_to_floor'] else 'FAIL'} "
      f"({v['ratio_to_floor']:.2f})")
    if "workers" in res:
        p(f"target >= {TARGET_ARTICLES_PER_S:.0f} articles/s end to end with {args.workers} workers: "
          f"{'PASS' if res['pass_articles_per_s_workers'] else 'FAIL'} ({res['workers']['articles_per_s']:.1f}; "
          "wall clock: read it from a quiet machine)")
    if max(load_before[0], load_after[0]) > (usable or 1) * 0.75:
        p("note: the machine was busy during the run (load average above the usable CPUs): absolute figures are "
          "pessimistic; the ratios come from interleaved rounds")
    if args.json:
        args.json.write_text(json.dumps(res, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
