"""The sourcing audit: flags a reader should see about who the article's information comes from.

- ``anonymous-source``: an unnamed source that is sourcing something ("sources close to Putin said",
  "warnings from security experts"), or a quote whose speaker is resolved as anonymous.
- ``speaker-underspecified``: someone quoted but never given a first name or a role in the document.
- ``hedged-report``: the article passes on a report without standing behind it ("reportedly").
- ``unverified``: the article says a claim could not be verified.
- ``speaker-unresolved``: a quote whose speaker the text does not let a reader determine.

Flags are appended to ``doc.flags`` (other stages flag page integrity there too).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsprobe.data import hedges as vocab
from newsprobe.data.entities import FORMS_OF_ADDRESS
from newsprobe.record import Document, Entity, Flag, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

AUDIT_CODES = ("anonymous-source", "speaker-underspecified", "hedged-report", "unverified", "speaker-unresolved")


def _clip(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


@dataclass(slots=True)
class QuotedPerson:
    """Everything the document says about one quoted speaker."""

    name: str
    quotes: list[Quote] = field(default_factory=list)
    full_name: bool = False
    role: bool = False


def quoted_people(doc: Document) -> list[QuotedPerson]:
    """The document's quoted speakers that have a name, grouped by entity (or name), in order of first quote."""
    people: dict[str, QuotedPerson] = {}
    for quote in doc.quotes:
        speaker = quote.speaker
        entity = doc.entity(speaker.entity)
        name = (entity.name if entity is not None else None) or speaker.name
        if not name and speaker.resolution in ("named", "surname") and speaker.mention is not None:
            name = doc.text[speaker.mention[0] : speaker.mention[1]].strip()
        if not name or speaker.resolution == "anonymous":
            continue
        if entity is not None and _is_institution(doc, entity):
            continue  # the Kremlin, the Moscow Times: an institution needs no first name
        key = speaker.entity or name.lower()
        person = people.setdefault(key, QuotedPerson(name))
        person.quotes.append(quote)
        words = [w for w in name.replace(".", ". ").split() if w.lower().strip(".") not in FORMS_OF_ADDRESS]
        if len(words) >= 2 or (speaker.name and len(speaker.name.split()) >= 2):
            person.full_name = True
        if speaker.role or (entity is not None and entity.descriptors):
            person.role = True
    return list(people.values())


def _is_institution(doc: Document, entity: Entity) -> bool:
    """An organisation named with an article ("the Kremlin"); spaCy types some surnames ORG too."""
    if entity.type == "PERSON":
        return False
    return any(doc.text[max(0, start - 4) : start].lower() == "the " for start, _ in entity.mentions)


def underspecified_flags(doc: Document) -> list[Flag]:
    """``speaker-underspecified``: quoted people with neither a first name nor a role anywhere."""
    flags = []
    for person in quoted_people(doc):
        if person.full_name or person.role:
            continue
        first = person.quotes[0]
        span = first.speaker.mention or (first.content[0] if first.content else None)
        flags.append(
            Flag(
                "speaker-underspecified",
                span,
                f"{person.name} is quoted {_times(len(person.quotes))} but never given a first name or a role, "
                "so a reader cannot tell who this is or why their view counts",
            )
        )
    return flags


def unresolved_flags(doc: Document) -> list[Flag]:
    """``speaker-unresolved``: quotes the text does not let a reader attribute."""
    flags = []
    for quote in doc.quotes:
        if quote.speaker.resolution != "unresolved" or not quote.content:
            continue
        start, end = quote.content[0]
        said = _clip(doc.text[start:end].strip(" “”\"'"), 60)
        flags.append(
            Flag(
                "speaker-unresolved",
                (start, end),
                f"The quote “{said}” has no speaker a reader can determine from the text",
            )
        )
    return flags


def _sentences(doc: Document) -> list[tuple[Any, Any]]:
    return [(parse, sent) for parse in doc.parses if parse.segment.kind == "body" for sent in parse.sents]


def _is_sourcing(head: Token) -> bool:
    """Whether this noun is the one information comes from (not just someone in the story)."""
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in vocab.SPEECH_LEMMAS:
        return True
    if head.dep_ == "pobj":
        preposition = head.head
        if preposition.lower_ == "to" and preposition.head.lower_ == "according":
            return True
        if preposition.lower_ in ("from", "by", "of") and preposition.head.lemma_.lower() in vocab.SOURCING_NOUNS:
            return True
    if head.dep_ == "dobj" and head.head.lemma_.lower() in ("cite", "quote", "consult"):
        return True
    # "analysts and officials said": the second noun is joined to the first, which the verb governs
    return head.dep_ == "conj" and head.head.dep_ in ("nsubj", "dobj") and _is_sourcing(head.head)


def _named(noun: Token) -> bool:
    """Whether the noun is given a name: "Dmitry Peskov, a spokesperson", "a spokesperson for Putin, Dmitry Peskov"."""
    if any(t.ent_type_ == "PERSON" for t in noun.subtree if t.dep_ == "appos" or t.head.dep_ == "appos"):
        return True
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children):
        return True
    return noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON"


def anonymous_flags(doc: Document) -> list[Flag]:
    """``anonymous-source``: unnamed sources that something is sourced to."""
    flags: list[Flag] = []
    taken: list[Span] = []
    for parse, sent in _sentences(doc):
        for match in vocab.ANONYMOUS_SOURCES.finditer(sent.text):
            phrase = match.group(0)
            core = match.group("core").lower()
            if not match.group("qualifier") and core in vocab.ANONYMOUS_NEEDS_QUALIFIER:
                continue  # "people said" alone is too common to flag; "people familiar with the talks" is not
            base = sent.start_char
            span = parse.doc.char_span(base + match.start(), base + match.end(), alignment_mode="expand")
            noun = parse.doc.char_span(base + match.start(), base + match.end("core"), alignment_mode="expand")
            if span is None or noun is None or _named(noun.root):
                continue
            heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end] or [span.root]
            if not any(_is_sourcing(t) for t in heads):
                continue
            record_span = parse.char_span(span)
            taken.append(record_span)
            flags.append(
                Flag(
                    "anonymous-source",
                    record_span,
                    f"Unnamed source: “{_clip(phrase)}”; the reader cannot check who they are "
                    f"or what they know (“{_clip(sent.text, 90)}”)",
                )
            )
    for quote in doc.quotes:
        if quote.speaker.resolution != "anonymous":
            continue
        span = quote.speaker.mention or (quote.content[0] if quote.content else None)
        if span is not None and any(span[0] < e and s < span[1] for s, e in taken):
            continue
        who = doc.text[span[0] : span[1]] if span else "an unnamed speaker"
        flags.append(Flag("anonymous-source", span, f"A quote is attributed to “{_clip(who)}”, who is not named"))
    return flags


def text_flags(doc: Document) -> list[Flag]:
    """``hedged-report`` and ``unverified``: phrases of the body text."""
    flags: list[Flag] = []
    for segment in doc.segments_of("body"):
        text = doc.segment_text(segment)
        for match in vocab.REPORT_HEDGES.finditer(text):
            start = segment.start + match.start()
            context = _sentence_around(text, match.start(), match.end())
            flags.append(
                Flag(
                    "hedged-report",
                    (start, segment.start + match.end()),
                    f"“{match.group(0)}”: the article passes this on without confirming it (“{_clip(context, 90)}”)",
                )
            )
        for match in vocab.UNVERIFIED.finditer(text):
            begin, end = _sentence_bounds(text, match.start(), match.end())
            flags.append(
                Flag(
                    "unverified",
                    (segment.start + begin, segment.start + end),
                    f"The article says a claim could not be verified: “{_clip(text[begin:end], 110)}”",
                )
            )
    return flags


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    begin = max(text.rfind(". ", 0, start), text.rfind("? ", 0, start), text.rfind("! ", 0, start))
    begin = 0 if begin < 0 else begin + 2
    stop = min(
        (i for i in (text.find(". ", end), text.find("? ", end), text.find("! ", end)) if i >= 0), default=len(text) - 1
    )
    return begin, min(len(text), stop + 1)


def _sentence_around(text: str, start: int, end: int) -> str:
    begin, stop = _sentence_bounds(text, start, end)
    return text[begin:stop]


class AuditStage:
    """Appends the sourcing audit's flags to ``doc.flags``."""

    name = "audit.v1"
    requires = ("quotes", "claims", "entities")
    assigns = ("flags",)

    def __init__(self, options: Any = None):
        self.options = options

    def __call__(self, doc: Document) -> Document:
        doc.flags = [f for f in doc.flags if f.code not in AUDIT_CODES]  # idempotent when run again
        found = anonymous_flags(doc) + underspecified_flags(doc) + text_flags(doc) + unresolved_flags(doc)
        doc.flags.extend(sorted(found, key=lambda f: (f.span or (len(doc.text), 0), f.code)))
        return doc
