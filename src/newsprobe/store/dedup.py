"""Near-duplicates: republished and lightly rewritten copies of an article grouped into one story.

Each document's body gets a MinHash signature (datasketch) over word 3-shingles. The LSH bands of the
signature (the band/row split that datasketch's ``MinHashLSH`` picks for the threshold) are stored in
``lsh_bands``, so candidates are found by an indexed lookup that survives restarts and is shared by every
process writing to the database; a candidate joins the story when its estimated Jaccard similarity
reaches the threshold.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from functools import lru_cache

import numpy as np

# Tuned by hand on rewritten copies written for the tests: a copy with one word in ten changed and a
# sentence added scores about 0.6 on 3-shingles, two unrelated articles on one topic under 0.05.
THRESHOLD = 0.5
NUM_PERM = 64
SHINGLE = 3
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _template():  # type: ignore[no-untyped-def]
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return MinHash(num_perm=NUM_PERM, hashfunc=int), lsh.b, lsh.r


_P = np.uint64(0x100000001B3)  # FNV prime: odd, so invertible modulo 2**64
_P_INV = np.uint64(pow(int(_P), -1, 2**64))


_ASCII_WORD = np.zeros(128, dtype=bool)
_ASCII_WORD[[ord(c) for c in "abcdefghijklmnopqrstuvwxyz0123456789"]] = True
_BYTE_WORD = np.concatenate((_ASCII_WORD, np.ones(128, dtype=bool)))  # UTF-8 bytes of non-ASCII: words
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _word_bytes(text: str) -> np.ndarray:
    """The text lower-cased, as UTF-8 bytes, with every non-word character (``[\\W_]``) one space.

    Equal for hashing to ``_NON_WORD.sub(" ", text.lower())`` (runs of spaces do not change a word's
    hash) but done with numpy on the bytes: the few distinct non-ASCII characters that are not word
    characters (``str.isalnum()`` false, as ``\\W``) are replaced first, then a byte table does the rest.
    """
    lowered = text.lower()
    if not lowered.isascii():
        for char in set(_NON_ASCII.findall(lowered)):
            if not char.isalnum():
                lowered = lowered.replace(char, " ")
    data = np.frombuffer(lowered.encode("utf-8"), dtype=np.uint8)
    return np.where(_BYTE_WORD[data], data, np.uint8(32))


def _words_only(text: str) -> bytes:
    """``_word_bytes`` as bytes."""
    return _word_bytes(text).tobytes()


_powers: np.ndarray = np.ones(1, dtype=np.uint64)  # P**0, P**1, … (mod 2**64), grown as longer texts come
_inverses: np.ndarray = np.ones(1, dtype=np.uint64)  # P**0, P**-1, …


def _power_tables(n: int) -> tuple[np.ndarray, np.ndarray]:
    global _powers, _inverses  # a cache of constants: the same values in every process
    if len(_powers) < n:
        size = max(n, 2 * len(_powers), 4096)
        with np.errstate(over="ignore"):
            _powers = np.cumprod(np.full(size, _P, dtype=np.uint64)) * _P_INV
            _inverses = np.cumprod(np.full(size, _P_INV, dtype=np.uint64)) * _P
    return _powers[:n], _inverses[:n]


def word_hashes(text: str) -> np.ndarray:
    """A 64-bit hash per word of a text (lower-cased), computed with numpy for the whole text at once.

    A word's hash is the polynomial sum(byte_i * P**i) over its bytes, made independent of where the word
    starts by multiplying with P**-start. Stable across processes, unlike ``hash``; hashing words one by
    one in Python was most of the cost of storing a document.
    """
    data = _word_bytes(text)
    space = data == 32
    if not len(data) or space.all():
        return np.zeros(0, dtype=np.uint64)
    powers, inverses = _power_tables(len(data))
    with np.errstate(over="ignore"):
        starts = np.flatnonzero(~space & np.concatenate(([True], space[:-1])))
        terms = data.astype(np.uint64) * powers
        terms[space] = 0
        return np.add.reduceat(terms, starts) * inverses[starts]


def shingles(text: str) -> list[int]:
    """Word 3-shingles of a text, lower-cased, as distinct 32-bit hashes (a short text is one shingle)."""
    return shingle_array(text).tolist()


def shingle_array(text: str) -> np.ndarray:
    """``shingles`` as a sorted numpy array."""
    hashes = word_hashes(text)
    if not len(hashes):
        return np.zeros(0, dtype=np.uint64)
    n = max(len(hashes) - SHINGLE + 1, 1)
    combined = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(min(SHINGLE, len(hashes))):
            combined = combined * np.uint64(0x9E3779B97F4A7C15) + hashes[offset : offset + n]
    return _sorted_distinct(combined >> np.uint64(32))


def _sorted_distinct(values: np.ndarray) -> np.ndarray:
    """``np.unique`` of a small array, without its set-up (a tenth of the time for a page's shingles)."""
    values = np.sort(values)
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of a text, or None when it has no words.

    Computed as datasketch's ``MinHash.update_batch`` does on the CPU, without its per-value Python
    loop (a test checks both agree); ``datasketch_signature`` is the reference.
    """
    grams = shingle_array(text)
    if not len(grams):
        return None
    mix = _mixer()
    if mix is None:
        return datasketch_signature(grams.tolist())
    template, _, _ = _template()
    a, b = template.permutations
    hv = mix(grams.astype(template.hashvalues.dtype).reshape(-1, 1))
    return np.minimum(template.hashvalues, (hv * a + b).min(axis=0))


@lru_cache(maxsize=1)
def _mixer():  # type: ignore[no-untyped-def]
    """datasketch's input mixing for the template's scheme, or None where this datasketch lacks it."""
    try:
        from datasketch.minhash import _SCHEME_LEGACY, _SCHEME_WIDTHS, _fmix
    except ImportError:
        return None
    scheme = _template()[0].scheme
    if scheme == _SCHEME_LEGACY or scheme not in _SCHEME_WIDTHS:
        return None
    width = _SCHEME_WIDTHS[scheme]
    return lambda hv: _fmix(hv, width)


def datasketch_signature(grams: list[int]) -> np.ndarray:
    """The signature of some shingles computed by datasketch itself."""
    from datasketch import MinHash

    template, _, _ = _template()
    minhash = MinHash(num_perm=NUM_PERM, permutations=template.permutations, scheme=template.scheme, hashfunc=int)
    minhash.update_batch(grams)
    return np.asarray(minhash.hashvalues)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per LSH band of a signature."""
    _, bands, rows = _template()
    keys = []
    for band in range(bands):
        chunk = sig[band * rows : (band + 1) * rows].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def from_blob(blob: bytes) -> np.ndarray:
    """A signature as stored in ``minhashes``."""
    return np.frombuffer(blob, dtype=np.asarray(_template()[0].hashvalues).dtype)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def assign_story(conn: sqlite3.Connection, doc: int, text: str, current: int | None) -> int:
    """Store the signature of document ``doc`` and return its story (an earlier copy's, else ``current`` or its own)."""
    if current is not None:  # a replacement: drop the old signature first
        forget(conn, doc)
    sig = signature(text)
    if sig is None:
        return current or doc
    keys = band_keys(sig)
    marks = ",".join("?" * len(keys))
    candidates = conn.execute(
        f"SELECT DISTINCT b.doc, m.signature, d.story FROM lsh_bands b JOIN minhashes m ON m.doc = b.doc "  # noqa: S608
        f"JOIN documents d ON d.pk = b.doc WHERE b.band IN ({marks}) AND b.doc != ?",
        (*keys, doc),
    ).fetchall()
    best, best_score = None, THRESHOLD
    for _other, blob, story in candidates:
        score = similarity(sig, np.frombuffer(blob, dtype=sig.dtype))
        if score >= best_score:
            best, best_score = story, score
    conn.execute("INSERT INTO minhashes (doc, signature) VALUES (?, ?)", (doc, sig.tobytes()))
    conn.executemany("INSERT OR IGNORE INTO lsh_bands (band, doc) VALUES (?, ?)", [(k, doc) for k in keys])
    return int(best) if best is not None else (current or doc)


def forget(conn: sqlite3.Connection, doc: int) -> None:
    """Remove a document's signature and its LSH bands (found from the signature: no index on doc needed)."""
    row = conn.execute("SELECT signature FROM minhashes WHERE doc = ?", (doc,)).fetchone()
    if row is None:
        return
    dtype = np.asarray(_template()[0].hashvalues).dtype
    conn.executemany(
        "DELETE FROM lsh_bands WHERE band = ? AND doc = ?",
        [(key, doc) for key in band_keys(np.frombuffer(row[0], dtype=dtype))],
    )
    conn.execute("DELETE FROM minhashes WHERE doc = ?", (doc,))
