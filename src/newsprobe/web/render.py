"""Turning a stored record into what the pages show: highlighted text pieces, speaker colours, diffs.

Everything here returns plain text pieces with class names; the templates escape the text (Jinja
autoescape), so a page's own markup always shows as text.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

# Speaker colours: light enough to read black text on, distinct for the first ten speakers of a page.
PALETTE = ("#ffd6a5", "#caffbf", "#9bf6ff", "#bdb2ff", "#ffc6ff", "#fdffb6", "#a0c4ff", "#ffadad", "#d0f4de", "#e4c1f9")
UNATTRIBUTED = "#e0e0e0"


def speaker_legend(record: dict[str, Any], quote_people: dict[int, int | None]) -> list[dict[str, Any]]:
    """One entry per distinct speaker of the page, in order of first quote, with its colour and person id."""
    legend: dict[Any, dict[str, Any]] = {}
    for i, quote in enumerate(record["quotes"]):
        speaker = quote["speaker"]
        person = quote_people.get(i)
        key = person if person is not None else (speaker.get("name") or None)
        if key not in legend:
            color = (
                PALETTE[len([k for k in legend if k is not None]) % len(PALETTE)] if key is not None else UNATTRIBUTED
            )
            legend[key] = {
                "name": speaker.get("name") or "unresolved speaker",
                "person": person,
                "color": color,
                "quotes": [],
            }
        legend[key]["quotes"].append(i)
    return list(legend.values())


def article_segments(record: dict[str, Any], quote_people: dict[int, int | None]) -> list[dict[str, Any]]:
    """The page's segments, each a list of text pieces marked as quote, cue, speaker mention, figure or flag."""
    text = record["text"]
    legend = speaker_legend(record, quote_people)
    quote_color = {i: entry["color"] for entry in legend for i in entry["quotes"]}
    quote_speaker = {i: entry["name"] for entry in legend for i in entry["quotes"]}
    marks: list[tuple[int, int, str, Any]] = []
    for i, quote in enumerate(record["quotes"]):
        for start, end in quote["content"]:
            marks.append((start, end, "quote", i))
        if quote.get("cue"):
            marks.append((*quote["cue"], "cue", i))
        if quote["speaker"].get("mention"):
            marks.append((*quote["speaker"]["mention"], "mention", i))
    for i, claim in enumerate(record["claims"]):
        marks.append((*claim["span"], "claim", i))
        for figure in claim["figures"]:
            marks.append((*figure["span"], "figure", figure))
    for i, flag in enumerate(record["flags"]):
        if flag.get("span"):
            marks.append((*flag["span"], "flag", i))
    segments = record["segments"] or [{"kind": "body", "start": 0, "end": len(text)}]
    out = []
    for segment in segments:
        s_start, s_end = segment["start"], segment["end"]
        inside = [m for m in marks if m[0] < s_end and m[1] > s_start]
        cuts = sorted({s_start, s_end, *(max(s_start, min(s_end, p)) for m in inside for p in m[:2])})
        pieces = []
        seen_flags: set[int] = set()
        for start, end in zip(cuts, cuts[1:], strict=False):
            if start >= end:
                continue
            active = [m for m in inside if m[0] <= start and m[1] >= end]
            piece: dict[str, Any] = {"text": text[start:end], "classes": []}
            for _, _, kind, value in active:
                piece["classes"].append(kind)
                if kind == "quote":
                    piece.update(quote=value, color=quote_color[value], speaker=quote_speaker[value])
                elif kind == "mention":
                    piece["person"] = quote_people.get(value)
                    piece["mention_of"] = value
                elif kind == "figure":
                    piece["figure"] = f"{value.get('kind')}: {value.get('value')} {value.get('unit') or ''}".strip()
                elif kind == "flag" and value not in seen_flags:
                    seen_flags.add(value)
                    piece["anchor"] = f"flag-{value}"
            piece["classes"] = " ".join(sorted(set(piece["classes"])))
            pieces.append(piece)
        out.append({"kind": segment["kind"], "pieces": pieces})
    return out


_TOKENS = re.compile(r"\S+|\s+")


_PARAGRAPHS = re.compile(r"[^\n]+\n*|\n+")


def diff_pieces(base: str, other: str) -> list[dict[str, Any]]:
    """``other`` as pieces, the words it does not share with ``base`` marked ``changed``.

    Paragraphs are matched first and words only inside the paragraphs that differ: a word-level diff of
    two whole articles costs tens of milliseconds, and most paragraphs of a copy are unchanged.
    """
    a = _PARAGRAPHS.findall(base)
    b = _PARAGRAPHS.findall(other)
    pieces: list[dict[str, Any]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            _add(pieces, "".join(b[j1:j2]), False)
        elif tag == "replace":
            # as many paragraphs changed as replaced them: edited in place, compared pair by pair
            pairs = (
                zip(a[i1:i2], b[j1:j2], strict=True) if i2 - i1 == j2 - j1 else [("".join(a[i1:i2]), "".join(b[j1:j2]))]
            )
            for old, new in pairs:
                for piece in _word_diff(old, new):
                    _add(pieces, piece["text"], piece["changed"])
        elif tag == "insert":
            _add(pieces, "".join(b[j1:j2]), True)
    return pieces


def _add(pieces: list[dict[str, Any]], chunk: str, changed: bool) -> None:
    if not chunk:
        return
    changed = changed and bool(chunk.strip())
    if pieces and pieces[-1]["changed"] == changed:
        pieces[-1]["text"] += chunk
    else:
        pieces.append({"text": chunk, "changed": changed})


def _word_diff(base: str, other: str) -> list[dict[str, Any]]:
    a = _TOKENS.findall(base)
    b = _TOKENS.findall(other)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    pieces = []
    for tag, _, _, j1, j2 in matcher.get_opcodes():
        chunk = "".join(b[j1:j2])
        if chunk:
            pieces.append({"text": chunk, "changed": tag != "equal" and bool(chunk.strip())})
    return pieces
