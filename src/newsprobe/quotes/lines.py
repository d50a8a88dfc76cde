"""Attributions a paragraph makes by its shape: a transcript turn ("PENCE: …") or a name and a colon ("Graham: …")."""

from __future__ import annotations

from newsprobe.data.speech import HEADLINE_LINE, NOT_SPEAKER_LABELS, TRANSCRIPT_LINE
from newsprobe.nlp import Parse
from newsprobe.quotes.extract import Attribution

# What follows a name and a colon has at least this many words when it is something said.
HEADLINE_MIN_WORDS = 3


def transcript_line(parse: Parse, index: int) -> Attribution | None:
    """ "PENCE: Well, look, …": the capitalised name is the speaker, the rest of the paragraph what was said."""
    text = parse.text
    match = TRANSCRIPT_LINE.match(text)
    if match is None or match.group(1).strip(".") in NOT_SPEAKER_LABELS:
        return None
    end = len(text.rstrip().rstrip('"”»'))
    if end <= match.start(3):
        return None
    offset = parse.offset
    return Attribution(
        [(offset + match.start(3), offset + end)],
        (offset + match.start(2), offset + match.end(2)),
        (offset + match.start(1), offset + match.end(1)),
        index,
        key=":|transcript",
    )


def headline_line(parse: Parse, index: int = 0, names_only: bool = False) -> Attribution | None:
    """ "Graham: Trump’s ‘Hateful Rhetoric’ Destroying GOP": a short name before a colon says what follows.

    ``names_only`` (body paragraphs, "Kerry: “By law …”"): the part before the colon must be a name.
    """
    match = HEADLINE_LINE.match(parse.text)
    if match is None or match.group(1).strip(".").upper() in NOT_SPEAKER_LABELS:
        return None
    source = parse.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    if source is None or any(t.pos_ in ("VERB", "AUX") for t in source):
        return None
    # a headline's source may be any capitalised label ("Poll: …"); the tagger often misreads a lone name there
    capitalised = all(t.text[:1].isupper() or t.is_punct or t.pos_ == "PART" for t in source)
    if not any(t.pos_ == "PROPN" for t in source) and (names_only or not capitalised):
        return None
    if all(t.ent_type_ == "GPE" for t in source) or len(parse.text[match.start(3) :].split()) < HEADLINE_MIN_WORDS:
        return None  # "Iowa: Tim Albrecht, Brad Anderson, …", "Clinton: 2,316." are labels, not sayings
    if names_only and (len(source) > 4 or any(t.pos_ not in ("PROPN", "PUNCT") for t in source)):
        return None
    offset = parse.offset
    end = len(parse.text.rstrip())
    return Attribution(
        [(offset + match.start(3), offset + end)],
        (offset + match.start(2), offset + match.end(2)),
        (offset + match.start(1), offset + match.end(1)),
        index,
        key=":|headline",
    )
