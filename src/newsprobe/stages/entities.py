"""Entities: people, organisations and places, merged within a document to their fullest form.

"Putin" joins "Vladimir Putin"; "Russian President" and "spokesperson for Putin" become descriptors.
Only parsed segments (title, body, headings, captions) contribute, so image labels and related
items do not leak into the article's entities.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsprobe.data.entities import DOTTED_ENDINGS, EMPTY_DESCRIPTOR_WORDS, FORMS_OF_ADDRESS, PLACE_PREPOSITIONS
from newsprobe.nlp import Parse
from newsprobe.record import Document, Entity

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
# Dependency labels of pre-modifiers that belong to a name's descriptor ("White House press secretary").
DESCRIPTOR_DEPS = frozenset({"compound", "amod", "nmod", "nn", "npadvmod", "poss", "case"})
_POSSESSIVE = re.compile(r"[’']s?$")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
# "U.S.", "U.K.", "D.C.": initials keep their final dot.
_INITIALS = re.compile(r"(?:\b\w\.){2,}$")
PLACE_TYPES = frozenset({"GPE", "LOC"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependency labels that open a clause: a phrase holding one is a description, not a role.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj"})
# Descriptors are kept for these types (a place's "apposition" is usually a list of places).
DESCRIBED_TYPES = frozenset({"PERSON", "ORG"})
MAX_DESCRIPTOR_WORDS = 8


@dataclass(slots=True)
class _Mention:
    span: tuple[int, int]
    name: str
    type: str
    descriptors: list[str] = field(default_factory=list)
    subject: bool = False  # the subject of a verb ("Hoffman said")
    place_context: bool = False  # after "in/to/from", or acted on by a place ("Washington has provided Kyiv")


def clean_name(text: str) -> str:
    """A mention as a name: no leading article, no possessive, single spaces; "U.S." keeps its dot."""
    text = " ".join(text.split())
    text = _LEADING_ARTICLE.sub("", text)
    text = _POSSESSIVE.sub("", text).strip(" ,-")
    if not (_INITIALS.search(text) or text.lower().endswith(DOTTED_ENDINGS)):
        text = text.rstrip(".")
    return text.strip(" ,-")


def name_tokens(name: str) -> list[str]:
    """The lower-cased words of a name, dots dropped ("U.S." and "US" are one name)."""
    return [t.replace(".", "") for t in re.findall(r"[\w’'.-]+", name.lower()) if t.replace(".", "")]


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
    if len(run) and not run[-1].is_punct and any(t.pos_ in ("NOUN", "PROPN") for t in run):
        found.append(clean_name(run.text))
    # Appositions: "A spokesperson for Putin, Dmitry Peskov" and "Dmitry Peskov, a spokesperson for Putin".
    root = ent.root
    if root.dep_ == "appos":
        head = _apposition_head(root)
        if head is not None:
            found.append(_phrase_without(head, root))
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            found.append(_phrase_without(child, None))
    return [d for d in found if _is_descriptor(d) and d.lower() != ent.text.lower()]


def _apposition_head(root: Token) -> Token | None:
    """The common noun a name stands in apposition to.

    spaCy often hangs "Dmitry Peskov" in "A spokesperson for Putin, Dmitry Peskov" on "Putin", the
    nearest name: the role is then the noun that governs the phrase "for Putin".
    """
    head = root.head
    if head.pos_ == "NOUN" and not head.ent_type_:
        return head
    if head.ent_type_ and head.dep_ == "pobj" and head.head.dep_ == "prep":
        noun = head.head.head
        if noun.pos_ == "NOUN" and not noun.ent_type_ and noun.i < head.i:
            return noun
    return None


def _is_descriptor(text: str) -> bool:
    """A role a reader can use: a few words, not only honorifics or quantifiers, no links or numbers first."""
    words = text.lower().split()
    if not words or len(words) > MAX_DESCRIPTOR_WORDS or words[0][0].isdigit():
        return False
    if any(mark in text for mark in ("http", "@", "/")):
        return False
    meaningful = [w for w in words if w.strip(".").isalpha() and w.strip(".") not in EMPTY_DESCRIPTOR_WORDS]
    return bool(meaningful) and not all(w.strip(".") in FORMS_OF_ADDRESS for w in words)


def _phrase_without(head: Token, excluded: Token | None) -> str:
    """The noun phrase of ``head`` (no leading article), leaving out ``excluded``; empty if it holds a clause."""
    skip = set(excluded.subtree) if excluded is not None else set()
    words = [t for t in head.subtree if t not in skip and not (t.dep_ == "det" and t.i < head.i)]
    if any(t.dep_ in CLAUSE_DEPS for t in words):
        return ""  # "events that can limit her time…": a clause, not a role
    while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words.pop()
    while words and words[0].is_punct:
        words.pop(0)
    if not words:
        return ""
    return "".join(t.text_with_ws for t in words[:-1]) + words[-1].text


def _in_place_context(ent: Span) -> bool:
    """After "in/to/from", or the object of a verb whose subject or object is a place."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in PLACE_PREPOSITIONS:
        return True
    root = ent.root
    if root.dep_ not in ("dobj", "pobj"):
        return False
    verb = root.head
    for _ in range(3):  # "stop the U.S. from aiding Kyiv": aiding <- from <- stop
        for child in verb.children:
            if child.i != root.i and child.dep_ in ("nsubj", "dobj") and child.ent_type_ in PLACE_TYPES:
                return True
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return False


def collect_mentions(parses: Iterable[Parse]) -> list[_Mention]:
    """Every entity mention of the parsed segments, in text order."""
    mentions = []
    for parse in parses:
        for ent in parse.doc.ents:
            if ent.label_ not in ENTITY_TYPES:
                continue
            name = clean_name(ent.text)
            if not name or not any(c.isalpha() for c in name) or not name_tokens(name):
                continue
            start, end = parse.char_span(ent)
            # the mention span covers the name only: no article, no possessive, no dropped dot
            surface = parse.text[ent.start_char : ent.end_char]
            offset = surface.find(name)
            span = (start + offset, start + offset + len(name)) if offset >= 0 else (start, end)
            mentions.append(
                _Mention(
                    span,
                    name,
                    ent.label_,
                    descriptors_of(ent) if ent.label_ in DESCRIBED_TYPES else [],
                    subject=ent.root.dep_ in SUBJECT_DEPS,
                    place_context=_in_place_context(ent),
                )
            )
    mentions.sort(key=lambda m: m.span)
    return mentions


def add_missed_surnames(parses: Iterable[Parse], mentions: list[_Mention]) -> list[_Mention]:
    """Mentions spaCy left untagged: a proper noun that is the surname of a person named in full.

    ("Maria Lopez said …" then "Lopez added …", where the tagger saw no entity in the second.)
    """
    surnames: dict[str, str] = {}
    for mention in mentions:
        tokens = mention.name.split()
        if mention.type == "PERSON" and len(tokens) > 1:
            surnames.setdefault(tokens[-1], mention.name)
    if not surnames:
        return mentions
    covered = {m.span for m in mentions}
    taken = [m.span for m in mentions]
    added = []
    for parse in parses:
        for token in parse.doc:
            if token.ent_type_ or token.pos_ != "PROPN" or token.text not in surnames:
                continue
            span = parse.char_span(token)
            if span in covered or any(s <= span[0] < e for s, e in taken):
                continue
            added.append(_Mention(span, token.text, "PERSON", subject=token.dep_ in SUBJECT_DEPS))
    return sorted(mentions + added, key=lambda m: m.span)


def _contains(full: list[str], tokens: list[str]) -> bool:
    """A shorter form of a name: its words all in the full name, ending with the same word."""
    return set(tokens) <= set(full) and tokens[-1] == full[-1]


def _full_names(mentions: list[_Mention]) -> list[list[str]]:
    full_names: list[list[str]] = []
    for mention in sorted((m for m in mentions if m.type == "PERSON"), key=lambda m: -len(name_tokens(m.name))):
        tokens = name_tokens(mention.name)
        if not any(_contains(full, tokens) for full in full_names):
            full_names.append(tokens)
    return full_names


def retype_mentions(mentions: list[_Mention]) -> None:
    """Fix the types spaCy gets wrong, from the rest of the document.

    A place tagged PERSON ("Kyiv") becomes GPE when another mention of it is typed as a place, or
    when it is a one-word name never joined to a fuller one, never a subject, and always seen as a
    place ("in Kyiv", "Washington has provided Kyiv"). Then a non-person mention whose words are a
    known person's name or surname ("Trump" in "the Trump administration", typed ORG) joins the person.
    """
    place_names = {" ".join(name_tokens(m.name)) for m in mentions if m.type in PLACE_TYPES}
    people = [m for m in mentions if m.type == "PERSON"]
    full_names = _full_names(people)
    by_name: dict[str, list[_Mention]] = {}
    for mention in people:
        by_name.setdefault(" ".join(name_tokens(mention.name)), []).append(mention)
    for key, group in by_name.items():
        tokens = key.split()
        joined = any(len(full) > len(tokens) and _contains(full, tokens) for full in full_names)
        lone_place = (
            len(tokens) == 1
            and not joined
            and not any(m.subject or m.descriptors for m in group)
            and all(m.place_context for m in group)
        )
        if key in place_names or lone_place:
            for mention in group:
                mention.type = "GPE"
    full_names = _full_names(mentions)
    known = {" ".join(full) for full in full_names} | {full[-1] for full in full_names if len(full) > 1}
    for mention in mentions:
        is_other = mention.type not in PLACE_TYPES and mention.type != "PERSON"
        if is_other and " ".join(name_tokens(mention.name)) in known:
            mention.type = "PERSON"


def majority_type(types: list[str]) -> str:
    """The most frequent type; a tie goes to the type seen first (never to set order, which varies by run)."""
    counts = Counter(types)
    return max(dict.fromkeys(types), key=lambda t: counts[t])


def merge_mentions(mentions: list[_Mention]) -> list[Entity]:
    """Group mentions into entities; a person's short form joins the fullest name that contains it."""
    retype_mentions(mentions)
    full_names = _full_names(mentions)
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
                if d.lower() not in {known.lower() for known in descriptors}:
                    descriptors.append(d)
        entity_type = majority_type([m.type for m in group])
        entities.append(Entity(f"e{index}", display[key], entity_type, [m.span for m in group], descriptors))
    return entities


def _entity_key(mention: _Mention, full_names: list[list[str]]) -> tuple[str, str]:
    tokens = name_tokens(mention.name)
    if mention.type == "PERSON":
        for full in full_names:  # longest first: the fullest name that contains this one
            if _contains(full, tokens):
                return ("PERSON", " ".join(full))
        return ("PERSON", " ".join(tokens))
    # places and organisations that spaCy types differently across mentions ("Kremlin" ORG/GPE) stay one
    kind = "GPE" if mention.type in PLACE_TYPES else mention.type
    return (kind, " ".join(tokens))


class EntityStage:
    """Assigns ``doc.entities``."""

    name = "entities.v1"
    requires = ("parses",)
    assigns = ("entities",)

    def __init__(self, options: Any = None):
        self.options = options

    def __call__(self, doc: Document) -> Document:
        mentions = add_missed_surnames(doc.parses, collect_mentions(doc.parses))
        doc.entities = merge_mentions(mentions)
        return doc
