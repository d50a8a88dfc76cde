"""The line classifier of text dumps: is a line part of the article body?

Two logistic regressions over language-agnostic line features (length, punctuation, indentation,
position, boilerplate patterns, neighbours); the second also sees the first one's scores of the
neighbouring lines, so that a short line inside a run of article paragraphs stays in the article.
The weights are a small JSON file trained by ``scripts/train_textdump.py``; inference is plain Python.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from newsprobe.data.page import COMMENT_MARK, CREDIT_LINE, CREDIT_TAIL, PROMO_LINE, RELATED_OPENERS
from newsprobe.page.blocks import Block

MODEL_FILE = "textdump_lines.json"

_WORD = re.compile(r"\w+", re.UNICODE)
_PUNCT_CHAR = re.compile(r"[^\w\s]")
_DIGIT = re.compile(r"\d")
# A sentence's last mark, then its closing quotes or brackets (a French closing guillemet after a space: "… pas. »").
SENTENCE_END = re.compile(r"[.!?。！？…](?:[ \u00a0\u202f\u2009]*[\"”’'»)\]])*$")
_INNER_SENTENCE = re.compile(r"[.!?。！？][\"”’)]?\s+\S")
_MENU_MARK = re.compile(r"[|•·›>]|\s/\s")
_GUILLEMET = re.compile(r"[«»]")
_GUILLEMET_QUOTE = re.compile(r"«[ \u00a0\u202f\u2009]*\w[^«»]*»")  # « mot »: a quotation, not "Home » News"
_LINKISH = re.compile(r"https?://|www\.|@\w|\.com\b", re.I)
_DATELIKE = re.compile(r"\b(19|20)\d\d\b|\b\d{1,2}:\d\d\b")
# A paragraph long enough to be prose wherever it stands on the page.
LONG_PARAGRAPH_CHARS = 150
# A headline repeated as the start of a teaser line is at least this long.
MIN_PREFIX_CHARS = 20
# Where no line of a page reaches the threshold, lines scoring this share of the page's best are body.
FALLBACK_SHARE = 0.6

BASE_FEATURES = (
    "log_chars",
    "log_words",
    "sentence_end",
    "colon_end",
    "inner_sentences",
    "indented",
    "blank_before",
    "blank_after",
    "position",
    "punct_ratio",
    "digit_ratio",
    "upper_initial_ratio",
    "comma_rate",
    "short_word_ratio",
    "menu_mark",
    "linkish",
    "datelike",
    "promo",
    "credit",
    "related_opener",
    "repeated",
    "before_first_long",
    "after_last_long",
    "prev_log_chars",
    "next_log_chars",
    "window_log_chars",
    "window_indented",
    "window_sentence_end",
    "window_long",
    "tab",
    "rel_log_chars",
    "rel_window_log_chars",
    "prefix_repeat",
    "window_comment_mark",
    "window_repeated",
)
CONTEXT_FEATURES = ("prob", "prev_prob", "next_prob", "prev_max3", "next_max3", "window_mean5", "inside_run")


def _menu_mark(text: str) -> bool:
    """A breadcrumb or menu separator ("Home » News", "A | B"); guillemets around a quotation are none."""
    return bool(_MENU_MARK.search(text)) or (bool(_GUILLEMET.search(text)) and not _GUILLEMET_QUOTE.search(text))


def _log(x: float) -> float:
    return math.log1p(max(0.0, x))


def line_features(blocks: list[Block]) -> list[list[float]]:
    """The base feature vector of every block, in ``BASE_FEATURES`` order."""
    n = len(blocks)
    counts: dict[str, int] = {}
    for block in blocks:
        counts[block.text] = counts.get(block.text, 0) + 1
    prefixes = _prefix_repeats(blocks)
    own: list[dict[str, float]] = []
    for index, block in enumerate(blocks):
        text = block.text
        chars = len(text)
        words = _WORD.findall(text)
        n_words = max(1, len(words))
        own.append(
            {
                "log_chars": _log(chars),
                "log_words": _log(len(words)),
                "sentence_end": float(bool(SENTENCE_END.search(text))),
                "colon_end": float(text.endswith(":")),
                "inner_sentences": _log(len(_INNER_SENTENCE.findall(text))),
                "indented": float(block.indent > 0),
                "blank_before": float(block.blank_before),
                "blank_after": float(block.blank_after),
                "punct_ratio": len(_PUNCT_CHAR.findall(text)) / chars,
                "digit_ratio": len(_DIGIT.findall(text)) / chars,
                "upper_initial_ratio": sum(w[0].isupper() for w in words) / n_words,
                "comma_rate": (text.count(",") + text.count("，") + text.count("、")) / n_words,
                "short_word_ratio": sum(len(w) <= 3 for w in words) / n_words,
                "menu_mark": float(_menu_mark(text)),
                "linkish": float(bool(_LINKISH.search(text))),
                "datelike": float(bool(_DATELIKE.search(text)) and len(words) <= 12),
                "promo": float(bool(PROMO_LINE.search(text)) and len(words) <= 25),
                "credit": float(bool(CREDIT_LINE.match(text) or CREDIT_TAIL.search(text))),
                "related_opener": float(bool(RELATED_OPENERS.match(text))),
                "repeated": float(counts[text] > 1),
                "tab": float("\t" in text),
                "prefix_repeat": float(index in prefixes),
                "comment_mark": float(len(words) <= 12 and bool(COMMENT_MARK.search(text))),
                "long": float(chars >= LONG_PARAGRAPH_CHARS and bool(SENTENCE_END.search(text))),
            }
        )
    longs = [i for i, f in enumerate(own) if f["long"]]
    page_max = max(f["log_chars"] for f in own)
    first_long = longs[0] if longs else n
    last_long = longs[-1] if longs else -1
    rows: list[list[float]] = []
    for i, feats in enumerate(own):
        lo, hi = max(0, i - 3), min(n, i + 4)
        window = own[lo:hi]
        feats = dict(feats)
        feats["position"] = i / max(1, n - 1)
        feats["before_first_long"] = float(i < first_long)
        feats["after_last_long"] = float(i > last_long)
        feats["prev_log_chars"] = own[i - 1]["log_chars"] if i > 0 else 0.0
        feats["next_log_chars"] = own[i + 1]["log_chars"] if i + 1 < n else 0.0
        feats["window_log_chars"] = sum(f["log_chars"] for f in window) / len(window)
        feats["window_indented"] = sum(f["indented"] for f in window) / len(window)
        feats["window_sentence_end"] = sum(f["sentence_end"] for f in window) / len(window)
        feats["window_long"] = sum(f["long"] for f in window) / len(window)
        feats["window_comment_mark"] = sum(f["comment_mark"] for f in window) / len(window)
        feats["window_repeated"] = sum(f["repeated"] for f in window) / len(window)
        feats["rel_log_chars"] = feats["log_chars"] - page_max
        feats["rel_window_log_chars"] = feats["window_log_chars"] - page_max
        rows.append([feats[name] for name in BASE_FEATURES])
    return rows


def _prefix_repeats(blocks: list[Block]) -> set[int]:
    """Lines that begin another line, or begin with one (a teaser: its headline, then its lead)."""
    starts: dict[str, list[int]] = {}
    for index, block in enumerate(blocks):
        if len(block.text) >= MIN_PREFIX_CHARS:
            starts.setdefault(block.text[:MIN_PREFIX_CHARS], []).append(index)
    found: set[int] = set()
    for group in starts.values():
        if len(group) < 2:
            continue
        for i in group:
            for j in group:
                if i != j and blocks[j].text.startswith(blocks[i].text) and blocks[j].text != blocks[i].text:
                    found.update((i, j))
    return found


def context_features(probs: list[float]) -> list[list[float]]:
    """The second pass's extra features: the first pass's scores around each block."""
    n = len(probs)
    rows = []
    for i, p in enumerate(probs):
        prev3 = probs[max(0, i - 3) : i]
        next3 = probs[i + 1 : i + 4]
        window = probs[max(0, i - 5) : i + 6]
        inside = float(bool(prev3) and bool(next3) and max(prev3) > 0.5 and max(next3) > 0.5)
        rows.append(
            [
                p,
                probs[i - 1] if i > 0 else 0.0,
                probs[i + 1] if i + 1 < n else 0.0,
                max(prev3) if prev3 else 0.0,
                max(next3) if next3 else 0.0,
                sum(window) / len(window),
                inside,
            ]
        )
    return rows


class LogisticModel:
    """A standardised logistic regression from its JSON form."""

    def __init__(self, data: dict[str, Any]):
        self.mean: list[float] = data["mean"]
        self.scale: list[float] = data["scale"]
        self.coef: list[float] = data["coef"]
        self.intercept: float = data["intercept"]

    def predict(self, rows: list[list[float]]) -> list[float]:
        """The probability of the positive class for each row."""
        out = []
        for row in rows:
            z = self.intercept
            for x, m, s, w in zip(row, self.mean, self.scale, self.coef, strict=True):
                z += w * (x - m) / s
            out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
        return out


class LineModel:
    """Both passes of the line classifier and the decision threshold."""

    def __init__(self, data: dict[str, Any]):
        if data.get("base_features") != list(BASE_FEATURES) or data.get("context_features") != list(CONTEXT_FEATURES):
            raise ValueError(f"{MODEL_FILE} was trained on other features; rerun scripts/train_textdump.py")
        self.first = LogisticModel(data["first"])
        self.second = LogisticModel(data["second"])
        self.threshold: float = data["threshold"]

    def body_scores(self, blocks: list[Block]) -> list[float]:
        """The probability that each block is article body."""
        if not blocks:
            return []
        base = line_features(blocks)
        first = self.first.predict(base)
        rows = [b + c for b, c in zip(base, context_features(first), strict=True)]
        return self.second.predict(rows)


def block_weight(block: Block) -> float:
    """How much a block counts when the article region is chosen: longer lines count more."""
    return 1.0 + math.log1p(len(_WORD.findall(block.text)))


def article_region(scores: list[float], weights: list[float], threshold: float) -> tuple[int, int]:
    """The run of blocks ``[start, end)`` with the largest weighted sum of ``score - threshold``.

    A page holds one article: lines that look like prose far from it (comments, teasers, footers)
    are left out, and the article's own weaker lines between strong ones are kept.
    """
    best, best_start, best_end = -math.inf, 0, 0
    running, start = 0.0, 0
    for i, (score, weight) in enumerate(zip(scores, weights, strict=True)):
        if running <= 0:
            running, start = 0.0, i
        running += (score - threshold) * weight
        if running > best:
            best, best_start, best_end = running, start, i + 1
    return best_start, best_end


def body_mask(blocks: list[Block], scores: list[float], threshold: float) -> list[bool]:
    """Which blocks are article body: inside the article region and scoring at least ``threshold``."""
    if not blocks:
        return []
    # Every page holds an article: where no line clears the threshold (a short page, a table of
    # results), the lines that score best relative to the rest of the page are taken instead.
    threshold = min(threshold, max(scores) * FALLBACK_SHARE)
    start, end = article_region(scores, [block_weight(b) for b in blocks], threshold)
    return [start <= i < end and score >= threshold for i, score in enumerate(scores)]


@lru_cache(maxsize=1)
def load_line_model() -> LineModel:
    """The committed line model (loaded once per process)."""
    text = resources.files("newsprobe.models").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return LineModel(json.loads(text))
