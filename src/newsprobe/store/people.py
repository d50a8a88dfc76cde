"""Entities across documents: one corpus-level person per normalised full name.

"Putin", "Vladimir Putin" and "Russian President Vladimir Putin" in different articles are one person:
titles before a name are dropped, the rest is keyed lower-cased without accents, dots or initials, and a
surname-only mention joins the one full name with that surname when there is exactly one.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from functools import lru_cache

from newsprobe.data.names import NAME_SUFFIXES, TITLE_WORDS

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*", re.UNICODE)


def name_tokens(name: str) -> list[str]:
    """The tokens of a person's name that identify them: no title, accents, initials or suffixes."""
    return list(_name_tokens(name))


@lru_cache(maxsize=65536)  # names recur across a corpus; keying them was a tenth of the cost of a write
def _name_tokens(name: str) -> tuple[str, ...]:
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower().replace("’", "'")
    tokens = [t.strip("'-") for t in _WORD.findall(folded)]
    tokens = [t[:-2] if t.endswith("'s") else t for t in tokens if t]
    while len(tokens) > 1 and tokens[-1] in NAME_SUFFIXES:
        tokens.pop()
    if all(t in TITLE_WORDS for t in tokens):  # "the President": a role, not a name
        return ()
    # cut after the last title that still has a name after it: "Russian President | Vladimir Putin",
    # but "Martin Luther King" keeps its King
    cut = max((i + 1 for i, t in enumerate(tokens[:-1]) if t in TITLE_WORDS), default=0)
    kept = tuple(t for t in tokens[cut:] if len(t) > 1)
    return () if all(t in TITLE_WORDS for t in kept) else kept  # "the White House press secretary"


def name_key(name: str) -> str:
    """The key a person is stored under: ``"Russian President Vladimir Putin"`` → ``"vladimir putin"``."""
    return " ".join(name_tokens(name))


def display_name(name: str) -> str:
    """The name as shown, without the titles before it."""
    words = name.split()
    keep = len(words)
    for i, word in enumerate(words):
        if word.lower().strip(".,") in TITLE_WORDS and i < len(words) - 1:
            keep = len(words) - i - 1
    return " ".join(words[len(words) - keep :]) or name


def link_person(conn: sqlite3.Connection, name: str) -> int | None:
    """The id of the corpus person this name denotes, creating or merging as needed; call inside a transaction."""
    tokens = name_tokens(name)
    if not tokens:
        return None
    key, surname = " ".join(tokens), tokens[-1]
    row = conn.execute("SELECT id FROM people WHERE key = ?", (key,)).fetchone()
    if len(tokens) == 1:
        full = conn.execute("SELECT id FROM people WHERE surname = ? AND key != surname LIMIT 2", (surname,)).fetchall()
        if len(full) == 1:  # unambiguous: "Putin" is the one Putin with a full name
            return int(full[0][0])
        if row:
            return int(row[0])
        return _create(conn, key, surname, display_name(name))
    if row:
        return int(row[0])
    person = _create(conn, key, surname, display_name(name))
    _absorb_surname_only(conn, person, surname)
    return person


def _create(conn: sqlite3.Connection, key: str, surname: str, name: str) -> int:
    cursor = conn.execute("INSERT INTO people (key, name, surname) VALUES (?, ?, ?)", (key, name, surname))
    return int(cursor.lastrowid or 0)


def _absorb_surname_only(conn: sqlite3.Connection, person: int, surname: str) -> None:
    """A surname-only person stored earlier joins the first full name that arrives with that surname."""
    others = conn.execute(
        "SELECT id FROM people WHERE surname = ? AND key != surname AND id != ? LIMIT 1", (surname, person)
    ).fetchone()
    alone = conn.execute("SELECT id, quote_count FROM people WHERE key = ?", (surname,)).fetchone()
    if others or not alone:
        return
    old, count = alone
    for table in ("quotes", "claims"):  # the update trigger re-indexes their "who" token
        conn.execute(
            f"UPDATE {table} SET person = ?, who = ? WHERE person = ?",  # noqa: S608 - fixed names
            (person, f"p{person}", old),
        )
    conn.execute("UPDATE entities SET person = ? WHERE person = ?", (person, old))
    conn.execute("UPDATE people SET quote_count = quote_count + ? WHERE id = ?", (count, person))
    conn.execute("DELETE FROM people WHERE id = ?", (old,))


def find_people(conn: sqlite3.Connection, name: str) -> list[int]:
    """The ids of the people a user's name query means: the exact key, else every person with that surname."""
    tokens = name_tokens(name)
    if not tokens:
        return []
    key = " ".join(tokens)
    exact = [int(r[0]) for r in conn.execute("SELECT id FROM people WHERE key = ?", (key,))]
    if exact and len(tokens) > 1:
        return exact
    if len(tokens) == 1:
        return [int(r[0]) for r in conn.execute("SELECT id FROM people WHERE surname = ?", (tokens[0],))]
    like = [
        int(r[0])
        for r in conn.execute("SELECT id FROM people WHERE key LIKE ? ESCAPE '\\'", ("%" + _escape_like(key) + "%",))
    ]
    return exact or like


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
