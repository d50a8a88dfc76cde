"""The newsprobe record (schema ``newsprobe/1``): one typed ``Document`` per page.

Every span is a ``(start, end)`` pair of character offsets into ``Document.text`` (end exclusive).
``Document.to_dict`` gives the JSON record of ../docs/CONTRACT.md; ``Document.from_dict`` reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "newsprobe/1"

Span = tuple[int, int]

SEGMENT_KINDS = ("title", "body", "heading", "caption", "credit", "related", "promo", "other")
QUOTE_KINDS = ("direct", "indirect", "mixed")
RESOLUTIONS = ("named", "surname", "pronoun", "role", "anonymous", "unresolved")
FIGURE_KINDS = ("money", "percent", "count", "date", "quantity")
STANCES = ("agree", "discuss", "disagree", "unrelated")
FLAG_CODES = (
    "speaker-unresolved",
    "speaker-underspecified",
    "anonymous-source",
    "hedged-report",
    "unverified",
    "related-mismatch",
    "headline-body-mismatch",
)


def _span(value: Any) -> Span | None:
    if value is None:
        return None
    start, end = value
    return (int(start), int(end))


def _list(span: Span | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


@dataclass(slots=True)
class Segment:
    """A typed block of the page: the article body, a caption, a related-item block…"""

    kind: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Segment:
        return cls(data["kind"], int(data["start"]), int(data["end"]))


@dataclass(slots=True)
class Entity:
    """A person, organisation or place, merged over its mentions to the fullest name."""

    id: str
    name: str
    type: str
    mentions: list[Span] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "mentions": [list(m) for m in self.mentions],
            "descriptors": list(self.descriptors),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            data["id"],
            data["name"],
            data["type"],
            [(int(s), int(e)) for s, e in data.get("mentions", [])],
            list(data.get("descriptors", [])),
        )


@dataclass(slots=True)
class Speaker:
    """Who a quote is attributed to: the mention in the text and, where the text tells, the full name."""

    mention: Span | None = None
    name: str | None = None
    entity: str | None = None
    role: str | None = None
    resolution: str = "unresolved"
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "mention": _list(self.mention),
            "name": self.name,
            "entity": self.entity,
            "role": self.role,
            "resolution": self.resolution,
            "confidence": round(self.confidence, 4),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        return cls(
            _span(data.get("mention")),
            data.get("name"),
            data.get("entity"),
            data.get("role"),
            data.get("resolution", "unresolved"),
            float(data.get("confidence", 0.0)),
        )


@dataclass(slots=True)
class Quote:
    """One attribution: what was said (one or more content spans), the cue, and the speaker."""

    content: list[Span]
    cue: Span | None = None
    kind: str = "direct"
    speaker: Speaker = field(default_factory=Speaker)

    def to_dict(self) -> dict[str, Any]:
        return {
            "content": [list(c) for c in self.content],
            "cue": _list(self.cue),
            "kind": self.kind,
            "speaker": self.speaker.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(
            [(int(s), int(e)) for s, e in data["content"]],
            _span(data.get("cue")),
            data.get("kind", "direct"),
            Speaker.from_dict(data.get("speaker") or {}),
        )


@dataclass(slots=True)
class Figure:
    """A number in the text, normalised: ``$66.5 billion`` is ``value=66.5e9, unit="USD"``.

    Dates also carry ``iso`` ("2025-04-22", "2022-02", "2025-W16", "2022-02/.." for "since February 2022");
    their ``value`` is the POSIX timestamp (UTC) of the start of that day, month, week or year.
    """

    span: Span
    value: float | None
    unit: str | None
    kind: str
    iso: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"span": list(self.span), "value": self.value, "unit": self.unit, "kind": self.kind, "iso": self.iso}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Figure:
        return cls(_span(data["span"]) or (0, 0), data.get("value"), data.get("unit"), data["kind"], data.get("iso"))


@dataclass(slots=True)
class Claim:
    """A check-worthy statement with its figures, its source entity and its hedges."""

    span: Span
    figures: list[Figure] = field(default_factory=list)
    source: str | None = None
    checkworthiness: float = 0.0
    hedges: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": list(self.span),
            "figures": [f.to_dict() for f in self.figures],
            "source": self.source,
            "checkworthiness": round(self.checkworthiness, 4),
            "hedges": list(self.hedges),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(
            _span(data["span"]) or (0, 0),
            [Figure.from_dict(f) for f in data.get("figures", [])],
            data.get("source"),
            float(data.get("checkworthiness", 0.0)),
            list(data.get("hedges", [])),
        )


@dataclass(slots=True)
class RelatedItem:
    """An item of a "related" block: its headline, the rewritten headline, the teaser."""

    headline: str
    rewritten: str | None = None
    teaser: str | None = None
    url: str | None = None
    consistency: str | None = None
    score: float | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "headline": self.headline,
            "rewritten": self.rewritten,
            "teaser": self.teaser,
            "url": self.url,
            "consistency": self.consistency,
            "score": None if self.score is None else round(self.score, 4),
            "span": _list(self.span),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RelatedItem:
        return cls(
            data["headline"],
            data.get("rewritten"),
            data.get("teaser"),
            data.get("url"),
            data.get("consistency"),
            data.get("score"),
            _span(data.get("span")),
        )


@dataclass(slots=True)
class HeadlineCheck:
    """Whether the page's headline is borne out by its body (FNC-1 stance labels)."""

    stance: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"stance": self.stance, "score": round(self.score, 4)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HeadlineCheck:
        return cls(data["stance"], float(data["score"]))


@dataclass(slots=True)
class Flag:
    """A finding of the sourcing audit or the page-integrity checks, with a reader-facing message."""

    code: str
    span: Span | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "span": _list(self.span), "message": self.message}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Flag:
        return cls(data["code"], _span(data.get("span")), data["message"])


@dataclass(slots=True)
class StageError:
    """A stage that failed on this document; the record is still written."""

    stage: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"stage": self.stage, "message": self.message}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StageError:
        return cls(data["stage"], data["message"])


@dataclass(slots=True)
class Document:
    """One analysed page. Stages fill its fields; ``to_dict`` is the ``newsprobe/1`` record.

    ``parses`` and ``source`` are working state, never serialised: ``parses`` holds the spaCy
    analyses of the segments that were parsed, ``source`` says where the page came from.
    """

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    segments: list[Segment] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    related: list[RelatedItem] = field(default_factory=list)
    headline_check: HeadlineCheck | None = None
    flags: list[Flag] = field(default_factory=list)
    errors: list[StageError] = field(default_factory=list)
    source: str | None = None
    parses: list[Any] = field(default_factory=list)
    language: str | None = None
    html: str | None = None

    def segment_text(self, segment: Segment) -> str:
        """The text a segment covers."""
        return self.text[segment.start : segment.end]

    def segments_of(self, *kinds: str) -> list[Segment]:
        """The segments of the given kinds, in text order."""
        return [s for s in self.segments if s.kind in kinds]

    def body_text(self) -> str:
        """The article body: the ``body`` segments joined by newlines (the extraction benchmark's view)."""
        return "\n".join(self.segment_text(s) for s in self.segments_of("body"))

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        if entity_id is None:
            return None
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "text": self.text,
            "segments": [s.to_dict() for s in self.segments],
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": [c.to_dict() for c in self.claims],
            "related": [r.to_dict() for r in self.related],
            "headline_check": None if self.headline_check is None else self.headline_check.to_dict(),
            "flags": [f.to_dict() for f in self.flags],
            "errors": [e.to_dict() for e in self.errors],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        if data.get("schema", SCHEMA) != SCHEMA:
            raise ValueError(f"unsupported record schema {data.get('schema')!r}; expected {SCHEMA!r}")
        check = data.get("headline_check")
        return cls(
            id=str(data["id"]),
            text=data["text"],
            url=data.get("url"),
            title=data.get("title"),
            published=data.get("published"),
            segments=[Segment.from_dict(s) for s in data.get("segments", [])],
            entities=[Entity.from_dict(e) for e in data.get("entities", [])],
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            claims=[Claim.from_dict(c) for c in data.get("claims", [])],
            related=[RelatedItem.from_dict(r) for r in data.get("related", [])],
            headline_check=None if check is None else HeadlineCheck.from_dict(check),
            flags=[Flag.from_dict(f) for f in data.get("flags", [])],
            errors=[StageError.from_dict(e) for e in data.get("errors", [])],
        )
