"""Names in headlines without NER: sentence-case Title Case text, then read runs of capitalised words.

spaCy's small model tags most words of a Title Case headline as names ("names V. Superman instead
of Zack Snyder Kills"), so the related-item checks find actors by rule instead. A Title Case text
keeps a capital only where it says "name" on its own: an acronym ("ISIS", "MS-13"), a mixed-case
word ("MacBook"), a known place or demonym ("Israeli"), a known first name followed by another
capitalised word ("Dylan Thomas"), or a word written capitalised mid-sentence in a reference text
that is not Title Case (a teaser, the other headline). Everything else is lower-cased, in place
(same length, so offsets hold).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newsprobe.data.stance import ACTOR_ALIASES, CAPS_NOISE, COUNTRIES
from newsprobe.stance.text import STOP_WORDS

# A text is Title Case when at least this share of its non-initial content words is capitalised
# (sentence-case news headlines with several names stay under 0.5).
TITLE_CASE_SHARE = 0.6
TITLE_CASE_MIN_WORDS = 3
# All-caps words longer than this are emphasis ("DENIES", "STATE"), not acronyms ("NATO"), unless
# they have no vowel ("MSNBC"); a text mostly in capitals has no acronyms to tell apart.
MAX_ACRONYM = 4
MOSTLY_CAPITALS = 0.6
_TOKEN = re.compile(r"[A-Za-z0-9][\w’'&.-]*[\w’'.]|[A-Za-z0-9]")
# a token right after one of these (or at the start) begins a sentence or a headline part
_OPENERS = frozenset(".!?:;|—–-“‘([")
_PLACES = frozenset(ACTOR_ALIASES) | frozenset(ACTOR_ALIASES.values()) | COUNTRIES


@dataclass(slots=True, frozen=True)
class Token:
    """A word of a headline with its offsets and whether it opens a sentence."""

    text: str
    start: int
    end: int
    initial: bool


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[Token, ...]:
    """The words of a text (trailing dots dropped unless the word is an abbreviation like "U.S.")."""
    found: list[Token] = []
    for match in _TOKEN.finditer(text):
        word, start = match.group(), match.start()
        if word.endswith(".") and word.count(".") == 1:
            word = word[:-1]
        before = text[:start].rstrip()
        # the dot of "U.S." ends an abbreviation, not a sentence
        abbreviation = bool(found) and found[-1].end == len(before) and found[-1].text.endswith(".")
        opens = not before or (before[-1] in _OPENERS and not abbreviation)
        found.append(Token(word, start, start + len(word), opens))
    return tuple(found)


def _key(word: str) -> str:
    return word.lower().replace("’", "'").removesuffix("'s").removesuffix("'").strip(".")


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return (
        len(letters) >= 2
        and all(c.isupper() for c in letters)
        and (len(letters) <= MAX_ACRONYM or not set("aeiouAEIOU") & set(letters))
        and _key(word) not in CAPS_NOISE
        and (_key(word) not in STOP_WORDS or _key(word) in _PLACES)  # "US" yes, "IT" no
    )


def _marked(word: str) -> bool:
    """Capitalisation that says "name" by itself: an acronym, "MacBook", "MS-13", "iPhone"."""
    return (
        _acronym(word)
        or (any(c.isupper() for c in word[1:]) and not word.isupper())
        or (_capitalised(word) and any(c.isdigit() for c in word))
    )


@lru_cache(maxsize=8192)
def shouting(text: str) -> bool:
    """Whether most words of a text are in capitals ("ISLAMIC STATE BEHEADS MISSING AMERICAN JOURNALIST")."""
    alpha = [t.text for t in tokens(text) if t.text.isalpha() and len(t.text) > 1]
    return len(alpha) >= TITLE_CASE_MIN_WORDS and sum(w.isupper() for w in alpha) / len(alpha) >= MOSTLY_CAPITALS


@lru_cache(maxsize=8192)
def is_title_case(text: str) -> bool:
    """Whether most non-initial content words of a text are capitalised (or in capitals)."""
    content = [t for t in tokens(text) if not t.initial and t.text.isalpha() and _key(t.text) not in STOP_WORDS]
    if len(content) < TITLE_CASE_MIN_WORDS:
        return False
    return sum(_capitalised(t.text) for t in content) / len(content) >= TITLE_CASE_SHARE


@lru_cache(maxsize=8192)
def _capitals(text: str) -> frozenset[str]:
    if is_title_case(text):
        return frozenset()
    return frozenset(_key(t.text) for t in tokens(text) if not t.initial and _capitalised(t.text))


def known_capitals(texts: Iterable[str | None]) -> frozenset[str]:
    """Words written capitalised mid-sentence in the texts that are not Title Case (lower-case keys)."""
    return frozenset().union(*(_capitals(text) for text in texts if text))


def is_given_name(word: str) -> bool:
    """Whether a word is a known first name (the list newsprobe.speakers uses)."""
    from newsprobe.speakers.names import is_first_name

    return is_first_name(word)


@lru_cache(maxsize=8192)
def _name_flags(text: str, known: frozenset[str]) -> tuple[tuple[Token, bool], ...]:
    """Each token with whether it is part of a name (see the module doc)."""
    toks = tokens(text)
    title = is_title_case(text)
    loud = shouting(text)
    flags: list[bool] = []
    given_names: set[int] = set()  # tokens taken for a name by the first-name rule
    for n, token in enumerate(toks):
        word = token.text
        key = _key(word)
        following = toks[n + 1] if n + 1 < len(toks) else None
        if not _capitalised(word) or (key in STOP_WORDS and not _acronym(word)):
            flags.append(False)
            continue
        if (_marked(word) and not loud) or (key in _PLACES and (len(key) > 2 or word.isupper())) or key in known:
            flags.append(True)
            continue
        first_name = (
            is_given_name(word)
            and following is not None
            and not following.initial
            and _capitalised(following.text)
            and _key(following.text) not in STOP_WORDS
        )
        if first_name and n - 1 not in given_names:
            given_names.add(n)
            flags.append(True)
            continue
        previous_first = n - 1 in given_names and not token.initial
        # a surname after a first name; in sentence case any non-initial capital is a name, but a word in
        # capitals that is no acronym is emphasis ("Obama administration DENIES congressman's claim")
        emphasis = word.isupper() and not _acronym(word)
        flags.append(previous_first or (not title and not token.initial and not emphasis))
    return tuple(zip(toks, flags, strict=True))


def sentence_case(text: str, known: frozenset[str] = frozenset()) -> str:
    """A Title Case text with the capitals that do not mark names lower-cased (same length); others as given."""
    if not is_title_case(text):
        return text
    chars = list(text)
    for token, is_name in _name_flags(text, known):
        if is_name or not _capitalised(token.text):
            continue
        lowered = token.text.lower()
        if token.initial:
            lowered = token.text[0] + lowered[1:]
        if len(lowered) == len(token.text):  # keep offsets
            chars[token.start : token.end] = lowered
    return "".join(chars)


def names(text: str, known: frozenset[str] = frozenset()) -> list[str]:
    """The names of a headline: maximal runs of name words, possessives dropped ("Iran’s" is "Iran")."""
    runs: list[list[Token]] = []
    previous_end = -2
    for token, is_name in _name_flags(text, known):
        if not is_name:
            previous_end = -2
            continue
        # a run continues over a single space only ("UK, France" are two names)
        if runs and text[previous_end : token.start] == " ":
            runs[-1].append(token)
        else:
            runs.append([token])
        previous_end = token.end
    found = []
    for run in runs:
        surface = text[run[0].start : run[-1].end]
        surface = re.sub(r"[’']s?$", "", surface)
        if surface:
            found.append(surface)
    return list(dict.fromkeys(found))
