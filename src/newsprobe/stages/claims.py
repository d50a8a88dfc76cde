"""Claims: the body's sentences that assert something checkable, with figures, source and hedges.

A sentence is a claim when the check-worthiness model rates it at least ``CLAIM_THRESHOLD`` or when it
carries a figure other than a date (an amount, a share, a count, a measure). Its source is the entity of
the quote's speaker when the sentence lies in a quote, the publisher of a report it cites ("A report by
the Moscow Times … said", "according to Reuters"), else None: the outlet itself.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newsprobe.data import hedges as vocab
from newsprobe.figures import find_figures, parse_published
from newsprobe.record import Claim, Document, Quote, Span

# Model scores are probabilities of a class-balanced logistic regression (CLEF 2019 debates). At 0.5 a
# sentence scores with the top eighth of debate lines (in-sample) and is a claim whatever it says.
CLAIM_THRESHOLD = 0.5
# Below that, a sentence is a claim when it names someone or something or carries a figure, and scores at
# least this: above the median debate line (0.23), and on the example page above the statements of
# opinion ("The one consistent thing here is Putin is continuing to fight.": 0.22).
MIN_SCORE = 0.3
MIN_WORDS = 5
# Share of a sentence's characters inside a quote's content for the sentence to be that quote's claim:
# "“We hired 300 teachers,” said Mayor Alicia Romero, who has led the city since 2021." is hers.
QUOTE_SHARE = 0.3
REPORT_ENTITY_TYPES = frozenset({"ORG", "PERSON", "GPE", "NORP", "WORK_OF_ART", "PRODUCT"})


@dataclass(slots=True)
class Sentence:
    """A body sentence in record offsets."""

    span: Span
    text: str


def body_sentences(doc: Document) -> list[Sentence]:
    """The sentences of the body segments, from the parses (whitespace trimmed)."""
    sentences = []
    for parse in doc.parses:
        if parse.segment.kind != "body":
            continue
        for sent in parse.sents:
            start, end = parse.char_span(sent)
            text = doc.text[start:end]
            stripped = text.strip()
            if not stripped:
                continue
            start += len(text) - len(text.lstrip())
            sentences.append(Sentence((start, start + len(stripped)), stripped))
    return sentences


def find_hedges(text: str) -> list[str]:
    """The hedges of a sentence, lower-cased, in order, each once."""
    found: list[str] = []
    for match in vocab.HEDGES.finditer(text):
        hedge = " ".join(match.group(0).lower().split())
        if hedge not in found:
            found.append(hedge)
    return found


def quote_extents(quotes: list[Quote]) -> list[Span]:
    """Where each quote's content starts and ends (its first start, its last end)."""
    return [
        (min(start for start, _ in quote.content), max(end for _, end in quote.content)) if quote.content else (0, 0)
        for quote in quotes
    ]


def quote_source(span: Span, quotes: list[Quote], extents: list[Span] | None = None) -> tuple[bool, str | None]:
    """Whether the sentence is a quote's (the quote most of it), and the entity id of that quote's speaker.

    ``extents`` (``quote_extents(quotes)``, computed once per document) lets far quotes be skipped.
    """
    length = max(1, span[1] - span[0])
    best: tuple[int, Quote] | None = None
    for n, quote in enumerate(quotes):
        if extents is not None and (extents[n][1] <= span[0] or extents[n][0] >= span[1]):
            continue  # no overlap possible
        inside = sum(max(0, min(span[1], end) - max(span[0], start)) for start, end in quote.content)
        if inside and (best is None or inside > best[0]):
            best = (inside, quote)
    if best is None or best[0] / length < QUOTE_SHARE:
        return False, None
    return True, best[1].speaker.entity


def report_source(doc: Document, sentence: Sentence) -> str | None:
    """The entity whose report the sentence cites ("A report by the Moscow Times …", "according to Reuters")."""
    for match in vocab.REPORT_SOURCE.finditer(sentence.text):
        cited_from = sentence.span[0] + match.end()
        best: tuple[int, str] | None = None
        for entity in doc.entities:
            if entity.type not in REPORT_ENTITY_TYPES:
                continue
            for start, _ in entity.mentions:
                # the name follows the cue, give or take an article ("by the Moscow Times")
                if cited_from <= start <= cited_from + 5 and (best is None or start < best[0]):
                    best = (start, entity.id)
        if best is not None:
            return best[1]
    return None


def _mentions_entity(mention_starts: list[int], span: Span) -> bool:
    index = bisect.bisect_left(mention_starts, span[0])
    return index < len(mention_starts) and mention_starts[index] < span[1]


class ClaimsStage:
    """Assigns ``doc.claims``."""

    name = "claims.v1"
    requires = ("parses", "quotes", "entities")
    assigns = ("claims",)

    def __init__(self, options: Any = None):
        self.options = options
        self.model_path: str | None = getattr(options, "checkworthy_model", None)

    def __call__(self, doc: Document) -> Document:
        list(self.pipe([doc]))
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Find the claims of many documents, scoring all their sentences in one model call."""
        from newsprobe.checkworthy import score_sentences

        docs = list(docs)
        candidates = [candidate_sentences(doc) for doc in docs]
        scores = iter(score_sentences([s.text for sentences in candidates for s in sentences], self.model_path))
        for doc, sentences in zip(docs, candidates, strict=True):
            doc.claims = find_claims(doc, sentences, [next(scores) for _ in sentences])
        yield from docs


def candidate_sentences(doc: Document) -> list[Sentence]:
    """The body sentences long enough to claim something, questions left out."""
    return [
        s
        for s in body_sentences(doc)
        if len(s.text.split()) >= MIN_WORDS and not s.text.rstrip("”\"’' )").endswith("?")
    ]


def find_claims(doc: Document, sentences: list[Sentence], scores: list[float]) -> list[Claim]:
    """The claims among scored sentences, with their figures, sources and hedges."""
    published = parse_published(doc.published)
    mention_starts = sorted(start for entity in doc.entities for start, _ in entity.mentions)
    extents = quote_extents(doc.quotes)
    claims: list[Claim] = []
    last_report: str | None = None
    for sentence, score in zip(sentences, scores, strict=True):
        figures = find_figures(sentence.text, published, offset=sentence.span[0])
        quoted, source = quote_source(sentence.span, doc.quotes, extents)
        if not quoted:
            source = report_source(doc, sentence)
            if source is not None:
                last_report = source
            elif last_report is not None and vocab.REPORT_ANAPHOR.match(sentence.text):
                source = last_report  # "The article claimed that …" goes on citing the same report
            else:
                last_report = None
        has_measure = any(f.kind != "date" for f in figures)
        concrete = bool(figures) or _mentions_entity(mention_starts, sentence.span)
        if not (score >= CLAIM_THRESHOLD or has_measure or (concrete and score >= MIN_SCORE)):
            continue
        claims.append(Claim(sentence.span, figures, source, score, find_hedges(sentence.text)))
    return claims
