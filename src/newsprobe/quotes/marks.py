"""Quoted runs of text: any quote-mark style, runs that carry on over several paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprobe.data.speech import DOUBLE_APOSTROPHE, QUOTE_PAIRS

Span = tuple[int, int]

# Every character the scan below acts on; the text between two of them is skipped in one search.
_MARKS = re.compile(
    "[" + re.escape("".join(sorted({*QUOTE_PAIRS, *"".join(QUOTE_PAIRS.values()), DOUBLE_APOSTROPHE[0]}))) + "]"
)


@dataclass(slots=True)
class QuoteRun:
    """A quoted stretch ``[start, end)`` of the record text, marks included.

    ``unclosed``: the paragraph ended inside the quote (it carries on if the next paragraph opens one);
    ``carried``: this run opens a paragraph that continues a quote left unclosed by the paragraph before.
    """

    start: int
    end: int
    unclosed: bool = False
    carried: bool = False


def quote_runs(text: str, paragraphs: list[Span]) -> list[QuoteRun]:
    """The quoted runs of consecutive paragraphs, in text order."""
    runs: list[QuoteRun] = []
    left_open = False
    for start, end in paragraphs:
        found = _paragraph_runs(text, start, end)
        if found and left_open and found[0].start - start <= 1:
            found[0].carried = True
        if runs and runs[-1].unclosed and not (found and found[0].carried):
            runs.pop()  # a stray mark, not a quote carried on: it would swallow the rest of its paragraph
        left_open = bool(found) and found[-1].unclosed
        runs.extend(found)
    if runs and runs[-1].unclosed:
        runs.pop()
    return runs


def _paragraph_runs(text: str, start: int, end: int) -> list[QuoteRun]:
    runs: list[QuoteRun] = []
    opened_at = -1
    closers = ""
    depth = 0  # curly quotes nested inside the open one (“… “hell” …”)
    i = start
    while i < end:
        mark = _MARKS.search(text, i, end)
        if mark is None:
            break  # no mark left: nothing below would change
        i = mark.start()
        # two apostrophes stand for a straight double quote (''…'' in some newspapers' text)
        ch, width = ('"', 2) if text.startswith(DOUBLE_APOSTROPHE, i) else (text[i], 1)
        closes = opened_at >= 0 and ch in closers and not _is_apostrophe(text, i, start, end)
        if closes and depth:
            depth -= 1
        elif closes and (ch == '"' or i > opened_at + 1):
            runs.append(QuoteRun(opened_at, i + width))
            opened_at = -1
        elif ch in QUOTE_PAIRS and _opens(text, i + width - 1, start, end):
            if opened_at >= 0 and ch == text[opened_at] and ch != '"':
                depth += 1
            elif opened_at < 0:
                opened_at, closers = i, QUOTE_PAIRS[ch]
        i += width
    if opened_at >= 0 and _rstrip(text, opened_at, end) > opened_at + 1:
        runs.append(QuoteRun(opened_at, _rstrip(text, opened_at, end), unclosed=True))
    return runs


def _opens(text: str, i: int, start: int, end: int) -> bool:
    """A mark opens a quote when text follows it (not a closing straight quote or a stray mark)."""
    return i + 1 < end and not text[i + 1].isspace()


def _is_apostrophe(text: str, i: int, start: int, end: int) -> bool:
    # ” and " close; a straight quote right between two letters is not a closing mark
    return text[i] == '"' and start < i < end - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
