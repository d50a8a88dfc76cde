"""Cheap text handling for stance features: words, stems, sentences. No spaCy: this runs on every pair."""

from __future__ import annotations

import re
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|\n")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "ly", "s")
# Bodies longer than this many sentences are cut: the lead carries the story, and the rest costs time.
MAX_SENTENCES = 30

STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) - {"not", "no", "never", "nor", "none", "nothing"}


def words(text: str) -> list[str]:
    """Lower-cased word tokens, apostrophes normalised (``didn’t`` is ``didn't``)."""
    return _WORD.findall(text.lower().replace("’", "'"))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude suffix-stripping stem: enough to match "arrests"/"arrested"/"arrest"."""
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry content (no stop words, no single characters)."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS and len(w) > 1]


def sentences(text: str, limit: int = MAX_SENTENCES) -> list[str]:
    """The first ``limit`` sentences of a text (paragraph breaks also end sentences)."""
    found = []
    cuts = [m.end() for m in _SENTENCE_END.finditer(text)]
    for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
        piece = text[start:end].strip()
        if len(piece) > 1:
            found.append(piece)
            if len(found) >= limit:
                break
    return found


def ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    """The set of ``n``-grams of a token list."""
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}
