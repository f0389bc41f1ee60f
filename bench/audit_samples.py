#!/usr/bin/env python
"""Which SaudiNewsNet articles each audit sample holds, and which articles of a check sample a tuning sample held too.

    python bench/audit_samples.py                 # every registered sample: role, articles, overlap, clean part
    python bench/audit_samples.py --fresh-pool    # + how many articles no registered sample holds

Why: until round 9 a "fresh" sample was drawn from the articles that the *first draws* of the excluded seeds do not
hold (``random.Random(seed).sample(all_articles)``), but a sample drawn with exclusions is a different set of
articles than its seed's first draw. So the check samples share a third to a half of their articles with samples
helpers tuned on (seed 151, judged blind as "fresh": 1,371 of 3,000). ``bench/audit_samples.tsv`` records how each
sample was drawn (its seed and the seeds whose first draws it excluded), so its articles can be rebuilt exactly;
``tuned_ids`` is every article a rule writer looked at (all of a ``tuned`` sample, the even ids of a
``tuned-even`` one: the tuning half by the id's last digit); and a check sample's *clean* part is its articles no
tuning sample held. A new sample (``fresh``) is drawn from the articles no registered sample holds at all, and must
then be added to the registry.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

REGISTRY = ROOT / "bench" / "audit_samples.tsv"
ROLES = ("check", "tuned", "tuned-even")
SIZE = 3000


@dataclass(frozen=True)
class Sample:
    name: str
    seed: int
    excluded: tuple[int, ...]  # seeds whose first draws were left out of the pool it was drawn from
    role: str  # check | tuned (every row looked at) | tuned-even (the even ids looked at, the odd ids measured)
    round: str
    note: str
    after: bool = False  # excluded "*": drawn from the articles no sample registered above it holds (round 9 on)


def load_registry(path: Path = REGISTRY) -> dict[str, Sample]:
    """The registry, validated: unique names, known roles, integer seeds."""
    out: dict[str, Sample] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for n, r in enumerate(csv.DictReader(fh, delimiter="\t"), 2):
            if r["name"] in out:
                raise ValueError(f"{path}:{n}: sample {r['name']!r} registered twice")
            if r["role"] not in ROLES:
                raise ValueError(f"{path}:{n}: role {r['role']!r} is not one of {', '.join(ROLES)}")
            after = r["excluded"].strip() == "*"
            try:
                seed = int(r["seed"])
                excluded = () if after else tuple(int(x) for x in r["excluded"].split(",") if x.strip())
            except ValueError as e:
                raise ValueError(f"{path}:{n}: {e}") from None
            out[r["name"]] = Sample(r["name"], seed, excluded, r["role"], r["round"], r["note"], after)
    return out


def is_even(article_id: str) -> bool:
    """The tuning half: an article id whose last character is an even digit (as bench/audit_pair.py --half)."""
    c = article_id[-1]
    return (int(c) if c.isdigit() else 0) % 2 == 0


class Samples:
    """The registered samples over one loaded corpus (first draws memoised: each costs a shuffle of 31k)."""

    def __init__(self, arts: list[dict], registry: dict[str, Sample] | None = None, size: int = SIZE):
        self.arts, self.size = arts, size
        self.reg = load_registry() if registry is None else registry
        self._first: dict[int, set[str]] = {}
        self._drawn: dict[str, list[dict]] = {}

    def first_draw(self, seed: int) -> set[str]:
        if seed not in self._first:
            self._first[seed] = {a["id"] for a in random.Random(seed).sample(self.arts, min(self.size, len(self.arts)))}
        return self._first[seed]

    def articles(self, name: str) -> list[dict]:
        """A registered sample's articles, in draw order (exactly as drawn at the time)."""
        if name not in self._drawn:
            s = self.reg[name]
            used: set[str] = set()
            if s.after:
                for other in self.reg:
                    if other == name:
                        break
                    used |= self.ids(other)
            for e in s.excluded:
                if e != s.seed:
                    used |= self.first_draw(e)
            pool = [a for a in self.arts if a["id"] not in used]
            self._drawn[name] = random.Random(s.seed).sample(pool, min(self.size, len(pool)))
        return self._drawn[name]

    def ids(self, name: str) -> set[str]:
        return {a["id"] for a in self.articles(name)}

    def held(self) -> set[str]:
        """Every article some registered sample holds."""
        return set().union(*(self.ids(n) for n in self.reg))

    def tuned_ids(self) -> set[str]:
        out: set[str] = set()
        for n, s in self.reg.items():
            if s.role == "tuned":
                out |= self.ids(n)
            elif s.role == "tuned-even":
                out |= {i for i in self.ids(n) if is_even(i)}
        return out

    def clean_ids(self, name: str) -> set[str]:
        """The articles of a sample that no tuning sample held (for a check sample: its honest part)."""
        return self.ids(name) - self.tuned_ids()

    def fresh(self, seed: int) -> list[dict]:
        """A new sample, drawn from the articles no registered sample holds: what a registry line
        ``NAME SEED * ROLE ...`` appended at the end gives. Register it before you judge or tune on it."""
        held = self.held()
        pool = [a for a in self.arts if a["id"] not in held]
        return random.Random(seed).sample(pool, min(self.size, len(pool)))


def main(argv: list[str] | None = None) -> int:
    from bench_pipeline import DEFAULT_DATA, load_corpus

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--fresh-pool", action="store_true", help="also count the articles no registered sample holds")
    args = ap.parse_args(argv)
    arts = load_corpus(args.data)
    if not arts:
        print(f"audit_samples: no SaudiNewsNet zips in {args.data}", file=sys.stderr)
        return 0
    S = Samples(arts)
    tuned = S.tuned_ids()
    print(f"{'sample':8} {'role':10} {'round':5} {'articles':>8} {'tuned on':>8} {'clean':>6}  note")
    for n, s in S.reg.items():
        ids = S.ids(n)
        print(f"{n:8} {s.role:10} {s.round:5} {len(ids):8} {len(ids & tuned):8} {len(ids - tuned):6}  {s.note}")
    print(f"articles a rule writer looked at (tuned, or the even ids of tuned-even): {len(tuned)} of {len(arts)}")
    if args.fresh_pool:
        print(f"articles no registered sample holds: {len(arts) - len(S.held())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
