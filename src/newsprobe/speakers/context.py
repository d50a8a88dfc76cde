"""What the resolver knows about a document: tokens by offset, paragraphs, and the people it names."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsprobe.data.people import (
    ANONYMOUS_NOUNS,
    DEMONSTRATIVES,
    FEMALE_PRONOUNS,
    FIRST_PERSON,
    INDEFINITE_DETERMINERS,
    MALE_PRONOUNS,
    NAME_TITLES,
    NEUTER_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    ROLE_SYNONYMS,
    TITLE_ROLES,
)
from newsprobe.record import Document, Entity, Span
from newsprobe.speakers.names import (
    first_name_gender,
    full_name_in_text,
    honorific_gender,
    is_first_name,
    name_key,
    role_gender,
    words,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsprobe.nlp import Parse

_NOT_NAMES = (
    MALE_PRONOUNS
    | FEMALE_PRONOUNS
    | PLURAL_PRONOUNS
    | FIRST_PERSON
    | NEUTER_PRONOUNS
    | RELATIVE_PRONOUNS
    | DEMONSTRATIVES
    | INDEFINITE_DETERMINERS
    | ANONYMOUS_NOUNS
    | {"the", "you", "your", "all", "both", "each"}
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
RUNNING_TEXT = frozenset({"body"})


@dataclass(slots=True)
class Person:
    """A person the document names, with every mention of them that the entities give."""

    key: str
    name: str
    entity: str | None
    tokens: list[str]
    gender: str | None = None
    roles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    # "the president" where it means this person, and pronouns resolved to them as quote speakers
    role_mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class TokenAt:
    """A token with its record offsets and the parse it belongs to."""

    start: int
    end: int
    parse: Parse
    token: Token


class DocumentContext:
    """Indexes of one document that the speaker resolver reads."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.segments = sorted(doc.segments, key=lambda s: s.start)
        self._segment_starts = [s.start for s in self.segments]
        self.tokens: list[TokenAt] = []
        for parse in sorted(doc.parses, key=lambda p: p.offset):
            offset = parse.offset
            for token in parse.doc:
                start = offset + token.idx  # parse.char_span(token), without its per-call type test
                self.tokens.append(TokenAt(start, start + len(token), parse, token))
        self._token_starts = [t.start for t in self.tokens]
        self.content_spans = sorted(span for quote in doc.quotes for span in quote.content)
        self.people = _people(doc, self)
        self.entity_at: dict[Span, Entity] = {m: e for e in doc.entities for m in e.mentions}
        _role_mentions(self)

    # --- positions -------------------------------------------------------------------------------
    def segment_index(self, pos: int) -> int:
        """The index of the segment holding ``pos`` (the nearest one before it when none holds it)."""
        return max(0, bisect_right(self._segment_starts, pos) - 1)

    def paragraph_distance(self, earlier: int, later: int) -> int:
        """How many parsed paragraphs lie between two positions (0 when in the same one)."""
        first, last = self.segment_index(earlier), self.segment_index(later)
        return sum(1 for s in self.segments[first + 1 : last + 1] if s.kind in ("title", "body", "heading", "caption"))

    def crosses_cut(self, earlier: int, later: int) -> bool:
        """Whether the running text is broken between two positions (a caption, credit or heading between)."""
        first, last = self.segment_index(earlier), self.segment_index(later)
        if self.segments and self.segments[first].kind != self.segments[last].kind:
            return True
        return any(s.kind not in RUNNING_TEXT for s in self.segments[first + 1 : last])

    def in_content(self, span: Span, exclude: list[Span] | None = None) -> bool:
        """Whether ``span`` lies inside some quote's content (other than ``exclude``)."""
        for start, end in self.content_spans:
            if start > span[0]:
                break
            if start <= span[0] and span[1] <= end and (exclude is None or (start, end) not in exclude):
                return True
        return False

    # --- tokens --------------------------------------------------------------------------------
    def tokens_in(self, span: Span) -> list[TokenAt]:
        """The tokens overlapping ``span``, from one parse (the first one it touches)."""
        i = max(0, bisect_right(self._token_starts, span[0]) - 1)
        found: list[TokenAt] = []
        while i < len(self.tokens) and self.tokens[i].start < span[1]:
            tok = self.tokens[i]
            if tok.end > span[0] and (not found or tok.parse is found[0].parse):
                found.append(tok)
            i += 1
        return found

    def token_at(self, pos: int) -> TokenAt | None:
        """The token covering ``pos``."""
        found = self.tokens_in((pos, pos + 1))
        return found[0] if found else None

    def person_for(self, span: Span) -> Person | None:
        """The person one of whose mentions overlaps ``span``."""
        for person in self.people:
            for start, end in person.mentions:
                if start < span[1] and span[0] < end:
                    return person
        return None

    def people_in(self, span: Span) -> list[Person]:
        """Every person one of whose mentions overlaps ``span``, in the order of those mentions."""
        found = []
        for person in self.people:
            first = next((m for m in person.mentions if m[0] < span[1] and span[0] < m[1]), None)
            if first is not None:
                found.append((first, person))
        return [p for _, p in sorted(found, key=lambda item: item[0])]

    def person_with_role(
        self, noun: str, modifiers: set[str], before: int, affiliations: set[str] | None = None
    ) -> Person | None:
        """The person named before ``before`` whose role matches the role noun.

        Capitalised modifiers ("Republican", "Kremlin") must all appear among the person's roles; a role
        noun match comes first, then shared modifiers, then the most recent mention.
        """
        wanted = ROLE_SYNONYMS.get(noun, frozenset({noun}))
        affiliations = {a.lower() for a in (affiliations or set())}
        best: tuple[int, int, int, Person] | None = None
        for person in self.people:
            earlier = [s for s in person.mentions if s[1] <= before]
            if not earlier:
                continue
            role_words = {w.lower() for role in person.roles for w in words(role)}
            if not affiliations <= role_words:
                continue  # "The Republican nominee" is not the Libertarian candidate
            noun_match = any(
                {w.lower() for w in words(role)} & wanted or any(w in role.lower() for w in wanted if " " in w)
                for role in person.roles
            )
            if not noun_match and not affiliations:
                continue
            candidate = (int(noun_match), len(modifiers & role_words), earlier[-1][0], person)
            if best is None or candidate[:3] > best[:3]:
                best = candidate
        return best[3] if best is not None else None

    def people_matching(self, text: str) -> list[Person]:
        """People whose full name holds every word of the name ``text`` ("Clinton", "Mr. Obama")."""
        key = name_key(text)
        if not key:
            return []
        return [
            p
            for p in self.people
            if set(key) <= set(p.tokens) and (key[-1] == p.tokens[-1] or len(key) > 1 or is_first_name(key[0]))
        ]


def _people(doc: Document, context: DocumentContext) -> list[Person]:
    persons: list[Person] = []
    for entity in doc.entities:
        if entity.type != "PERSON":
            continue
        name = _drop_leading_words(entity.name, {doc.text[a:b] for a, b in entity.mentions})
        tokens = name_key(name)
        if not tokens or _headline_artefact(entity, context, tokens):
            continue
        person = Person(entity.id, name, entity.id, tokens, mentions=sorted(entity.mentions))
        person.roles = [d for d in entity.descriptors if _plausible_role(d)]
        persons.append(person)
    # Short forms spaCy typed otherwise ("Trump" in "the Trump administration" as ORG) still mention the person.
    for entity in doc.entities:
        if entity.type == "PERSON":
            continue
        key = name_key(entity.name)
        matches = [p for p in persons if key and len(key) == 1 and key[0] == p.tokens[-1]]
        if len(matches) == 1:
            matches[0].mentions = sorted(matches[0].mentions + entity.mentions)
    persons = _merge_first_names(persons)
    persons.extend(_unrecognised_speakers(doc, persons))
    for person in persons:
        if len(person.tokens) == 1:  # spaCy missed the full name ("Donald J. Trump" typed ORG): find it
            full = full_name_in_text(doc.text, person.name)
            if full:
                person.name, person.tokens = full, name_key(full)
    _name_mentions(doc, context, persons)
    for person in persons:
        for title in _titles(doc, person):
            if not any(title.lower() in role.lower() for role in person.roles):
                person.roles.append(title)
        person.gender = _gender(person, doc)
        for role in _appositions(person, context):
            if role not in person.roles:
                person.roles.insert(0, role)
    return persons


def _titles(doc: Document, person: Person) -> list[str]:
    """Roles that titles before the person's mentions state: "Sen." -> "Senator"."""
    found = []
    for start, _ in person.mentions:
        before = doc.text[max(0, start - 12) : start].split()
        title = TITLE_ROLES.get(before[-1].lower().strip(".,"), None) if before else None
        if title and title not in found:
            found.append(title)
    return found


def _plausible_role(descriptor: str) -> bool:
    """A descriptor short and clean enough to show as a role (not a clause the parse ran on into)."""
    return (
        any(c.isalpha() for c in descriptor)
        and descriptor.lower() != "other"
        and len(descriptor.split()) <= 8
        and not any(c in descriptor for c in '“”"()')
    )


def _drop_leading_words(name: str, mentioned: set[str]) -> str:
    """Titles off the front of a name; "Crooked Hillary Clinton" -> "Hillary Clinton" where the text says that too."""
    parts = name.split()
    while len(parts) > 1 and parts[0].lower().strip(".") in NAME_TITLES:
        parts.pop(0)  # "Mayor Ana Ortiz" -> "Ana Ortiz": the title is a role, not part of the name
    first = next((i for i, w in enumerate(parts) if is_first_name(w.strip("."))), None)
    if first is None or first == 0 or len(parts) - first < 2 or " ".join(parts[first:]) not in mentioned:
        return " ".join(parts)
    return " ".join(parts[first:])


def _headline_artefact(entity: Entity, context: DocumentContext, tokens: list[str]) -> bool:
    """ "Obama Seeks" in a Title Case line is no person: only in titles, or a verb inside every mention."""
    if len(tokens) < 2 or is_first_name(tokens[0]):
        return False
    if all(_headline(context, context.segment_index(s)) for s, _ in entity.mentions):
        return True
    return all(any(t.token.tag_ in ("VBZ", "VBD", "VBP") for t in context.tokens_in(m)) for m in entity.mentions)


def _headline(context: DocumentContext, index: int) -> bool:
    """A title or heading segment, or a first paragraph in Title Case (a headline the segmenter kept as body)."""
    segment = context.segments[index]
    if segment.kind in ("title", "heading"):
        return True
    if index != 0:
        return False
    tokens = [w for w in context.doc.segment_text(segment).split() if w[:1].isalpha()]
    return bool(tokens) and sum(w[:1].isupper() for w in tokens) >= 0.7 * len(tokens)


def _merge_first_names(persons: list[Person]) -> list[Person]:
    """ "Donald" (as Clinton calls him) is Donald Trump when one person of the document has that first name."""
    kept = []
    for person in persons:
        if len(person.tokens) == 1 and is_first_name(person.tokens[0]):
            fuller = [p for p in persons if len(p.tokens) > 1 and p.tokens[0] == person.tokens[0]]
            if len(fuller) == 1:
                fuller[0].mentions = sorted(fuller[0].mentions + person.mentions)
                continue
        kept.append(person)
    return kept


def _unrecognised_speakers(doc: Document, persons: list[Person]) -> list[Person]:
    """People named as a quote's speaker that spaCy did not type as persons ("Ham said", "PENCE:")."""
    found: dict[str, Person] = {}
    known = {t for p in persons for t in p.tokens}
    typed = {m for e in doc.entities if e.type != "PERSON" for m in e.mentions}
    for quote in doc.quotes:
        mention = quote.speaker.mention
        if mention is None or any(s <= mention[0] and mention[1] <= e for s, e in typed):
            continue
        raw = [w for w in words(doc.text[mention[0] : mention[1]]) if w.lower().strip(".") not in NAME_TITLES]
        if not 1 <= len(raw) <= 3 or not all(w[:1].isupper() for w in raw) or any(w.lower() in _NOT_NAMES for w in raw):
            continue
        key = name_key(" ".join(raw))
        if not key or key[-1] in known or key[-1] in found:
            continue
        name = " ".join(w.title() if w.isupper() else w for w in raw)
        found[key[-1]] = Person("name:" + key[-1], name, None, key, mentions=[mention])
    return list(found.values())


def _name_mentions(doc: Document, context: DocumentContext, persons: list[Person]) -> None:
    """Every place the text writes a person's surname, though spaCy missed it there ("Schiff called")."""
    by_surname: dict[str, list[Person]] = {}
    for person in persons:
        by_surname.setdefault(person.tokens[-1], []).append(person)
    taken = [m for p in persons for m in p.mentions]
    for surname, owners in by_surname.items():
        if len(surname) < 2:
            continue
        owner = max(owners, key=lambda p: len(p.mentions))
        pattern = re.compile(rf"\b(?i:{re.escape(surname)})\b")
        for segment in context.segments:
            if segment.kind not in ("title", "body", "heading", "caption"):
                continue
            for match in pattern.finditer(doc.text, segment.start, segment.end):
                start, end = match.span()
                if not doc.text[start].isupper() or any(s <= start < e for s, e in taken):
                    continue
                before = doc.text[max(segment.start, start - 30) : start].split()
                if (
                    before
                    and before[-1][:1].isupper()
                    and is_first_name(before[-1])
                    and (len(owner.tokens) < 2 or before[-1].lower() != owner.tokens[0])
                ):
                    continue  # another person of that name: "Chelsea Clinton"
                said = honorific_gender(doc.text[max(segment.start, start - 5) : start])
                known = first_name_gender(owner.tokens[0]) if len(owner.tokens) > 1 else None
                if said is not None and known is not None and said != known:
                    continue  # "Mrs. Trump" is not Donald Trump
                owner.mentions.append((start, end))
        owner.mentions.sort()


def _role_mentions(context: DocumentContext) -> None:
    """Definite role nouns that stand for a person named before: "the president", "The Republican nominee"."""
    for tok in context.tokens:
        token = tok.token
        if token.pos_ != "NOUN" or token.tag_ != "NN" or token.lemma_.lower() not in ROLE_NOUNS:
            continue
        if (
            token.dep_ == "compound"
            or token.ent_type_
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        ):
            continue
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
        affiliations = {c.text for c in token.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper()}
        person = context.person_with_role(token.lemma_.lower(), modifiers, tok.start, affiliations)
        if person is not None:
            det = next(c for c in token.children if c.dep_ == "det")
            person.role_mentions.append((tok.parse.offset + det.idx, tok.end))


def _gender(person: Person, doc: Document) -> str | None:
    # what the text says outright ("9/11 widow Terry Strada", "Mrs. Clinton") before what the name suggests
    for role in person.roles:
        gender = role_gender(role)
        if gender:
            return gender
    # a first name before honorifics: a surname found by string search may be a relative's ("Mrs. Trump")
    if len(person.tokens) >= 2 and is_first_name(person.tokens[0]):
        gender = first_name_gender(person.tokens[0])
        if gender:
            return gender
    for start, _ in person.mentions:
        gender = honorific_gender(doc.text[max(0, start - 5) : start])
        if gender:
            return gender
    # one word only: a first name the text never completes ("Melanie", "Kevin"), since a surname the text
    # gives alone would have a full name somewhere (full_name_in_text) or an honorific ("Mr. Scott")
    if len(person.tokens) == 1 and is_first_name(person.tokens[0]):
        gender = first_name_gender(person.tokens[0])
        if gender:
            return gender
    return None


def _appositions(person: Person, context: DocumentContext) -> list[str]:
    """Roles given beside a name between commas: "A spokesperson for Putin, Dmitry Peskov," and the reverse."""
    roles: list[str] = []
    for span in person.mentions:
        tokens = context.tokens_in(span)
        if not tokens:
            continue
        sent_doc = tokens[0].token.doc
        first, last = tokens[0].token.i, tokens[-1].token.i
        before = _phrase(sent_doc, first - 1, -1)
        after = _phrase(sent_doc, last + 1, 1)
        for phrase in (before, after):
            if phrase:
                roles.append(phrase)
    return roles


def _phrase(doc: Doc, comma_index: int, step: int) -> str | None:
    """The comma-delimited noun phrase beside a name, when its head is a role noun."""
    n = len(doc)
    if not 0 <= comma_index < n or doc[comma_index].text != ",":
        return None
    words: list[Token] = []
    i = comma_index + step
    while 0 <= i < n:
        tok = doc[i]
        if tok.is_punct or tok.pos_ in ("VERB", "AUX"):
            break
        words.append(tok)
        if len(words) > 8:
            return None
        if step < 0 and tok.is_sent_start:
            break
        i += step
    if step < 0:
        words.reverse()
    elif i >= n or doc[i].text not in (",", ".", ";", ")", "—"):
        return None  # "Peskov, a spokesperson for Putin said" is a mis-parse risk, not an apposition
    while words and words[0].pos_ in ("DET", "CCONJ", "ADP", "PRON"):
        words.pop(0)
    if not words or not any(w.pos_ == "NOUN" and w.lemma_.lower() in ROLE_NOUNS for w in words):
        return None
    return " ".join(w.text for w in words)
