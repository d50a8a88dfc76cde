"""Names: tokens without honorifics, first-name gender, the gender a person entity shows in the text."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from newsprobe.data.people import (
    EXTRA_FEMALE_NAMES,
    EXTRA_MALE_NAMES,
    FEMALE_ROLE_WORDS,
    FEMALE_TITLES,
    MALE_ROLE_WORDS,
    MALE_TITLES,
    NAME_TITLES,
)

_WORD = re.compile(r"[\w’'-]+")
_POSSESSIVE = re.compile(r"[’']s?$")


@lru_cache(maxsize=1)
def first_names() -> tuple[frozenset[str], frozenset[str]]:
    """(female, male) first names, lower-cased; a name in both lists tells no gender."""

    def read(file_name: str) -> frozenset[str]:
        text = resources.files("newsprobe.data").joinpath(file_name).read_text(encoding="utf-8")
        return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#")

    return read("first_names_female.txt") | EXTRA_FEMALE_NAMES, read("first_names_male.txt") | EXTRA_MALE_NAMES


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a known first name."""
    female, male = first_names()
    return word.lower() in female or word.lower() in male


def first_name_gender(word: str) -> str | None:
    """ "f" or "m" when the first name is given (almost) only to women or to men, else None."""
    female, male = first_names()
    word = word.lower()
    if word in female and word not in male:
        return "f"
    if word in male and word not in female:
        return "m"
    return None


def words(text: str) -> list[str]:
    """The words of a name or phrase, possessives dropped."""
    return [_POSSESSIVE.sub("", w) for w in _WORD.findall(text)]


def name_key(text: str) -> list[str]:
    """The lower-cased tokens of a name without honorifics ("Mr. Obama" -> ["obama"])."""
    return [w for w in (x.lower().strip(".") for x in words(text)) if w and w not in NAME_TITLES]


def honorific_gender(text: str) -> str | None:
    """The gender an honorific before a name states ("Mrs. Clinton" -> "f")."""
    for word in words(text.lower()):
        word = word.strip(".")
        if word in MALE_TITLES:
            return "m"
        if word in FEMALE_TITLES:
            return "f"
    return None


def role_gender(role: str) -> str | None:
    """The gender a role word states ("spokeswoman" -> "f")."""
    lowered = set(words(role.lower()))
    if lowered & FEMALE_ROLE_WORDS:
        return "f"
    if lowered & MALE_ROLE_WORDS:
        return "m"
    return None


# Capitalised words before a name that are titles even where a first-name list has them ("Chief Justice Roberts").
_TITLES = frozenset(
    {
        "justice",
        "chief",
        "judge",
        "general",
        "major",
        "king",
        "sheriff",
        "bishop",
        "dean",
        "earl",
        "prince",
        "royal",
        "president",
        "mayor",
        "pastor",
        "senator",
        "will",
        "sierra",
        "wells",
    }
)
_CAPITALISED = r"(?:[A-Z][\w’'-]*|[A-Z]\.)"


def full_name_in_text(text: str, surname: str) -> str | None:
    """The one "First [Middle] Surname" the text gives for ``surname`` (None when none, or two different people)."""
    pattern = re.compile(rf"\b({_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{0,2}})[ \t]+((?i:{re.escape(surname)}))\b")
    found: list[list[str]] = []
    for match in pattern.finditer(text):
        if match.group(2)[:1].islower():
            continue
        before = match.group(1).split()
        start = next(
            (
                i
                for i, w in enumerate(before)
                if w[:1].isupper() and w.lower() not in _TITLES and is_first_name(w.strip("."))
            ),
            None,
        )
        if start is not None:
            found.append(before[start:] + [surname if not surname.isupper() else surname.title()])
    distinct: list[list[str]] = []
    for name in sorted(found, key=len, reverse=True):
        if not any({w.lower() for w in name} <= {w.lower() for w in other} for other in distinct):
            distinct.append(name)
    if len({name[0].lower() for name in distinct}) != 1:
        return None
    return " ".join(distinct[0])
