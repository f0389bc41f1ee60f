"""Named entities with Stanza, offline.

Three models can be loaded with :func:`load_ner`:

``"bundled"``
    rasd's own Arabic model, shipped in ``extractor/data/models/`` (trained by
    ``rasd models train`` from open corpora; see the model card there).
``"official"``
    Stanza's official Arabic models, after ``rasd models download`` has put them
    in the cache directory (``$RASD_CACHE`` or ``~/.cache/rasd/stanza``).
a path to a ``.pt`` file
    a Stanza NER model; its word vectors are found through ``<stem>.json``
    (``"pretrain"``), else a ``*pretrain*.pt`` next to it.

The pipeline is always built with ``download_method=None``, explicit model paths
and a resources file rasd provides, so Stanza never touches the network. Input
is pre-tokenised with rasd's own tokens (:mod:`extractor.segment`), the same
tokenisation the bundled model was trained on, and entity offsets are in
normalised-text coordinates, like :class:`extractor.segment.Sentence`.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from .segment import Sentence

MODELS_DIR = Path(__file__).resolve().parent / "data" / "models"
BUNDLED_MODEL = MODELS_DIR / "ar_rasd_nertagger.pt"
BUNDLED_PRETRAIN = MODELS_DIR / "ar_rasd_pretrain.pt"
BUNDLED_META = MODELS_DIR / "ar_rasd_nertagger.json"
RESOURCES = MODELS_DIR / "resources.json"

TYPE_MAP = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG", "MISC": "MISC", "MIS": "MISC"}


class NerUnavailable(Exception):
    """The requested NER model cannot be loaded (files missing); the message says what to do."""


@dataclass(frozen=True)
class Entity:
    type: str  # PER, LOC, ORG, MISC
    start: int  # offsets into the normalised text (same coordinates as Sentence.start)
    end: int
    text: str


def default_cache_dir() -> Path:
    """Where ``rasd models download`` puts the official Stanza models."""
    env = os.environ.get("RASD_CACHE")
    if env:
        return Path(env) / "stanza"
    return Path.home() / ".cache" / "rasd" / "stanza"


def _quiet_stanza() -> None:
    """Stanza logs to stdout by default; rasd's stdout carries only data."""
    log = logging.getLogger("stanza")
    log.setLevel(logging.WARNING)
    for h in list(log.handlers):
        if getattr(h, "stream", None) is not None and getattr(h.stream, "name", "") == "<stdout>":
            log.removeHandler(h)
    if not any(isinstance(h, logging.StreamHandler) for h in log.handlers):
        import sys

        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("rasd: stanza: %(message)s"))
        log.addHandler(handler)
    log.propagate = False


def _set_threads() -> None:
    """Small LSTMs gain nothing from dozens of threads: cap torch at 8 (or $RASD_THREADS).

    A smaller setting made by the caller (e.g. one thread per ``--workers`` process) is kept.
    """
    import torch

    env = os.environ.get("RASD_THREADS")
    if env and env.isdigit() and int(env) > 0:
        torch.set_num_threads(int(env))
    elif torch.get_num_threads() > 8:
        torch.set_num_threads(8)


def _read_meta(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


@dataclass
class NerModel:
    """A loaded Stanza NER pipeline over pre-tokenised sentences."""

    name: str
    source: str  # path of the NER model file
    pretrain: str | None
    scores: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    load_seconds: float = 0.0
    use_gpu: bool = False
    quantized: bool = False
    _pipeline: object = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def size_bytes(self) -> int:
        """Size of the model files on disk (NER model + word vectors)."""
        total = 0
        for p in (self.source, self.pretrain):
            if p and os.path.exists(p):
                total += os.path.getsize(p)
        return total

    def annotate(self, sentences: Sequence[Sentence]) -> list[list[Entity]]:
        """Entities of each sentence, in one batched Stanza call."""
        if not sentences:
            return []
        todo = [i for i, s in enumerate(sentences) if s.tokens]
        out: list[list[Entity]] = [[] for _ in sentences]
        if not todo:
            return out
        batch = [[t.text for t in sentences[i].tokens] for i in todo]
        with self._lock:  # a Stanza pipeline is not meant to be shared by threads
            doc = self._pipeline(batch)
        for i, sent in zip(todo, doc.sentences):
            s = sentences[i]
            toks = s.tokens
            # token positions are kept by the pre-tokenised input: read BIOES tags per token
            tags = [t.ner or "O" for t in sent.tokens]
            for a, b, typ in _spans(tags):
                start, end = toks[a].start, toks[b].end
                out[i].append(Entity(TYPE_MAP.get(typ, typ), start, end, s.text[start - s.start : end - s.start]))
        return out


def _spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, last, type) token spans from BIOES (or BIO) tags; broken sequences are repaired."""
    spans: list[tuple[int, int, str]] = []
    cur: list | None = None
    for i, tag in enumerate(tags):
        if tag == "O" or len(tag) < 3 or tag[1] != "-":
            if cur:
                spans.append(tuple(cur))
            cur = None
            continue
        p, typ = tag[0], tag[2:]
        if p in "BS" or cur is None or cur[2] != typ:
            if cur:
                spans.append(tuple(cur))
            cur = [i, i, typ]
        else:
            cur[1] = i
        if p in "ES":
            spans.append(tuple(cur))
            cur = None
    if cur:
        spans.append(tuple(cur))
    return spans


_TRUSTED_LOCK = threading.Lock()


@contextmanager
def _fast_load(trusted_paths: Sequence[Path]):
    """Two load-time shortcuts while a Stanza pipeline is built (about 2.5 s saved):

    - torch's fast (C) unpickler for rasd's own shipped files: Stanza loads every file
      with ``weights_only=True``, whose pure-Python unpickler spends ~2 s on the
      vocabularies. The files in ``extractor/data/models`` are part of the package, so
      they are trusted; any other file keeps the safe loader.
    - no optimizer: Stanza's NER trainer builds one even for prediction, and building
      a torch optimizer imports torch._dynamo (~1.7 s). Prediction never uses it.
    """
    import stanza.models.common.utils as sutils
    import torch

    trusted = {os.path.realpath(p) for p in trusted_paths}
    with _TRUSTED_LOCK:
        orig_load, orig_optim = torch.load, sutils.get_optimizer

        def load(f, *args, **kwargs):
            if isinstance(f, (str, os.PathLike)) and os.path.realpath(f) in trusted:
                kwargs["weights_only"] = False
            return orig_load(f, *args, **kwargs)

        torch.load = load
        sutils.get_optimizer = lambda *args, **kwargs: None
        try:
            yield
        finally:
            torch.load, sutils.get_optimizer = orig_load, orig_optim


_CACHE: dict[tuple, NerModel] = {}
_CACHE_LOCK = threading.Lock()


def _resolve(which: str, cache_dir: str | None) -> dict:
    """Paths and metadata for ``which`` (bundled, official, or a .pt path)."""
    if which in ("bundled", "", None):
        missing = [p.name for p in (BUNDLED_MODEL, BUNDLED_PRETRAIN, RESOURCES) if not p.exists()]
        if missing:
            raise NerUnavailable(
                f"the bundled NER model is missing from {MODELS_DIR} ({', '.join(missing)}); "
                "reinstall rasd or rebuild it with `rasd models train`"
            )
        meta = _read_meta(BUNDLED_META)
        return {"name": meta.get("name", "rasd-bundled"), "model": BUNDLED_MODEL, "pretrain": BUNDLED_PRETRAIN,
                "resources": RESOURCES, "meta": meta, "dir": None, "official": False, "bundled": True}  # fmt: skip
    if which == "official":
        d = Path(cache_dir) if cache_dir else default_cache_dir()
        res = d / "resources.json"
        ner_dir = d / "ar" / "ner"
        models = sorted(ner_dir.glob("*.pt")) if ner_dir.is_dir() else []
        if not res.exists() or not models:
            raise NerUnavailable(
                f"the official Stanza Arabic models are not downloaded in {d}; "
                "run `rasd models download` (needs internet once)"
            )
        meta = {"name": "stanza-official-ar", "licence": "Stanza models: see stanfordnlp.github.io/stanza"}
        meta["scores"] = {"AQMAR (Stanza's published score)": {"micro": {"f1": 74.3}}}
        return {"name": "stanza-official-ar", "model": models[0], "pretrain": None, "resources": res,
                "meta": meta, "dir": d, "official": True, "bundled": False}  # fmt: skip
    p = Path(which).expanduser()
    if p.suffix != ".pt":
        raise NerUnavailable(f"unknown NER model {which!r}: use bundled, official, none or a path to a .pt file")
    if not p.exists():
        raise NerUnavailable(f"NER model file {p} does not exist")
    meta = _read_meta(p.with_suffix(".json"))
    pre = None
    if meta.get("pretrain"):
        pre = (p.parent / meta["pretrain"]) if not os.path.isabs(meta["pretrain"]) else Path(meta["pretrain"])
    else:
        cands = sorted(x for x in p.parent.glob("*pretrain*.pt") if x != p)
        pre = cands[0] if cands else None
    if pre is None or not pre.exists():
        raise NerUnavailable(f"no word-vector (pretrain) file found for {p}: put a *pretrain*.pt next to it")
    return {"name": meta.get("name", p.stem), "model": p, "pretrain": pre, "resources": RESOURCES, "meta": meta,
            "dir": None, "official": False, "bundled": p.resolve().parent == MODELS_DIR.resolve()}  # fmt: skip


def _quantize(pipe) -> bool:
    """int8 dynamic quantisation of the LSTMs and linear layers (CPU): about 3x faster.

    The bundled model's published scores are measured with it on. Returns False
    (and leaves the model as it is) when this torch build cannot do it.
    """
    import warnings

    import torch

    try:
        from torch.ao.quantization import quantize_dynamic
    except ImportError:  # pragma: no cover - a torch without eager quantisation
        return False
    proc = pipe.processors.get("ner")
    if proc is None or not hasattr(proc, "trainers"):
        return False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            for tr in proc.trainers:
                tr.model = quantize_dynamic(tr.model, {torch.nn.LSTM, torch.nn.Linear}, dtype=torch.qint8, inplace=True)
        except Exception:  # pragma: no cover - unsupported engine
            return False
    return True


def build_ner(which: str = "bundled", cache_dir: str | None = None, use_gpu: bool = False,
              quantize: bool | None = None) -> NerModel:
    """Load a fresh pipeline (no cache). Raises :class:`NerUnavailable` when files are missing.

    ``quantize`` (default: on for CPU, off with ``RASD_NER_QUANTIZE=0``) makes the
    tagger's LSTMs int8.
    """
    if quantize is None:
        quantize = os.environ.get("RASD_NER_QUANTIZE", "1") not in ("0", "false", "no")
    import time

    info = _resolve(which, cache_dir)
    t0 = time.perf_counter()
    _quiet_stanza()
    _set_threads()
    import stanza

    kwargs = dict(
        lang="ar",
        processors="tokenize,ner",
        tokenize_pretokenized=True,
        download_method=None,
        use_gpu=use_gpu,
        logging_level="WARN",
        ner_batch_size=256,
    )
    if info["official"]:
        kwargs.update(dir=str(info["dir"]), resources_filepath=str(info["resources"]))
    else:
        kwargs.update(ner_model_path=str(info["model"]), ner_pretrain_path=str(info["pretrain"]),
                      resources_filepath=str(info["resources"]), dir=str(MODELS_DIR))  # fmt: skip
    trusted = [info["model"], info["pretrain"]] if info["bundled"] else []
    try:
        with _fast_load(trusted):
            pipe = stanza.Pipeline(**kwargs)
    except (FileNotFoundError, OSError) as e:
        raise NerUnavailable(f"cannot load NER model {info['name']}: {e}") from e
    _quiet_stanza()
    quantized = False
    if quantize and not use_gpu:
        quantized = _quantize(pipe)
    meta = info["meta"]
    return NerModel(
        name=info["name"],
        source=str(info["model"]),
        pretrain=str(info["pretrain"]) if info["pretrain"] else None,
        scores=meta.get("scores", {}),
        meta=meta,
        load_seconds=time.perf_counter() - t0,
        use_gpu=use_gpu,
        quantized=quantized,
        _pipeline=pipe,
    )


def load_ner(which: str = "bundled", cache_dir: str | None = None, use_gpu: bool = False) -> NerModel:
    """The NER model ``which``, loaded once per process (see :func:`build_ner`)."""
    key = (which or "bundled", str(cache_dir) if cache_dir else None, use_gpu)
    with _CACHE_LOCK:
        model = _CACHE.get(key)
        if model is None:
            model = build_ner(which, cache_dir, use_gpu)
            _CACHE[key] = model
        return model


def download_official(cache_dir: str | Path | None = None, timeout: float = 60.0) -> Path:
    """Fetch Stanza's official Arabic tokenize+NER models (and their vectors/charlm) into the cache.

    Needs internet once; raises :class:`NerUnavailable` with a one-line reason when it fails.
    """
    import socket

    d = Path(cache_dir) if cache_dir else default_cache_dir()
    _quiet_stanza()
    old = socket.getdefaulttimeout()
    socket.setdefaulttimeout(timeout)
    try:
        import stanza

        d.mkdir(parents=True, exist_ok=True)
        stanza.download("ar", model_dir=str(d), processors="tokenize,ner", logging_level="WARN")
    except Exception as e:  # network errors come in many types (requests, urllib3, OSError)
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        if len(reason) > 160:
            reason = reason[:157] + "..."
        raise NerUnavailable(f"could not download the official Stanza Arabic models into {d} (offline?): {reason}") from e
    finally:
        socket.setdefaulttimeout(old)
    _CACHE.clear()
    return d
