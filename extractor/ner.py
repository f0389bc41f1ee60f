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

import functools
import json
import logging
import os
import threading
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from .ner_lexicon import load_default as load_lexicon

if TYPE_CHECKING:
    from .segment import Sentence

MODELS_DIR = Path(__file__).resolve().parent / "data" / "models"
BUNDLED_MODEL = MODELS_DIR / "ar_rasd_nertagger.pt"
BUNDLED_PRETRAIN = MODELS_DIR / "ar_rasd_pretrain.pt"
BUNDLED_META = MODELS_DIR / "ar_rasd_nertagger.json"
RESOURCES = MODELS_DIR / "resources.json"

# Characters of a token the tagger sees. Stanza pads every word of a batch to its longest word (a character
# tensor of sentences x words x characters): one 100,000-character "word" (a scraped page without spaces)
# made a batch take 15 GB. No Arabic or Latin word is near this long; the tag of a longer one is read from
# its first MAX_TOKEN_CHARS characters (the entity's offsets are still those of the whole token).
MAX_TOKEN_CHARS = 64

# Tokens of a sentence the tagger sees at once. One BiLSTM pass over a sentence is a chain of as many steps as
# it has tokens, batched with nothing: an 18,000-token sentence (a page of clauses without a full stop) cost
# ~2x per token what news sentences cost. A longer sentence is tagged in windows of MAX_SENTENCE_TOKENS tokens
# that overlap by 2 x WINDOW_OVERLAP (batched together); each token's tag is read from the window where it is
# furthest from an edge (WINDOW_OVERLAP tokens of context at least). The longest sentence of dev-eval and the
# 1,000-article SaudiNewsNet bench sample has 526 tokens, so their tags are those of the whole sentence.
MAX_SENTENCE_TOKENS = 1000
WINDOW_OVERLAP = 64

# Sentences per tagger call. A BiLSTM call costs a step per token of its longest sentence (each step doing the
# rows of all sentences still running), so ``annotate`` tags a batch's sentences sorted by length, in calls of
# at most NER_CHUNK sentences of similar lengths: fewer, fuller steps (paired on the 1,359 trigger sentences of
# the bench sample in batches of 64 articles: about 20% less NER time than one call per batch in input order).
# Each call is one model batch (``tag(..., size=NER_CHUNK)``), not the model's own ``batch_size`` (32): 48
# sentences in calls of 32 + 16 cost two chains of steps where one does. On the 799 sentences the bench sample
# tags (its 16 batches of 64 articles: ~50 each, so about one call a batch), 64 in one model batch took ~12%
# less NER CPU than 48 in 32 + 16 (median of 5 passes). The tags do not depend on the grouping (float32
# model: see _quantize; the same entities for every grouping tried there, 16 to 1,000), so the entities are
# the same.
NER_CHUNK = 64

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
    """One torch thread unless told otherwise: measured faster for rasd's small LSTM on 2 cores
    (bench/bench_pipeline.py --threads 1,2: one thread wins end to end, and leaves a core for the rules).

    ``$RASD_THREADS`` sets it; a thread count given through ``$OMP_NUM_THREADS`` / ``$MKL_NUM_THREADS``
    (read by torch at import) is kept, and so is a smaller setting made by the caller (e.g. one thread
    per ``--workers`` process).
    """
    import torch

    env = os.environ.get("RASD_THREADS")
    if env and env.isdigit() and int(env) > 0:
        torch.set_num_threads(int(env))
    elif not (os.environ.get("OMP_NUM_THREADS") or os.environ.get("MKL_NUM_THREADS")):
        torch.set_num_threads(1)


def _skip_crf_partition(pipe) -> int:
    """At prediction Stanza's tagger still computes the CRF loss, whose partition function
    (``crf_log_norm``, a Python loop over positions) is thrown away: only the logits and the transition
    matrix feed the Viterbi decoder. Replace ``forward`` of these prediction-only CRF modules (on the
    instances, not the class) by one that returns the transitions with a zero loss: same tags, less work.
    Returns the number of modules changed (0 when Stanza's layout is not the one expected)."""
    import types

    import torch

    proc = pipe.processors.get("ner")
    done = 0
    for tr in getattr(proc, "trainers", []) or []:
        for crit in getattr(tr.model, "crits", []) or []:
            trans = getattr(crit, "_transitions", None)
            if not isinstance(trans, torch.nn.Parameter) or type(crit).__name__ != "CRFLoss":
                continue

            def forward(self, inputs, masks, tag_indices):
                return inputs.new_zeros(()), self._transitions

            crit.forward = types.MethodType(forward, crit)
            crit._rasd_no_partition = True
            done += 1
    return done


def _char_rows(cm, chars, lens: list[int]):
    """``CharacterModel.forward`` (Stanza 1.15) up to the word representations, for the rows ``chars`` (character
    ids, longest first, as packing needs) of lengths ``lens``: one row per word. Shared by
    :func:`_char_words_once` and :func:`_predict_direct` (the dropout layers are identities when predicting)."""
    import torch
    from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

    embs = cm.dropout(cm.char_emb(chars))
    batch_size = embs.size(0)
    embs = pack_padded_sequence(embs, lens, batch_first=True)
    layers, hidden = cm.num_dir * cm.args["char_num_layers"], cm.args["char_hidden_dim"]
    output = cm.charlstm(embs, lens, hx=(cm.charlstm_h_init.expand(layers, batch_size, hidden).contiguous(),
                                         cm.charlstm_c_init.expand(layers, batch_size, hidden).contiguous()))
    if cm.attn:
        char_reps = output[0]
        weights = torch.sigmoid(cm.char_attn(cm.dropout(char_reps.data)))
        char_reps = PackedSequence(char_reps.data * weights, char_reps.batch_sizes)
        char_reps, _ = pad_packed_sequence(char_reps, batch_first=True)
        return char_reps.sum(1)
    h, _c = output[1]
    return h[-2:].transpose(0, 1).contiguous().view(batch_size, -1)


def _char_words_once(pipe) -> int:
    """Stanza's character model reads each word of a batch through its character LSTM, once per occurrence;
    a batch of trigger sentences repeats about 30% of its characters (في، من، the places and actors of one
    story). Replace ``forward`` of these prediction-only ``CharacterModel`` instances (not the class) by one
    that runs the LSTM over each distinct word of the batch once and hands every occurrence its row: the same
    module calls on fewer rows (float32 sums over the same weights; a row can differ in the last bit, as it
    already does when a sentence is batched with others, and the tags are the same: ``tests/test_ner.py``).
    In training mode (dropout per occurrence) the original runs. Returns the number of modules changed."""
    import types

    import torch
    from stanza.models.common.char_model import CharacterModel
    from stanza.models.common.utils import tensor_unsort
    from torch.nn.utils.rnn import pack_sequence, pad_packed_sequence

    orig = CharacterModel.forward

    def forward(self, chars, chars_mask, word_orig_idx, sentlens, wordlens):
        if self.training:
            return orig(self, chars, chars_mask, word_orig_idx, sentlens, wordlens)
        first: dict = {}
        keep: list[int] = []
        inv: list[int] = []
        for i, (row, n) in enumerate(zip(chars.tolist(), wordlens)):
            k = tuple(row[:n])
            j = first.get(k)
            if j is None:
                j = first[k] = len(keep)
                keep.append(i)
            inv.append(j)
        if len(keep) == len(inv):
            return orig(self, chars, chars_mask, word_orig_idx, sentlens, wordlens)
        # the distinct words (still longest first, as packing needs)
        res = _char_rows(self, chars[keep], [wordlens[i] for i in keep])
        res = res[torch.tensor(inv, dtype=torch.long, device=res.device)]  # every occurrence its word's row
        res = tensor_unsort(res, word_orig_idx)
        res = pack_sequence(res.split(sentlens))
        if self.pad:
            res = pad_packed_sequence(res, batch_first=True)[0]
        return res

    proc = pipe.processors.get("ner")
    done = 0
    for tr in getattr(proc, "trainers", []) or []:
        cm = getattr(getattr(tr, "model", None), "charmodel", None)
        if type(cm) is CharacterModel and all(hasattr(cm, a) for a in ("char_emb", "charlstm", "attn", "num_dir", "pad")):
            cm.forward = types.MethodType(forward, cm)
            cm._rasd_once = True
            done += 1
    return done


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
    lexicon: object = None  # the dictionary pass after the tagger (extractor/ner_lexicon.py), or None
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
        cap = MAX_TOKEN_CHARS
        batch = [[t.text if len(t.text) <= cap else t.text[:cap] for t in sentences[i].tokens] for i in todo]
        order = sorted(range(len(batch)), key=lambda j: len(batch[j]))  # similar lengths together (NER_CHUNK)
        tag_lists: list = [None] * len(batch)
        with self._lock:  # a Stanza pipeline is not meant to be shared by threads
            for c in range(0, len(order), NER_CHUNK):
                part = order[c : c + NER_CHUNK]
                for j, tags in zip(part, _tag_windowed(functools.partial(self.tag, size=NER_CHUNK), [batch[j] for j in part])):
                    tag_lists[j] = tags
        if self.lexicon is not None:
            tag_lists = self.lexicon.retag(batch, tag_lists)
        for i, tags in zip(todo, tag_lists):
            s = sentences[i]
            toks = s.tokens
            # token positions are kept by the pre-tokenised input: read BIOES tags per token
            for a, b, typ in _spans(tags):
                start, end = toks[a].start, toks[b].end
                out[i].append(Entity(TYPE_MAP.get(typ, typ), start, end, s.text[start - s.start : end - s.start]))
        return out


    def tag(self, batch: list[list[str]], size: int | None = None) -> list[list[str]]:
        """BIOES tags of pre-tokenised sentences: Stanza's own batching and tagger, without its Document
        (``size``: sentences per model batch, in input order; the model's ``batch_size`` by default, as Stanza).

        ``Pipeline(batch)`` would first build a full Stanza Document (a Token and a Word object per token,
        character offsets written into and parsed back out of a ``misc`` string, then entity objects) that
        rasd reads nothing from but the tags: on rasd's batches that costs more than the tagger itself.
        This runs what the NER processor runs — the same ``DataLoader`` over the same token texts, the same
        ``Trainer.predict`` per batch, the same ``merge_tags`` — so the tags are the same
        (``tests/test_ner.py`` compares them). Falls back to the pipeline when Stanza's layout differs.
        """
        if not batch:
            return []
        proc = self._pipeline.processors.get("ner") if hasattr(self._pipeline, "processors") else None
        if proc is None or not hasattr(proc, "trainers") or not hasattr(proc, "configs"):
            return self._tag_with_pipeline(batch)
        import torch
        from stanza.models.ner.utils import merge_tags

        if all(_direct_fits(tr, c) for tr, c in zip(proc.trainers, proc.configs)):
            with torch.no_grad():
                all_preds = []
                for trainer, config in zip(proc.trainers, proc.configs):
                    step = size or config["batch_size"]  # the loader's batches: input order, batch_size sentences each
                    preds = []
                    for i in range(0, len(batch), step):
                        preds += _predict_direct(trainer, batch[i : i + step])
                    all_preds.append(preds)
            return [[t or "O" for t in merge_tags(*x)] for x in zip(*all_preds)]
        doc = _TokenTexts(batch)
        with torch.no_grad(), _exact_shortcuts():
            all_preds = []
            for trainer, config in zip(proc.trainers, proc.configs):
                loader = _loader_class()(doc, size or config["batch_size"], config, vocab=trainer.vocab, evaluation=True,
                                         preprocess_tags=False, bert_tokenizer=trainer.model.bert_tokenizer)  # fmt: skip
                preds: list = []
                predict = functools.partial(_predict, trainer) if _predict_fits(trainer) else trainer.predict
                for b in loader:
                    preds += predict(b)
                all_preds.append(preds)
        return [[t or "O" for t in merge_tags(*x)] for x in zip(*all_preds)]

    def _tag_with_pipeline(self, batch: list[list[str]]) -> list[list[str]]:
        """The same tags through the whole Stanza pipeline (reference for the fast path)."""
        doc = self._pipeline(batch)
        return [[t.ner or "O" for t in sent.tokens] for sent in doc.sentences]


def _windows(n: int, size: int | None = None, overlap: int | None = None) -> list[tuple[int, int, int, int]]:
    """``(start, end, keep_start, keep_end)`` windows over ``n`` tokens: each at most ``size`` tokens
    (MAX_SENTENCE_TOKENS); the kept parts partition ``0..n`` and stand ``overlap`` (WINDOW_OVERLAP) tokens
    away from a window's inner edges. One window when ``n <= size``."""
    size = MAX_SENTENCE_TOKENS if size is None else size
    overlap = WINDOW_OVERLAP if overlap is None else overlap
    if n <= size:
        return [(0, n, 0, n)]
    core = max(1, size - 2 * overlap)
    out = []
    ks = 0
    while ks < n:
        ke = min(n, ks + core if ks else size - overlap)
        start = max(0, ks - overlap)
        end = min(n, start + size)
        if ke == n or end == n:  # the last window: from ``overlap`` tokens before what it keeps to the end
            out.append((start, n, ks, n))
            break
        out.append((start, end, ks, ke))
        ks = ke
    return out


def _tag_windowed(tag, batch: list[list[str]]) -> list[list[str]]:
    """``tag(batch)``, with each sentence longer than MAX_SENTENCE_TOKENS tagged as overlapping windows
    (one call for all; a batch without such a sentence is passed as it is)."""
    if all(len(s) <= MAX_SENTENCE_TOKENS for s in batch):
        return tag(batch)
    pieces: list[list[str]] = []
    plan: list[list[tuple[int, int, int, int]]] = []
    for s in batch:
        w = _windows(len(s))
        plan.append(w)
        pieces += [s[a:b] for a, b, _, _ in w]
    tagged = iter(tag(pieces))
    out = []
    for w in plan:
        tags: list[str] = []
        for a, _b, ka, kb in w:
            tags += next(tagged)[ka - a : kb - a]
        out.append(tags)
    return out


class _TokenTexts:
    """What Stanza's NER DataLoader reads from a Document (``get([TEXT, NER, MULTI_NER], as_sentences=True,
    from_token=True)``): per sentence, per token ``[text, ner, multi_ner]`` — untagged, as for raw input."""

    def __init__(self, batch: list[list[str]]):
        self._batch = batch

    def get(self, fields, as_sentences=False, from_token=False):
        if list(fields) != ["text", "ner", "multi_ner"] or not as_sentences or not from_token:
            raise ValueError(f"unexpected Document.get({fields!r}) from Stanza's NER DataLoader")
        return [[[w, None, None] for w in sent] for sent in self._batch]


_LOADER = None


def _loader_class():
    """Stanza's NER DataLoader with ``preprocess`` doing the same mapping with less Python work: a word's
    character ids are looked up once per batch (words repeat), and the tag ids of untagged tokens — all
    the same ``(None,)`` — once. The lists it returns are equal to Stanza's, element for element."""
    global _LOADER
    if _LOADER is None:
        from stanza.models.ner.data import DataLoader

        class _Loader(DataLoader):
            def preprocess(self, data, vocab, args):
                lower = bool(args.get("char_lowercase", False))
                cmap, tmap = vocab["char"].map, vocab["tag"].map
                chars = _char_ids_memo(vocab["char"], lower)
                tag_ids: dict = {}
                processed = []
                for sent in data:
                    words = [w[0] for w in sent]
                    row = []
                    for w in words:
                        ids = chars.get(w)
                        if ids is None:
                            ids = chars[w] = cmap([x.lower() for x in w] if lower else list(w))
                        row.append(list(ids))
                    tags = []
                    for w in sent:
                        key = w[1]
                        if key not in tag_ids:
                            tag_ids[key] = tmap([key])[0]
                        tags.append(list(tag_ids[key]) if isinstance(tag_ids[key], list) else tag_ids[key])
                    processed.append([words, row, tags])
                return processed

        _LOADER = _Loader
    return _LOADER


_CHAR_MEMO = None  # weakref.WeakKeyDictionary: character vocabulary -> {lower: {word: ids}}


def _char_ids_memo(char_vocab, lower: bool) -> dict:
    """word -> character ids, kept per character vocabulary across batches (bounded)."""
    global _CHAR_MEMO
    import weakref

    if _CHAR_MEMO is None:
        _CHAR_MEMO = weakref.WeakKeyDictionary()
    per = _CHAR_MEMO.setdefault(char_vocab, {})
    memo = per.setdefault(lower, {})
    if len(memo) > 200_000:
        memo.clear()
    return memo


def _viterbi_decode(scores, transition_params):
    """``stanza.models.common.crf.viterbi_decode`` with ndarray methods instead of numpy's function
    wrappers: the same float32 operations in the same order, so the same path and score."""
    import numpy as np

    trellis = np.zeros_like(scores)
    backpointers = np.zeros_like(scores, dtype=np.int32)
    trellis[0] = scores[0]
    for t in range(1, scores.shape[0]):
        v = trellis[t - 1][:, None] + transition_params
        trellis[t] = scores[t] + v.max(0)
        backpointers[t] = v.argmax(0)
    viterbi = [np.argmax(trellis[-1])]
    for bp in reversed(backpointers[1:]):
        viterbi.append(bp[viterbi[-1]])
    viterbi.reverse()
    return viterbi, np.max(trellis[-1])


def _predict_fits(trainer) -> bool:
    """Whether :func:`_predict` can stand in for this trainer's ``predict`` (Stanza's NER trainer, as in 1.15)."""
    from stanza.models.ner.trainer import Trainer

    return type(trainer).predict is Trainer.predict and hasattr(trainer, "model") and hasattr(trainer, "vocab")


def _direct_fits(trainer, config) -> bool:
    """Whether :func:`_predict_direct` computes what the loader and :func:`_predict` compute for this trainer:
    Stanza 1.15's NERTagger with word vectors, a delta vocabulary and a character LSTM read once per distinct
    word (:func:`_char_words_once`), no BERT, no character language model, one tag set, in prediction mode,
    with the CRF's partition function skipped (:func:`_skip_crf_partition`). (``tag`` builds its loader without
    ``max_batch_words``: batches of ``config["batch_size"]`` sentences in input order.)"""
    try:
        from stanza.models.common.char_model import CharacterModel
        from stanza.models.common.packed_lstm import PackedLSTM
        from stanza.models.ner.model import NERTagger
    except ImportError:  # pragma: no cover - another Stanza layout
        return False
    m = getattr(trainer, "model", None)
    if type(m) is not NERTagger or not _predict_fits(trainer):
        return False
    m.eval()  # as Trainer.predict does before each batch
    a, cm = m.args, getattr(m, "charmodel", None)
    crits = list(getattr(m, "crits", []))
    return (getattr(m, "bert_model", None) is None and not a.get("charlm") and bool(a.get("char"))
            and a.get("char_emb_dim", 0) > 0 and a.get("word_emb_dim", 0) > 0 and "word" in m.vocab
            and "delta" in m.vocab and m.delta_emb is not None and bool(a.get("input_transform"))
            and type(cm) is CharacterModel and getattr(cm, "_rasd_once", False) and not cm.pad and not cm.training
            and not a.get("char_lowercase", False) and type(m.taggerlstm) is PackedLSTM and not m.taggerlstm.pad
            and type(m.taggerlstm.lstm).__name__ == "LSTM" and len(m.tag_clfs) == 1 and len(crits) == 1
            and getattr(crits[0], "_rasd_no_partition", False))  # fmt: skip


_DIRECT_MEMO = None  # weakref.WeakKeyDictionary: model -> {word: (character ids, word id, delta id)}


def _word_ids(trainer) -> dict:
    """word -> (character ids, word-vector id, delta id) as the loader and ``extract_static_embeddings`` map it,
    kept per model across batches (bounded)."""
    global _DIRECT_MEMO
    import weakref

    if _DIRECT_MEMO is None:
        _DIRECT_MEMO = weakref.WeakKeyDictionary()
    memo = _DIRECT_MEMO.setdefault(trainer.model, {})
    if len(memo) > 200_000:
        memo.clear()
    return memo


# A word's character-model representation (one row of the character LSTM's output) depends on the word alone but
# for the last bit of a float32 sum, which can vary with the rows batched with it (as it already does between two
# batches of sentences: 45 of 6,429 SaudiNewsNet words in a test, none of their tags changed). News repeats its words
# from article to article, so _predict_direct keeps the rows it computed, per model, across batches (bounded) and
# runs the character LSTM only on the words not met yet. CHAR_MEMO = False computes every batch's rows afresh (the
# loader's exact bits: tests/test_ner.py compares the logits with it).
CHAR_MEMO = True
_CHAR_MEMO_MAX = 50_000  # rows kept per model (100 float32 each: ~20 MB) before the memo is emptied
_CHAR_REPS = None  # weakref.WeakKeyDictionary: model -> _CharRows


class _CharRows(dict):
    """character ids -> the number of that word's row in ``rows``: the character model's rows kept in one
    growing tensor, so that a batch's rows are gathered by one index look-up (a copy of the same values)
    instead of a stack of one small tensor per word. Emptied (``clear``), it keeps the tensor, to be written over."""

    def __init__(self):
        super().__init__()
        self.rows = None  # float tensor: rows 0 .. len(self) - 1 are in use

    def add(self, keys: list, got) -> None:
        """Keep ``got[r]`` (rows just computed) as the row of ``keys[r]``."""
        import torch

        n, k = len(self), len(keys)
        if self.rows is None or self.rows.shape[0] < n + k or self.rows.shape[1:] != got.shape[1:]:
            grown = got.new_empty((max(2 * (n + k), 1024), *got.shape[1:]))
            if n:
                grown[:n] = self.rows[:n]
            self.rows = grown
        with torch.no_grad():
            self.rows[n : n + k] = got
        for r, key in enumerate(keys):
            self[key] = n + r


def _char_memo(model) -> _CharRows:
    """character ids -> the character model's row for that word, kept per model across batches (bounded)."""
    global _CHAR_REPS
    import weakref

    if _CHAR_REPS is None:
        _CHAR_REPS = weakref.WeakKeyDictionary()
    memo = _CHAR_REPS.get(model)
    if memo is None:
        memo = _CHAR_REPS[model] = _CharRows()
    if len(memo) > _CHAR_MEMO_MAX:
        memo.clear()
    return memo


def _predict_direct(trainer, sents: list[list[str]]) -> list[list[str]]:
    """The tags :func:`_predict` gives for one loader batch of ``sents``, without the loader: the loader's
    ``preprocess`` and ``__getitem__`` build, per batch, character-id lists and tensors of every word
    (and of each sentence as one string for a character language model the bundled tagger does not have),
    and ``NERTagger.forward`` pads and packs them again; about a quarter of the NER time.

    The same computation on the same values: the sentences in the loader's order (``sort_all``: longest first,
    a later one first among equals), the distinct words through the character LSTM in the order
    :func:`_char_words_once` runs them (the words sorted the same way), the same tensor shapes into every
    module (the character LSTM, ``input_transform``, the tagger LSTM, the classifier); embeddings are looked up
    on the packed token order directly (a copy either way), and the dropout layers (identities when
    predicting) and the pad/pack round trips (copies) are left out. ``tests/test_ner.py`` compares the logits
    bit for bit and the tags with the loader's path."""
    import numpy as np
    import torch
    from stanza.models.common.vocab import PAD_ID, UNK_ID
    from torch.nn.utils.rnn import PackedSequence, pad_packed_sequence

    m = trainer.model
    n = len(sents)
    order = sorted(range(n), key=lambda i: (len(sents[i]), i), reverse=True)
    ss = [sents[i] for i in order]
    sentlens = [len(s) for s in ss]
    memo = _word_ids(trainer)
    cmap = trainer.vocab["char"].map
    lower = m.args.get("lowercase", True)
    wvocab, dvocab = m.vocab["word"], m.vocab["delta"]
    flat = [w for s in ss for w in s]
    info = []
    for w in flat:
        got = memo.get(w)
        if got is None:
            c = w.lower() if lower else w
            wid, did = wvocab.map([c])[0], dvocab.map([c])[0]
            if did == UNK_ID and wid != UNK_ID:
                did = PAD_ID  # NERTagger.forward: a word known to the vectors is not unknown in the delta
            got = memo[w] = (tuple(cmap(list(w))), wid, did)
        info.append(got)
    keys = [x[0] for x in info]
    # The character model, once per distinct word (_char_words_once), over the words longest first as sort_all
    # puts them (length, then position, descending): a word first comes there at its last position. A word's row
    # read in an earlier batch is taken again (CHAR_MEMO): only the words not met run through the character LSTM,
    # still in that order (packing needs longest first), so they are computed in the same rows as before.
    reps = _char_memo(m) if CHAR_MEMO else _CharRows()  # without the memo: this batch's rows alone
    last: dict = {}
    for i, k in enumerate(keys):
        if k not in reps:
            last[k] = i
    if last:
        todo = sorted(last, key=lambda k: (len(k), last[k]), reverse=True)
        lens = [len(k) for k in todo]
        chars = np.zeros((len(todo), lens[0]), dtype=np.int64)
        for r, k in enumerate(todo):
            chars[r, : lens[r]] = k
        reps.add(todo, _char_rows(m.charmodel, torch.from_numpy(chars), lens))
    # the packed (time-major) token order: position t of every sentence longer than t, longest sentence first
    t_max = sentlens[0]
    lens_np = np.array(sentlens, dtype=np.int64)
    running = np.arange(t_max) < lens_np[:, None]  # [sentence, t]: sentence still running at step t
    offs = np.zeros(n, dtype=np.int64)
    np.cumsum(lens_np[:-1], out=offs[1:])
    packed = (offs[:, None] + np.arange(t_max)).T[running.T]  # flat token positions, step by step
    batch_sizes = running.sum(0).tolist()
    count = len(info)
    char_packed = reps.rows[torch.from_numpy(np.fromiter(map(reps.__getitem__, keys), np.int64, count)[packed])]
    wid = torch.from_numpy(np.fromiter((x[1] for x in info), np.int64, count)[packed])
    did = torch.from_numpy(np.fromiter((x[2] for x in info), np.int64, count)[packed])
    word_packed = m.word_emb(wid) + m.delta_emb(did)
    sizes = torch.tensor(batch_sizes, dtype=torch.int64)
    lstm_inputs = m.input_transform(torch.cat([word_packed, char_packed], 1))
    hidden = m.args["hidden_dim"]
    layers = 2 * m.args["num_layers"]
    lstm_outputs, _ = m.taggerlstm(PackedSequence(lstm_inputs, sizes), sentlens,
                                   hx=(m.taggerlstm_h_init.expand(layers, n, hidden).contiguous(),
                                       m.taggerlstm_c_init.expand(layers, n, hidden).contiguous()))  # fmt: skip
    logits = pad_packed_sequence(PackedSequence(m.tag_clfs[0](lstm_outputs.data), sizes), batch_first=True)[0]
    logits = [logits.contiguous().data.cpu().numpy()]
    trans = [m.crits[0]._transitions.data.cpu().numpy()]
    return _decode(trainer, logits, trans, sentlens, order)


def _decode(trainer, logits, trans, sentlens, orig_idx) -> list[list[str]]:
    """Tags of a batch from its logits (Trainer.predict's Viterbi and tag clean-up), in input order."""
    from stanza.models.common import utils
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE

    batch_size = logits[0].shape[0]
    if any(x.shape[0] != batch_size for x in logits):
        raise AssertionError("Expected all of the logits to have the same size")
    paths = [_viterbi_batch(x, sentlens, y) for x, y in zip(logits, trans)]
    predict_tagset = trainer.args["predict_tagset"]
    vocab = trainer.vocab["tag"]
    names: dict = {}  # tag ids -> the tag read (vocab.unmap of one token, then its predict_tagset part)

    def name_of(key):
        x = vocab.unmap([key])[0]
        return x[predict_tagset] if isinstance(x, list) else x

    tag_seqs = []
    if len(paths) == 1:  # one tag set (rasd's tagger): a token's key is (its id, raised to "O" at least), once per id
        for path in paths[0]:
            for x in set(path).difference(names):
                names[x] = name_of((max(x, VOCAB_PREFIX_SIZE),))  # the model may predict < "O"
            tag_seqs.append(_fix_singletons(list(map(names.__getitem__, path))))
        return utils.unsort(tag_seqs, orig_idx)
    for i in range(batch_size):
        tags = [p[i] for p in paths]
        tags = [[max(x, VOCAB_PREFIX_SIZE) for x in y] for y in tags]  # the model may predict < "O"
        out = []
        for key in zip(*tags):
            name = names.get(key)
            if name is None:
                name = names[key] = name_of(key)
            out.append(name)
        tag_seqs.append(_fix_singletons(out))
    return utils.unsort(tag_seqs, orig_idx)


def _fix_singletons(tags: list[str]) -> list[str]:
    """``stanza.models.ner.trainer.fix_singleton_tags`` (Stanza 1.15) reading only the tokens not tagged "O" (most
    of them are): an I- tag at a span's edge becomes B-/E-, then a lone B-/E- becomes S-. Stanza's two passes
    change a token only when its tag starts with I- (first pass) or B-/E- (second), so an "O" is never changed and
    never becomes one; each pass reads the token before (already rewritten by that pass) and the one after (not
    yet), and so do these, in the same order over the same tokens: the same tags."""
    new = list(tags)
    last = len(new) - 1
    marked = [i for i, t in enumerate(new) if t != "O"]
    for idx in marked:
        tag = new[idx]
        if tag.startswith("I-"):
            typ = tag[2:]
            if idx == last or (new[idx + 1] != "I-" + typ and new[idx + 1] != "E-" + typ):
                new[idx] = "E-" + typ
            if idx == 0 or (new[idx - 1] != "B-" + typ and new[idx - 1] != "I-" + typ):
                new[idx] = "B-" + typ
    for idx in marked:
        tag = new[idx]
        if tag.startswith("B-"):
            typ = tag[2:]
            if idx == last or (new[idx + 1] != "I-" + typ and new[idx + 1] != "E-" + typ):
                new[idx] = "S-" + typ
        if tag.startswith("E-"):
            typ = tag[2:]
            if idx == 0 or (new[idx - 1] != "B-" + typ and new[idx - 1] != "I-" + typ):
                new[idx] = "S-" + typ
    return new


def _predict(trainer, batch):
    """``stanza.models.ner.trainer.Trainer.predict`` (Stanza 1.15, unsorted output) with the Viterbi decoding
    of the whole batch at once (:func:`_viterbi_batch`) instead of one sentence at a time: the same model
    call, the same paths, then the same tag clean-up per sentence."""
    from stanza.models.ner.trainer import unpack_batch

    device = next(trainer.model.parameters()).device
    inputs, orig_idx, word_orig_idx, char_orig_idx, sentlens, wordlens, charlens, charoffsets = unpack_batch(batch, device)
    word, wordchars, wordchars_mask, chars, tags = inputs
    trainer.model.eval()
    _, logits, trans = trainer.model(word, wordchars, wordchars_mask, tags, word_orig_idx, sentlens, wordlens, chars,
                                     charoffsets, charlens, char_orig_idx)  # fmt: skip
    trans = [x.data.cpu().numpy() for x in trans]
    logits = [x.data.cpu().numpy() for x in logits]
    return _decode(trainer, logits, trans, sentlens, orig_idx)


def _viterbi_batch(scores, lens, transition_params) -> list[list]:
    """The Viterbi path of each sentence ``i`` of a batch (``scores[i, :lens[i]]``), as
    :func:`_viterbi_decode` finds it: :func:`_viterbi_batch_rows`'s steps with the sentences on the last axis.

    A step's arrays are small (previous tag x tag x sentences still running: 21 x 21 x ~16 on rasd's
    batches), so numpy's cost is in its inner loops: with the 21 tags last, every operation ran
    loops of 21 elements, and ``argmax`` over a middle axis copied the array first. With the sentences last,
    the maximum over the previous tag is an element-wise maximum of whole slabs, and its index is read
    without ``argmax``: the first previous tag whose sum equals the maximum, found as the largest of the
    weights ``k - i`` where the sum equals it. About twice as fast on the bench sample's batches (the
    Viterbi was ~15% of the NER's CPU time).

    Why the paths are the same: every sum ``trellis[i] + transitions[i, j]`` is the same float32 addition of
    the same two numbers; the maximum of a set of floats is one of them, equal to the value the old step read
    at its argmax (a -0.0 for a 0.0 at most, which no later comparison tells apart: paths depend only on
    comparisons); and numpy's ``argmax`` returns the first index of the maximum, which is the smallest ``i``
    whose sum equals it. That holds for finite scores (a float32 model's logits); should a score be NaN or
    infinite, the old loop runs instead (NaN compares equal to nothing)."""
    import numpy as np

    b, t_max, k = scores.shape
    lens = list(lens)
    if b == 0 or not (np.isfinite(scores).all() and np.isfinite(transition_params).all()):
        return _viterbi_batch_rows(scores, lens, transition_params)
    s = np.ascontiguousarray(scores.transpose(1, 2, 0))  # [step, tag, sentence]
    trellis = np.zeros_like(s)
    backpointers = np.zeros(s.shape, dtype=np.int32)
    trellis[0] = s[0]
    trans = transition_params[:, :, None]  # [previous tag, tag, 1]
    weights = np.arange(k, 0, -1, dtype=np.int8 if k < 128 else np.int32)[:, None, None]  # k .. 1: first weighs most
    ordered = all(x >= y for x, y in pairwise(lens))
    nb = b
    for t in range(1, min(t_max, max(lens, default=0))):
        if ordered:
            while nb and lens[nb - 1] <= t:
                nb -= 1  # sentence nb - 1 has ended: no later step reads its column
        v = trellis[t - 1, :, None, :nb] + trans  # [previous tag, tag, sentence]
        best = v.max(0)
        backpointers[t, :, :nb] = k - ((v == best) * weights).max(0)  # the first previous tag reaching the maximum
        np.add(s[t, :, :nb], best, out=trellis[t, :, :nb])
    out = []
    for i in range(b):  # the path back from the best last tag, in Python ints (_decode keys its tag names by them)
        n = lens[i]
        viterbi = [int(trellis[n - 1, :, i].argmax())]
        for bp in reversed(backpointers[1:n, :, i].tolist()):
            viterbi.append(bp[viterbi[-1]])
        viterbi.reverse()
        out.append(viterbi)
    return out


def _viterbi_batch_rows(scores, lens, transition_params) -> list[list]:
    """:func:`_viterbi_batch` with the sentences on the leading axis (the reference it is tested against, and
    what it runs on scores that are not all finite). The Viterbi path of each sentence ``i`` of a batch
    (``scores[i, :lens[i]]``), as :func:`_viterbi_decode` finds it, for all sentences at once: every step does the same float32 additions
    and maxima element by element for the rows of all sentences (positions past a sentence's end are
    computed and never read). The rows come longest first from the tagger (``sort_all``): then step ``t`` reads
    only the leading rows still running (``lens[i] > t``), not every row up to the longest sentence's end."""
    import numpy as np

    b, t_max, _k = scores.shape
    trellis = np.zeros_like(scores)
    backpointers = np.zeros_like(scores, dtype=np.int32)
    trellis[:, 0] = scores[:, 0]
    lens = list(lens)
    ordered = all(x >= y for x, y in pairwise(lens))
    nb = b
    with np.errstate(all="ignore"):  # padding rows may hold anything
        for t in range(1, min(t_max, max(lens, default=0))):
            if ordered:
                while nb and lens[nb - 1] <= t:
                    nb -= 1  # sentence nb - 1 has ended: no later step reads its row
            v = trellis[:nb, t - 1, :, None] + transition_params
            best = v.argmax(1)
            trellis[:nb, t] = scores[:nb, t] + np.take_along_axis(v, best[:, None, :], 1)[:, 0]  # = v.max(1), read once
            backpointers[:nb, t] = best
    out = []
    for i in range(b):  # the path back from the best last tag, in Python ints (_decode keys its tag names by them)
        n = lens[i]
        viterbi = [int(trellis[i, n - 1].argmax())]
        for bp in reversed(backpointers[i, 1:n].tolist()):
            viterbi.append(bp[viterbi[-1]])
        viterbi.reverse()
        out.append(viterbi)
    return out


def _long_tensor(orig):
    """``stanza.models.common.data.get_long_tensor`` for a list of int lists, filled in one numpy step
    instead of one small tensor per row (the same values); deeper or odd inputs go to ``orig``."""

    def get_long_tensor(tokens_list, batch_size, pad_id=0):
        import numpy as np
        import torch

        first = tokens_list[0] if tokens_list else None
        if not isinstance(first, list) or not first or isinstance(first[0], list) or len(tokens_list) > batch_size:
            return orig(tokens_list, batch_size, pad_id)
        lens = np.fromiter(map(len, tokens_list), dtype=np.int64, count=len(tokens_list))
        arr = np.full((batch_size, int(lens.max())), pad_id, dtype=np.int64)
        mask = np.arange(arr.shape[1]) < lens[:, None]
        arr[: len(tokens_list)][mask] = np.fromiter(chain.from_iterable(tokens_list), dtype=np.int64, count=int(lens.sum()))
        return torch.from_numpy(arr)

    return get_long_tensor


_SHORTCUT_LOCK = threading.Lock()


@contextmanager
def _exact_shortcuts():
    """While rasd tags: the two exact stand-ins above in place of Stanza's module-level helpers."""
    import stanza.models.ner.data as ndata
    import stanza.models.ner.trainer as ntrainer

    with _SHORTCUT_LOCK:
        orig_vit, orig_long = ntrainer.viterbi_decode, ndata.get_long_tensor
        ntrainer.viterbi_decode, ndata.get_long_tensor = _viterbi_decode, _long_tensor(orig_long)
        try:
            yield
        finally:
            ntrainer.viterbi_decode, ndata.get_long_tensor = orig_vit, orig_long


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
    """int8 dynamic quantisation of the LSTMs and linear layers (CPU), off by default (``RASD_NER_QUANTIZE=1``).

    Dynamic quantisation scales each layer's input by the range of the whole batch tensor, so a sentence's tags
    depended on the sentences batched with it (20 of 600 SaudiNewsNet sentences changed between one batch of
    600 and batches of 20; 0 in float32). On rasd's tagger (hidden 128) it saves only ~7% of NER CPU time
    (paired, 1,359 trigger sentences of the bench sample) and scores the same (ANERcorp test micro F1 71.06 int8,
    71.03 float32; AQMAR 40.32, 40.38); rows on dev-eval and the 1,000-article bench sample are the same either
    way. Returns False (and leaves the model as it is) when this torch build cannot do it.
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


def check_ner(which: str = "bundled", cache_dir: str | None = None) -> str:
    """The name of model ``which`` if its files are there (cheap: nothing is loaded);
    raises :class:`NerUnavailable` otherwise. Lets a caller fail early and load late."""
    return _resolve(which, cache_dir)["name"]


def build_ner(which: str = "bundled", cache_dir: str | None = None, use_gpu: bool = False,
              quantize: bool | None = None, skip_crf_partition: bool = True, char_words_once: bool = True) -> NerModel:
    """Load a fresh pipeline (no cache). Raises :class:`NerUnavailable` when files are missing.

    ``quantize`` (default: off; on with ``RASD_NER_QUANTIZE=1``, CPU only) makes the
    tagger's LSTMs int8 (a little faster, but tags then depend on batch composition: see :func:`_quantize`). ``skip_crf_partition`` drops work whose result prediction throws away
    (see :func:`_skip_crf_partition`; the tags are the same); ``char_words_once`` reads each distinct word of
    a batch through the character model once (:func:`_char_words_once`; the same tags).
    """
    if quantize is None:
        quantize = os.environ.get("RASD_NER_QUANTIZE", "0") in ("1", "true", "yes")
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
    if skip_crf_partition:
        _skip_crf_partition(pipe)
    if char_words_once:
        _char_words_once(pipe)
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
        lexicon=load_lexicon() if info["bundled"] else None,  # None with RASD_NER_LEXICON=0
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
