"""Peak memory of ``rasd extract`` on a long JSON Lines stream (issue 13: flat, < 1.5 GB).

Generates N small synthetic articles (sentences written for this bench, varied places,
figures and dates; nothing from dev-eval), feeds them to ``rasd extract`` as a file, a
gzip file or on stdin, and samples the child's resident memory while it runs. Flat
means the RSS after 10 % of the stream is about the RSS at the end.

    python bench/bench_stream.py                          # 200,000 articles, a file, rules only
    python bench/bench_stream.py -n 20000 --via stdin     # smaller, piped on stdin
    python bench/bench_stream.py --via gzip --ner-model bundled -j 2
    python bench/bench_stream.py --read-only              # the readers alone, in this process

Prints one JSON object on stdout (articles, seconds, articles/s, peak and sampled RSS in MB).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PLACES = ["إدلب", "درعا", "حلب", "صعدة", "تعز", "الخرطوم", "الفاشر", "غزة", "الموصل", "بنغازي"]
TEMPLATES = [
    "قتل {n} مدنيين في غارة جوية على مدينة {p} {d}.",
    "اندلعت اشتباكات عنيفة بين الجيش ومسلحين في {p} {d}، ما أسفر عن مقتل {n} أشخاص.",
    "قصفت المدفعية قرية في ريف {p} {d}، وأصيب {n} بجروح.",
    "تظاهر مئات المحتجين في {p} {d} للمطالبة بالإفراج عن المعتقلين.",
    "افتتح وزير التعليم مدرسة جديدة في {p} {d} بحضور {n} من المسؤولين.",
]
WHEN = ["أمس", "فجر الجمعة", "يوم الأحد", "صباح اليوم", "في 12 مارس", "الأسبوع الماضي", ""]


def generate(path: Path | None, n: int, compress: bool, seed: int = 1):
    """Write N JSON lines to ``path`` (or return a generator of lines for stdin)."""
    rnd = random.Random(seed)

    def lines():
        for i in range(n):
            body = " ".join(
                rnd.choice(TEMPLATES).format(n=rnd.randint(2, 40), p=rnd.choice(PLACES), d=rnd.choice(WHEN))
                for _ in range(rnd.randint(2, 5))
            )
            day = f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            yield (json.dumps({"id": f"g{i}", "text": body, "date": day, "source": "bench"}, ensure_ascii=False)
                   + "\n").encode("utf-8")  # fmt: skip

    if path is None:
        return lines()
    opener = gzip.open if compress else open
    with opener(path, "wb") as fh:
        for line in lines():
            fh.write(line)
    return None


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def tree_rss_mb(pid: int) -> float:
    """RSS of the process and its children (workers under -j)."""
    total = rss_mb(pid) or 0.0
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        kids = []
    return total + sum(tree_rss_mb(int(k)) for k in kids)


def read_only(a) -> None:
    """Stream the feed through :func:`extractor.reading.read_inputs` in this process."""
    import io
    import resource

    sys.path.insert(0, str(ROOT))
    from extractor.reading import InputError, read_inputs

    with tempfile.TemporaryDirectory() as tmp:
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        specs, stdin = ["-"], None
        if a.via == "stdin":
            data = b"".join(generate(None, a.articles, False))  # type: ignore[arg-type]
            stdin = io.BufferedReader(io.BytesIO(data))
            del data
        else:
            feed = Path(tmp) / ("feed.jsonl.gz" if a.via == "gzip" else "feed.jsonl")
            generate(feed, a.articles, a.via == "gzip")
            specs = [str(feed)]
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t0 = time.perf_counter()
        n = bad = 0
        at = {}
        for item in read_inputs(specs, stdin=stdin):
            if isinstance(item, InputError):
                bad += 1
                continue
            n += 1
            if n in (a.articles // 10, a.articles // 2, a.articles):
                at[f"rss_mb_at_{round(100 * n / a.articles)}pct"] = round(rss_mb(os.getpid()) or 0, 1)
        secs = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": "read-only", "articles": n, "errors": bad, "via": a.via, "seconds": round(secs, 1),
                      "articles_per_s": round(n / secs, 1), "rss_mb_before_reading": round(before, 1),
                      "peak_rss_mb": round(peak, 1), "python_start_rss_mb": round(base, 1), **at}))  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--articles", type=int, default=200_000)
    ap.add_argument("--via", choices=["file", "gzip", "stdin"], default="file")
    ap.add_argument("--ner-model", default="none")
    ap.add_argument("-j", "--workers", type=int, default=1)
    ap.add_argument("--keep", help="write the generated feed here and keep it")
    ap.add_argument("--read-only", action="store_true", help="time and measure extractor.reading alone")
    a = ap.parse_args()
    if a.read_only:
        return read_only(a)

    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, "-m", "cli.main", "extract", "--ner-model", a.ner_model, "-f", "jsonl", "-q",
           "-j", str(a.workers)]  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        feed = None
        if a.via != "stdin":
            feed = Path(a.keep or Path(tmp) / ("feed.jsonl.gz" if a.via == "gzip" else "feed.jsonl"))
            t = time.perf_counter()
            generate(feed, a.articles, a.via == "gzip")
            print(f"generated {a.articles:,} articles, {feed.stat().st_size / 1e6:.0f} MB in "
                  f"{time.perf_counter() - t:.0f} s", file=sys.stderr)  # fmt: skip
            cmd.append(str(feed))
        else:
            cmd.append("-")
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if feed is None else subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)  # fmt: skip
        rows = 0
        samples: list[tuple[float, int, float]] = []  # (seconds, rows so far, RSS MB)

        def count() -> None:
            nonlocal rows
            for _ in proc.stdout:  # type: ignore[union-attr]
                rows += 1

        def feed_stdin() -> None:
            try:
                for line in generate(None, a.articles, False):  # type: ignore[union-attr]
                    proc.stdin.write(line)  # type: ignore[union-attr]
                proc.stdin.close()  # type: ignore[union-attr]
            except BrokenPipeError:
                pass

        threads = [threading.Thread(target=count, daemon=True)]
        if feed is None:
            threads.append(threading.Thread(target=feed_stdin, daemon=True))
        for th in threads:
            th.start()
        while proc.poll() is None:
            samples.append((time.perf_counter() - t0, rows, tree_rss_mb(proc.pid)))
            time.sleep(0.5)
        for th in threads:
            th.join(timeout=5)
        secs = time.perf_counter() - t0
        err = proc.stderr.read().decode("utf-8", "replace")  # type: ignore[union-attr]
    peak = max((s[2] for s in samples), default=0.0)
    last_rows = max(rows, 1)
    at = {}
    for frac in (0.1, 0.5, 0.9):
        pts = [s[2] for s in samples if s[1] >= frac * last_rows]
        at[f"rss_mb_at_{int(frac * 100)}pct_rows"] = round(pts[0], 1) if pts else None
    out = {
        "articles": a.articles, "via": a.via, "ner_model": a.ner_model, "workers": a.workers, "rc": proc.returncode,
        "rows": rows, "seconds": round(secs, 1), "articles_per_s": round(a.articles / secs, 1),
        "peak_rss_mb": round(peak, 1), **at, "stderr_tail": err[-300:],
    }  # fmt: skip
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
