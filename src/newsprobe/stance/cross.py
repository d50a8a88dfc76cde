"""The stance cross-encoder: all-MiniLM-L6-v2 fine-tuned to tell agree / disagree / discuss, as int8 ONNX.

It reads the headline and the body together (the body cut so both fit in ``MAX_TOKENS`` word pieces),
which the boosted trees over pair features cannot. On topic-disjoint splits of FNC-1 train (new headlines
and new bodies, as in the competition test) its related-pair accuracy was 0.635 to 0.816 over five of them
(mean 0.754; the trees' 0.671 to 0.784, mean 0.742): better on four, worse on one, so the stance model
blends it with the trees. It only ranks the related labels; whether a pair is related at all stays the
trees' call.
Trained by ``scripts/train_stance_encoder.py`` on the related FNC-1 training pairs whose body is outside
the held-out share; run with onnxruntime and the shipped tokenizer (no torch at run time).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from newsprobe.stance.embed import TOKENIZER_FILE

MODEL_FILE = Path(__file__).resolve().parents[1] / "models" / "stance-cross-int8.onnx"
LABELS = ("agree", "disagree", "discuss")
# Headline and body together are cut to this many word pieces (the body loses its tail), as in training.
MAX_TOKENS = 128


class CrossEncoderMissing(RuntimeError):
    """The cross-encoder file, onnxruntime or tokenizers is not installed."""


def available() -> bool:
    """Whether the shipped cross-encoder file is there (the stance model works without it, less well)."""
    return MODEL_FILE.exists()


@lru_cache(maxsize=1)
def _session_and_tokenizer() -> tuple[Any, Any]:
    if not MODEL_FILE.exists():
        raise CrossEncoderMissing(
            f"stance cross-encoder {MODEL_FILE} is missing; reinstall newsprobe or train one with "
            "`python scripts/train_stance_encoder.py ../shared/data/stance/fnc1`"
        )
    try:
        import onnxruntime as ort
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise CrossEncoderMissing(
            f"the stance cross-encoder needs {exc.name}: run `pip install onnxruntime==1.31.1 tokenizers==0.23.3`"
        ) from exc
    options = ort.SessionOptions()
    # as the sentence encoder: one thread, no spinning, on cores shared with the rest of the analysis
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    session = ort.InferenceSession(str(MODEL_FILE), sess_options=options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(TOKENIZER_FILE))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_TOKENS, strategy="only_second")
    return session, tokenizer


def related_probabilities(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
    """P(agree), P(disagree), P(discuss) of each (headline, body) pair, one row each (rows sum to 1).

    Each pair is run on its own: the int8 model quantises its activations with scales taken over the
    whole input, so padding a pair into a batch would change its probabilities (by up to 0.16 measured).
    """
    out = np.zeros((len(pairs), len(LABELS)), dtype=np.float32)
    if not pairs:
        return out
    session, tokenizer = _session_and_tokenizer()
    for row, (headline, body) in enumerate(pairs):
        encoding = tokenizer.encode(headline if headline.strip() else ".", body if body.strip() else ".")
        feed = {
            "input_ids": np.array([encoding.ids], dtype=np.int64),
            "attention_mask": np.ones((1, len(encoding.ids)), dtype=np.int64),
            "token_type_ids": np.array([encoding.type_ids], dtype=np.int64),
        }
        (logits,) = session.run(None, feed)
        exp = np.exp(logits[0] - logits[0].max())
        out[row] = exp / exp.sum()
    return out
