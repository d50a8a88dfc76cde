"""Attributions a paragraph makes by its shape: a transcript turn ("PENCE: …") or a name and a colon ("Graham: …")."""

from __future__ import annotations

from newsprobe.data.speech import (
    DASH_CUES,
    HEADLINE_LINE,
    HEADLINE_VERBS,
    NOT_SPEAKER_LABELS,
    SIGNATURE_LINE,
    SIGNATURE_MAX_WORDS,
    SPEECH_VERBS,
    TRANSCRIPT_LINE,
)
from newsprobe.nlp import Parse
from newsprobe.quotes.found import Attribution, Span

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


def signature_line(parse: Parse) -> tuple[Span, Span] | None:
    """ "- Bernie Sanders." or "— President Obama, tweeting after the speech.": the dash and the name.

    Only the paragraph's shape is judged here; whether the paragraph before is a quote it signs is the
    caller's to say. A name is the capitalised proper nouns right after the dash; what follows them is
    nothing or a comma and a description. "– Old hands –." (a section heading) is not a signature.
    """
    text = parse.text
    match = SIGNATURE_LINE.match(text)
    if match is None or len(text.split()) > SIGNATURE_MAX_WORDS or text.rstrip(". ").endswith(tuple(DASH_CUES)):
        return None
    name_start = match.start(2)
    name_end = name_start
    for token in parse.doc:
        token_end = token.idx + len(token)
        if token_end <= name_start:
            continue
        # the part of the token after the dash ("-Michelle" is one token)
        if token.pos_ != "PROPN" or not text[max(token.idx, name_start) : token_end][:1].isupper():
            break
        name_end = token_end
    rest = text[name_end : match.end(2)].strip()
    if name_end == name_start or (rest and not rest.startswith(",")):
        return None
    offset = parse.offset
    return (offset + match.start(1), offset + match.end(1)), (offset + name_start, offset + name_end)


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


def headline_verb(parse: Parse, index: int = 0) -> Attribution | None:
    """ "Jeb Bush Super PAC Chief Praises Rubio Donor": a Title Case headline the tagger read as one long name.

    The first capitalised word after the start that is the third person of a speech or headline verb
    ("Praises", "Blasts", "Says") splits the line into who (before it) and what (after it).
    """
    doc = parse.doc
    text = parse.text
    if sum(1 for t in doc if t.is_alpha and t.text[:1].isupper()) < 0.6 * sum(1 for t in doc if t.is_alpha):
        return None  # not Title Case: the parse can be trusted, and the verb path has had its say
    for token in doc[1:]:
        if token.pos_ == "VERB" or not token.text[:1].isupper():
            return None
        if _verb_form(token.lower_) and token.i + 2 < len(doc):
            source = [t for t in doc[: token.i] if not t.is_punct]
            if not source or any(t.pos_ in ("VERB", "AUX", "ADP") for t in source):
                return None
            start, end = doc[token.i + 1].idx, len(text.rstrip().rstrip(".!?"))
            if end <= start:
                return None
            offset = parse.offset
            return Attribution(
                [(offset + start, offset + end)],
                (offset + token.idx, offset + token.idx + len(token)),
                (offset + source[0].idx, offset + source[-1].idx + len(source[-1])),
                index,
                key=f"{token.lower_}|headline-verb",
            )
    return None


def _verb_form(word: str) -> bool:
    """ "praises", "blasts", "says", "denies": the third person singular of a speech or headline verb."""
    stems = {word[:-1], word[:-2] if word.endswith("es") else "", word[:-3] + "y" if word.endswith("ies") else ""}
    return any(stem in SPEECH_VERBS or stem in HEADLINE_VERBS for stem in stems if stem)
