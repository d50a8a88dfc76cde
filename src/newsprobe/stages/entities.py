"""Entities: people, organisations and places, merged within a document to their fullest form.

"Putin" joins "Vladimir Putin"; "Russian President" and "spokesperson for Putin" become descriptors.
Only parsed segments (title, body, headings, captions) contribute, so image labels and related
items do not leak into the article's entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsprobe.nlp import Parse
from newsprobe.record import Document, Entity

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
# Dependency labels of pre-modifiers that belong to a name's descriptor ("White House press secretary").
DESCRIPTOR_DEPS = frozenset({"compound", "amod", "nmod", "nn", "npadvmod", "poss", "case"})
_POSSESSIVE = re.compile(r"[’']s?$")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)


@dataclass(slots=True)
class _Mention:
    span: tuple[int, int]
    name: str
    type: str
    descriptors: list[str] = field(default_factory=list)


def clean_name(text: str) -> str:
    """A mention as a name: no leading article, no possessive, single spaces."""
    text = " ".join(text.split())
    text = _LEADING_ARTICLE.sub("", text)
    return _POSSESSIVE.sub("", text).strip(" ,.-")


def name_tokens(name: str) -> list[str]:
    """The lower-cased words of a name."""
    return re.findall(r"[\w’'.-]+", name.lower())


def descriptors_of(ent: Span) -> list[str]:
    """Roles given to an entity in the text: pre-modifiers and appositions."""
    found: list[str] = []
    doc = ent.doc
    # Pre-modifiers: "Russian President Vladimir Putin", "Special envoy Steve Witkoff".
    i = ent.start - 1
    while i >= 0:
        token = doc[i]
        if token.dep_ in DESCRIPTOR_DEPS and i < token.head.i < ent.end + 1 and token.head.i >= i:
            i -= 1
            continue
        break
    run = doc[i + 1 : ent.start]
    text = clean_name(run.text) if len(run) else ""
    if text and any(t.is_alpha for t in run) and not run[-1].is_punct:
        found.append(text)
    # Appositions: "A spokesperson for Putin, Dmitry Peskov" and "Dmitry Peskov, a spokesperson for Putin".
    root = ent.root
    if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN") and not root.head.ent_type_:
        found.append(_phrase_without(root.head, root))
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            found.append(_phrase_without(child, None))
    return [d for d in found if d and d.lower() != ent.text.lower()]


def _phrase_without(head: Token, excluded: Token | None) -> str:
    skip = set(excluded.subtree) if excluded is not None else set()
    words = [t for t in head.subtree if t not in skip and not (t.dep_ == "det" and t.i < head.i)]
    while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words.pop()
    while words and words[0].is_punct:
        words.pop(0)
    return " ".join(t.text for t in words) if words else ""


def collect_mentions(parses: Iterable[Parse]) -> list[_Mention]:
    """Every entity mention of the parsed segments, in text order."""
    mentions = []
    for parse in parses:
        for ent in parse.doc.ents:
            if ent.label_ not in ENTITY_TYPES:
                continue
            name = clean_name(ent.text)
            if not name or not any(c.isalpha() for c in name):
                continue
            start, end = parse.char_span(ent)
            # keep the possessive out of the mention span, as it is out of the name
            surface = parse.doc.text[ent.start_char : ent.end_char]
            trimmed = len(surface) - len(_POSSESSIVE.sub("", surface.rstrip()).rstrip())
            mentions.append(_Mention((start, end - trimmed), name, ent.label_, descriptors_of(ent)))
    mentions.sort(key=lambda m: m.span)
    return mentions


def merge_mentions(mentions: list[_Mention]) -> list[Entity]:
    """Group mentions into entities; a person's short form joins the fullest name that contains it."""
    people = [m for m in mentions if m.type == "PERSON"]
    full_names: list[list[str]] = []
    for mention in sorted(people, key=lambda m: -len(name_tokens(m.name))):
        tokens = name_tokens(mention.name)
        if not any(set(tokens) <= set(full) and tokens[-1] == full[-1] for full in full_names):
            full_names.append(tokens)
    groups: dict[tuple[str, str], list[_Mention]] = {}
    display: dict[tuple[str, str], str] = {}
    for mention in mentions:
        key = _entity_key(mention, full_names)
        groups.setdefault(key, []).append(mention)
        if len(mention.name) > len(display.get(key, "")):
            display[key] = mention.name
    entities = []
    ordered = sorted(groups.items(), key=lambda kv: kv[1][0].span)
    for index, (key, group) in enumerate(ordered, start=1):
        descriptors: list[str] = []
        for mention in group:
            for d in mention.descriptors:
                if d not in descriptors:
                    descriptors.append(d)
        entity_type = max({m.type for m in group}, key=lambda t: sum(m.type == t for m in group))
        entities.append(Entity(f"e{index}", display[key], entity_type, [m.span for m in group], descriptors))
    return entities


def _entity_key(mention: _Mention, full_names: list[list[str]]) -> tuple[str, str]:
    tokens = name_tokens(mention.name)
    if mention.type == "PERSON":
        for full in full_names:  # longest first: the fullest name that contains this one
            if set(tokens) <= set(full) and tokens[-1] == full[-1]:
                return ("PERSON", " ".join(full))
        return ("PERSON", " ".join(tokens))
    # places and organisations that spaCy types differently across mentions ("Kremlin" ORG/GPE) stay one
    kind = "GPE" if mention.type in ("GPE", "LOC") else mention.type
    return (kind, " ".join(tokens))


class EntityStage:
    """Assigns ``doc.entities``."""

    name = "entities.v1"
    requires = ("parses",)
    assigns = ("entities",)

    def __init__(self, options: Any = None):
        self.options = options

    def __call__(self, doc: Document) -> Document:
        doc.entities = merge_mentions(collect_mentions(doc.parses))
        return doc
