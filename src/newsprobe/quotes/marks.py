"""Quoted runs of text: any quote-mark style, runs that carry on over several paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprobe.data.speech import DOUBLE_APOSTROPHE, GUILLEMET_SPACES, QUOTE_PAIRS, SPACED_GUILLEMETS

Span = tuple[int, int]

# Mixed pairs: the mark that closes a quote opened by the other style (“…" and "…”), as PolNeAR's pages have them.
MIXED_CLOSERS = {"“": '"', '"': "”"}

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
    stack: list[str] = []  # the open marks, outermost first (“… “hell” …” nests)
    i = start
    while i < end:
        mark = _MARKS.search(text, i, end)
        if mark is None:
            break  # no mark left: nothing below would change
        i = mark.start()
        # two apostrophes stand for a straight double quote (''…'' in some newspapers' text)
        ch, width = ('"', 2) if text.startswith(DOUBLE_APOSTROPHE, i) else (text[i], 1)
        if not stack:
            if ch in QUOTE_PAIRS and _opens(text, i + width - 1, start, end):
                opened_at, stack = i, [ch]
        elif not _is_apostrophe(text, i, start, end):
            depth = _closing_depth(text, i, width, stack, start, end)
            if depth is None and ch in QUOTE_PAIRS and _opens(text, i + width - 1, start, end):
                if ch != '"' or _after_space(text, i, start):
                    stack.append(ch)
            elif depth == 0 and (ch == '"' or i > opened_at + 1):
                runs.append(QuoteRun(opened_at, i + width))
                stack, opened_at = [], -1
            elif depth:
                del stack[depth:]
        i += width
    if opened_at >= 0 and _rstrip(text, opened_at, end) > opened_at + 1:
        runs.append(QuoteRun(opened_at, _rstrip(text, opened_at, end), unclosed=True))
    return runs


def _closing_depth(text: str, i: int, width: int, stack: list[str], start: int, end: int) -> int | None:
    """The depth of the open mark a mark at ``i`` closes (0: the outermost), or None when it closes none.

    A mark closes the innermost open mark of its own pair, even past nested ones left open; failing that,
    a mixed pair closes the innermost mark: “…" and "…” both occur in news text. A straight quote in a
    curly one closes by its place: after a space it opens a nested quote, after a digit it is an inch mark.
    """
    ch = '"' if width == 2 else text[i]
    own = next((k for k in range(len(stack) - 1, -1, -1) if ch in QUOTE_PAIRS[stack[k]]), None)
    opens = ch in QUOTE_PAIRS and _after_space(text, i, start) and _opens(text, i + width - 1, start, end)
    if own is not None and (ch == '"' or not opens or _spaced_close(text, i, stack[own], start)):
        return own
    if ch == '"' and (_after_space(text, i, start) or text[i - 1].isdigit()):
        return None
    if ch == MIXED_CLOSERS.get(stack[-1]) and not opens:
        return len(stack) - 1
    return None


def _after_space(text: str, i: int, start: int) -> bool:
    """A mark at the start of a word: first in its paragraph, or after a space, bracket or dash."""
    return i == start or text[i - 1].isspace() or text[i - 1] in "([{—–-/"


def _opens(text: str, i: int, start: int, end: int) -> bool:
    """A mark opens a quote when text follows it (not a closing straight quote or a stray mark).

    A guillemet may have one space before its text, as French sets it ("« Nous ne céderons pas »").
    """
    if text[i] in SPACED_GUILLEMETS and i + 2 < end and text[i + 1] in GUILLEMET_SPACES:
        i += 1
    return i + 1 < end and not text[i + 1].isspace()


def _spaced_close(text: str, i: int, opener: str, start: int) -> bool:
    """A guillemet after a space closes its own open mark ("pas »"), though text follows it ("», selon")."""
    return SPACED_GUILLEMETS.get(opener) == text[i] and i > start and text[i - 1] in GUILLEMET_SPACES


def _is_apostrophe(text: str, i: int, start: int, end: int) -> bool:
    # ” and " close; a straight quote right between two letters is not a closing mark
    return text[i] == '"' and start < i < end - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
